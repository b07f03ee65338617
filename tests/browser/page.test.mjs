// The page as a student or biller uses it, in a real browser (Debian chromium).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { launch, watchedPage } from "./browser.mjs";
import { checkVector, readVector, vectorFiles } from "../node/vector-matcher.mjs";
import { encodeVisitForTest } from "./visit-link.mjs";

const root = resolve(import.meta.dirname, "../..");
const siteDir = resolve(root, process.env.UNITWISE_WEB_DIR ?? "build/web");
const shots = resolve(root, "build/screenshots");
mkdirSync(shots, { recursive: true });
let env;

before(async () => { env = await launch(siteDir); });
after(async () => { await env?.close(); });

async function open(hash = "", viewport = { width: 1280, height: 900 }) {
  const context = await env.browser.newContext({ viewport });
  const { page, seen } = await watchedPage(context);
  await page.goto(`${env.origin}/${hash}`);
  await page.waitForSelector("body[data-ready=true]");
  return { context, page, seen };
}

// The claim-lines table as {code, units, modifiers} rows (what a user reads).
async function tableLines(page) {
  await page.waitForFunction(() => document.querySelector("table.claim-lines") || document.querySelector("[aria-invalid]"));
  return page.$$eval("table.claim-lines tbody tr", (rows) => rows.map((r) => {
    const cells = [...r.cells].map((c) => c.textContent.trim());
    return { code: cells[0], units: Number(cells[1]), modifiers: cells[2] ? cells[2].split(" ") : [] };
  }));
}

const visitLink = (visit) => `#v=${encodeVisitForTest(visit)}`;

