// The calculator as a clinician, biller or student uses it, in a real browser (Debian chromium).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { resolve } from "node:path";
import {
  launch,
  openPage,
  pressAndRelease,
  root,
  screenshotPath,
  settled,
  siteDir,
  tableLines,
  visitLink,
} from "./browser.mjs";
import { checkVector, readVector, vectorFiles } from "../node/vector-matcher.mjs";

let env;
before(async () => {
  env = await launch(siteDir);
});
after(async () => {
  await env?.close();
});

// A PT visit of 4 May 2026 with these services, opened from its link.
const openPT = (services) => openPage(env, visitLink({ dateOfService: "2026-05-04", discipline: "PT", services }));
const row = (page, i) => page.locator("#service-rows .service").nth(i);
const unitsOf = async (page) => (await tableLines(page)).map((l) => `${l.code}x${l.units}`);

test("done means: 24 min 97112 + 23 min 97110 (PT) bill 97112 x2 and 97110 x1 with GP, explained, with checklist and dollars", async () => {
  const { context, page, seen } = await openPage(env);
  await page.click("#reset");
  await row(page, 0).locator("input.code").fill("97112");
  await row(page, 0).locator("input.minutes").fill("24");
  await row(page, 1).locator("input.code").fill("97110");
  await row(page, 1).locator("input.minutes").fill("23");
  await page.check("#explain");
  const lines = await tableLines(page);
  assert.deepEqual(
    lines.map(({ code, units, modifiers }) => ({ code, units, modifiers })),
    [
      { code: "97112", units: 2, modifiers: ["GP"] },
      { code: "97110", units: 1, modifiers: ["GP"] },
    ],
  );
  assert.ok(lines.every((l) => l.allowed > 0));
  assert.deepEqual(await page.$$eval("table.claim-lines thead th", (ths) => ths.map((th) => th.textContent)), [
    "Code",
    "Units",
    "Modifiers",
    "Allowed",
  ]);
  assert.match(await page.textContent("table.claim-lines caption"), /Claim lines/);
  assert.match(
    await page.textContent(".explain"),
    /97112 got leftover unit 1 of 1: its 9 leftover minutes beat 97110's 8/,
  );
  assert.match(await page.textContent(".explain"), /MCPM 100-04 ch\.5 §20\.2/);
  assert.match(
    await page.textContent(".explain"),
    /97112: GP because it is furnished under the physical therapy plan of care/,
  );
  assert.ok((await page.locator(".checklist input[type=checkbox]").count()) >= 7);
  assert.match(
    await page.textContent("#summary"),
    /^3 units on 2 lines .* Medicare pays \$\d+\.\d\d, patient owes \$\d+\.\d\d\.$/,
  );
  assert.match(await page.textContent("table.fee"), /Patient owes\$\d+\.\d\d/);
  assert.equal(await page.getAttribute("#summary", "aria-live"), "polite");
  await page.screenshot({ path: screenshotPath("explain"), fullPage: true });
  assert.deepEqual(seen.errors, []);
  await context.close();
});

const FORM_SERVICE_KEYS = ["code", "minutes", "assistantMinutes", "discipline"];

// Every shared vector the form can express (Medicare total time, one plan of care) through a #v= link:
// the claim-lines table must hold the expected units, lines and allowed amounts.
test("shared vectors: each single-discipline CMS vector's link shows its expected claim lines", async (t) => {
  const { context, page } = await openPage(env);
  let checked = 0;
  for (const file of vectorFiles(resolve(root, "tests/vectors"))) {
    const vector = readVector(file);
    const { visit, expect } = vector;
    const keys = ["units", "unitsAnyOf", "lines", "linesAnyOf", "lineAllowed"].filter((k) => k in expect);
    const oneDiscipline = visit?.services?.every((s) => !s.discipline || s.discipline === visit.discipline);
    // The form has no ABN, exclusion, distinct-service, place-of-service or payer fields yet (issue 11's page part).
    const formFields =
      visit?.services?.every((s) => Object.keys(s).every((k) => FORM_SERVICE_KEYS.includes(k))) &&
      !("placeOfService" in visit) &&
      !("payer" in visit);
    if (
      !expect.ok ||
      !keys.length ||
      "rawVisit" in vector ||
      (visit.ruleSet ?? "cms") !== "cms" ||
      !oneDiscipline ||
      !formFields
    )
      continue;
    await page.evaluate((hash) => {
      location.hash = hash;
    }, visitLink(visit));
    const lines = await tableLines(page);
    const fails = checkVector(
      { expect: Object.fromEntries(keys.map((k) => [k, expect[k]])) },
      { ok: true, lines, warnings: [], errors: [], edits: [], checklist: [] },
    );
    assert.deepEqual(fails, [], `${vector.id}: ${JSON.stringify(lines)}`);
    checked++;
  }
  t.diagnostic(`checked ${checked} vectors`);
  assert.ok(checked >= 60, `checked ${checked} vectors`);
  await context.close();
});

