// The page's File view reads a CSV as `unitwise evaluate --csv` does and writes the same claim lines
// (web/file/file-batch.js): the same files through both, compared byte for byte.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  claimRows,
  factsOnly,
  headerSignature,
  matchHeader,
  MAX_OPEN_VISITS,
  outcome,
  readJsonLines,
  readRows,
} from "../../web/file/file-batch.js";
import { cliClaims, engine, evaluated, pageClaims } from "./csv-pipelines.mjs";
import { CSV_HEADER, csvLines, csvVisits } from "./visits-csv.mjs";

test("1,000 generated visits (a fifth invalid, rows interleaved): the CLI's claim lines, byte for byte", () => {
  const text = CSV_HEADER + [...csvLines(csvVisits(1000, 7), 8)].join("");
  const cli = cliClaims(text);
  assert.equal(cli.status, 1);
  assert.equal(pageClaims(text), cli.stdout);
});

// Issue 29: the page groups with the CLI's default window (MAX_OPEN_VISITS), so a visit whose rows come back after
// 10,000 other visits began is the same one error in both, and no claim line of it.
test("a visit split across the file beyond the default window: the CLI's one error row, byte for byte", () => {
  const row = (id, code) => `${id},2026-03-02,PT,${code},10,\n`;
  let text = "visit_id,date_of_service,discipline,code,minutes,assistant_minutes\n" + row("S", "97110");
  for (let i = 0; i < MAX_OPEN_VISITS; i++) text += row(`V${i}`, "97110");
  text += row("S", "97140");
  const cli = cliClaims(text);
  assert.equal(cli.status, 1);
  const s = cli.stdout.split("\n").filter((l) => l.startsWith("S,"));
  assert.deepEqual(s, [
    `S,,,,,,,,"line 2: visit_id S comes again on line ${MAX_OPEN_VISITS + 3}, after ${MAX_OPEN_VISITS} or more ` +
      `other visits began: no claim for it, since a visit's rows must come within ${MAX_OPEN_VISITS} visits of each other ` +
      `(--max-open-visits ${MAX_OPEN_VISITS}); sort the rows by visit_id, or raise --max-open-visits (0: no limit)",`,
  ]);
  assert.equal(pageClaims(text), cli.stdout);
});

test("the CSV layer's problems, quoting and number cells: the CLI's rows, byte for byte", () => {
  const rows = [
    "\ufeffVisit_ID,date_of_service,discipline,code,minutes,assistant_minutes,locality,setting,payer",
    "A,2026-03-02,PT,97110,007,,national,,",
    "B,2026-03-02,PT,97110,12.5,,,,",
    "A,2026-03-02,OT,97140,15,3,,,",
    ",2026-03-02,PT,97110,15,,,,",
    "C,2026-03-02,PT,97110,15,,,",
    'D,2026-03-02,PT,97110,"1""5",,,,',
    'E,2026-03-02,PT,97110,1"5,,,,',
    "F,2026-03-02,PT,97530,30,,13202-01,facility,",
    'F,,,97750,"30",,,,',
    "  G , 2026-03-02 ,SLP,92507, ,,,,",
    "H,2026-03-02,PT,97110,abc,1e1,,,",
    "I,2026-03-02,PT,97110,20,5,,,Medicare",
    "J,2026-13-02,XX,97110,5.0,-0,,,",
    'K,2026-03-02,PT,"97110',
    '",20,,,,',
    ",,,,,,,,",
    "",
    "L,2026-03-02,PT,97110,90,,,,",
    "L,2026-03-02,PT,97112,90,,,,",
    'M,2026-03-02,PT,"97110,"x",,,,',
    "N,2027-01-04,PT,97110,40,,,,",
    'O,2026-03-02,PT,97110,"open',
  ];
  for (const eol of ["\n", "\r\n"]) {
    const text = rows.join(eol) + eol;
    const cli = cliClaims(text);
    assert.equal(cli.status, 1, cli.stderr);
    assert.equal(pageClaims(text), cli.stdout);
    assert.match(cli.stdout, /line 3: minutes must be a whole number/);
  }
});

test("more than 100 rows for one visit: the CLI's error", () => {
  const text = CSV_HEADER + Array.from({ length: 102 }, () => "A,2026-03-02,PT,97010,,,,\n").join("");
  assert.equal(pageClaims(text), cliClaims(text).stdout);
});

