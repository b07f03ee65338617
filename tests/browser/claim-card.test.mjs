// The claim at a glance (issue 13): the card's figures and chips, copy as claim lines, MUE denials as
// Medicare applies them, the over-4-hours question, the edits panel naming its tables, the phone sheet.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, screenshotPath, settled, siteDir, visitLink } from "./browser.mjs";

let env;
before(async () => { env = await launch(siteDir); });
after(async () => { await env?.close(); });

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const REALISTIC = [{ code: "97110", minutes: 38 }, { code: "97140", minutes: 15 }, { code: "97112", minutes: 10 }];
const openPT = (services, viewport = DESKTOP, date = "2026-05-04") =>
  openPage(env, visitLink({ dateOfService: date, discipline: "PT", services }), viewport);

test("the edits panel names the NCCI and MUE tables it checked and says when one is older than a quarter", async () => {
  const { context, page } = await openPT(REALISTIC);
  const note = await page.textContent(".panel .tables");
  assert.match(note, /^Checked against .*NCCI PTP.*v\d+r\d+ \(in force from \d{4}-\d\d-\d\d\) and .*MUE.*\d{4}-\d\d-\d\d\./);
  assert.match(await page.textContent("#result-body"), /No NCCI or MUE edit/);
  // The built-in NCCI table is from 2024: a visit in May 2026 is told the check may miss newer edits.
  assert.match(note, /The NCCI pair \(PTP\) table took effect 22 months before this date of service/);
  assert.doesNotMatch(note, /The MUE table took effect/);
  await context.close();
});
