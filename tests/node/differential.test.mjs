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
  // The corpus exercises both paths: most visits valid, some invalid on purpose.
  assert.ok(invalid > 50 && invalid < 600, `invalid visits: ${invalid}`);
});

test("malformed JSON text gives the same error natively and in wasm", () => {
  const bad = ["", "{", "[]", "null", '{"services":', '{"a":1}', "\u00ff", '{"dateOfService":"2026-02-30"}'];
  const native = nativeBatch(bad.map((b) => b.replace(/\n/g, " ")).filter((b) => b !== ""));
  bad.filter((b) => b !== "").forEach((b, i) => assert.equal(engine.evaluateJson(b), native[i], b));
});

test("every shared vector gives byte-identical results natively and in wasm", () => {
  const texts = vectorFiles(vectorsDir).map(readVector).map((v) => v.rawVisit ?? JSON.stringify(v.visit));
  const native = nativeBatch(texts);
  assert.equal(native.length, texts.length);
  texts.forEach((text, i) => assert.equal(engine.evaluateJson(text), native[i], text));
});
