// The Plan of care view (issue 12): an episode from its link gives the same alerts and KX crossing as the native
// CLI, the chart marks the crossings, visits can be added, duplicated, removed and opened, and the plan is kept.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { launch, openPage, siteDir, tableLines } from "./browser.mjs";
import { cliPath } from "../node/paths.mjs";

let env;
before(async () => {
  env = await launch(siteDir);
});
after(async () => {
  await env?.close();
});

const addDays = (iso, n) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);

// The 20-visit PT episode of the C++ suite: prior spend, a progress report at visit 7, certified through mid-February.
function twentyVisits() {
  const visits = [];
  let date = "2026-01-05";
  for (let i = 0; i < 20; i++) {
    if (i > 0) date = addDays(date, i % 3 === 0 ? 3 : 2);
    const v = {
      dateOfService: date,
      services: [
        { code: "97110", minutes: 30 },
        { code: "97140", minutes: 23 },
        { code: "97112", minutes: 15 },
      ],
    };
    if (i === 6) v.progressReport = true;
    visits.push(v);
  }
  return {
    planOfCare: { discipline: "PT", start: "2026-01-05", certifiedThrough: "2026-02-15" },
    priorSpend: { ptSlp: 1800, ot: 0 },
    visits,
  };
}

const link = (episode) => `#e=${Buffer.from(JSON.stringify(episode)).toString("base64url")}`;

test("a 20-visit episode from its link: the alerts, the KX crossing and the chart are the native engine's", async () => {
  const episode = twentyVisits();
  const native = JSON.parse(
    spawnSync(cliPath, ["episode", "-"], { input: JSON.stringify(episode), encoding: "utf8" }).stdout,
  );
  assert.equal(native.ok, true);
  const { context, page, seen } = await openPage(env, link(episode));
  await page.waitForSelector(".plan-table tbody tr");
  assert.equal(await page.locator(".plan-table tbody tr").count(), 20);
  const shown = await page.$$eval(".plan-alerts li", (items) =>
    items.map((li) => ({ kind: li.dataset.kind, text: li.textContent })),
  );
  assert.deepEqual(
    shown.map((a) => a.kind),
    native.alerts.map((a) => a.kind),
  );
  native.alerts.forEach((a, i) => assert.ok(shown[i].text.includes(a.message), a.kind));
  assert.deepEqual(
    native.alerts.map((a) => a.kind).sort(),
    ["kx-threshold", "medical-review", "progress-report-due", "recertification-due"].sort(),
  );
  // The chart marks the KX and review crossings at the engine's visits.
  const marks = await page.$$eval("svg.spend-chart circle", (cs) =>
    cs.map((c) => [c.getAttribute("class"), Number(c.dataset.visit)]),
  );
  assert.deepEqual(
    marks,
    native.alerts
      .filter((a) => a.kind === "kx-threshold" || a.kind === "medical-review")
      .map((a) => [`chart-cross ${a.kind}`, a.visit]),
  );
  assert.match(await page.getAttribute("svg.spend-chart", "aria-label"), /KX crossed at visit \d+/);
  assert.match(await page.textContent(".due-dates"), /Recertify by 02\/15\/2026/);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test("visits are added, duplicated and removed; a visit opens in the calculator with the spend before it; the plan is kept", async () => {
  const { context, page } = await openPage(env, link(twentyVisits()));
  await page.waitForSelector(".plan-table tbody tr");
  await page.click("#plan-duplicate-visit");
  await page.waitForFunction(() => document.querySelectorAll(".plan-table tbody tr").length === 21);
  await page.locator(".plan-visit").nth(0).locator("button.remove").click();
  await page.waitForFunction(() => document.querySelectorAll(".plan-table tbody tr").length === 20);
  await page.click("#plan-add-visit");
  assert.equal(await page.locator(".plan-visit").count(), 21);
  // Visit 20 (index 19, past KX) opens as a single visit: KX on its lines, as in the plan.
  await page.locator(".plan-visit").nth(18).locator("button.open-visit").click();
  await page.waitForSelector("#calculator:not([hidden])");
  const lines = await tableLines(page);
  assert.ok(
    lines.some((l) => l.modifiers.includes("KX")),
    JSON.stringify(lines),
  );
  // Kept in this browser: a fresh page without a link offers the same plan.
  const again = await context.newPage();
  await again.goto(env.origin + "/");
  await again.waitForSelector("body[data-ready=true]");
  await again.click("#tab-plan");
  await again.waitForSelector(".plan-visit");
  assert.equal(await again.locator(".plan-visit").count(), 21);
  await context.close();
});
