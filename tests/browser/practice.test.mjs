// Practice mode: numbered visits a teacher can hand out, answers checked against the engine, mistakes
// explained from the trace.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, screenshotPath, siteDir } from "./browser.mjs";

let env;
before(async () => {
  env = await launch(siteDir);
});
after(async () => {
  await env?.close();
});

async function practice(page, seed) {
  await page.click("#tab-practice");
  await page.fill("#practice-seed", String(seed));
  await page.press("#practice-seed", "Enter"); // a change event
  return page.locator(".practice-answer");
}

const visitShown = (page) => page.$eval("#practice-visit table", (t) => t.innerText);

test("the same visit number always gives the same visit", async () => {
  const { context, page } = await openPage(env);
  await practice(page, 42);
  const first = await visitShown(page);
  assert.match(first, /^Visit 42: (PT|OT) plan of care/);
  await page.click("#practice-next");
  assert.notEqual(await visitShown(page), first);
  await practice(page, 42);
  assert.equal(await visitShown(page), first);
  await context.close();
});

test("wrong answers are marked and explained from the trace; the shown answer checks as right", async () => {
  const { context, page } = await openPage(env);
  const boxes = await practice(page, 7);
  assert.equal(await page.isVisible("#calculator"), false);
  const count = await boxes.count();
  assert.ok(count >= 2);
  for (let i = 0; i < count; i++) {
    await boxes.nth(i).locator(".units").fill("99");
    await boxes.nth(i).locator(".modifiers").fill("GP");
  }
  await boxes.nth(0).locator(".units").press("Enter"); // Enter in an answer checks it
  const feedback = page.locator("#practice-feedback");
  assert.match(await feedback.textContent(), new RegExp(`^0 of ${count} codes right`));
  assert.match(await feedback.textContent(), /not 99/);
  assert.match(await feedback.textContent(), /MCPM 100-04 ch\.5 §20\.2|AMA CPT time rule/);
  await page.screenshot({ path: screenshotPath("practice"), fullPage: true });
  await page.click("#practice-answer");
  assert.match(await feedback.textContent(), new RegExp(`^${count} of ${count} codes right`));
  await context.close();
});

test("fifty numbered visits all evaluate, and showing the answer always checks as right", async () => {
  const { context, page } = await openPage(env);
  await page.click("#tab-practice");
  for (let seed = 1; seed <= 50; seed++) {
    await page.fill("#practice-seed", String(seed));
    await page.press("#practice-seed", "Enter");
    await page.click("#practice-answer");
    const text = await page.textContent("#practice-feedback .summary");
    const [, right, of] = /^(\d+) of (\d+) codes? right/.exec(text);
    assert.equal(right, of, `visit ${seed}: ${text}`);
  }
  await context.close();
});

// Visit 27: Medicare, PT, 97112 6 min + 97140 22 min: 28 minutes give 2 units, both 97140's (per code: 1).
// Visit 28: Medicare, PT, 97112 6 min + 97035 19 min: 25 minutes give 2 units, one of them 97112's.
// Visit 2: Medicare, OT, 97140 32 min of which the OTA alone 25: CO on a line.
async function answerWith(page, seed, answers) {
  const boxes = await practice(page, seed);
  for (const [i, [units, modifiers]] of answers.entries()) {
    await boxes.nth(i).locator(".units").fill(String(units));
    await boxes.nth(i).locator(".modifiers").fill(modifiers);
  }
  await page.click("#practice-check");
  return page.locator("#practice-feedback");
}

test("a wrong answer names the likely mix-up: per-code rounding, 8 minutes per code, a missing CO", async () => {
  const { context, page } = await openPage(env);
  let feedback = await answerWith(page, 27, [
    [0, ""],
    [1, "GP"],
  ]);
  assert.match(
    await feedback.textContent(),
    /Likely mix-up: You rounded this code on its own, as the per-code rule does\. Medicare adds up the visit's timed minutes first \(28 minutes give 2 units\)/,
  );
  feedback = await answerWith(page, 28, [
    [0, ""],
    [1, "GP"],
  ]);
  assert.match(await feedback.textContent(), /Likely mix-up: Under Medicare, 8 minutes is not a threshold per code/);
  const boxes = await practice(page, 2);
  await page.click("#practice-answer");
  await boxes.nth(1).locator(".modifiers").fill("GO");
  await page.click("#practice-check");
  assert.match(
    await page.textContent("#practice-feedback"),
    /Likely mix-up: The OTA furnished part of this code alone, enough to count: that unit's line carries CO/,
  );
  assert.equal(await page.getAttribute(".practice-answer .modifiers >> nth=0", "placeholder"), null); // no answer-like hint
  await context.close();
});

test("the score counts each visit once, a shown answer as not right, and is kept in this browser", async () => {
  const { context, page } = await openPage(env);
  await practice(page, 7);
  await page.click("#practice-answer"); // revealed: asked, not right
  await page.click("#practice-check"); // checking again does not count twice
  assert.equal(
    await page.textContent("#practice-score"),
    "Score: 0 of 1 visit right this session, 0 of 1 in this browser.",
  );
  await practice(page, 8);
  await page.click("#practice-answer");
  const answers = await page.$$eval(".practice-answer", (boxes) =>
    boxes.map((b) => [b.querySelector(".units").value, b.querySelector(".modifiers").value]),
  );
  await practice(page, 9);
  await practice(page, 8); // the same visit drawn again is a new question
  for (const [i, [units, modifiers]] of answers.entries()) {
    await page.locator(".practice-answer").nth(i).locator(".units").fill(units);
    await page.locator(".practice-answer").nth(i).locator(".modifiers").fill(modifiers);
  }
  await page.click("#practice-check");
  assert.equal(
    await page.textContent("#practice-score"),
    "Score: 1 of 3 visits right this session, 1 of 3 in this browser.",
  );
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  await page.click("#tab-practice");
  assert.equal(await page.textContent("#practice-score"), "Score in this browser: 1 of 3 visits right.");
  await context.close();
});
