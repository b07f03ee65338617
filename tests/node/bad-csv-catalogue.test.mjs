// Every case of tests/bad-inputs/csv-cases.mjs, through the CLI and the page's File view: a bad row is an error
// naming its line and column (exit 1) and the page writes the same claim lines byte for byte; a bad file is
// refused as a whole (exit 2), by the page with the same words.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileCases, rowCases, shiftHoursCases } from "../bad-inputs/csv-cases.mjs";
import { readShiftHours } from "../../web/file/clinician-days.js";
import { readCsv } from "../../web/file/csv-reader.js";
import { cliClaims, cliDays, pageClaims, pageRefusal } from "./csv-pipelines.mjs";

// CSV injection: no cell of the claim lines starts as a spreadsheet formula (= + - @, a tab or a CR).
const formulaCells = (text) => {
  const cells = [];
  readCsv(
    text,
    (fields) => cells.push(...fields.filter((f) => /^[=+\-@\t\r]/.test(f))),
    () => cells.push("(unreadable)"),
  );
  return cells;
};

// The errors column of the claim lines, read as CSV (a quoted visit_id may hold a line break).
const errorsOf = (text) => {
  const errors = [];
  readCsv(
    text,
    (fields, line) => line > 1 && fields[8] && errors.push(fields[8]),
    () => errors.push("(unreadable)"),
  );
  return errors;
};

test("the CSV catalogue holds at least 30 cases", () => assert.ok(rowCases.length + fileCases.length >= 30));

for (const c of rowCases) {
  test(`bad CSV row: ${c.name} → ${c.error}`, () => {
    const cli = cliClaims(c.text, c.window, c.dateOrder);
    assert.equal(cli.status, 1, cli.stderr);
    assert.equal(cli.stderr, "");
    const errors = errorsOf(cli.stdout);
    assert.ok(
      errors.some((e) => c.error.test(e)),
      errors.join("\n"),
    );
    assert.deepEqual(formulaCells(cli.stdout), []);
    // Plain words: no JSON path (/services/0/minutes) or engine key (dateOfService) in what the user reads.
    for (const e of errors) assert.doesNotMatch(e, /\/services\/|\bdateOfService\b|assistantMinutes/, e);
    if (c.only) assert.equal(cli.stdout.split("\n").filter((l) => l.startsWith(`${c.only},`)).length, 1, cli.stdout);
    assert.equal(pageClaims(c.text, c.window, c.dateOrder), cli.stdout);
  });
}

for (const c of fileCases) {
  test(`bad CSV file: ${c.name} → ${c.refusal}`, () => {
    const cli = cliClaims(c.text);
    assert.equal(cli.status, 2);
    assert.match(cli.stderr, c.refusal);
    assert.equal(cli.stdout.trimEnd().split("\n").length, 1, "the header of claim lines only");
    assert.match(pageRefusal(c.text) ?? "(accepted)", c.refusal);
  });
}

const clinicianFile = "visit_id,date_of_service,discipline,code,minutes,clinician\nA,2026-03-02,PT,97110,23,Kim\n";
const dir = mkdtempSync(join(tmpdir(), "unitwise-shift-"));
test.after(() => rmSync(dir, { recursive: true, force: true }));

for (const bad of shiftHoursCases.bad) {
  test(`bad shift length ${JSON.stringify(bad)}: a usage error from the CLI, refused by the page`, () => {
    const cli = cliDays(clinicianFile, join(dir, "days.csv"), ["--shift-hours", bad]);
    assert.equal(cli.status, 2, cli.stderr);
    assert.equal(cli.stdout, "");
    assert.match(cli.stderr, /--shift-hours .*: a shift is a number of hours above 0 and at most 24/);
    assert.equal(readShiftHours(bad), null);
  });
}

test("good shift lengths: taken by both, the same hours", () => {
  for (const good of shiftHoursCases.good) {
    const path = join(dir, "good.csv");
    const cli = cliDays(clinicianFile, path, ["--shift-hours", good]);
    assert.equal(cli.status, 0, `${good}: ${cli.stderr}`);
    assert.equal(readFileSync(path, "utf8").split("\n")[1], "Kim,2026-03-02,1,23,");
    assert.ok(readShiftHours(good) > 0, good);
  }
  assert.equal(readShiftHours("7.25"), 725);
  assert.equal(readShiftHours("09"), 900);
});
