// Issue 11 on the page: the payer picker and a custom plan kept in the browser, the place of service, an ABN
// tick, and the distinct-service choice on a row an NCCI edit touches.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, settled, siteDir, tableLines, visitLink } from "./browser.mjs";

let env;
before(async () => {
  env = await launch(siteDir);
});
after(async () => {
  await env.close();
});

const visit = (services, over = {}) => visitLink({ dateOfService: "2026-05-04", discipline: "PT", services, ...over });
const row = (page, i) => page.locator("#service-rows .service").nth(i);
const lines = async (page) =>
  (await tableLines(page)).map((l) => `${l.code}x${l.units} ${l.modifiers.join(" ")}`.trim());

test("the commercial payer counts per code, adds no CQ, and takes the unit rule from the plan", async () => {
  const { context, page, seen } = await openPage(
    env,
    visit([
      { code: "97110", minutes: 10, assistantMinutes: 10 },
      { code: "97116", minutes: 10 },
    ]),
  );
  assert.deepEqual(await lines(page), ["97110x1 GP CQ", "97116x0 GP"]); // Medicare: 20 minutes, one unit, the assistant's
  await page.selectOption("#payer", "commercial-per-code");
  await settled(page);
  assert.deepEqual(await lines(page), ["97110x1 GP", "97116x1 GP"]);
  assert.equal(await page.isDisabled("#ruleSet"), true);
  const saved = JSON.parse(Buffer.from((await page.evaluate(() => location.hash)).slice(3), "base64url").toString());
  assert.equal(saved.payer, "commercial-per-code"); // the link keeps the payer
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test("a custom plan is typed as JSON, checked field by field, and kept in this browser", async () => {
  const { context, page } = await openPage(
    env,
    visit([
      { code: "97110", minutes: 38 },
      { code: "97140", minutes: 30 },
    ]),
  );
  await page.selectOption("#payer", "custom");
  await page.fill("#payer-profile", '{"name": "Cap plan", "unitRule": "per_code", "dailyUnitCap": {"PT": "four"}}');
  await page.waitForSelector("#payer-profile[aria-invalid=true]");
  assert.match(await page.textContent(".field-message"), /whole number of units/);
  await page.fill(
    "#payer-profile",
    '{"name": "Cap plan", "unitRule": "per_code", "dailyUnitCap": {"PT": 4}, "disciplineModifiers": false}',
  );
  await settled(page);
  assert.deepEqual(await lines(page), ["97110x3", "97140x1"]);
  assert.match(await page.textContent("#result-body"), /97140 lost 1 unit: Cap plan allows 4 timed units/);
  // Another visit on the same browser offers the saved plan again.
  const second = await context.newPage();
  await second.goto(`${env.origin}/${visit([{ code: "97110", minutes: 15 }])}`);
  await second.waitForSelector("body[data-ready=true]");
  await second.selectOption("#payer", "custom");
  assert.match(await second.inputValue("#payer-profile"), /"Cap plan"/);
  await context.close();
});

test("a custom plan that is not JSON is named at the plan field, even with an emoji where the quote is cut", async () => {
  const { context, page } = await openPage(env, visit([{ code: "97110", minutes: 38 }]));
  await page.selectOption("#payer", "custom");
  // 39 UTF-16 units, then an emoji (two units) across the 40-character cut the page quotes to the engine.
  await page.fill("#payer-profile", `{"name": "${"x".repeat(29)}\u{1F600} plan"`);
  await page.waitForSelector("#payer-profile[aria-invalid=true]");
  assert.match(await page.textContent(".field-message"), /custom plan that is not valid JSON/);
  await context.close();
});

test("place of service 10 puts 95 on 97110, and a code off the telehealth list is flagged", async () => {
  const { context, page } = await openPage(
    env,
    visit([
      { code: "97110", minutes: 30 },
      { code: "97140", minutes: 15 },
    ]),
  );
  await page.selectOption("#placeOfService", "10");
  await settled(page);
  assert.deepEqual(await lines(page), ["97110x2 GP 95", "97140x1 GP"]);
  assert.match(await page.textContent("#result-body"), /97140 is not on the Medicare telehealth list/);
  await context.close();
});

test("an ABN tick puts GA on the row; the distinct-service choice shows where an edit needs it and puts XS on 97140", async () => {
  const { context, page } = await openPage(env, visit([{ code: "97012" }, { code: "97140", minutes: 15 }]));
  assert.equal(await row(page, 0).locator(".distinct-cell").isHidden(), true);
  assert.equal(await row(page, 1).locator(".distinct-cell").isVisible(), true); // 97140 is column 2 of 97012
  await row(page, 1).locator("select.distinct").selectOption("XS");
  await settled(page);
  assert.deepEqual(await lines(page), ["97012x1 GP", "97140x1 GP XS"]);
  assert.match(await page.textContent("#result-body"), /97140 carries XS \(a separate structure\)/);
  await row(page, 0).locator("input.abn").check();
  await settled(page);
  assert.deepEqual(await lines(page), ["97012x1 GP GA", "97140x1 GP XS"]);
  await context.close();
});
