// The card honest at a glance and links that never change silently (issue 29 items 3 and 5), as a person acts:
// copying is off, with its reason, while the visit has a problem; the units picture follows the rule in force; a
// link's unknown payer is an error naming it; a link's excluded service is kept and priced as the engine prices it.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { launch, openPage, pressAndRelease, root, screenshotPath, settled, siteDir, visitLink } from "./browser.mjs";
import { cliPath } from "../node/paths.mjs";

let env;
before(async () => {
  env = await launch(siteDir);
});
after(async () => {
  await env?.close();
});

const VISIT = {
  dateOfService: "2026-05-04",
  discipline: "PT",
  services: [
    { code: "97110", minutes: 38 },
    { code: "97140", minutes: 15 },
    { code: "97112", minutes: 10 },
  ],
};
const native = (visit) =>
  JSON.parse(spawnSync(cliPath, ["evaluate", "-"], { input: JSON.stringify(visit), encoding: "utf8" }).stdout);
const linked = (page) =>
  page.evaluate(() => {
    const b = location.hash.slice(3).replace(/-/g, "+").replace(/_/g, "/");
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(b), (c) => c.charCodeAt(0))));
  });
const stubClipboard = (page) =>
  page.evaluate(() => {
    navigator.clipboard.writeText = async (text) => {
      window.copied = text;
    };
  });

