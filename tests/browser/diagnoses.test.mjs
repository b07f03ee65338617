// Diagnoses on the page (issue 30 item 4): typed once for the visit, pointed to per service, shown on each claim
// line of the card and in the lines copied; a bad code is marked at its field; a link keeps them.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, pressAndRelease, settled, siteDir, visitLink } from "./browser.mjs";

let env;
before(async () => {
  env = await launch(siteDir);
});
after(async () => {
  await env?.close();
});

const dx = (page) =>
  page.$$eval("#claim-card .card-lines li", (lis) =>
    lis.map((li) => [li.querySelector(".code").textContent, li.querySelector(".dx")?.textContent ?? ""]),
  );

test("a biller types the diagnoses and a service's pointers; the card and the copied lines carry them", async () => {
  const visit = {
    dateOfService: "2026-05-04",
    discipline: "PT",
    services: [
      { code: "97110", minutes: 38 },
      { code: "97530", minutes: 15 },
    ],
  };
  const { context, page } = await openPage(env, visitLink(visit));
  assert.deepEqual(await dx(page), [
    ["97110", ""],
    ["97530", ""],
  ]); // no diagnoses, no pointers
  assert.equal(await page.isVisible("#service-rows .service >> nth=0 >> .pointers-cell"), false);

  await page.fill("#diagnoses", "M54.50, R26.89");
  await settled(page);
  await page.locator("#service-rows .service >> nth=1 >> input.pointers").fill("2, 1");
  await settled(page);
  assert.deepEqual(await dx(page), [
    ["97110", "Dx 1"],
    ["97530", "Dx 2, 1"],
  ]);
  assert.equal(
    await page.getAttribute("#claim-card .card-lines li >> nth=1 >> .dx", "title"),
    "Diagnoses R26.89, M54.50",
  );

  await page.evaluate(() => {
    navigator.clipboard.writeText = async (text) => {
      window.copied = text;
    };
  });
  await pressAndRelease(page, "#copy-lines");
  assert.match(
    await page.evaluate(() => window.copied),
    /^97110\tGP\tDx 1\t3 units\t\$[\d.]+\n97530\tGP\tDx 2,1\t1 unit\t/,
  );

  // The link holds them: a reload shows the same pointers.
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  await settled(page);
  assert.equal(await page.inputValue("#diagnoses"), "M54.50, R26.89");
  assert.deepEqual(await dx(page), [
    ["97110", "Dx 1"],
    ["97530", "Dx 2, 1"],
  ]);
  await context.close();
});

test("a code in lower case or a pointer past the list is marked at its field, in words", async () => {
  const visit = { dateOfService: "2026-05-04", discipline: "PT", services: [{ code: "97110", minutes: 38 }] };
  const { context, page } = await openPage(env, visitLink(visit));
  await page.fill("#diagnoses", "m54.50");
  await settled(page);
  assert.equal(await page.getAttribute("#diagnoses", "aria-invalid"), "true");
  await page.fill("#diagnoses", "M54.50");
  await page.locator("#service-rows .service >> nth=0 >> input.pointers").fill("3");
  await settled(page);
  const pointers = page.locator("#service-rows .service >> nth=0 >> input.pointers");
  assert.equal(await pointers.getAttribute("aria-invalid"), "true");
  assert.equal(await page.isDisabled("#copy-lines"), true); // the lines shown are not this visit's
  await context.close();
});
