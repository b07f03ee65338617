// Assembles the deployable site: node web/assemble.mjs <npm package dir> <site dir>
// Copies the page (comments stripped: they are for readers of web/, and the page has a size budget) and the
// package's runtime files into <site>/unitwise/. Running it again gives the same site.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";

const [npmDir, siteDir] = process.argv.slice(2);
if (!npmDir || !siteDir) {
  console.error("usage: node web/assemble.mjs <npm package dir> <site dir>");
  process.exit(2);
}
// worker.js and unitwise-worker.js: the batch worker of the File view (its thread bundles its own engine glue).
const runtime = ["index.js", "unitwise.js", "unitwise.wasm", "worker.js", "unitwise-worker.js"];
const missing = runtime.filter((name) => !existsSync(join(npmDir, name)));
if (missing.length) {
  console.error(`assemble: ${missing.map((name) => join(npmDir, name)).join(", ")} missing ` +
                "(build the wasm module and run wasm/package/assemble.mjs first)");
  process.exit(1);
}

// Whole-line comments and trailing "  // why" comments in JS, /* */ in CSS. The page's own code never
// has "//" after two spaces inside a string, nor a line of a template literal starting with "//".
const STRIP = {
  ".js": (text) => text.split("\n").filter((line) => !/^\s*\/\//.test(line))
    .map((line) => line.replace(/ {2,}\/\/ .*$/, "")).join("\n"),
  ".css": (text) => text.replace(/\/\*[\s\S]*?\*\//g, ""),
};

const here = dirname(fileURLToPath(import.meta.url));
mkdirSync(join(siteDir, "unitwise"), { recursive: true });
for (const name of readdirSync(here)) {
  if (name === "assemble.mjs") continue;
  const strip = STRIP[extname(name)];
  if (strip) writeFileSync(join(siteDir, name), strip(readFileSync(join(here, name), "utf8")));
  else copyFileSync(join(here, name), join(siteDir, name));
}
for (const name of runtime) copyFileSync(join(npmDir, name), join(siteDir, "unitwise", name));