test("copy is off, with its reason, while a field has an error: minutes −5 copies nothing; fixed, it copies the visit's lines", async () => {
  const { context, page, seen } = await openPage(env, visitLink(VISIT));
  await stubClipboard(page);
  const minutes = page.locator("#service-rows .service >> nth=0").locator("input.minutes");
  await minutes.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("-5");
  await pressAndRelease(page, "#copy-lines");
  assert.equal(await page.evaluate(() => window.copied ?? "nothing"), "nothing");
  assert.equal(await page.locator("#copy-lines").isDisabled(), true);
  assert.doesNotMatch(await page.textContent("#copy-lines"), /Copied/);
  assert.match(await page.textContent("#copy-off-why"), /Copying is off: the visit has 1 problem to fix/);
  assert.match(await page.textContent("#card-toggle .status"), /Out of date/);
  await page.screenshot({ path: screenshotPath("card-copy-off-desktop") });
  // Fixed: the button is back, and copies this visit's lines.
  await minutes.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("30");
  // The card redraws with the button back: a person presses the button they see, not the one being replaced.
  await settled(page);
  await page.waitForSelector("#copy-lines:not([disabled])");
  await pressAndRelease(page, "#copy-lines");
  assert.match(await page.evaluate(() => window.copied ?? "nothing"), /^97110\tGP\t2 units\t/);
  assert.equal(await page.textContent("#copy-lines"), "Copied 3 claim lines");
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test("copy is off while a service waits for its question (which plan): the lines would miss it; answered, it copies all", async () => {
  const { context, page, seen } = await openPage(
    env,
    visitLink({ ...VISIT, services: [{ code: "97110", minutes: 20 }] }),
  );
  await stubClipboard(page);
  await pressAndRelease(page, "#add-service");
  await page.keyboard.type("97165");
  await page.keyboard.press("Tab");
  await settled(page);
  assert.equal(await page.locator("#copy-lines").isDisabled(), true);
  assert.match(await page.textContent("#copy-off-why"), /1 service waits for your answer to its question/);
  await pressAndRelease(page, '#service-rows .plan-question button:has-text("Bill under an OT plan of care")');
  await pressAndRelease(page, "#copy-lines");
  assert.match(await page.evaluate(() => window.copied ?? "nothing"), /^97110\tGP\t.*\n97165\tGO\t/);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test("the units picture follows the rule: Medicare's pooled minutes, per-code ticks only under a per-code payer", async () => {
  const { context, page, seen } = await openPage(env, visitLink(VISIT));
  const picture = () =>
    page.$eval("#result-body .units-picture", (f) => ({
      rule: f.dataset.rule,
      bars: [...f.querySelectorAll(".bar-row .bar-code")].map((c) => c.textContent),
      ticks: f.querySelectorAll(".eight").length,
    }));
  // 38 + 15 + 10 = 63 minutes in one pool: 5 boxes, so 5 ticks, none per code.
  assert.deepEqual(await picture(), { rule: "total-time", bars: ["Total"], ticks: 5 });
  assert.match(await page.textContent("#result-body .pool-shares"), /97110 38 min → \d units/);
  await page.screenshot({ path: screenshotPath("units-pooled-desktop") });
  await page.focus("#payer");
  await page.selectOption("#payer", "commercial-per-code");
  await settled(page);
  // 38 → 3 boxes, 15 → 1, 10 → 1: each code's own bar, ticked.
  assert.deepEqual(await picture(), { rule: "per-code", bars: ["97110", "97140", "97112"], ticks: 5 });
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test("a link's unknown payer is an error naming it: not priced with this browser's custom plan, and kept in the link", async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const first = await context.newPage();
  await first.goto(`${env.origin}/`);
  await first.evaluate(() =>
    localStorage.setItem("unitwise.customPayer", '{"name": "My plan", "unitRule": "per_code"}'),
  );
  await first.close();
  // The link opened in a new tab, as a person opens a link sent to them.
  const page = await context.newPage();
  await page.goto(`${env.origin}/${visitLink({ ...VISIT, payer: "acme-health" })}`);
  await page.waitForSelector("body[data-ready=true]");
  await settled(page);
  assert.equal(await page.inputValue("#payer"), "acme-health");
  assert.match(await page.textContent("#payer option:checked"), /"acme-health": not a payer this page knows/);
  assert.equal(await page.getAttribute("#payer", "aria-invalid"), "true");
  assert.match(await page.textContent("#visit-form"), /unknown payer "acme-health"/);
  assert.equal(await page.locator("#claim-card .card-lines li").count(), 0);
  assert.equal((await linked(page)).payer, "acme-health");
  await page.screenshot({ path: screenshotPath("link-unknown-payer-desktop") });
  await context.close();
});

test("a link with an excluded service keeps it: the row says so, the patient owes what the engine says, the link keeps it", async () => {
  const visit = {
    ...VISIT,
    services: [
      { code: "97110", minutes: 30 },
      { code: "97140", minutes: 15, excluded: true },
    ],
  };
  const expected = native(visit);
  assert.equal(expected.ok, true);
  const { context, page, seen } = await openPage(env, visitLink(visit));
  const owes = async () => /patient owes (\$[\d,]+\.\d\d)/.exec(await page.textContent("#summary"))?.[1];
  assert.equal(await owes(), `$${expected.fee.patientOwes.toFixed(2)}`);
  assert.match(await page.textContent("#service-rows .service >> nth=1"), /From the link: excluded by law \(GY\)/);
  // An edit elsewhere keeps it: the link still holds it, and the figures still are the engine's.
  const minutes = page.locator("#service-rows .service >> nth=0").locator("input.minutes");
  await minutes.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("38");
  await page.keyboard.press("Tab");
  await settled(page);
  const after = { ...visit, services: [{ code: "97110", minutes: 38 }, visit.services[1]] };
  assert.equal((await linked(page)).services[1].excluded, true);
  assert.equal(await owes(), `$${native(after).fee.patientOwes.toFixed(2)}`);
  await page.screenshot({ path: screenshotPath("link-excluded-desktop") });
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test("axe finds no serious or critical violation in the calculator with copying off or an unknown payer, wide or narrow", async () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    const context = await env.browser.newContext({ viewport, bypassCSP: true });
    const page = await context.newPage();
    const bad = { ...VISIT, payer: "acme-health", services: [{ code: "97110", minutes: 38, excluded: true }] };
    await page.goto(`${env.origin}/${visitLink(VISIT)}`);
    await page.waitForSelector("body[data-ready=true]");
    await page.locator("#service-rows .service >> nth=0").locator("input.minutes").fill("-5");
    await settled(page);
    if (viewport.width < 600) await page.click("#card-toggle");
    await page.screenshot({ path: screenshotPath(`card-copy-off-${viewport.width}`), fullPage: true });
    await page.addScriptTag({ path: resolve(root, "node_modules/axe-core/axe.min.js") });
    const run = () =>
      page.evaluate(async () =>
        (await window.axe.run(document.getElementById("calculator"))).violations
          .filter((v) => ["serious", "critical"].includes(v.impact))
          .map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`),
      );
    assert.deepEqual(await run(), [], `copy off at ${viewport.width} px`);
    await page.goto(`${env.origin}/${visitLink(bad)}`);
    await page.waitForSelector("body[data-ready=true]");
    await settled(page);
    await page.screenshot({ path: screenshotPath(`link-unknown-payer-${viewport.width}`), fullPage: true });
    await page.addScriptTag({ path: resolve(root, "node_modules/axe-core/axe.min.js") });
    assert.deepEqual(await run(), [], `unknown payer at ${viewport.width} px`);
    await context.close();
  }
});

test("a plan-of-care link keeps what its form has no field for: an excluded service is priced as the engine prices it, after an edit too", async () => {
  const episode = {
    planOfCare: { discipline: "PT", start: "2026-03-02" },
    priorSpend: { ptSlp: 0, ot: 0 },
    setting: "nonfacility",
    visits: [
      { dateOfService: "2026-03-02", services: [{ code: "97110", minutes: 30 }] },
      {
        dateOfService: "2026-03-04",
        services: [
          { code: "97110", minutes: 30 },
          { code: "97140", minutes: 15, excluded: true },
        ],
      },
    ],
  };
  const cli = (e) =>
    JSON.parse(spawnSync(cliPath, ["episode", "-"], { input: JSON.stringify(e), encoding: "utf8" }).stdout);
  const expected = cli(episode);
  assert.equal(expected.ok, true);
  const link = `#e=${Buffer.from(JSON.stringify(episode)).toString("base64url")}`;
  const { context, page, seen } = await openPage(env, link);
  await pressAndRelease(page, "#tab-plan");
  await page.waitForSelector(".plan-table tbody tr");
  // Allowed and patient owes per visit: the excluded 97140 (GY) is the patient's, so it changes what they owe.
  const allowed = () =>
    page.$$eval(".plan-table tbody tr", (rows) =>
      rows.map((r) => `${r.cells[3].textContent} ${r.cells[4].textContent}`),
    );
  const money = (n) => `$${n.toFixed(2)}`;
  assert.deepEqual(
    await allowed(),
    expected.visits.map((v) => `${money(v.fee.allowed)} ${money(v.fee.patientOwes)}`),
  );
  assert.match(
    await page.innerText("#plan-visits li:nth-child(2)"),
    /Kept from the link: service 2 \(97140\): excluded by law \(GY\)/,
  );
  // An edit to visit 1 keeps visit 2's excluded service, in the figures and in the link.
  await page.locator("#plan-visit-0-services").fill("97110 38");
  await page.keyboard.press("Tab");
  await settled(page);
  const edited = {
    ...episode,
    visits: [{ ...episode.visits[0], services: [{ code: "97110", minutes: 38 }] }, episode.visits[1]],
  };
  assert.deepEqual(
    await allowed(),
    cli(edited).visits.map((v) => `${money(v.fee.allowed)} ${money(v.fee.patientOwes)}`),
  );
  const kept = await page.evaluate(() => {
    const b = location.hash.slice(3).replace(/-/g, "+").replace(/_/g, "/");
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(b), (c) => c.charCodeAt(0))));
  });
  assert.equal(kept.visits[1].services[1].excluded, true);
  assert.equal(kept.setting, "nonfacility");
  assert.deepEqual(seen.errors, []);
  await context.close();
});
