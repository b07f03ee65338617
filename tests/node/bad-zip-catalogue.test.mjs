// Every case of tests/bad-inputs/zip-cases.mjs is refused whole, naming the zip and the reason: by the CLI
// (`unitwise import-cms` exits 1 and writes no pack) and by the package (engine.importCms rejects).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { zipCases } from "../bad-inputs/zip-cases.mjs";
import { cliPath, loadPackage } from "./paths.mjs";

const { createEngine } = await loadPackage();
const engine = await createEngine();

for (const c of zipCases) {
  test(`bad CMS download: ${c.name} → refused whole, naming ${c.file}`, async () => {
    const dir = mkdtempSync(join(tmpdir(), "unitwise-bad-zip-"));
    writeFileSync(join(dir, c.file), c.bytes);
    const run = spawnSync(cliPath, ["import-cms", "--out", join(dir, "pack"), join(dir, c.file)], {
      encoding: "utf8",
      timeout: 20000,
    });
    assert.equal(run.status, 1, run.stderr);
    assert.ok(run.stderr.includes(c.file), run.stderr);
    assert.match(run.stderr, c.says);
    assert.equal(existsSync(join(dir, "pack")), false, "the CLI wrote a pack");
    await assert.rejects(engine.importCms([{ name: c.file, bytes: c.bytes }]), (error) => {
      const problems = error.errors.join("\n");
      assert.ok(problems.includes(c.file), problems);
      assert.match(problems, c.says);
      return true;
    });
  });
}
