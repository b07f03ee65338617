// The claim at a glance (issue 13): the card's figures and chips, copy as claim lines, MUE denials as
// Medicare applies them, the over-4-hours question, the edits panel naming its tables, the phone sheet.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { resolve } from "node:path";
import { launch, openPage, pressAndRelease, root, screenshotPath, settled, siteDir, visitLink } from "./browser.mjs";

let env;
before(async () => {
  env = await launch(siteDir);
});
after(async () => {
  await env?.close();
});

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const REALISTIC = [
  { code: "97110", minutes: 38 },
  { code: "97140", minutes: 15 },
  { code: "97112", minutes: 10 },
];
const openPT = (services, viewport = DESKTOP, date = "2026-05-04") =>
  openPage(env, visitLink({ dateOfService: date, discipline: "PT", services }), viewport);

test("the edits panel names the NCCI and MUE tables it checked and says when a newer one was due", async () => {
  const { context, page } = await openPT(REALISTIC);
  const note = await page.textContent(".panel .tables");
  assert.match(
    note,
    /^Checked against .*NCCI PTP.*v\d+r\d+ \(in force from \d{4}-\d\d-\d\d\) and .*MUE.*\d{4}-\d\d-\d\d\./,
  );
  // No edit, but the PTP table of 2024 is past its quarter: the result says so, not "no edit and no warning".
  assert.match(
    await page.textContent("#result-body"),
    /Edits were checked against the NCCI pair table of 2024-07-01 .*one was due by 2024-10-01/,
  );
  // The built-in NCCI table is from 2024: a visit in May 2026 is told the check may miss newer edits; the MUE
  // table of 2026-04-01 is still the current one (its successor was due 2026-07-01).
  assert.match(note, /CMS publishes the NCCI pair \(PTP\) table every quarter and a newer one was due by 2024-10-01/);
  assert.doesNotMatch(note, /the MUE table every quarter/);
  await context.close();
});

const DENIED = [
  { code: "97110", minutes: 38 },
  { code: "97140", minutes: 15 },
  { code: "97112", minutes: 500 },
];
const card = (page, selector) => page.textContent(`#claim-card ${selector}`);
const figures = (page) => page.$$eval("#claim-card .figures dd", (dds) => dds.map((dd) => dd.textContent));
const cardLines = (page) =>
  page.$$eval("#claim-card .card-lines li", (lis) =>
    lis.map((li) => ({
      code: li.querySelector(".code").textContent,
      units: li.querySelector(".units").textContent,
      chips: [...li.querySelectorAll(".chip")].map((c) => c.textContent),
      amount: li.querySelector(".amount").textContent,
      struck: Boolean(li.querySelector(".amount s")),
    })),
  );

