// unitwise: the ES-module wrapper over the WebAssembly engine.
// createEngine() loads the module once; evaluate() is a pure function of the visit.
import createUnitwise from "./unitwise.js";

const isNode = typeof globalThis.process?.versions?.node === "string";

// Node has no fetch of file: URLs for the glue, so read the .wasm beside this file from disk.
async function nodeWasmBinary() {
  const { readFile } = await import("node:fs/promises");
  return readFile(new URL("./unitwise.wasm", import.meta.url));
}

/**
 * Loads the engine. Options: `wasmBinary` (the .wasm bytes) or `locateFile(name)` (where the .wasm is served).
 * @param {{ wasmBinary?: ArrayBuffer | Uint8Array, locateFile?: (name: string) => string }} [options]
 */
export async function createEngine(options = {}) {
  const moduleOptions = {};
  if (options.wasmBinary) moduleOptions.wasmBinary = options.wasmBinary;
  else if (isNode && !options.locateFile) moduleOptions.wasmBinary = await nodeWasmBinary();
  if (options.locateFile) moduleOptions.locateFile = options.locateFile;
  const wasm = await createUnitwise(moduleOptions);
  const decoder = new TextDecoder();
  // The result arrives as a view into wasm memory; decode it before the next call reuses it.
  const evaluateText = (text) => decoder.decode(wasm.evaluateJsonBytes(String(text)));

  return Object.freeze({
    /** Visit JSON string in, result JSON string out: the raw entry point. */
    evaluateJson: evaluateText,
    /** Visit object in, result object out. Never throws on a bad visit: the result says ok:false. */
    evaluate(visit) {
      let text;
      try {
        text = JSON.stringify(visit);
      } catch (error) {
        return errorResult(`the visit cannot be written as JSON: ${error.message}`);
      }
      if (text === undefined) return errorResult("a visit must be a JSON object");
      return JSON.parse(evaluateText(text));
    },
    version: () => wasm.version(),
    dataVersions: () => JSON.parse(wasm.dataVersions()),
    catalogue: () => JSON.parse(wasm.catalogue()),
    localities: (year) => JSON.parse(wasm.localities(Number(year) | 0)),
  });
}

function errorResult(message) {
  return { ok: false, lines: [], edits: [], warnings: [], errors: [{ path: "", message }], ties: [],
           checklist: [], fee: null, trace: [] };
}
