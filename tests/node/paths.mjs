// Where the suites find the built artifacts (env vars let a developer point them elsewhere).
import { fileURLToPath } from "node:url";
import { resolve } from "node:path";
import { readFile } from "node:fs/promises";

export const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));
export const npmDir = resolve(root, process.env.UNITWISE_NPM_DIR ?? "build/npm");
export const cliPath = resolve(root, process.env.UNITWISE_CLI ?? "build/native/bin/unitwise");
export const vectorsDir = resolve(root, "tests/vectors");
// The package as Node resolves "unitwise": its exports' "node" condition.
export const loadPackage = async () => {
  const { exports } = JSON.parse(await readFile(resolve(npmDir, "package.json"), "utf8"));
  return import(resolve(npmDir, exports["."].node));
};
