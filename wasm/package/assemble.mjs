// Assembles the npm package: node wasm/package/assemble.mjs <wasm build dir> <package dir>
import { copyFileSync, mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// esbuild is a dev dependency (scripts/install-deps).
const { build, transformSync } = await import("esbuild");
const minify = (code) =>
  transformSync(code, { loader: "js", minify: true, target: "es2022", legalComments: "none" }).code;

const [wasmDir, outDir] = process.argv.slice(2);
if (!wasmDir || !outDir) {
  console.error("usage: node wasm/package/assemble.mjs <wasm build dir> <package dir>");
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const version = readFileSync(join(root, "CMakeLists.txt"), "utf8").match(/project\(unitwise VERSION ([0-9.]+)/)[1];

const manifest = JSON.parse(readFileSync(join(here, "package.json"), "utf8"));
manifest.version = version;
mkdirSync(outDir, { recursive: true });
// Every file the manifest ships: the Emscripten output from the wasm build, the worker bundled (below), the rest
// from here.
for (const name of manifest.files) {
  if (name === "unitwise-worker.js") continue;
  const source = join(name.startsWith("unitwise.") ? wasmDir : here, name);
  if (!existsSync(source)) {
    console.error(`assemble: missing ${source} (build the wasm module first)`);
    process.exit(1);
  }
  // Emscripten's glue is generated code that nobody reads: minified, it is 9.0 -> 6.9 KB gzip of every page
  // that loads the engine (docs/performance.md). The package's own files stay as written.
  if (name === "unitwise.js") writeFileSync(join(outDir, name), minify(readFileSync(source, "utf8")));
  else copyFileSync(source, join(outDir, name));
}
// The batch worker as one self-contained module (its thread, index.js and the glue), so a host serves one file
// beside unitwise.wasm.
await build({
  stdin: {
    contents: readFileSync(join(here, "worker-thread.js"), "utf8"),
    resolveDir: outDir,
    sourcefile: "worker-thread.js",
  },
  outfile: join(outDir, "unitwise-worker.js"),
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  logLevel: "warning",
  minify: true,
  legalComments: "none",
  banner: { js: "// unitwise batch worker (MIT): worker-thread.js + index.js + the Emscripten glue, bundled." },
});
writeFileSync(join(outDir, "package.json"), JSON.stringify(manifest, null, 2) + "\n");
