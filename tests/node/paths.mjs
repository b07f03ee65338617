// Where the suites find the built artifacts (env vars let a developer point them elsewhere).
import { fileURLToPath } from "node:url";
import { resolve } from "node:path";

export const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));
export const npmDir = resolve(root, process.env.UNITWISE_NPM_DIR ?? "build/npm");
export const cliPath = resolve(root, process.env.UNITWISE_CLI ?? "build/native/bin/unitwise");
export const vectorsDir = resolve(root, "tests/vectors");
export const loadPackage = () => import(resolve(npmDir, "index.js"));
