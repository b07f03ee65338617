// Assembles the deployable site: node web/assemble.mjs <npm package dir> <site dir>
// Copies the page and the package's runtime files (into <site>/unitwise/).
import { copyFileSync, existsSync, mkdirSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const [npmDir, siteDir] = process.argv.slice(2);
if (!npmDir || !siteDir) {
  console.error("usage: node web/assemble.mjs <npm package dir> <site dir>");
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
mkdirSync(join(siteDir, "unitwise"), { recursive: true });
for (const name of readdirSync(here)) {
  if (name !== "assemble.mjs") copyFileSync(join(here, name), join(siteDir, name));
}
for (const name of ["index.js", "unitwise.js", "unitwise.wasm"]) {
  const source = join(npmDir, name);
  if (!existsSync(source)) {
    console.error(`assemble: missing ${source} (run the wasm build and wasm/package/assemble.mjs first)`);
    process.exit(1);
  }
  copyFileSync(source, join(siteDir, "unitwise", name));
}
