// Plain words everywhere users look (issue 29 item 6): no option name (options.tiePreference), JSON path
// (/services/0/minutes) or rule id (kx-applied) in what the page shows; they stay in a collapsed developers' view.
// Each check reads the page's visible text (innerText: what is on screen, not what a closed <details> holds).
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

const RULE_IDS = [
  "kx-applied",
  "kx-approaching",
  "targeted-review",
  "table-may-be-stale",
  "fee-schedule-nearest",
  "assistant-de-minimis-base",
  "patient-liable",
  "kx-threshold",
  "medical-review",
  "progress-report-due",
  "recertification-due",
];
const DEVELOPER = new RegExp(
  [
    String.raw`\boptions\.\w+`,
    String.raw`\btiePreference\b`,
    String.raw`\bdeMinimisBase\b`,
    String.raw`\bdateOfService\b`,
    String.raw`\bytdAllowed\b`,
    String.raw`(^|\s)/(services|visits|options|payer)(/|\b)`,
    ...RULE_IDS.map((id) => String.raw`\b${id}\b`),
  ].join("|"),
  "m",
);
const visible = (page, selector = "body") => page.innerText(selector);

test("the calculator's explanation of a tie and its warnings name no option or rule id", async () => {
  const visit = {
    dateOfService: "2026-05-04",
    discipline: "PT",
    ytdAllowed: { PT_SLP: 3000, OT: 0 },
    services: [
      { code: "97110", minutes: 22 },
      { code: "97140", minutes: 22 },
    ],
  };
  const { context, page, seen } = await openPage(env, visitLink(visit));
  await pressAndRelease(page, "#explain");
  await page.waitForSelector("#result-body .explain");
  const text = await visible(page);
  assert.match(text, /Choose under "A tie: your choice"/);
  assert.doesNotMatch(text, DEVELOPER);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test("a damaged link's notice names its fields in words", async () => {
  const encoded = (json) => `#v=${Buffer.from(json).toString("base64url")}`;
  for (const [hash, words] of [
    [encoded('{"dateOfService":20260504}'), /date should be text/],
    [encoded('{"ytdAllowed":{"OT":"lots"}}'), /OT in allowed this year should be a number/],
  ]) {
    const { context, page } = await openPage(env, hash);
    const text = await visible(page, "#notice");
    assert.match(text, words);
    assert.doesNotMatch(text, DEVELOPER);
    await context.close();
  }
});

test("the File view says a JSON Lines error's field and each warning in words", async () => {
  const { context, page, seen } = await openPage(env);
  await pressAndRelease(page, "#tab-file");
  const lines = [
    { dateOfService: "2026-05-04", discipline: "PT", services: [{ code: "97110", minutes: -5 }] },
    {
      dateOfService: "2026-05-04",
      discipline: "PT",
      ytdAllowed: { PT_SLP: 3000 },
      services: [{ code: "97110", minutes: 30 }],
    },
  ];
  await page.setInputFiles("#file-input", {
    name: "visits.jsonl",
    mimeType: "application/x-ndjson",
    buffer: Buffer.from(lines.map((l) => JSON.stringify(l)).join("\n") + "\n"),
  });
  await page.waitForSelector("#file-results:not([hidden]) tbody tr");
  await settled(page);
  const text = await visible(page, "#file-results");
  assert.match(text, /line 1: service 1, minutes: /);
  assert.match(text, /KX added/);
  assert.doesNotMatch(text, DEVELOPER);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test("the Plan of care's problems and alerts name no path or alert id; the paths are in the closed developers' view", async () => {
  const episode = {
    planOfCare: { discipline: "PT", start: "2026-01-05" },
    priorSpend: { ptSlp: 2400, ot: 0 },
    visits: [
      { dateOfService: "2026-01-05", services: [{ code: "97110", minutes: 30 }] },
      { dateOfService: "2026-01-07", services: [{ code: "97110", minutes: -5 }] },
    ],
  };
  const { context, page } = await openPage(env, `#e=${Buffer.from(JSON.stringify(episode)).toString("base64url")}`);
  await pressAndRelease(page, "#tab-plan");
  await page.waitForSelector(".plan-problems");
  const text = await visible(page, "#plan");
  assert.match(text, /visit 2, service 1, minutes: /);
  assert.doesNotMatch(text, DEVELOPER);
  assert.equal(await page.locator("#plan-result details.developer[open]").count(), 0);
  await context.close();
});