test("a link reproduces the visit, editing updates the address, and a locality can be typed by name", async () => {
  const visit = {
    dateOfService: "2026-05-04",
    discipline: "OT",
    locality: "13202-01",
    services: [
      { code: "97530", minutes: 30, assistantMinutes: 15 },
      { code: "97535", minutes: 10 },
    ],
  };
  const { context, page } = await openPage(env, visitLink(visit));
  assert.equal(await page.inputValue("#discipline"), "OT");
  assert.equal(await page.inputValue("#locality"), "MANHATTAN, NY");
  assert.deepEqual(
    (await tableLines(page)).map(({ code, units, modifiers }) => ({ code, units, modifiers })),
    [
      { code: "97530", units: 1, modifiers: ["GO"] },
      { code: "97530", units: 1, modifiers: ["GO", "CO"] },
      { code: "97535", units: 1, modifiers: ["GO"] },
    ],
  );
  await row(page, 1).locator("input.minutes").fill("4");
  await settled(page);
  const copy = await context.newPage();
  await copy.goto(page.url());
  await copy.waitForSelector("body[data-ready=true]");
  assert.equal(await row(copy, 1).locator("input.minutes").inputValue(), "4");
  await page.fill("#locality", "manhattan");
  await settled(page);
  assert.match(await page.textContent(".visit-line"), /MANHATTAN/);
  await context.close();
});

test("keyboard only: add a row, find a code by words, type minutes, remove the row", async () => {
  const { context, page } = await openPT([{ code: "97110", minutes: 20 }]);
  await page.focus("#add-service");
  await page.keyboard.press("Enter");
  await page.keyboard.type("gait");
  await page.waitForSelector("[role=listbox]:not([hidden]) [role=option]");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.value), "97116");
  await page.keyboard.press("Tab");
  await page.keyboard.type("25");
  // 20 + 25 = 45 min → 3 units; 97116's 10 leftover minutes beat 97110's 5.
  assert.deepEqual(await unitsOf(page), ["97110x1", "97116x2"]);
  for (let i = 0; i < 3; i++) await page.keyboard.press("Tab"); // assistant, plan, Remove
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Remove");
  await page.keyboard.press("Enter");
  assert.deepEqual(await unitsOf(page), ["97110x1"]);
  assert.equal(await page.evaluate(() => document.activeElement.className), "code"); // focus stays in the list
  await context.close();
});

test("a bad field is marked invalid with its message beside it; the last result stays, marked out of date", async () => {
  const { context, page } = await openPT([{ code: "97110", minutes: 20 }]);
  await page.click("#add-service"); // a blank row is not an error
  await settled(page);
  assert.equal(await page.locator("[aria-invalid]").count(), 0);
  await row(page, 0).locator("input.minutes").fill("-5");
  await page.waitForSelector("input.minutes[aria-invalid=true]");
  const describedBy = await row(page, 0).locator("input.minutes").getAttribute("aria-describedby");
  assert.match(await page.textContent(`#${describedBy}`), /between 0 and 1440/);
  assert.match(await page.textContent("#summary"), /1 problem to fix/);
  assert.match(await page.textContent(".stale-note"), /Out of date/);
  await context.close();
});

