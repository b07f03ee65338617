// unitwise for Node (the "node" condition of package.json's exports): the browser entry, given the .wasm
// bytes read from beside this file, since Node's fetch cannot read file: URLs.
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { createEngine as createEngineFrom } from "./index.js";

/**
 * Loads the engine, reading unitwise.wasm from disk unless `wasmBinary` or `locateFile` is given.
 * @param {import("./index.js").EngineOptions} [options]
 * @returns {Promise<import("./index.js").Engine>}
 */
export async function createEngine(options = {}) {
  if (options.wasmBinary || options.locateFile) return createEngineFrom(options);
  return createEngineFrom({ ...options, wasmBinary: await readFile(new URL("./unitwise.wasm", import.meta.url)) });
}

/**
 * Reads a data pack folder (as `unitwise import-cms --out DIR` writes it) into the object `createEngine({ data })` takes.
 * @param {string} dir
 * @returns {Promise<import("./index.js").DataPack>}
 */
export async function readDataPack(dir) {
  /** @type {import("./index.js").DataPack} */
  const pack = {};
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isFile()) pack[entry.name] = await readFile(join(dir, entry.name), "utf8");
  }
  return pack;
}