test("97112 for 500 minutes is denied by the MUE: $0.00 allowed, struck and chipped, with the appeal and the limit in plain words", async () => {
  const { context, page, seen } = await openPT([{ code: "97112", minutes: 500 }]);
  assert.deepEqual(await figures(page), ["0 +33 denied", "$0.00", "$0.00"]);
  assert.equal(await card(page, ".card-body > .status"), "1 MUE denial");
  const [line] = await cardLines(page);
  // The struck amount is what the line would have been allowed; the claim gets nothing for it.
  assert.deepEqual(
    { ...line, amount: undefined },
    { code: "97112", units: "33 units", chips: ["GP", "denied: MUE"], amount: undefined, struck: true },
  );
  assert.match(line.amount, /^not \$8\d\d\.\d\d$/);
  assert.match(
    await page.textContent("#summary"),
    /^0 units on 1 line \(33 timed from 500 minutes\), 33 more denied by an MUE\. Allowed \$0\.00,/,
  );
  const alert = await page.textContent(".alert.error");
  assert.match(alert, /^Denied as billed: MUE 97112\./);
  assert.match(
    alert,
    /The limit of 4 is a clinical limit on all units of the code that day: more is unlikely but can happen\./,
  );
  assert.match(alert, /What to do: Check the minutes and units first.*appeal to the MAC \(redetermination\)/);
  assert.match(await page.textContent("table.claim-lines tbody"), /\$0\.00 denied: MUE/);
  // Another payer: the same units are over the MUE but nothing is denied.
  await page.selectOption("#payer", "commercial-per-code");
  await settled(page);
  assert.equal(await card(page, ".card-body > .status"), "1 code over its MUE");
  assert.match(await page.textContent(".alert.warning"), /^Over the limit: MUE 97112\./);
  assert.equal(await page.locator("#claim-card .chip.denied").count(), 0);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test("over 4 hours of one code: the row asks, the minutes stay as typed, the card is flagged until the user confirms", async () => {
  const { context, page } = await openPT(REALISTIC);
  const minutes = page.locator("#service-rows .service >> nth=2").locator("input.minutes");
  await minutes.fill("500");
  await settled(page);
  const question = page.locator("#service-rows .service >> nth=2").locator(".long-question");
  assert.match(await question.textContent(), /^500 minutes of 97112 is over 4 hours — is that right\?/);
  assert.equal(await minutes.inputValue(), "500");
  assert.match(await card(page, ".flag"), /500 minutes of 97112 is over 4 hours and not confirmed yet/);
  assert.equal(await page.locator("#claim-card.flagged").count(), 1);
  // "Fix the minutes" only puts the cursor there; the user types the fix.
  await question.locator("button", { hasText: "Fix the minutes" }).click();
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains("minutes")), true);
  assert.equal(await minutes.inputValue(), "500");
  await question.locator("button", { hasText: "Yes, 500 minutes" }).click();
  await settled(page);
  assert.equal(await page.locator(".long-question").count(), 0);
  assert.equal(await page.locator("#claim-card.flagged").count(), 0);
  assert.equal(await minutes.inputValue(), "500");
  // A different number is a different answer: asked again. Two rows of one code are added up.
  await minutes.fill("480");
  await settled(page);
  assert.equal(await page.locator(".long-question").count(), 1);
  await minutes.fill("210");
  await settled(page);
  assert.equal(await page.locator(".long-question").count(), 0);
  await page.locator("#service-rows .service >> nth=0").locator("input.code").fill("97112");
  await settled(page);
  const first = page.locator("#service-rows .service >> nth=0").locator(".long-question");
  assert.match(await first.textContent(), /^248 minutes of 97112 is over 4 hours/);
  assert.equal(await page.locator(".long-question").count(), 1);
  await context.close();
});

test("the card shows units, allowed and patient owes as figures, a chip per modifier and the edit status", async () => {
  const { context, page } = await openPT(REALISTIC);
  const summary = await page.textContent("#summary");
  const [allowed, owes] = [/Allowed (\$\d+\.\d\d)/, /patient owes (\$\d+\.\d\d)/].map((re) => re.exec(summary)[1]);
  assert.deepEqual(await figures(page), ["4", allowed, owes]);
  assert.deepEqual(
    (await cardLines(page)).map((l) => [l.code, l.units, l.chips.join(" ")]),
    [
      ["97110", "2 units", "GP"],
      ["97140", "1 unit", "GP"],
      ["97112", "1 unit", "GP"],
    ],
  );
  // No edit found, but in a PTP table a newer one was due for: no green all-clear (data-view.test.mjs has the fresh case).
  assert.equal(
    await card(page, ".card-body > .status.caution"),
    "No NCCI or MUE edit found, but a table may be out of date",
  );
  // An assistant's part is a line of its own with CQ; two NCCI pairs need a distinct-service modifier.
  await page.evaluate(
    (hash) => {
      location.hash = hash;
    },
    visitLink({
      dateOfService: "2026-05-04",
      discipline: "PT",
      services: [
        { code: "97161", minutes: 30 },
        { code: "97140", minutes: 15 },
        { code: "97530", minutes: 30, assistantMinutes: 15 },
        { code: "97150", minutes: 15 },
      ],
    }),
  );
  await settled(page);
  assert.ok((await cardLines(page)).some((l) => l.code === "97530" && l.chips.join(" ") === "GP CQ"));
  assert.equal(await card(page, ".card-body > .status.warning"), "2 NCCI pairs need 59/X");
  await context.close();
});

