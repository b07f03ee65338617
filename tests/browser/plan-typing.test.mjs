// The Plan of care at typing speed (issue 29 item 4), written as a person acts: Duplicate proposes the last date
// plus the last gap, Tab leaves a typed date, a mistyped year is said at its field, visits are added by rhythm,
// problems and alerts read in plain words, and the chart has its axes.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { resolve } from "node:path";
import { launch, openPage, pressAndRelease, root, screenshotPath, settled, siteDir } from "./browser.mjs";

let env;
before(async () => {
  env = await launch(siteDir);
});
after(async () => {
  await env?.close();
});

const SERVICES = [
  { code: "97110", minutes: 30 },
  { code: "97140", minutes: 15 },
];
const plan = (dates, extra = {}) => ({
  planOfCare: { discipline: "PT", start: "2026-01-05" },
  priorSpend: { ptSlp: 0, ot: 0 },
  visits: dates.map((d) => ({ dateOfService: d, services: SERVICES })),
  ...extra,
});
const link = (episode) => `#e=${Buffer.from(JSON.stringify(episode)).toString("base64url")}`;
const focused = (page) => page.evaluate(() => document.activeElement?.id ?? "");
const dates = (page) => page.$$eval(".plan-date", (inputs) => inputs.map((i) => i.value));

