// Assembles the deployable site: node web/assemble.mjs <npm package dir> <site dir>
// Copies the page (comments stripped: they are for readers of web/, and the page has a size budget) and the
// package's runtime files into <site>/unitwise/, and writes the list of the site's files and their content hash
// into sw.js (the offline cache of one build). Running it again gives the same site.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";

const [npmDir, siteDir] = process.argv.slice(2);
if (!npmDir || !siteDir) {
  console.error("usage: node web/assemble.mjs <npm package dir> <site dir>");
  process.exit(2);
}
// worker.js starts the File view's batch worker. The page does not ship the package's bundled
// unitwise-worker.js (its own copy of index.js and the glue, 13 KB gzip): it serves the unbundled thread,
// worker-thread.js, as a module worker that imports the same index.js and unitwise.js as the page (issue 16).
const runtime = ["index.js", "unitwise.js", "unitwise.wasm", "worker.js"];
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
const files = [];
for (const name of readdirSync(here).sort()) {
  if (name === "assemble.mjs") continue;
  const strip = STRIP[extname(name)];
  if (strip) writeFileSync(join(siteDir, name), strip(readFileSync(join(here, name), "utf8")));
  else copyFileSync(join(here, name), join(siteDir, name));
  files.push(name);
}
for (const name of runtime) {
  copyFileSync(join(npmDir, name), join(siteDir, "unitwise", name));
  files.push(`unitwise/${name}`);
}
// The File view's worker thread, unbundled: it imports the page's own index.js and unitwise.js.
// From the package source, or, when this copy of web/ stands apart from the repository, from the runtime folder given.
const thread = [join(here, "..", "wasm", "package", "worker-thread.js"), join(npmDir, "worker-thread.js")].find(existsSync);
writeFileSync(join(siteDir, "unitwise", "worker-thread.js"), STRIP[".js"](readFileSync(thread, "utf8")));
files.push("unitwise/worker-thread.js");
rmSync(join(siteDir, "unitwise", "unitwise-worker.js"), { force: true });  // from a site assembled before

// Any changed byte of any file (the service worker's own code included) makes a new build with its own cache.
const hash = createHash("sha256");
for (const name of files) hash.update(`${name}\0`).update(readFileSync(join(siteDir, name))).update("\0");
const shell = ["./", ...files.filter((name) => name !== "sw.js")];
const sw = readFileSync(join(siteDir, "sw.js"), "utf8");
const built = sw.replace('const CACHE = "unitwise-dev";', `const CACHE = "unitwise-${hash.digest("hex").slice(0, 16)}";`)
  .replace("const SHELL = [];", `const SHELL = ${JSON.stringify(shell)};`);
if (built === sw) {
  console.error("assemble: web/sw.js lost its CACHE or SHELL line");
  process.exit(1);
}
writeFileSync(join(siteDir, "sw.js"), built);
