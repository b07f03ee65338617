// Assembles the deployable site: node web/assemble.mjs <npm package dir> <site dir> [--readable]
// Copies the page and the package's runtime files into <site>/unitwise/, its scripts and style sheet minified (web/
// is for readers; the site has a size budget, docs/performance.md), and writes the list of the site's files and
// their content hash into sw.js (the offline cache of one build). Running it again gives the same site.
// --readable keeps the code as written, only without comments, for debugging the page in a browser.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, extname, join, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const readable = process.argv.includes("--readable");
const [npmDir, siteDir] = process.argv.slice(2).filter((arg) => arg !== "--readable");
if (!npmDir || !siteDir) {
  console.error("usage: node web/assemble.mjs <npm package dir> <site dir> [--readable]");
  process.exit(2);
}
// worker.js starts the File view's batch worker. The page does not ship the package's bundled
// unitwise-worker.js (its own copy of index.js and the glue, 13 KB gzip): it serves its own unbundled thread,
// engine-thread.js, as a module worker that imports the same index.js and unitwise.js as the page (issue 16).
const runtime = ["index.js", "unitwise.js", "unitwise.wasm", "worker.js", "zip.js"]; // zip.js: index.js opens CMS's zips
const missing = runtime.filter((name) => !existsSync(join(npmDir, name)));
if (missing.length) {
  console.error(
    `assemble: ${missing.map((name) => join(npmDir, name)).join(", ")} missing ` +
      "(build the wasm module and run wasm/package/assemble.mjs first)",
  );
  process.exit(1);
}

// Whole-line comments and trailing "  // why" comments in JS, /* */ in CSS: all --readable takes out, and all
// sw.js loses, since the lines it is given below must stay as written. The page's own code never has "//" after
// two spaces inside a string, nor a line of a template literal starting with "//".
const STRIP = {
  ".js": (text) =>
    text
      .split("\n")
      .filter((line) => !/^\s*\/\//.test(line))
      .map((line) => line.replace(/ {2,}\/\/ .*$/, ""))
      .join("\n"),
  ".css": (text) => text.replace(/\/\*[\s\S]*?\*\//g, ""),
};
// esbuild, a dev dependency (scripts/install-deps): found beside this file in the repository, or from the
// folder this runs in for a copy of web/ standing apart. Without it the site is assembled --readable, and says so.
async function loadEsbuild() {
  try {
    return await import("esbuild");
  } catch {
    try {
      return await import(pathToFileURL(createRequire(join(process.cwd(), "assemble")).resolve("esbuild")).href);
    } catch {
      return null;
    }
  }
}
const esbuild = readable ? null : await loadEsbuild();
if (!readable && !esbuild)
  console.error("assemble: esbuild not found (npm install in the repository): the site is not minified");
// esbuild renames locals and drops whitespace and comments (12 KB gzip off the page); ES2022 keeps the
// top-level await and class fields the page uses.
const MINIFY = {
  ".js": (text) =>
    esbuild.transformSync(text, { loader: "js", minify: true, target: "es2022", legalComments: "none" }).code,
  ".css": (text) => esbuild.transformSync(text, { loader: "css", minify: true, legalComments: "none" }).code,
};
const shrink = (name, text) => (!esbuild || name === "sw.js" ? STRIP : MINIFY)[extname(name)](text);

const here = dirname(fileURLToPath(import.meta.url));
mkdirSync(join(siteDir, "unitwise"), { recursive: true });
const files = [];
// The site has web/'s layout: index.html, sw.js (its scope is its folder, so the root) and the manifest at the
// root, each role's scripts in a folder of its own. Paths in SHELL are URLs, so "/" whatever the system's separator.
const sources = readdirSync(here, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => relative(here, join(entry.parentPath, entry.name)).split(sep).join("/"))
  .filter((name) => name !== "assemble.mjs")
  .sort();
for (const name of sources) {
  mkdirSync(dirname(join(siteDir, name)), { recursive: true });
  if (STRIP[extname(name)]) writeFileSync(join(siteDir, name), shrink(name, readFileSync(join(here, name), "utf8")));
  else copyFileSync(join(here, name), join(siteDir, name));
  files.push(name);
}
for (const name of runtime) {
  const target = join(siteDir, "unitwise", name);
  if (extname(name) === ".js") writeFileSync(target, shrink(name, readFileSync(join(npmDir, name), "utf8")));
  else copyFileSync(join(npmDir, name), target);
  files.push(`unitwise/${name}`);
}
// The page's worker thread is its own engine-thread.js (the package's batch protocol over an engine with the data
// packs this browser keeps, and CMS imports): it imports the page's index.js and unitwise.js, unbundled.
// The package's threads are not served (from a site assembled before).
for (const old of ["unitwise-worker.js", "worker-thread.js"]) rmSync(join(siteDir, "unitwise", old), { force: true });
// A site assembled before the page's scripts had folders kept them at its root.
for (const name of files)
  if (name.includes("/") && !files.includes(basename(name))) rmSync(join(siteDir, basename(name)), { force: true });

// The calculator's first result waits for every module app.js imports statically (a chain four deep) and then for
// the .wasm, which unitwise.js asks for only once it runs. index.html names them all up front, so the browser
// fetches them at once and compiles the .wasm while it arrives (the glue's fetch, same URL and mode, takes the
// preloaded response). The list is read from the site's own scripts: static imports only, never import().
const staticImports = (name) =>
  [...readFileSync(join(siteDir, name), "utf8").matchAll(/(?:\bfrom\s*|\bimport\s*)"(\.{1,2}\/[^"]+)"/g)].map((match) =>
    new URL(match[1], `http://site/${name}`).pathname.slice(1),
  );
const graph = [];
for (let i = 0, next = ["shell/app.js"]; i < next.length; i++) {
  if (graph.includes(next[i])) continue;
  graph.push(next[i]);
  next.push(...staticImports(next[i]));
}
const missingModule = graph.find((name) => !files.includes(name));
if (missingModule) {
  console.error(`assemble: shell/app.js imports ${missingModule}, which the site does not have`);
  process.exit(1);
}
const page = readFileSync(join(siteDir, "index.html"), "utf8");
const entry = '  <script type="module" src="shell/app.js"></script>\n';
if (!page.includes(entry)) {
  console.error("assemble: index.html lost its script line");
  process.exit(1);
}
const hints =
  graph
    .slice(1)
    .map((name) => `  <link rel="modulepreload" href="${name}">\n`)
    .join("") + '  <link rel="preload" href="unitwise/unitwise.wasm" as="fetch" type="application/wasm" crossorigin>\n';
writeFileSync(join(siteDir, "index.html"), page.replace(entry, hints + entry));

// Any changed byte of any file (the service worker's own code included) makes a new build with its own cache.
const hash = createHash("sha256");
for (const name of files)
  hash
    .update(`${name}\0`)
    .update(readFileSync(join(siteDir, name)))
    .update("\0");
const shell = ["./", ...files.filter((name) => name !== "sw.js")];
const sw = readFileSync(join(siteDir, "sw.js"), "utf8");
const built = sw
  .replace('const CACHE = "unitwise-dev";', `const CACHE = "unitwise-${hash.digest("hex").slice(0, 16)}";`)
  .replace("const SHELL = [];", `const SHELL = ${JSON.stringify(shell)};`);
if (built === sw) {
  console.error("assemble: web/sw.js lost its CACHE or SHELL line");
  process.exit(1);
}
writeFileSync(join(siteDir, "sw.js"), built);
