// Every case of tests/bad-inputs/episode-cases.mjs gives ok:false with an error naming the expected field,
// natively (`unitwise episode`: exit 1, bounded time and memory) and in wasm (the same bytes out).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { episodeCases } from "../bad-inputs/episode-cases.mjs";
import { cliPath, loadPackage } from "./paths.mjs";

const { createEngine } = await loadPackage();
const engine = await createEngine();

// The CLI runs under a 1 GB address-space limit and a 10 s timeout: a case that needs more fails.
function native(input) {
  const run = spawnSync("bash", ["-c", 'ulimit -v 1000000; exec "$0" episode -', cliPath], {
    input,
    timeout: 10000,
    maxBuffer: 1 << 26,
  });
  assert.equal(run.signal, null, `killed by ${run.signal}`);
  return { status: run.status, out: run.stdout.toString("utf8").trimEnd() };
}

test("the episode catalogue holds at least 40 cases", () => assert.ok(episodeCases.length >= 40));

for (const c of episodeCases) {
  test(`bad episode: ${c.name} → error at "${c.path}"`, () => {
    const run = native(c.bytes ?? c.text);
    assert.equal(run.status, 1, run.out.slice(0, 300));
    const result = JSON.parse(run.out);
    assert.equal(result.ok, false);
    assert.deepEqual(result.visits, []);
    const error = result.errors.find((e) => e.path === c.path);
    assert.ok(error, `no error at "${c.path}": ${JSON.stringify(result.errors).slice(0, 300)}`);
    assert.ok(error.message.length > 5 && error.message.length < 300);
    if (c.text !== undefined) {
      const started = performance.now();
      const wasm = engine.evaluateEpisodeJson(c.text);
      assert.ok(performance.now() - started < 5000);
      assert.equal(wasm, run.out);
    }
  });
}