test("a visit that opens with a problem: the card says why it holds no claim, then shows the claim once it is fixed", async () => {
  for (const viewport of [DESKTOP, PHONE]) {
    const { context, page } = await openPT(
      [
        { code: "97110", minutes: 30 },
        { code: "", minutes: 10 },
      ],
      viewport,
    );
    assert.equal((await page.textContent("#claim-card")).trim(), "No claim lines yet: fix the marked fields.");
    assert.equal(await page.locator("#claim-card").isVisible(), true);
    await page.fill("#service-rows .service:nth-child(2) input.code", "97140");
    await settled(page);
    assert.equal(await page.locator("#claim-card .card-note").count(), 0);
    assert.deepEqual(
      (await cardLines(page)).map((l) => l.code),
      ["97110", "97140"],
    );
    await context.close();
  }
});

test("copy as claim lines puts one tab-separated line per claim line on the clipboard, the denied line marked", async () => {
  const { context, page } = await openPT(DENIED);
  await page.evaluate(() => {
    navigator.clipboard.writeText = async (text) => {
      window.copied = text;
    };
  });
  await page.click("#copy-lines");
  assert.equal(
    await page.evaluate(() => window.copied),
    "97110\tGP\t3 units\t$73.48\n97140\tGP\t1 unit\t$21.21\n97112\tGP\t33 units\t$0.00\tdenied: MUE\n",
  );
  assert.equal(await page.textContent("#copy-lines"), "Copied 3 claim lines");
  // New lines reset the button; copying straight after typing (the field's change event redraws) still says so.
  const minutes = page.locator("#service-rows .service >> nth=0").locator("input.minutes");
  await minutes.fill("30");
  await settled(page);
  assert.equal(await page.textContent("#copy-lines"), "Copy as claim lines");
  await minutes.fill("45");
  await page.click("#copy-lines");
  await settled(page);
  assert.equal(await page.textContent("#copy-lines"), "Copied 3 claim lines");
  assert.match(await page.evaluate(() => window.copied), /^97110\tGP\t3 units\t/); // the lines of 45 minutes, not 30
  // A click in the same task as the change (before the page has drawn it) still copies the new lines.
  await page.evaluate(() => {
    const field = document.querySelector("#service-rows .service input.minutes");
    field.value = "8";
    field.dispatchEvent(new Event("input", { bubbles: true }));
    document.getElementById("copy-lines").click();
  });
  await settled(page);
  assert.match(await page.evaluate(() => window.copied), /^97110\tGP\t1 unit\t/);
  // Without clipboard permission the lines are shown, selected, to copy by hand.
  await page.evaluate(() => {
    navigator.clipboard.writeText = async () => {
      throw new Error("denied");
    };
  });
  await minutes.fill("30");
  await page.click("#copy-lines");
  await settled(page);
  assert.match(await page.inputValue("#claim-card textarea.copy-box"), /^97110\tGP\t2 units\t\$\d+\.\d\d\n/);
  await context.close();
});

test("a mouse click on copy right after typing copies: the redraw on leaving the field keeps the button under the pointer", async () => {
  const { context, page } = await openPT(DENIED);
  await page.evaluate(() => {
    navigator.clipboard.writeText = async (text) => {
      window.copied = text;
    };
  });
  await page.locator("#service-rows .service >> nth=0").locator("input.minutes").fill("30");
  await settled(page);
  await pressAndRelease(page, "#copy-lines");
  assert.match(await page.evaluate(() => window.copied ?? "nothing was copied"), /^97110\tGP\t2 units\t/);
  assert.equal(await page.textContent("#copy-lines"), "Copied 3 claim lines");
  assert.equal(await card(page, ".figures dd"), "3 +33 denied"); // 45 timed minutes: the rest of the card follows the visit
  await context.close();
});

