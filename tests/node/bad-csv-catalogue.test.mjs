// Every case of tests/bad-inputs/csv-cases.mjs, through the CLI and the page's File view: a bad row is an error
// naming its line and column (exit 1) and the page writes the same claim lines byte for byte; a bad file is
// refused as a whole (exit 2), by the page with the same words.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fileCases, rowCases } from "../bad-inputs/csv-cases.mjs";
import { readCsv } from "../../web/file/csv-reader.js";
import { cliClaims, pageClaims, pageRefusal } from "./csv-pipelines.mjs";

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
