// The wasm package's JSON entry point on the shared corpus: node bench/wasm_bench.mjs CORPUS NPM_DIR [--engine]
// Prints visits per second. --engine times the engine alone: the visit written into wasm memory and evaluated, its
// result left there as UTF-8 (the first step of bench/wasm_boundary.mjs), so the hand-over to JavaScript is excluded.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

const [corpusPath, npmDir = "build/npm"] = process.argv.slice(2).filter((arg) => arg !== "--engine");
const corpus = readFileSync(corpusPath, "utf8").split("\n").filter(Boolean);
let call;
if (process.argv.includes("--engine")) {
  const createUnitwise = (await import(resolve(npmDir, "unitwise.js"))).default;
  const wasm = await createUnitwise({ wasmBinary: readFileSync(resolve(npmDir, "unitwise.wasm")) });
  const encoder = new TextEncoder();
  call = (text) => {
    const room = text.length * 3;
    const at = wasm.inputBuffer(room);
    const { written } = encoder.encodeInto(text, wasm.HEAPU8.subarray(at, at + room));
    return wasm.evaluateInput(written, 0); // 0: the result stays in wasm memory as UTF-8 (wasm/hand_over.h)
  };
} else {
  const { createEngine } = await import(resolve(npmDir, "index.node.js")); // the package's "node" entry
  const engine = await createEngine();
  call = (text) => engine.evaluateJson(text);
}

for (const visit of corpus.slice(0, 2000)) call(visit); // warm up the JIT
let done = 0;
const started = performance.now();
while (performance.now() - started < 3000) {
  for (const visit of corpus) call(visit);
  done += corpus.length;
}
console.log(Math.round(done / ((performance.now() - started) / 1000)));