test("on a phone, a press on the card's bar right after typing opens the card", async () => {
  const { context, page } = await openPT(DENIED, PHONE);
  await page.locator("#service-rows .service >> nth=0").locator("input.minutes").fill("30");
  await settled(page);
  await pressAndRelease(page, "#card-toggle");
  assert.equal(await page.getAttribute("#card-toggle", "aria-expanded"), "true");
  assert.match(await page.textContent("#card-toggle"), /^3 units \(\+33 denied\)/); // the bar follows the visit
  await context.close();
});

test("on a phone the card is a collapsed bar that opens and closes by keyboard and never covers the field being typed in", async () => {
  const { context, page } = await openPT(DENIED, PHONE);
  const toggle = page.locator("#card-toggle");
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");
  assert.match(
    await toggle.textContent(),
    /4 units \(\+33 denied\)\$94\.69 allowedpatient owes \$18\.94.*1 MUE denial/,
  );
  assert.equal(await page.isVisible("#claim-card .card-lines"), false);
  const bar = await page.locator("#claim-card").boundingBox();
  assert.ok(bar.y + bar.height >= PHONE.height - 1 && bar.height < 120, JSON.stringify(bar));
  await toggle.focus();
  await page.keyboard.press("Enter");
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  assert.equal(await page.isVisible("#claim-card .card-lines"), true);
  assert.equal(await page.isVisible("#copy-lines"), true);
  await page.keyboard.press("Escape");
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");
  assert.equal(await page.evaluate(() => document.activeElement.id), "card-toggle");
  // Open, then type in a field: the sheet closes and the field is above the bar.
  await toggle.click();
  const minutes = page.locator("#service-rows .service >> nth=1").locator("input.minutes");
  await minutes.focus();
  await minutes.fill("20");
  await settled(page);
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");
  const field = await minutes.boundingBox();
  const sheet = await page.locator("#claim-card").boundingBox();
  assert.ok(
    field.y + field.height <= sheet.y,
    `field ${JSON.stringify(field)} under the sheet ${JSON.stringify(sheet)}`,
  );
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
  await context.close();
});

test("screenshots: the card beside the form on a desktop, sticky while scrolling, and as a sheet on a phone", async () => {
  for (const [name, services] of [
    ["realistic", REALISTIC],
    ["denied", DENIED],
  ]) {
    const { context, page, seen } = await openPT(services, DESKTOP);
    const box = await page.locator("#claim-card").boundingBox();
    assert.ok(
      box.y + box.height <= DESKTOP.height && box.x > 500,
      `the card is beside the form: ${JSON.stringify(box)}`,
    );
    await page.screenshot({ path: screenshotPath(`claim-card-desktop-${name}`) });
    await page.mouse.wheel(0, 1200);
    await page.waitForFunction(() => window.scrollY > 0);
    assert.equal(Math.round((await page.locator("#claim-card").boundingBox()).y), 0, "the card stays at the top");
    await context.close();
    const phone = await openPT(services, PHONE);
    await phone.page.screenshot({ path: screenshotPath(`claim-card-phone-${name}`) });
    await phone.page.click("#card-toggle");
    await phone.page.screenshot({ path: screenshotPath(`claim-card-phone-${name}-open`) });
    assert.deepEqual([...seen.errors, ...phone.seen.errors], []);
    await phone.context.close();
  }
});

// axe-core, injected with the CSP bypassed (only for this check): the card, the denial and the row's question.
test("axe finds no serious or critical accessibility violation in the card, the denial or the question, wide or narrow", async () => {
  for (const viewport of [DESKTOP, PHONE]) {
    const context = await env.browser.newContext({ viewport, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${env.origin}/${visitLink({ dateOfService: "2026-05-04", discipline: "PT", services: DENIED })}`);
    await page.waitForSelector("#service-rows .long-question");
    if (viewport === PHONE) await page.click("#card-toggle");
    await page.addScriptTag({ path: resolve(root, "node_modules/axe-core/axe.min.js") });
    const violations = await page.evaluate(async () =>
      (await window.axe.run(document.getElementById("calculator"))).violations
        .filter((v) => ["serious", "critical"].includes(v.impact))
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`),
    );
    assert.deepEqual(violations, [], `at ${viewport.width} px`);
    await context.close();
  }
});
