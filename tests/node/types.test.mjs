// index.d.ts type-checks an example of real use (tsc --strict).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, copyFileSync, mkdirSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { npmDir, root } from "./paths.mjs";

// tsc --strict on one example in a fresh project that installs the package as node_modules/unitwise.
function typeCheck(example, lib = undefined) {
  const dir = mkdtempSync(join(tmpdir(), "unitwise-types-"));
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(npmDir, join(dir, "node_modules", "unitwise"));
  copyFileSync(join(root, "tests/node", example), join(dir, "example.ts"));
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        module: "nodenext",
        moduleResolution: "nodenext",
        target: "es2022",
        lib,
        types: [],
        skipLibCheck: false,
      },
      files: ["example.ts"],
    }),
  );
  writeFileSync(join(dir, "package.json"), '{"type":"module"}');
  const tsc = spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", dir], {
    encoding: "utf8",
  });
  assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
}

test("the example type-checks against the package's index.d.ts", () => typeCheck("types-example.ts"));

test("the element and worker example type-checks against element.d.ts and worker.d.ts", () =>
  typeCheck("types-embed-example.ts", ["es2022", "dom"]));

test("the episode example type-checks against index.d.ts", () => typeCheck("types-episode-example.ts"));

// The declarations against the code they declare (scripts/typecheck runs this too, with tsc over the page).
test("index.d.ts, element.d.ts and worker.d.ts declare what the package's code exports, with the same types", () => {
  const check = spawnSync(process.execPath, [join(root, "tests/types/package-matches-dts.mjs")], { encoding: "utf8" });
  assert.equal(check.status, 0, check.stdout + check.stderr);
});
