// The page's CSV reader (web/file/csv-reader.js) reads what the CLI's libcsv reads (docs/batch.md, "Input"):
// RFC 4180 quoting, CRLF, a BOM, blank rows skipped, and each row named by the physical line it starts on.
import { test } from "node:test";
import assert from "node:assert/strict";
import { QUOTING_ERROR, readCsv } from "../../web/file/csv-reader.js";

const read = (text) => {
  const out = [];
  readCsv(
    text,
    (fields, line) => out.push([line, ...fields]),
    (message, line, fields) => out.push({ line, message, fields: [...fields] }),
  );
  return out;
};

test("plain rows, LF or CRLF or a bare CR, with or without a last line end", () => {
  const rows = [
    [1, "a", "b"],
    [2, "1", "2"],
    [3, "x", ""],
  ];
  assert.deepEqual(read("a,b\n1,2\nx,\n"), rows);
  assert.deepEqual(read("a,b\r\n1,2\r\nx,"), rows);
  // A CR alone ends a line too (issue 29: it was all line 1), inside quotes as well, as the CLI counts.
  assert.deepEqual(read("a,b\r1,2\rx,\r"), rows);
  assert.deepEqual(read('a\r"b\rc"\r\rd\r\n'), [
    [1, "a"],
    [2, "b\rc"],
    [5, "d"],
  ]);
});

test("quotes: commas, doubled quotes and line breaks inside; the next rows keep their physical lines", () => {
  assert.deepEqual(read('id,note\n"a,1","say ""hi"""\n"b","two\nlines"\nc,"three\r\nlines\r\n"\nd,e\n'), [
    [1, "id", "note"],
    [2, "a,1", 'say "hi"'],
    [3, "b", "two\nlines"],
    [5, "c", "three\r\nlines\r\n"],
    [8, "d", "e"],
  ]);
  assert.deepEqual(read('""\n"",""\n'), [], "rows of empty fields, quoted or not, are blank");
});

test("a UTF-8 byte order mark before the header is not part of the first name", () => {
  assert.deepEqual(read("\ufeffvisit_id,code\nV1,97110\n"), [
    [1, "visit_id", "code"],
    [2, "V1", "97110"],
  ]);
  assert.deepEqual(read("\ufeff"), []);
});

test("spaces around unquoted fields and after a closing quote are dropped; inside quotes they stay", () => {
  assert.deepEqual(read(' a , b\t,c d \n" x " ,"y"\t\n'), [
    [1, "a", "b", "c d"],
    [2, " x ", "y"],
  ]);
});

test("blank lines and rows of empty fields are skipped, and lines still counted", () => {
  assert.deepEqual(read("a,b\n\n,,\r\n,\n1,2\n"), [
    [1, "a", "b"],
    [5, "1", "2"],
  ]);
});

test("strict quoting: the row is an error naming its line, with the fields read so far; the next row reads", () => {
  assert.deepEqual(read('a,b,c\nV1,ab"c,x\nV2,"ab"c,x\nV3,"a" "b",x\nV4,2,3\n'), [
    [1, "a", "b", "c"],
    { line: 2, message: QUOTING_ERROR, fields: ["V1"] },
    { line: 3, message: QUOTING_ERROR, fields: ["V2"] },
    { line: 4, message: QUOTING_ERROR, fields: ["V3"] },
    [5, "V4", "2", "3"],
  ]);
});

test("a quote never closed is an error at the end, on the line its row started", () => {
  assert.deepEqual(read('a,b\nV1,"open\nmore\n'), [
    [1, "a", "b"],
    { line: 2, message: "malformed CSV: a quoted field is not closed before the end of the input", fields: ["V1"] },
  ]);
});

test("a row over 1 MiB is an error (an unclosed quote), and reading goes on with the next line", () => {
  const long = "x".repeat(700_000);
  const out = read(`a,b\nV1,"${long}\n${long}\nV2,2\n`);
  assert.deepEqual(out[0], [1, "a", "b"]);
  assert.deepEqual(out[1], { line: 2, message: "the row is longer than 1 MiB (an unclosed quote?)", fields: ["V1"] });
  assert.deepEqual(out.at(-1), [4, "V2", "2"]);
});

test("5,000 rows read in well under a second", () => {
  const text =
    "visit_id,code,minutes\n" + Array.from({ length: 5000 }, (_, i) => `V${i},"97110",${i % 60}`).join("\r\n");
  const started = performance.now();
  let n = 0;
  readCsv(
    text,
    () => n++,
    () => assert.fail("no error"),
  );
  assert.equal(n, 5001);
  assert.ok(performance.now() - started < 1000);
});
