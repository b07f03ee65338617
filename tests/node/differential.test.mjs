// The wasm package and the native CLI must give byte-identical JSON for the same visit.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { generateVisits } from "./generate-visits.mjs";
import { cliPath, loadPackage, vectorsDir } from "./paths.mjs";
import { readVector, vectorFiles } from "./vector-matcher.mjs";

const { createEngine } = await loadPackage();
const engine = await createEngine();

function nativeBatch(lines) {
  const run = spawnSync(cliPath, ["evaluate", "--batch"], { input: lines.join("\n") + "\n", maxBuffer: 1 << 30 });
  assert.ok(run.status === 0 || run.status === 1, `CLI exited ${run.status}: ${run.stderr}`);
  return run.stdout.toString("utf8").split("\n").slice(0, -1);
}

test("1,500 generated visits give byte-identical results natively and in wasm", () => {
  const lines = generateVisits(1500, 20261123).map((v) => JSON.stringify(v));
  const native = nativeBatch(lines);
  assert.equal(native.length, lines.length);
  let invalid = 0;
  lines.forEach((line, i) => {
    const wasm = engine.evaluateJson(line);
    assert.equal(wasm, native[i], `visit ${i}: ${line}`);
    if (wasm.startsWith('{"ok":false')) invalid++;
  });
  // evaluate() takes the result in ASCII and parses it: the same values as the native text
  lines.forEach((line, i) => assert.deepEqual(engine.evaluate(JSON.parse(line)), JSON.parse(native[i]), line));
  // The corpus exercises both paths: most visits valid, some invalid on purpose.
  assert.ok(invalid > 50 && invalid < 600, `invalid visits: ${invalid}`);
});

test("malformed JSON text gives the same error natively and in wasm", () => {
  const bad = ["", "{", "[]", "null", '{"services":', '{"a":1}', "\u00ff", '{"dateOfService":"2026-02-30"}'];
  const native = nativeBatch(bad.map((b) => b.replace(/\n/g, " ")).filter((b) => b !== ""));
  bad.filter((b) => b !== "").forEach((b, i) => assert.equal(engine.evaluateJson(b), native[i], b));
});

test("every shared vector gives byte-identical results natively and in wasm", () => {
  const texts = vectorFiles(vectorsDir)
    .map(readVector)
    .map((v) => v.rawVisit ?? JSON.stringify(v.visit));
  const native = nativeBatch(texts);
  assert.equal(native.length, texts.length);
  texts.forEach((text, i) => assert.equal(engine.evaluateJson(text), native[i], text));
});

// In Node a result leaves wasm memory as Latin-1 bytes with its few wider characters spliced back in, or as UTF-16
// when it holds many (wasm/hand_over.h HandOver): every character must come back as the CLI writes it.
test("results holding any character come back byte-identical, few or many past Latin-1", () => {
  const visit = (fields) =>
    JSON.stringify({
      dateOfService: "2026-03-02",
      discipline: "PT",
      services: [{ code: "97110", minutes: 23 }],
      ...fields,
    });
  const latin1 = Array.from({ length: 0x80 }, (_, i) => String.fromCharCode(0x80 + i)).join("");
  // U+0080..U+00FF (C1 controls too) in two names of at most 120 characters; a few wide ones
  const names = [`Caisse ${latin1.slice(0, 64)}`, `Caisse ${latin1.slice(64)}`, "Caisse é 😀 → ĀŸ"];
  // 40 codes the engine quotes in its errors: hundreds of wide characters, past the room the Latin-1 way keeps
  // (a 64th of the result's bytes, plus 64), so these results come as UTF-16
  const manyWide = ["九", "😀"].map((c) =>
    JSON.stringify({
      dateOfService: "2026-03-02",
      discipline: "PT",
      services: Array.from({ length: 40 }, (_, i) => ({ code: c.repeat(20 + i), minutes: 23 })),
    }),
  );
  const visits = [...names.map((name) => visit({ payer: { name } })), ...manyWide];
  const native = nativeBatch(visits);
  visits.forEach((text, i) => assert.equal(engine.evaluateJson(text), native[i], text.slice(0, 120)));
  // evaluate() has its results in ASCII (\u escapes) and parses them: the same values
  visits.forEach((text, i) => assert.deepEqual(engine.evaluate(JSON.parse(text)), JSON.parse(native[i])));
  names.forEach((name, i) => assert.equal(JSON.parse(native[i]).fee.payer, name));
  for (const i of [3, 4]) {
    const wide = [...native[i]].filter((c) => c.codePointAt(0) > 0xff).length;
    assert.ok(wide > Buffer.byteLength(native[i]) / 64 + 64, `result ${i} holds only ${wide} wide characters`);
  }
});

test("results stay whole after wasm memory grows under the wrapper's view of it", async () => {
  const fresh = await createEngine();
  const visit = '{"dateOfService":"2026-03-02","discipline":"PT","services":[{"code":"97110","minutes":38}]}';
  const [expected] = nativeBatch([visit]);
  assert.equal(fresh.evaluateJson(visit), expected);
  const before = fresh.memoryBytes();
  const padded = visit.replace("{", `{${" ".repeat(3 * 1024 * 1024)}`); // 3 MiB of blanks: the input needs room
  assert.equal(fresh.evaluateJson(padded), expected);
  assert.ok(fresh.memoryBytes() > before, "the memory grew");
  assert.equal(fresh.evaluateJson(visit), expected);
});

// The wrapper writes a visit of up to 64K UTF-16 units into wasm memory with TextEncoder, a longer one (or one
// holding a lone surrogate) through Embind's string conversion: the same text must give the same bytes either way.
test("the wrapper's two ways into wasm give the same results", () => {
  const visits = [
    JSON.stringify(generateVisits(1, 7)[0]),
    '{"dateOfService":"2026-03-02","discipline":"PT","services":[{"code":"97110","minutes":23}],"payer":{"name":"Caisse é 😀 →"}}',
    '{"dateOfService":"2026-03-02","discipline":"PT","services":[{"code":"97110\ud800","minutes":23}]}', // a lone surrogate
    '{"dateOfService":"2026-03-02","discipline":"PT","services":[{"code":"97110\udc00x","minutes":23}]}',
  ];
  for (const visit of visits) {
    const padded = visit + " ".repeat(70 * 1024); // past the TextEncoder path's 64K units: Embind's way
    assert.equal(engine.evaluateJson(visit), engine.evaluateJson(padded), visit);
  }
  // and the lone surrogate is refused as text that is not UTF-8, never read as U+FFFD
  assert.match(JSON.parse(engine.evaluateJson(visits[2])).errors[0].message, /not valid JSON \(or not UTF-8\)/);
});