test("the done-means scenario: 24 min 97112 + 23 min 97110 gives 3 units, GP, the why, checklist and dollars", async () => {
  const { context, page, seen } = await open();
  await page.click("#reset");
  const rows = page.locator("#service-rows .service");
  await rows.nth(0).locator("input.code").fill("97112");
  await rows.nth(0).locator("input.minutes").fill("24");
  await rows.nth(1).locator("input.code").fill("97110");
  await rows.nth(1).locator("input.minutes").fill("23");
  await page.check("#explain");
  await page.waitForTimeout(100);
  assert.deepEqual(await tableLines(page), [{ code: "97112", units: 2, modifiers: ["GP"] }, { code: "97110", units: 1, modifiers: ["GP"] }]);
  const headers = await page.$$eval("table.claim-lines thead th", (ths) => ths.map((th) => th.textContent));
  assert.deepEqual(headers.slice(0, 3), ["Code", "Units", "Modifiers"]);
  assert.match(await page.textContent("table.claim-lines caption"), /Claim lines/);
  assert.match(await page.textContent(".trace"), /97112 got leftover unit 1 of 1: its 9 leftover minutes beat 97110's 8/);
  assert.ok(await page.locator(".checklist input[type=checkbox]").count() >= 7);
  assert.match(await page.textContent("#summary"), /Medicare pays \$\d+\.\d\d/);
  assert.match(await page.textContent("table.fee"), /Patient owes\$\d+\.\d\d/);
  await page.screenshot({ path: `${shots}/explain.png`, fullPage: true });
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test("shared vectors: a #v= link of each CMS vector shows the expected claim lines", async () => {
  const files = vectorFiles(resolve(root, "tests/vectors")).filter((f) => /\/(units|assistant|edge)\//.test(f));
  const { context, page } = await open();
  let checked = 0;
  for (const file of files) {
    const vector = readVector(file);
    const keys = ["units", "unitsAnyOf", "lines", "linesAnyOf"].filter((k) => k in vector.expect);
    if (!vector.expect.ok || !keys.length || "rawVisit" in vector) continue;
    await page.evaluate((h) => { location.hash = h; }, visitLink(vector.visit));
    await page.waitForTimeout(30);
    const lines = await tableLines(page);
    const expect = Object.fromEntries(keys.map((k) => [k, vector.expect[k]]));
    const fails = checkVector({ expect }, { ok: true, lines, warnings: [], errors: [], edits: [], checklist: [] });
    assert.deepEqual(fails, [], `${vector.id}: ${JSON.stringify(lines)}`);
    checked++;
  }
  assert.ok(checked >= 60, `checked ${checked} vectors`);
  await context.close();
});

test("a link reproduces the visit, and editing updates the address", async () => {
  const visit = { dateOfService: "2026-05-04", discipline: "OT", locality: "13202-01",
                  services: [{ code: "97530", minutes: 30, assistantMinutes: 15 }, { code: "97535", minutes: 10 }] };
  const { context, page } = await open(visitLink(visit));
  assert.equal(await page.inputValue("#discipline"), "OT");
  assert.equal(await page.inputValue("#locality"), "13202-01");
  assert.deepEqual(await tableLines(page), [
    { code: "97530", units: 1, modifiers: ["GO"] }, { code: "97530", units: 1, modifiers: ["GO", "CO"] },
    { code: "97535", units: 1, modifiers: ["GO"] }]);
  await page.locator("#service-rows .service").nth(1).locator("input.minutes").fill("4");
  await page.waitForTimeout(100);
  const { page: copy } = await watchedPage(context);
  await copy.goto(page.url());
  await copy.waitForSelector("body[data-ready=true]");
  assert.equal(await copy.locator("#service-rows .service").nth(1).locator("input.minutes").inputValue(), "4");
  await context.close();
});

test("the page makes no request to any other origin and logs no error", async () => {
  const { context, page, seen } = await open();
  await page.check("#compare");
  await page.click("#tab-practice");
  await page.click("#practice-check");
  await page.waitForTimeout(200);
  const foreign = seen.requests.filter((u) => !u.startsWith(env.origin) && !u.startsWith("data:"));
  assert.deepEqual(foreign, []);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test("keyboard only: add a row, find a code by words, type minutes, remove the row", async () => {
  const { context, page } = await open(visitLink({ dateOfService: "2026-05-04", discipline: "PT", services: [{ code: "97110", minutes: 20 }] }));
  await page.focus("#add-service");
  await page.keyboard.press("Enter");
  await page.keyboard.type("gait");
  await page.waitForSelector("[role=listbox]:not([hidden]) [role=option]");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.value), "97116");
  await page.keyboard.press("Tab");
  await page.keyboard.type("25");
  await page.waitForTimeout(100);
  // 20 + 25 = 45 min → 3 units; 97116's 10 leftover minutes beat 97110's 5.
  assert.deepEqual((await tableLines(page)).map((l) => `${l.code}x${l.units}`), ["97110x1", "97116x2"]);
  const remove = page.locator("#service-rows .service").nth(1).locator("button.remove");
  await remove.focus();
  await page.keyboard.press("Enter");
  await page.waitForTimeout(100);
  assert.deepEqual((await tableLines(page)).map((l) => `${l.code}x${l.units}`), ["97110x1"]);
  await context.close();
});

test("a bad field is marked invalid with its message next to it", async () => {
  const { context, page } = await open(visitLink({ dateOfService: "2026-05-04", discipline: "PT", services: [{ code: "97110", minutes: 20 }] }));
  await page.locator("input.minutes").first().fill("-5");
  await page.waitForSelector("input.minutes[aria-invalid=true]");
  const describedBy = await page.getAttribute("input.minutes", "aria-describedby");
  assert.match(await page.textContent(`#${describedBy}`), /between 0 and 1440/);
  assert.match(await page.textContent("#summary"), /problem/);
  await context.close();
});

test("a tie is offered as a choice, and choosing moves the unit", async () => {
  const { context, page } = await open(visitLink({ dateOfService: "2026-05-04", discipline: "PT",
                                                   services: [{ code: "97112", minutes: 20 }, { code: "97110", minutes: 20 }] }));
  assert.deepEqual((await tableLines(page)).map((l) => l.units), [2, 1]);
  await page.check(".tie input[value='97110']");
  await page.waitForTimeout(100);
  assert.deepEqual((await tableLines(page)).map((l) => l.units), [1, 2]);
  await context.close();
});

test("side by side: Medicare total time against per-code units for the same visit", async () => {
  const { context, page } = await open(visitLink({ dateOfService: "2026-05-04", discipline: "PT",
                                                   services: [{ code: "97112", minutes: 24 }, { code: "97110", minutes: 23 }] }));
  await page.check("#compare");
  await page.waitForSelector("table.compare");
  const rows = await page.$$eval("table.compare tbody tr", (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  assert.deepEqual(rows, [["97112", "2", "2"], ["97110", "1", "2"]]);
  await context.close();
});

test("practice mode checks the student's answer and explains a mistake", async () => {
  const { context, page } = await open();
  await page.click("#tab-practice");
  assert.equal(await page.isVisible("#calculator"), false);
  const boxes = page.locator(".practice-answer");
  const count = await boxes.count();
  assert.ok(count >= 1);
  for (let i = 0; i < count; i++) {
    await boxes.nth(i).locator(".units").fill("99");
    await boxes.nth(i).locator(".modifiers").fill("GP");
  }
  await page.click("#practice-check");
  assert.match(await page.textContent("#practice-feedback"), new RegExp(`0 of ${count} codes right`));
  assert.match(await page.textContent("#practice-feedback"), /not 99/);
  await page.screenshot({ path: `${shots}/practice.png`, fullPage: true });
  await context.close();
});

test("works offline after the first load", async () => {
  const { context, page } = await open();
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.reload();  // the service worker now controls the page and has cached it
  await page.waitForSelector("body[data-ready=true]");
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  assert.match(await page.textContent("#summary"), /units? on/);
  await context.close();
});

test("print gives a summary without the form", async () => {
  const { context, page } = await open();
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.isVisible("#visit-form"), false);
  assert.equal(await page.isVisible("table.claim-lines"), true);
  await page.screenshot({ path: `${shots}/print.png`, fullPage: true });
  await context.close();
});

test("on a phone-width screen nothing overflows sideways", async () => {
  const { context, page } = await open("", { width: 375, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `overflow ${overflow}px`);
  await page.screenshot({ path: `${shots}/phone.png`, fullPage: true });
  await context.close();
});

test("desktop screenshot of the main view", async () => {
  const { context, page, seen } = await open();
  await page.screenshot({ path: `${shots}/desktop.png`, fullPage: true });
  assert.deepEqual(seen.errors, []);
  await context.close();
});
