// Every shared vector (tests/vectors/**) through the wasm package, as the native suite runs them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { basename, dirname } from "node:path";
import { checkVector, readVector, vectorFiles } from "./vector-matcher.mjs";
import { loadPackage, vectorsDir } from "./paths.mjs";

const { createEngine } = await loadPackage();
const engine = await createEngine();

for (const file of vectorFiles(vectorsDir)) {
  const vector = readVector(file);
  test(`${basename(dirname(file))}/${vector.id}: ${vector.title}`, () => {
    const result =
      "rawVisit" in vector ? JSON.parse(engine.evaluateJson(vector.rawVisit)) : engine.evaluate(vector.visit);
    assert.deepEqual(checkVector(vector, result), [], JSON.stringify(result, null, 1).slice(0, 3000));
  });
}
