// Every case of tests/bad-inputs/cases.mjs gives ok:false with an error naming the expected field,
// natively (exit 1, bounded time and memory) and in wasm (the same bytes out).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cases } from "../bad-inputs/cases.mjs";
import { cliPath, loadPackage } from "./paths.mjs";

const { createEngine } = await loadPackage();
const engine = await createEngine();

// The CLI runs under a 1 GB address-space limit and a 5 s timeout: a case that needs more fails.
function native(input) {
  const run = spawnSync("bash", ["-c", 'ulimit -v 1000000; exec "$0" evaluate -', cliPath], {
    input,
    timeout: 5000,
    maxBuffer: 1 << 26,
  });
  assert.equal(run.signal, null, `killed by ${run.signal}`);
  return { status: run.status, out: run.stdout.toString("utf8").trimEnd() };
}

function assertNamesField(out, path) {
  const result = JSON.parse(out);
  assert.equal(result.ok, false);
  assert.deepEqual(result.lines, []);
  const error = result.errors.find((e) => e.path === path);
  assert.ok(error, `no error at "${path}": ${JSON.stringify(result.errors).slice(0, 300)}`);
  assert.ok(error.message.length > 5 && error.message.length < 300);
}

test("the catalogue holds at least 40 cases", () => assert.ok(cases.length >= 40));

for (const c of cases) {
  test(`bad input: ${c.name} → error at "${c.path}"`, () => {
    const run = native(c.bytes ?? c.text);
    assert.equal(run.status, 1);
    assertNamesField(run.out, c.path);
    if (c.text !== undefined) {
      const started = performance.now();
      const wasm = engine.evaluateJson(c.text);
      assert.ok(performance.now() - started < 5000);
      assert.equal(wasm, run.out);
    }
  });
}