test("headers: names and their synonyms in any case, spacing and order pass; others are named, as the CLI names them", () => {
  assert.deepEqual(
    matchHeader(["CODE", "visit_id", "minutes", "Date_Of_Service", "discipline", "assistant_minutes"]).problems,
    [],
  );
  assert.deepEqual(matchHeader(["Visit ID", "DOS", "Disc", "CPT", "Mins"]).problems, []);
  assert.deepEqual(
    matchHeader(["encounter id", "SERVICE DATE", "Therapy", "HCPCS", "Minutes", "PTA Minutes", "Rendering NPI"])
      .columnOf,
    {
      visit_id: 0,
      date_of_service: 1,
      discipline: 2,
      code: 3,
      minutes: 4,
      assistant_minutes: 5,
      clinician: 6,
    },
  );
  const { problems } = matchHeader(["Visit #", "DOS", "discipline", "CPT", "Mins", "assistant_minutes", "code"]);
  assert.deepEqual(problems, [
    'unknown column "Visit #"',
    'column code (as "CPT" and "code") appears twice',
    "missing column(s) visit_id",
  ]);
  assert.equal(matchHeader(["constructor", "__proto__"]).problems[0], 'unknown column "constructor"');
  assert.deepEqual(matchHeader(["visit_id", "VISIT_ID"]).problems.slice(0, 1), ["column visit_id appears twice"]);
  assert.notEqual(headerSignature(["a", "b"]), headerSignature(["a,b"]));
  assert.equal(readRows("").problem, "the CSV file is empty: it needs a header row (visit_id, ...)");
  assert.equal(
    readRows('"a\n').problem,
    "line 1: malformed CSV: a quoted field is not closed before the end of the input",
  );
});

test("JSON Lines: one visit a line, named by its line; a line that is not JSON is that visit's error", () => {
  const visits = readJsonLines(
    '{"dateOfService":"2026-03-02","discipline":"PT","services":[{"code":"97110","minutes":30}]}\n\n{oops\r\n' +
      '{"dateOfService":"2026-03-02","discipline":"PT","services":[{"code":"97110","minutes":-1}]}',
  );
  assert.deepEqual(
    visits.map((v) => v.id),
    ["1", "3", "4"],
  );
  const claims = visits.map((v) => claimRows(v, outcome(v, v.errors.length ? null : evaluated(v.visit)))).join("");
  // A 2026 visit is checked against the built-in NCCI table of 2024-07-01, which may be stale (docs/data.md).
  assert.equal(
    claims,
    "1,1,97110,2,GP,,,table-may-be-stale,,\n".replace(
      ",,,table",
      `,${engine.evaluate(visits[0].visit).lines[0].allowed.toFixed(2)},,table`,
    ) +
      "3,,,,,,,,line 3: not valid JSON: a visit is one JSON object on one line,\n" +
      "4,,,,,,,,line 4: /services/0/minutes must be between 0 and 1440 minutes,\n",
  );
});

// Random bytes of CSV syntax (quotes, doubled quotes, bare CRs, tabs, blank lines, short and long rows) after a
// valid header: the page reads every one of them as the CLI does, errors and line numbers included.
test("300 random CSV files of quoting and line-end noise: the CLI's rows, byte for byte", async () => {
  const { prng } = await import("./generate-visits.mjs");
  const rand = prng(2024);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const cells = [
    "A",
    "B",
    "",
    " A ",
    '"A"',
    '"A""B"',
    '"a,b"',
    '"x\ny"',
    'a"b',
    '"a" b',
    '"a"  ',
    " \t",
    '"',
    '""',
    "2026-03-02",
    "PT",
    "OT",
    "97110",
    "97140",
    "15",
    "12.5",
    "007",
    "-0",
    "x\r",
    "\r\n",
    "\n\n",
  ];
  const seps = [",", ",", ",", ",", "\n", "\r\n", "\r"];
  for (let file = 0; file < 300; file++) {
    let text =
      pick(["", "\ufeff"]) +
      "visit_id,date_of_service,discipline,code,minutes,assistant_minutes" +
      pick(["\n", "\r\n"]);
    for (let n = Math.floor(rand() * 60); n > 0; n--) text += pick(cells) + pick(seps);
    if (rand() < 0.5) text += "\n";
    const cli = cliClaims(text);
    const read = readRows(text);
    if (cli.status === 2) {
      assert.notEqual(read.problem, null, JSON.stringify(text));
      continue;
    }
    assert.equal(pageClaims(text), cli.stdout, JSON.stringify(text));
  }
});

test("the File view asks for the facts alone, leaving a visit that sets trace or has odd options as it was", () => {
  const visit = { dateOfService: "2026-03-02", discipline: "PT", services: [{ code: "97110", minutes: 30 }] };
  assert.deepEqual(factsOnly(visit), { ...visit, options: { trace: false } });
  assert.deepEqual(factsOnly({ ...visit, options: { pooling: "all" } }).options, { pooling: "all", trace: false });
  for (const same of [
    { ...visit, options: { trace: true } },
    { ...visit, options: "x" },
    { ...visit, options: null },
    { ...visit, options: [] },
    [visit],
    "visit",
    null,
    7,
  ]) {
    assert.equal(factsOnly(same), same);
  }
  assert.deepEqual(
    visit,
    { dateOfService: "2026-03-02", discipline: "PT", services: [{ code: "97110", minutes: 30 }] },
    "the user's visit is not changed",
  );
  const full = engine.evaluate(visit);
  const facts = engine.evaluate(factsOnly(visit));
  assert.ok(full.trace.length > 0);
  assert.deepEqual(facts, { ...full, trace: [] });
});
