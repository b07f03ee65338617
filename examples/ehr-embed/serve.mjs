#!/usr/bin/env node
// Serves this example as a host app would: its page, with the built package beside it at ./unitwise/, under the
// strict CSP headers of tools/static-server.mjs.
// usage: node examples/ehr-embed/serve.mjs [PORT]   (after scripts/build; PORT defaults to 8081, 0 picks a free one)
import { cpSync, existsSync, rmSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { startServer } from "../../tools/static-server.mjs";

const here = import.meta.dirname;
const root = resolve(here, "../..");
const npmDir = resolve(root, process.env.UNITWISE_NPM_DIR ?? "build/npm");
const port = process.argv[2] ?? process.env.PORT ?? "8081";

if (!existsSync(join(npmDir, "element.js"))) {
  console.error(`serve: no package in ${npmDir}; run scripts/build first`);
  process.exit(1);
}
// The site: the example's page files, and the package where the page imports it from.
const site = resolve(root, "build/ehr-embed");
rmSync(site, { recursive: true, force: true });
cpSync(here, site, { recursive: true, filter: (file) => !["serve.mjs", "README.md"].includes(basename(file)) });
cpSync(npmDir, join(site, "unitwise"), { recursive: true });

const server = await startServer(site, port);
console.log(`unitwise EHR embed example: http://127.0.0.1:${server.address().port}/`);
