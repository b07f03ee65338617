// Input the page never changes silently: a code of another plan of care is asked about, shorthand and near
// misses are offered, pasted lists fill rows (undoably), half-typed codes stay neutral, places find localities.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { resolve } from "node:path";
import { launch, openPage, root, settled, siteDir, tableLines, visitLink } from "./browser.mjs";

let env;
before(async () => {
  env = await launch(siteDir);
});
after(async () => {
  await env?.close();
});

const openPT = (services, extra = {}) =>
  openPage(env, visitLink({ dateOfService: "2026-05-04", discipline: "PT", services, ...extra }));
const row = (page, i) => page.locator("#service-rows .service").nth(i);
const lines = async (page) => (await tableLines(page)).map((l) => `${l.code}x${l.units} ${l.modifiers.join(" ")}`);

test("97165 on a PT visit asks which plan; until answered no GO line and no money for it", async () => {
  const { context, page, seen } = await openPT([{ code: "97110", minutes: 20 }]);
  const before = await page.textContent("#summary");
  await page.click("#add-service");
  await page.keyboard.type("97165");
  await settled(page);
  const question = row(page, 1).locator(".plan-question");
  assert.match(
    await question.textContent(),
    /97165 is an OT evaluation; this visit is PT\. Bill it under an OT plan of care, or did you mean 97161\?/,
  );
  assert.equal(await row(page, 1).locator("select.row-discipline").inputValue(), ""); // nothing switched
  assert.deepEqual(await lines(page), ["97110x1 GP"]);
  assert.match(await page.textContent("#summary"), /1 service waits for your answer and is not billed/);
  assert.equal((await page.textContent("#summary")).split(".")[1], before.split(".")[1]); // same money as before
  await question.getByRole("button", { name: "Bill under an OT plan of care" }).click();
  assert.deepEqual(await lines(page), ["97110x1 GP", "97165x1 GO"]);
  assert.equal(await row(page, 1).locator(".plan-question").count(), 0);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test("answering the plan question with the visit's own evaluation changes the code", async () => {
  const { context, page } = await openPT([{ code: "97166" }]);
  assert.match(await page.textContent("#summary"), /^Nothing to bill yet\. 1 service waits/);
  await row(page, 0).getByRole("button", { name: "Change to 97162" }).click();
  assert.equal(await row(page, 0).locator("input.code").inputValue(), "97162");
  assert.deepEqual(await lines(page), ["97162x1 GP"]);
  await context.close();
});

test("an SLP-only code on a PT visit is asked about with no PT code offered, and the link keeps the row", async () => {
  const { context, page } = await openPT([{ code: "97110", minutes: 20 }, { code: "92507" }]);
  const question = row(page, 1).locator(".plan-question");
  assert.match(await question.textContent(), /92507 is billed under an SLP plan of care; this visit is PT/);
  assert.equal(await question.getByRole("button", { name: /Change to/ }).count(), 0);
  const copy = await context.newPage();
  await copy.goto(page.url());
  await copy.waitForSelector("body[data-ready=true]");
  assert.equal(await row(copy, 1).locator("input.code").inputValue(), "92507");
  await question.getByRole("button", { name: "Bill under an SLP plan of care" }).click();
  assert.deepEqual(await lines(page), ["97110x1 GP", "92507x1 GN"]);
  await context.close();
});

test("shorthand finds its code first: ther ex, NMR, TA, e-stim offers both stimulation codes", async () => {
  const { context, page } = await openPT([{ code: "97110", minutes: 20 }]);
  const code = row(page, 0).locator("input.code");
  const offered = async (text) => {
    await code.fill(text);
    return page.$$eval("#service-rows .service:first-child [role=option] strong", (s) => s.map((n) => n.textContent));
  };
  assert.equal((await offered("ther ex"))[0], "97110");
  assert.equal((await offered("TE"))[0], "97110");
  assert.equal((await offered("NMR"))[0], "97112");
  assert.equal((await offered("neuro re-ed"))[0], "97112");
  assert.equal((await offered("TA"))[0], "97530");
  assert.deepEqual((await offered("e-stim unattended")).slice(0, 1), ["G0283"]);
  assert.deepEqual((await offered("e-stim")).slice(0, 2), ["G0283", "97032"]);
  assert.equal((await offered("PT eval low"))[0], "97161");
  await code.press("Enter");
  assert.equal(await code.inputValue(), "97161");
  await context.close();
});

test("a half-typed code is neutral: no red field, no dimmed result; left unfinished it is an error with offers", async () => {
  const { context, page } = await openPT([{ code: "97140", minutes: 20 }]);
  await page.click("#add-service");
  await page.keyboard.type("971");
  await settled(page);
  assert.equal(await page.locator("input.code[aria-invalid]").count(), 0); // now it asks for 97110's minutes
  assert.equal(await page.locator("#result-body.stale").count(), 0);
  assert.match(await page.textContent("#summary"), /1 code is still being typed/);
  await page.keyboard.type("00");
  await page.keyboard.press("Escape");
  await page.keyboard.press("Tab"); // leaves "97100": complete but unknown
  await page.waitForSelector("input.code[aria-invalid=true]");
  const offer = row(page, 1).locator(".did-you-mean");
  assert.match(await offer.textContent(), /Did you mean .*97110/);
  assert.equal(await row(page, 1).locator("input.code").inputValue(), "97100"); // offered, not replaced
  await offer.getByRole("button", { name: "97110" }).click();
  assert.equal(await row(page, 1).locator("input.code").inputValue(), "97110");
  await settled(page);
  assert.equal(await page.locator("input.code[aria-invalid]").count(), 0); // now it asks for 97110's minutes
  await context.close();
});

test('near misses are offered: "97 110" and "TE" left in the field', async () => {
  const { context, page } = await openPT([
    { code: "97 110", minutes: 20 },
    { code: "TE", minutes: 10 },
  ]);
  await page.waitForSelector("input.code[aria-invalid=true]");
  assert.match(await row(page, 0).locator(".did-you-mean").textContent(), /Did you mean 97110\?/);
  assert.match(await row(page, 1).locator(".did-you-mean").textContent(), /Did you mean 97110\?/);
  await context.close();
});

test('pasting "TherEx 33, manual 7, NMR 15" fills a row per service, keeps rows with data, and can be undone', async () => {
  const { context, page } = await openPT([{ code: "97530", minutes: 10 }]);
  await page.click("#add-service");
  const paste = (text) =>
    page.evaluate((t) => {
      const data = new DataTransfer();
      data.setData("text/plain", t);
      document.activeElement.dispatchEvent(
        new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
      );
    }, text);
  await paste("TherEx 33, manual 7, NMR 15");
  await settled(page);
  const rows = () =>
    page.$$eval("#service-rows .service", (rs) =>
      rs.map((r) => `${r.querySelector("input.code").value} ${r.querySelector("input.minutes").value}`),
    );
  assert.deepEqual(await rows(), ["97530 10", "97110 33", "97140 7", "97112 15"]);
  assert.equal((await tableLines(page)).length, 4);
  await page.getByRole("button", { name: "Undo" }).click();
  assert.deepEqual(await rows(), ["97530 10", " "]);
  // Into a row that holds data: the new rows go after it, nothing is overwritten.
  await row(page, 0).locator("input.code").focus();
  await paste("97110 x 33; 97140: 8 min");
  assert.deepEqual(await rows(), ["97530 10", "97110 33", "97140 8", " "]);
  await context.close();
});

test('screen-reader names carry the row: "Code, service 2"', async () => {
  const { context, page } = await openPT([
    { code: "97110", minutes: 20 },
    { code: "97140", minutes: 10 },
  ]);
  assert.equal(await page.getByRole("combobox", { name: "Code, service 2" }).inputValue(), "97140");
  assert.equal(await page.getByRole("spinbutton", { name: "Minutes, service 2" }).inputValue(), "10");
  await page.getByRole("button", { name: "Remove service 1" }).click();
  await settled(page);
  assert.equal(await page.getByRole("combobox", { name: "Code, service 1" }).inputValue(), "97140");
  await context.close();
});

test('"Travis County, TX" selects the Austin locality: the fee says Austin, with the difference from national', async () => {
  const { context, page, seen } = await openPT([{ code: "97110", minutes: 30 }]);
  await page.fill("#locality", "Travis County, TX");
  await settled(page);
  assert.match(await page.textContent(".visit-line"), /AUSTIN/);
  assert.match(await page.textContent("#result-body"), /Medicare fee \(2026 schedule, austin, nonfacility\)/);
  const note = await page.textContent("#locality-note");
  assert.match(note, /^AUSTIN, TX \([+−]\$\d+\.\d\d vs national\)\.$/);
  assert.match(await page.textContent("table.fee tr.key >> nth=0"), /\(([+−])\$\d+\.\d\d vs national\)/);
  assert.equal(await page.inputValue("#locality"), "Travis County, TX"); // what was typed stays
  // The link keeps the id and shows the name when reopened; a new visit starts at the last locality chosen.
  assert.match(decodeURIComponent(page.url()), /#v=/);
  const copy = await context.newPage();
  await copy.goto(page.url());
  await copy.waitForSelector("body[data-ready=true]");
  assert.equal(await copy.inputValue("#locality"), "AUSTIN, TX");
  await settled(copy);
  assert.match(await copy.textContent("#locality-note"), /^Fee \([+−]\$\d+\.\d\d vs national\)\.$/);
  await copy.click("#reset");
  await settled(copy);
  assert.equal(await copy.inputValue("#locality"), "AUSTIN, TX");
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test("a place names its locality or the list to pick from: Manhattan NY, Texas, Fairfax County, VA", async () => {
  const { context, page } = await openPT([{ code: "97110", minutes: 30 }]);
  const pick = async (text) => {
    await page.fill("#locality", text);
    await page.locator("#dateOfService").focus(); // leaving the field
    await settled(page);
    return page.textContent("#locality-note");
  };
  assert.match(await pick("Manhattan NY"), /^MANHATTAN, NY \(\+\$\d+\.\d\d vs national\)\.$/);
  assert.match(await page.textContent(".visit-line"), /MANHATTAN/);
  assert.match(await pick("Fairfax County, VA"), /^DC \+ MD\/VA SUBURBS, DC \(/);
  assert.match(await pick("Birmingham, AL"), /^ALABAMA, AL \(/);
  assert.match(await pick("Texas"), /^Texas has 8 localities: pick one from the list\.$/);
  assert.match(await pick("Springfield, XX"), /^No locality found/);
  await context.close();
});

test("no internal references reach the page: engine notes in plain words, dates in the browser's format", async () => {
  const { context, page } = await openPT(
    [
      { code: "97129", minutes: 40 },
      { code: "97110", minutes: 12, assistantMinutes: 5 },
    ],
    { setting: "facility" },
  );
  await page.check("#explain");
  await settled(page);
  const text = await page.textContent("main");
  assert.match(text, /not confirmed by CMS/);
  assert.doesNotMatch(text, /docs\/|rules\.md|UNVERIFIED|seed article|\[2nd\]|W-open|\ba (OT|SLP|MUE|NCCI|ABN)\b/);
  await page.fill("#dateOfService", "");
  await page.waitForSelector("#dateOfService[aria-invalid=true]");
  assert.match(await page.textContent(".field-message"), /mm\/dd\/yyyy/);
  assert.doesNotMatch(await page.textContent(".field-message"), /YYYY-MM-DD/);
  await context.close();
});

test("axe finds no serious or critical violation with a plan question, offers and the locality note shown", async () => {
  for (const viewport of [
    { width: 1280, height: 900 },
    { width: 390, height: 844 },
  ]) {
    const context = await env.browser.newContext({ viewport, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(
      `${env.origin}/${visitLink({
        dateOfService: "2026-05-04",
        discipline: "PT",
        locality: "04412-31",
        services: [{ code: "97110", minutes: 20 }, { code: "97165" }, { code: "97119", minutes: 10 }],
      })}`,
    );
    await page.waitForSelector("body[data-ready=true]");
    await page.fill("#locality", "Travis County, TX");
    await page.waitForSelector(".plan-question");
    await page.waitForSelector(".did-you-mean");
    await page.addScriptTag({ path: resolve(root, "node_modules/axe-core/axe.min.js") });
    const violations = await page.evaluate(async () =>
      (await window.axe.run(document.getElementById("calculator"))).violations
        .filter((v) => ["serious", "critical"].includes(v.impact))
        .map((v) => `${v.id}: ${v.nodes.length}`),
    );
    assert.deepEqual(violations, [], `at ${viewport.width} px`);
    await context.close();
  }
});