test("Duplicate proposes the last date plus the last gap; Tab leaves the typed date; a mistyped year is said at its field", async () => {
  const { context, page, seen } = await openPage(env, link(plan(["2026-01-05", "2026-01-07"])));
  await pressAndRelease(page, "#tab-plan");
  await pressAndRelease(page, "#plan-duplicate-visit");
  assert.deepEqual(await dates(page), ["01/05/2026", "01/07/2026", "01/09/2026"]);
  assert.match(await page.textContent("#plan-add-status"), /Added visit 3 on 01\/09\/2026, 2 days after the last/);
  // The proposed date is focused and selected: typing replaces it, and one Tab goes on to the codes.
  assert.equal(await focused(page), "plan-visit-2-date");
  await page.keyboard.type("1/12");
  await page.keyboard.press("Tab");
  assert.equal(await focused(page), "plan-visit-2-services");
  await settled(page);
  assert.equal(await page.locator(".plan-table tbody tr").count(), 3);
  assert.match(await page.textContent(".plan-table tbody tr:nth-child(3)"), /01\/12\/2026/);
  // Duplicate again: 01/12 came 5 days after 01/07, so 01/17.
  await pressAndRelease(page, "#plan-duplicate-visit");
  assert.equal((await dates(page))[3], "01/17/2026");

  // A mistyped year: said at the field, in the list of problems, and Duplicate says why it adds nothing.
  await page.keyboard.type("01/19/20226");
  await page.keyboard.press("Tab");
  await settled(page);
  const field = page.locator("#plan-visit-3-date");
  assert.equal(await field.getAttribute("aria-invalid"), "true");
  assert.match(await page.textContent("#plan-visit-3-date-error"), /the year 20226 has 5 digits/);
  assert.match(await page.textContent(".plan-problems"), /visit 4, date: the year 20226 has 5 digits/);
  await pressAndRelease(page, "#plan-duplicate-visit");
  assert.equal(await page.locator(".plan-visit").count(), 4);
  assert.match(await page.textContent("#plan-add-status"), /Duplicate: visit 4's date comes first: the year 20226/);
  assert.equal(await focused(page), "plan-visit-3-date");
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("01/19/2026");
  await page.keyboard.press("Tab");
  await settled(page);
  assert.equal(await field.getAttribute("aria-invalid"), null);
  assert.equal(await page.locator(".plan-table tbody tr").count(), 4);
  // The plan's own dates are typed the same way: the start shows as 01/05/2026, and its mistyped year is said there.
  assert.equal(await page.inputValue("#plan-start"), "01/05/2026");
  await page.locator("#plan-start").fill("1/5/20226");
  await page.keyboard.press("Tab");
  await settled(page);
  assert.equal(await page.getAttribute("#plan-start", "aria-invalid"), "true");
  assert.match(await page.textContent("#plan-start-error"), /the year 20226 has 5 digits/);
  assert.match(await page.textContent(".plan-problems"), /plan of care, start of care: the year 20226/);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test("a 12-visit plan of care in at most 15 steps: start, first visit, Mon/Wed/Fri for 4 weeks", async () => {
  const { context, page, seen } = await openPage(env);
  let steps = 0;
  const step = async (action) => {
    steps++;
    await action();
  };
  await step(() => pressAndRelease(page, "#tab-plan"));
  // The view starts on first opening (its module and the engine); a person sees its first visit before typing.
  await page.waitForSelector(".plan-visit");
  await step(() => page.locator("#plan-start").fill("1/5/26"));
  await step(() => page.locator("#plan-visit-0-date").fill("1/5/26"));
  await step(() => page.keyboard.press("Tab"));
  await step(() => page.keyboard.type("97110 30, 97140 15, 97112 15"));
  for (const day of ["Mon", "Wed", "Fri"]) {
    await step(() => pressAndRelease(page, `#plan-rhythm-days label:has-text("${day}") input`));
  }
  await step(() => page.locator("#plan-weeks").fill("4"));
  await step(() => page.keyboard.press("Enter"));
  await settled(page);
  assert.ok(steps <= 15, `${steps} steps`);
  console.log(`12-visit plan of care: ${steps} steps`);
  await page
    .locator(".plan-table tbody tr")
    .nth(11)
    .waitFor({ timeout: 10000 })
    .catch(async () => assert.fail(`no 12th row: ${await page.innerText("#plan-result")}`.slice(0, 600)));
  assert.equal(await page.locator(".plan-table tbody tr").count(), 12);
  assert.deepEqual(await dates(page), [
    "01/05/2026",
    "01/07/2026",
    "01/09/2026",
    "01/12/2026",
    "01/14/2026",
    "01/16/2026",
    "01/19/2026",
    "01/21/2026",
    "01/23/2026",
    "01/26/2026",
    "01/28/2026",
    "01/30/2026",
  ]);
  const services = await page.$$eval(".plan-services", (inputs) => [...new Set(inputs.map((i) => i.value))]);
  assert.deepEqual(services, ["97110 30, 97140 15, 97112 15"]);
  assert.match(await page.textContent("#plan-add-status"), /Added 11 visits, 01\/07\/2026 to 01\/30\/2026/);
  // Sums with thousands separators; the chart has a dollar axis and dates.
  const spend = await page.$$eval(".plan-table tbody tr td:nth-child(6)", (tds) => tds.map((t) => t.textContent));
  assert.match(spend.at(-1), /^\$\d,\d{3}\.\d\d$/);
  const axis = await page.$$eval("svg.spend-chart text.chart-axis", (ts) => ts.map((t) => t.textContent));
  assert.ok(
    axis.some((t) => /^\$\d{1,3}(,\d{3})*$/.test(t) && t !== "$0"),
    axis.join(" "),
  );
  assert.ok(axis.includes("01/05") && axis.includes("01/30"), axis.join(" "));
  await page.screenshot({ path: screenshotPath("plan-12-visits-desktop"), fullPage: true });
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test("problems and alerts in plain words: visits and services counted from 1, no JSON path or alert id in sight", async () => {
  const episode = plan(["2026-01-05", "2026-01-07"], { priorSpend: { ptSlp: 2400, ot: 0 } });
  const { context, page, seen } = await openPage(env, link(episode));
  await pressAndRelease(page, "#tab-plan");
  await page.waitForSelector(".plan-table tbody tr");
  // The KX alert reads as words in the table; its id is only an attribute.
  const shown = await page.innerText("#plan");
  assert.doesNotMatch(shown, /kx-threshold|medical-review|progress-report-due|recertification-due/);
  assert.match(shown, /KX threshold passed/);
  await page.locator("#plan-visit-1-services").fill("97110 30, 9711O 15");
  await page.keyboard.press("Tab");
  await settled(page);
  const problems = await page.innerText("#plan-result");
  assert.match(problems, /visit 2, service 2: unknown code "9711O".*did you mean 97110/);
  assert.doesNotMatch(problems, /\/visits\/|\/services\//);
  assert.equal(await page.getAttribute("#plan-visit-1-services", "aria-invalid"), "true");
  // The developer's view keeps the path, collapsed.
  await pressAndRelease(page, "#plan-result details.developer summary");
  assert.match(await page.innerText("#plan-result details.developer"), /\/visits\/1\/services\/1\/code/);
  await page.screenshot({ path: screenshotPath("plan-problems-desktop"), fullPage: true });
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test("axe finds no serious or critical violation in the Plan of care view, wide or narrow; phone screenshot", async () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    const context = await env.browser.newContext({ viewport, bypassCSP: true });
    const page = await context.newPage();
    const episode = plan(["2026-01-05", "2026-01-07", "2026-01-09", "2026-01-12"], {
      priorSpend: { ptSlp: 2200, ot: 0 },
    });
    await page.goto(`${env.origin}/${link(episode)}`);
    await page.waitForSelector("body[data-ready=true]");
    await page.click("#tab-plan");
    await page.waitForSelector(".plan-table tbody tr");
    await page.locator("#plan-visit-3-date").fill("01/14/20226");
    await page.keyboard.press("Tab");
    await settled(page);
    await page.screenshot({ path: screenshotPath(`plan-error-${viewport.width}`), fullPage: true });
    await page.locator("#plan-visit-3-date").fill("01/14/2026");
    await page.keyboard.press("Tab");
    await page.waitForSelector(".plan-table tbody tr");
    await page.screenshot({ path: screenshotPath(`plan-${viewport.width}`), fullPage: true });
    // Nothing wider than the screen: the visits table scrolls in its own box, the chart is drawn to the width.
    assert.ok(
      (await page.evaluate(() => document.documentElement.scrollWidth)) <= viewport.width,
      `the page scrolls sideways at ${viewport.width} px`,
    );
    await page.addScriptTag({ path: resolve(root, "node_modules/axe-core/axe.min.js") });
    const violations = await page.evaluate(async () =>
      (await window.axe.run(document.getElementById("plan"))).violations
        .filter((v) => ["serious", "critical"].includes(v.impact))
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`),
    );
    assert.deepEqual(violations, [], `at ${viewport.width} px`);
    await context.close();
  }
});
