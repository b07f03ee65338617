// Where a wasm call's time goes in Node, step by step: node bench/wasm_boundary.mjs CORPUS NPM_DIR
// The engine with its result left in wasm memory as UTF-8, then as Latin-1 bytes plus wide units, then the package's
// evaluateJson (which also makes the JS string), then that string read by JSON.parse (which flattens the spliced
// string); last, evaluate() on the visit as an object, which takes its result in ASCII and parses it (its
// JSON.stringify of the visit included). Medians of 11 passes over the corpus, in µs per visit.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

const [corpusPath, npmDir = "build/npm"] = process.argv.slice(2);
const createUnitwise = (await import(resolve(npmDir, "unitwise.js"))).default;
const wasm = await createUnitwise({ wasmBinary: readFileSync(resolve(npmDir, "unitwise.wasm")) });
const { createEngine } = await import(resolve(npmDir, "index.node.js"));
const engine = await createEngine();
const corpus = readFileSync(corpusPath, "utf8").split("\n").filter(Boolean);
const objects = corpus.map((text) => JSON.parse(text));

const encoder = new TextEncoder();
const call = (form) => (text) => {
  const room = text.length * 3;
  const at = wasm.inputBuffer(room);
  const { written } = encoder.encodeInto(text, wasm.HEAPU8.subarray(at, at + room));
  return wasm.evaluateInput(written, form);
};
const steps = {
  "engine, result left as UTF-8": call(0),
  "+ Latin-1 and wide units": call(1),
  "evaluateJson (the package)": (text) => engine.evaluateJson(text),
  "+ JSON.parse of the result": (text) => JSON.parse(engine.evaluateJson(text)),
  "ASCII instead (the form evaluate() takes)": call(2),
  "evaluate() (ASCII result, parsed)": (text, visit) => engine.evaluate(visit),
};
const pass = (step) => {
  const started = performance.now();
  for (let i = 0; i < corpus.length; i++) step(corpus[i], objects[i]);
  return ((performance.now() - started) / corpus.length) * 1000;
};
for (const step of Object.values(steps)) pass(step); // warm up the JIT
const times = Object.fromEntries(Object.keys(steps).map((name) => [name, []]));
for (let round = 0; round < 11; round++) for (const [name, step] of Object.entries(steps)) times[name].push(pass(step));
for (const [name, list] of Object.entries(times)) {
  console.log(`${name.padEnd(44)} ${list.sort((a, b) => a - b)[5].toFixed(1)} µs`);
}