test("the footer names the newest data releases the engine holds", async () => {
  const { context, page } = await openPT([{ code: "97110", minutes: 20 }]);
  const footer = await page.textContent("#data-versions");
  assert.doesNotMatch(footer, /undefined/);
  assert.match(footer, /relative values CY\d{4}/);
  assert.match(footer, /NCCI PTP/);
  await context.close();
});

test("a date without a loaded fee schedule is evaluated, and the page says which year's rates it used", async () => {
  const { context, page } = await openPT([{ code: "97110", minutes: 20 }]);
  await page.fill("#dateOfService", "2024-05-04");
  await page.waitForSelector(".alert.warning >> text=No Medicare fee schedule for 2024");
  assert.equal(await page.locator("#dateOfService[aria-invalid=true]").count(), 0);
  assert.match(await page.textContent("#summary"), /estimated at 2025 rates/);
  assert.deepEqual(await unitsOf(page), ["97110x1"]);
  await context.close();
});

test("a tie is offered as a choice; choosing moves the unit and keeps the choice in the link", async () => {
  const { context, page } = await openPT([
    { code: "97112", minutes: 20 },
    { code: "97110", minutes: 20 },
  ]);
  assert.deepEqual(await unitsOf(page), ["97112x2", "97110x1"]);
  await page.check(".tie input[value='97110']");
  assert.deepEqual(await unitsOf(page), ["97112x1", "97110x2"]);
  assert.equal(await page.evaluate(() => document.activeElement.value), "97110"); // focus survives the redraw
  const copy = await context.newPage();
  await copy.goto(page.url());
  await copy.waitForSelector("body[data-ready=true]");
  assert.deepEqual(await unitsOf(copy), ["97112x1", "97110x2"]);
  await context.close();
});

test("side by side: Medicare total time and per-code units and dollars for the same visit", async () => {
  const { context, page } = await openPT([
    { code: "97112", minutes: 24 },
    { code: "97110", minutes: 23 },
  ]);
  await page.check("#compare");
  await page.waitForSelector("table.compare");
  const cells = (part) =>
    page.$$eval(`table.compare ${part} tr`, (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  assert.deepEqual(await cells("tbody"), [
    ["97112", "2", "2", "0"],
    ["97110", "1", "2", "+1"],
  ]);
  assert.deepEqual(
    (await cells("tfoot")).map((r) => r[0]),
    ["Allowed", "Medicare pays", "Patient owes"],
  );
  assert.ok((await cells("tfoot")).every((r) => r.slice(1).every((c) => /^−?\$\d+\.\d\d$/.test(c))));
  await context.close();
});

test("a checklist box clicked right after typing minutes is ticked: leaving the field does not redraw it away", async () => {
  const { context, page } = await openPT([{ code: "97110", minutes: 20 }]);
  await row(page, 0).locator("input.minutes").fill("30");
  await settled(page);
  await pressAndRelease(page, "#check-signature");
  assert.equal(await page.isChecked("#check-signature"), true);
  await context.close();
});

test("a checklist box clicked right after changing a code is ticked; a half-typed code left counts as before", async () => {
  const { context, page } = await openPT([
    { code: "97110", minutes: 20 },
    { code: "97140", minutes: 15 },
  ]);
  await row(page, 0).locator("input.code").fill("97112");
  await settled(page);
  await pressAndRelease(page, "#check-signature");
  assert.equal(await page.isChecked("#check-signature"), true);
  await row(page, 1).locator("input.code").fill("971");
  await settled(page);
  assert.equal(await page.locator("input.code[aria-invalid=true]").count(), 0); // still being typed
  await pressAndRelease(page, "#check-signature"); // leaving "971" makes it an error: that redraw is wanted
  await page.waitForSelector("input.code[aria-invalid=true]");
  await context.close();
});

test("checklist ticks survive a change of minutes", async () => {
  const { context, page } = await openPT([{ code: "97110", minutes: 20 }]);
  await page.check("#check-signature");
  await row(page, 0).locator("input.minutes").fill("30");
  await settled(page);
  assert.equal(await page.isChecked("#check-signature"), true);
  await context.close();
});
