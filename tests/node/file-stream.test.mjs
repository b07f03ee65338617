// The File view reads a file as a stream (web/file/file-stream.js, issue 29): cut into pieces anywhere, even inside
// a UTF-8 character, a CSV or JSON Lines file gives the claim lines the whole text gives, which are the CLI's.
import { test } from "node:test";
import assert from "node:assert/strict";
import { CLAIM_HEADER, matchHeader } from "../../web/file/file-batch.js";
import { csvParser, readCsv } from "../../web/file/csv-reader.js";
import { evaluateFile, peek } from "../../web/file/file-stream.js";
import { cliClaims, evaluated, pageClaims } from "./csv-pipelines.mjs";
import { CSV_HEADER, csvLines, csvVisits } from "./visits-csv.mjs";
import { prng } from "./generate-visits.mjs";

// A File whose stream gives its bytes in pieces of random sizes (1 to `most` bytes).
function pieced(name, text, rand, most = 64) {
  const bytes = new TextEncoder().encode(text);
  return {
    name,
    size: bytes.length,
    stream: () =>
      new ReadableStream({
        start(controller) {
          for (let at = 0; at < bytes.length;) {
            const size = 1 + Math.floor(rand() * most);
            controller.enqueue(bytes.slice(at, at + size));
            at += size;
          }
          controller.close();
        },
      }),
  };
}

async function streamedClaims(file) {
  const read = await peek(file);
  const how = read.jsonl ? { jsonl: true } : { columnOf: matchHeader(read.header.fields).columnOf, dateOrder: "mdy" };
  const done = await evaluateFile(file, how, {
    evaluateMany: async (visits) => visits.map(evaluated),
    progress: () => {},
    current: () => true,
    chunk: 7,
  });
  return CLAIM_HEADER + "\n" + done.records.map((r) => r.claims).join("");
}

test("the CSV reader fed in pieces reads the rows and lines it reads whole", () => {
  const rand = prng(7);
  const texts = [
    '\uFEFFa,b\r\n"x\r\ny",2\r1,"2"\n\n3,"4" x\n5,6',
    'a,b\r\n1,"2\r\n',
    "a,b\r",
    CSV_HEADER + [...csvLines(csvVisits(50))].join(""),
  ];
  for (const text of texts) {
    const whole = [];
    readCsv(
      text,
      (f, l) => whole.push([l, f]),
      (m, l, f) => whole.push(["error", l, m, [...f]]),
    );
    for (let round = 0; round < 20; round++) {
      const got = [];
      const parser = csvParser(
        (f, l) => got.push([l, f]),
        (m, l, f) => got.push(["error", l, m, [...f]]),
      );
      for (let at = 0; at < text.length;) {
        const size = 1 + Math.floor(rand() * 9);
        parser.push(text.slice(at, at + size));
        at += size;
      }
      parser.end();
      assert.deepEqual(got, whole, JSON.stringify(text));
    }
  }
});

test("a CSV file streamed in pieces: the CLI's claim lines, byte for byte", async () => {
  const rand = prng(11);
  const text = "\uFEFF" + CSV_HEADER + [...csvLines(csvVisits(300))].join("") + "BAD,2026-03-02,PT,9711é,x,,,\r\n";
  assert.equal(await streamedClaims(pieced("visits.csv", text, rand)), cliClaims(text).stdout);
  assert.equal(await streamedClaims(pieced("visits.csv", text, rand, 5)), pageClaims(text));
});

test("a JSON Lines file streamed in pieces: a visit a line, blank lines skipped, as read whole", async () => {
  const rand = prng(3);
  const visit = { dateOfService: "2026-03-02", discipline: "PT", services: [{ code: "97110", minutes: 30 }] };
  const text = [JSON.stringify(visit), "", "{not json", JSON.stringify({ ...visit, discipline: "OT" }), "7", ""].join(
    "\r\n",
  );
  const claims = await streamedClaims(pieced("v.jsonl", text, rand, 3));
  const lines = claims.trim().split("\n");
  assert.equal(lines.length, 5);
  assert.match(lines[1], /^1,1,97110,2,/);
  assert.match(lines[2], /^3,,,,,,,,line 3: not valid JSON/);
  assert.match(lines[3], /^4,1,97110,2,/);
  assert.match(lines[4], /^5,,,,,,,,line 5: /);
});

test("a file that is not UTF-8 is refused by name", async () => {
  const file = { name: "x.csv", size: 3, stream: () => new Blob([new Uint8Array([0x61, 0xff, 0x0a])]).stream() };
  await assert.rejects(peek(file), /not UTF-8/);
});
