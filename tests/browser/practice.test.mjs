// Practice mode: numbered visits a teacher can hand out, answers checked against the engine, mistakes
// explained from the trace.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, screenshotPath, siteDir } from "./browser.mjs";

let env;
before(async () => { env = await launch(siteDir); });
after(async () => { await env?.close(); });

async function practice(page, seed) {
  await page.click("#tab-practice");
  await page.fill("#practice-seed", String(seed));
  await page.press("#practice-seed", "Enter");  // a change event
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
  await boxes.nth(0).locator(".units").press("Enter");  // Enter in an answer checks it
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
