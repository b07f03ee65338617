// Bounded memory (issue 14): the wrapper refuses a visit over the engine's 4 MiB limit before copying it
// into wasm, with the engine's own error, and never throws whatever it is handed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cliPath, loadPackage } from "./paths.mjs";

const { createEngine } = await loadPackage();
const engine = await createEngine();
const LIMIT = 4 * 1024 * 1024;
const refusal = (bytes) => ({
  ok: false,
  lines: [],
  edits: [],
  warnings: [],
  errors: [{ path: "", message: `the visit is ${bytes} bytes; the limit is 4 MiB` }],
  ties: [],
  checklist: [],
  fee: null,
  releases: [],
  trace: [],
});

test("a 100 MB visit is refused with its size and leaves wasm memory where it was", () => {
  const before = engine.memoryBytes();
  const text = " ".repeat(100 * 1024 * 1024);
  assert.deepEqual(JSON.parse(engine.evaluateJson(text)), refusal(100 * 1024 * 1024));
  assert.deepEqual(engine.evaluate({ services: [], note: text }), refusal(100 * 1024 * 1024 + 25));
  assert.equal(engine.memoryBytes(), before);
});

test("the refusal is byte for byte the native engine's", () => {
  const text = " ".repeat(LIMIT + 1);
  const native = spawnSync(cliPath, ["evaluate", "-"], { input: text, encoding: "utf8", maxBuffer: 1 << 20 });
  assert.equal(engine.evaluateJson(text), native.stdout.trim());
});

test("the size is counted in UTF-8 bytes as the engine counts them, at the very edge of the limit", () => {
  // "é" is 2 bytes, "€" 3, a surrogate pair 4; a lone surrogate also takes 4 (and its next unit) in emscripten.
  const quoted = (body) => `"${body}"`;
  const atLimit = quoted("é".repeat(LIMIT / 2 - 1)); // 2 + 4 MiB - 2 bytes
  assert.equal(JSON.parse(engine.evaluateJson(atLimit)).errors[0].message, "a visit must be a JSON object");
  assert.deepEqual(JSON.parse(engine.evaluateJson(`${atLimit} `)), refusal(LIMIT + 1));
  assert.deepEqual(
    JSON.parse(engine.evaluateJson("€".repeat(Math.floor(LIMIT / 3) + 1))),
    refusal((Math.floor(LIMIT / 3) + 1) * 3),
  );
  assert.deepEqual(JSON.parse(engine.evaluateJson("😀".repeat(LIMIT / 4 + 1))), refusal(LIMIT + 4));
  assert.deepEqual(JSON.parse(engine.evaluateJson(`${"x".repeat(LIMIT - 3)}\ud800`)), refusal(LIMIT + 1));
  // evaluate() counts the JSON it would send: quotes, escapes and \u escapes of lone surrogates included.
  const s = `${"a".repeat(LIMIT)}"\\\n\u0001\ud800😀é`;
  assert.deepEqual(engine.evaluate(s), refusal(Buffer.byteLength(JSON.stringify(s))));
});

test("a 1.2 GB string is refused without throwing", () => {
  const huge = "€".repeat(400_000_000); // 1,200,000,000 UTF-8 bytes
  assert.deepEqual(JSON.parse(engine.evaluateJson(huge)), refusal(1_200_000_000));
  assert.deepEqual(engine.evaluate(huge), refusal(1_200_000_002));
});

test("evaluate and evaluateJson never throw, whatever they are handed", () => {
  const hostile = [
    undefined,
    null,
    0,
    42n,
    Symbol("s"),
    () => 1,
    {
      toJSON() {
        throw new Error("no");
      },
    },
    {
      toString() {
        throw new Error("no");
      },
    },
    new Proxy(
      {},
      {
        ownKeys() {
          throw new Error("no");
        },
      },
    ),
    { big: 1n },
  ];
  for (const input of hostile) {
    for (const call of [() => engine.evaluate(input), () => JSON.parse(engine.evaluateJson(input))]) {
      const result = call();
      assert.equal(result.ok, false);
      assert.equal(typeof result.errors[0].message, "string");
    }
  }
});
