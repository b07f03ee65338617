// Files as EHRs export them (issue 29, docs/batch.md): EHR header names, US dates and discipline words, read by the
// page's File view (web/file/) as `unitwise evaluate --csv` reads them, from the same lists (cli/csv/format.json).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { dateInWords, readDate, readDiscipline } from "../../web/file/csv-cells.js";
import { readCsv } from "../../web/file/csv-reader.js";
import { groupVisits, matchHeader, outcome, readRows, totals, visitObject } from "../../web/file/file-batch.js";
import { cliClaims, evaluated, pageClaims } from "./csv-pipelines.mjs";
import { root } from "./paths.mjs";

const fixture = readFileSync(resolve(root, "tests/fixtures/ehr-export.csv"), "utf8");

const claimRowsOf = (text) => {
  const rows = [];
  readCsv(text, (fields, line) => line > 1 && rows.push(fields), assert.fail);
  return rows;
};

test("an EHR export (Visit ID,DOS,Disc,CPT,Mins; 04/16/2026; Physical Therapy, ST): every visit read, CLI and page alike", () => {
  const cli = cliClaims(fixture);
  assert.equal(cli.status, 0, cli.stderr + cli.stdout);
  assert.equal(pageClaims(fixture), cli.stdout);
  const rows = claimRowsOf(cli.stdout);
  assert.deepEqual(
    [...new Set(rows.map((r) => r[0]))],
    ["E-10421", "E-10422", "E-10423", "E-10424", "E-10425", "E-10426", "E-10427", "E-10428"],
  );
  assert.deepEqual(
    rows.filter((r) => r[8] !== ""),
    [],
  );
  assert.equal(
    rows.reduce((n, r) => n + Number(r[3]), 0),
    20,
  );
  assert.equal(rows.find((r) => r[0] === "E-10423")[4], "GN"); // ST: speech-language pathology
  // Read day first the file has impossible dates (04/16/2026 has no month 16), each named, in both.
  const dmy = cliClaims(fixture, undefined, "dmy");
  assert.equal(dmy.status, 1);
  assert.equal(pageClaims(fixture, undefined, "dmy"), dmy.stdout);
  assert.equal(
    claimRowsOf(dmy.stdout)[0][8],
    'line 2: date_of_service "04/16/2026" is not a real date: read day first (D/M/Y), its month would be 16',
  );
});

test("dates: M/D/YYYY, M/D/YY and YYYY-MM-DD; the order chosen; two-digit years pivot at 70", () => {
  assert.equal(readDate("04/05/2026").value, "2026-04-05");
  assert.equal(readDate("4/5/26").value, "2026-04-05");
  assert.equal(readDate("04/05/2026", "dmy").value, "2026-05-04");
  assert.equal(readDate("12/31/69").value, "2069-12-31");
  assert.equal(readDate("1/1/70").value, "1970-01-01");
  assert.equal(readDate("2/29/2000").value, "2000-02-29");
  assert.match(readDate("2/29/1900").error, /day 29 of February 1900, which has 28 days/);
  for (const asWritten of ["2026-04-05", "04-05-2026", "4/5/206", "04/05/2026 10:00", "", "041/5/2026"])
    assert.deepEqual(readDate(asWritten), { value: asWritten, error: "" });
  assert.equal(dateInWords("04/05/2026", "mdy"), "April 5, 2026");
  assert.equal(dateInWords("04/05/2026", "dmy"), "May 4, 2026");
  assert.equal(dateInWords("2026-04-05", "mdy"), null);
  assert.match(dateInWords("13/05/2026", "mdy"), /^not a real date \(read month first/);
});

test("header names: ASCII case only, as the CLI", () => {
  assert.equal(
    matchHeader(["Visit ID", "DOS", "Disc", "CPT", "Mins", "\u212Aode"]).problems[0],
    'unknown column "\u212Aode"',
  );
});

test("discipline words in any case and spelling", () => {
  for (const [word, value] of [
    ["Physical Therapy", "PT"],
    ["p.t.", "PT"],
    ["Occupational therapy", "OT"],
    ["OT", "OT"],
    ["Speech", "SLP"],
    ["ST", "SLP"],
    ["Speech-Language Pathology", "SLP"],
    ["speech & language pathology", "SLP"],
    ["Recreation", "Recreation"],
    ["constructor", "constructor"],
    ["O\u0130T", "OT"], // a letter outside ASCII is dropped, as the CLI drops its bytes (toLowerCase would keep an i)
    ["\u212AOT", "OT"],
  ])
    assert.equal(readDiscipline(word), value, word);
  const text = "Visit ID,DOS,Disc,CPT,Mins\nA,04/15/2026,O\u0130T,97535,15\nB,04/15/2026,\u212AOT,97535,15\n";
  assert.equal(pageClaims(text), cliClaims(text).stdout);
});

// Issue 29 item 5: a denied line (97130 without 97129: docs/rules.md §D) is no claim line of the CLI's and counts in
// none of the File view's totals; the File view says why in words, its id kept for the details.
test("denied units and money are out of the claim lines and the File view's totals; the denial in words", () => {
  const text = "Visit ID,DOS,Disc,CPT,Mins\nD1,04/15/2026,Occupational Therapy,97130,30\nD1,04/15/2026,OT,97535,15\n";
  const cli = cliClaims(text);
  assert.equal(cli.status, 0, cli.stderr);
  assert.equal(pageClaims(text), cli.stdout);
  const rows = claimRowsOf(cli.stdout);
  assert.deepEqual(
    rows.map((r) => [r[2], r[3], r[5]]),
    [["97535", "1", "32.40"]],
  );
  assert.match(rows[0][6], /denied 97130: add-on-without-primary/);
  const read = readRows(text);
  const [v] = groupVisits(read, matchHeader(read.header.fields).columnOf);
  const o = outcome(v, evaluated(visitObject(v)));
  assert.deepEqual(totals(o), { units: 1, cents: 3240 });
  assert.match(o.messages["add-on-without-primary"], /^97130 is an add-on code: bill it with 97129/);
});

test("diagnoses and pointers (issue 30): each claim line carries its pointers, CLI and page alike", () => {
  const text =
    "Visit ID,DOS,Disc,CPT,Mins,Dx Codes,Dx Pointers\n" +
    'E-1,04/16/2026,PT,97110,38,"M54.50; R26.89",2 1\n' +
    'E-1,04/16/2026,PT,97530,15,"M54.50; R26.89",\n' +
    "E-2,04/16/2026,PT,97110,30,,\n";
  const cli = cliClaims(text);
  assert.equal(cli.status, 0, cli.stderr + cli.stdout);
  assert.equal(pageClaims(text), cli.stdout);
  const rows = claimRowsOf(cli.stdout);
  assert.deepEqual(
    rows.map((r) => [r[0], r[2], r[9]]),
    [
      ["E-1", "97110", "2 1"],
      ["E-1", "97530", "1"], // a service that names none treats the first
      ["E-2", "97110", ""], // no diagnoses, no pointers
    ],
  );
});
