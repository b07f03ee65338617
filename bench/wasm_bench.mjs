// The wasm package's JSON entry point on the shared corpus: node bench/wasm_bench.mjs CORPUS NPM_DIR
// Prints visits per second.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

const [corpusPath, npmDir = "build/npm"] = process.argv.slice(2);
const { createEngine } = await import(resolve(npmDir, "index.node.js")); // the package's "node" entry
const engine = await createEngine();
const corpus = readFileSync(corpusPath, "utf8").split("\n").filter(Boolean);

for (const visit of corpus.slice(0, 2000)) engine.evaluateJson(visit); // warm up the JIT
let done = 0;
const started = performance.now();
while (performance.now() - started < 3000) {
  for (const visit of corpus) engine.evaluateJson(visit);
  done += corpus.length;
}
console.log(Math.round(done / ((performance.now() - started) / 1000)));
