// unitwise for Node (the "node" condition of package.json's exports): the browser entry, given the .wasm
// bytes read from beside this file, since Node's fetch cannot read file: URLs.
import { readFile } from "node:fs/promises";
import { createEngine as createEngineFrom } from "./index.js";

/**
 * Loads the engine, reading unitwise.wasm from disk unless `wasmBinary` or `locateFile` is given.
 * @param {import("./index.js").EngineOptions} [options]
 */
export async function createEngine(options = {}) {
  if (options.wasmBinary || options.locateFile) return createEngineFrom(options);
  return createEngineFrom({ ...options, wasmBinary: await readFile(new URL("./unitwise.wasm", import.meta.url)) });
}
