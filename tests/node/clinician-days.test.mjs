// A clinician's day (issue 29 item 2, docs/batch.md "A clinician's day"): the page's clinicians' days
// (web/file/clinician-days.js) and `unitwise evaluate --csv --clinician-days FILE` give one CSV, byte for byte.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import {
  DEFAULT_SHIFT,
  clinicianDays,
  clinicianDaysCsv,
  clinicianTotals,
  dayFlag,
  flaggedDays,
  readShiftHours,
} from "../../web/file/clinician-days.js";
import { cliDays, engine, pageOutcomes } from "./csv-pipelines.mjs";
import { root } from "./paths.mjs";
import { csvLines, csvVisits } from "./visits-csv.mjs";

const fixture = readFileSync(resolve(root, "tests/fixtures/clinician-days.csv"), "utf8");
const timed = new Set(
  engine
    .catalogue()
    .filter((c) => c.timed)
    .map((c) => c.code),
);
const isTimed = (code) => timed.has(code);
const dir = mkdtempSync(join(tmpdir(), "unitwise-days-"));
test.after(() => rmSync(dir, { recursive: true, force: true }));

// The page's CSV and the CLI's, for `text` under the shift `hours` (text, as typed; undefined: the default).
function both(text, hours = undefined, window = undefined) {
  const path = join(dir, "days.csv");
  const args = [
    ...(hours === undefined ? [] : ["--shift-hours", hours]),
    ...(window === undefined ? [] : ["--max-open-visits", String(window)]),
  ];
  const cli = cliDays(text, path, args);
  assert.notEqual(cli.status, 2, cli.stderr);
  const { visits, outcomes } = pageOutcomes(text, window);
  const days = clinicianDays(visits, outcomes, isTimed);
  const shift = hours === undefined ? DEFAULT_SHIFT : readShiftHours(hours);
  return { cli: readFileSync(path, "utf8"), page: clinicianDaysCsv(days, shift), days, shift, stderr: cli.stderr };
}

test("the fixture: 9 hours over the shift, 25 impossible; CLI and page write the same bytes", () => {
  const { cli, page, days, shift, stderr } = both(fixture);
  assert.equal(page, cli);
  assert.equal(
    cli,
    "clinician,date,visits,timed_minutes,flag\n" +
      '"Dana Reyes, PT",2026-03-02,9,540,over shift\n' +
      '"Dana Reyes, PT",2026-03-03,3,55,\n' +
      "1234567890,2026-03-01,1,45,\n" +
      "1234567890,2026-03-02,25,1500,impossible (over 24 hours)\n" +
      "1234567890,2026-03-03,1,25,\n" +
      "'@Lee,2026-03-04,1,15,\n",
  );
  assert.match(stderr, /^unitwise: 2 of 6 clinician days flagged/);
  assert.deepEqual(
    flaggedDays(days, shift).map((d) => [d.name, d.date, d.flag]),
    [
      ["1234567890", "2026-03-02", "impossible (over 24 hours)"],
      ["Dana Reyes, PT", "2026-03-02", "over shift"],
    ],
  );
  assert.deepEqual(clinicianTotals(days, shift), [
    { name: "Dana Reyes, PT", days: 2, visits: 12, minutes: 595, flagged: 1 },
    { name: "1234567890", days: 3, visits: 27, minutes: 1570, flagged: 1 },
    { name: "@Lee", days: 1, visits: 1, minutes: 15, flagged: 0 },
  ]);
});

for (const hours of ["10", "9", "8.99", "7.25", "0.5", "24"]) {
  test(`the fixture with a shift of ${hours} hours: the same bytes`, () => {
    const { cli, page } = both(fixture, hours);
    assert.equal(page, cli);
  });
}

test("over means more than, in whole minutes", () => {
  assert.equal(dayFlag(480, 800), "");
  assert.equal(dayFlag(481, 800), "over shift");
  assert.equal(dayFlag(453, 755), ""); // 7.55 hours are 453 minutes
  assert.equal(dayFlag(454, 755), "over shift");
  assert.equal(dayFlag(1440, 2400), "");
  assert.equal(dayFlag(1441, 2400), "impossible (over 24 hours)");
  assert.equal(dayFlag(1441, 100), "impossible (over 24 hours)");
});

test("300 seeded random visits, rows interleaved, four clinicians (some visits shared): the same bytes", () => {
  const names = ["Kim", "Ana Diaz, OT", "=HYPERLINK(x)", "1234567893"];
  let k = 0;
  const rows = [...csvLines(csvVisits(300, 11), 12)].map((line) => `${line.trimEnd()},${names[(k++ % 7) % 4]}\n`);
  const text =
    "visit_id,date_of_service,discipline,code,minutes,assistant_minutes,locality,setting,clinician\n" + rows.join("");
  for (const window of [undefined, 0, 3]) {
    const { cli, page } = both(text, "7.5", window);
    assert.equal(page, cli);
    assert.ok(cli.split("\n").length > 5, cli);
  }
});

test("a file without a clinician column: the header alone, in both", () => {
  const ehr = readFileSync(resolve(root, "tests/fixtures/ehr-export.csv"), "utf8");
  const { cli, page, stderr } = both(ehr);
  assert.equal(cli, "clinician,date,visits,timed_minutes,flag\n");
  assert.equal(page, cli);
  assert.match(stderr, /the CSV has no clinician column/);
});
