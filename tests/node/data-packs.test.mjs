// Data packs through the package (issue 10): createEngine({ data }) takes what `unitwise import-cms` writes,
// and answers exactly as the native CLI does with --data; a bad pack is refused with its problems named.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { cliPath, loadPackage, root } from "./paths.mjs";

const { createEngine, readDataPack } = await loadPackage();
const cms = resolve(root, "../shared/data/cms");
const dir = mkdtempSync(join(tmpdir(), "unitwise-pack-"));
// CMS's own files sit beside the repository only on developers' machines and CI: without them, say so.
const noCms = !existsSync(cms) && `skipped: no CMS files at ${cms} (a clone with nothing beside it)`;
const imported = noCms ? null : spawnSync(cliPath, ["import-cms", "--quiet", "--out", dir, "--effective", "2026-09-01",
                                     join(cms, "rvu25d/PPRRVU2025_Oct.csv"), join(cms, "rvu25d/GPCI2025.csv")]);
const visit = (date) => ({ dateOfService: date, discipline: "PT", locality: "06302-00",
                           services: [{ code: "97110", minutes: 38 }, { code: "97140", minutes: 10 }] });

test("import-cms writes a pack the package reads", { skip: noCms }, async () => {
  assert.equal(imported.status, 0, String(imported.stderr));
  const pack = await readDataPack(dir);
  assert.ok("manifest.json" in pack);
  assert.ok(Object.keys(pack).some((name) => name.startsWith("rvu-")));
});

test("a pack wins from its effective date on, in wasm exactly as natively", { skip: noCms }, async () => {
  const engine = await createEngine({ data: await readDataPack(dir) });
  const builtIn = await createEngine();
  for (const date of ["2026-08-31", "2026-09-01", "2027-02-01"]) {
    const text = JSON.stringify(visit(date));
    const native = spawnSync(cliPath, ["evaluate", "--data", dir, "-"], { input: text, encoding: "utf8" }).stdout.trim();
    assert.equal(engine.evaluateJson(text), native, date);
  }
  // Before the date the built-in 2026 schedule applies; from it, the pack's (here: the 2025 numbers).
  assert.equal(engine.evaluate(visit("2026-08-31")).fee.allowed, builtIn.evaluate(visit("2026-08-31")).fee.allowed);
  const after = engine.evaluate(visit("2026-09-01"));
  assert.notEqual(after.fee.allowed, builtIn.evaluate(visit("2026-09-01")).fee.allowed);
  assert.equal(after.fee.conversionFactor, 32.3465);
  assert.ok(after.releases.some((r) => r.kind === "rvu" && r.effective === "2026-09-01"));
});

test("a changed or broken pack is refused, naming the file", async () => {
  const pack = await readDataPack(join(root, "core/data/packs/cms-2025"));
  const rvu = Object.keys(pack).find((name) => name.startsWith("rvu-"));
  await assert.rejects(createEngine({ data: { ...pack, [rvu]: pack[rvu] + "97110,A,9.99,0,,0,,0,5\n" } }),
                       (error) => error.errors.some((e) => e.startsWith(rvu) && /sha256/.test(e)));
  await assert.rejects(createEngine({ data: { "rvu.csv": "x" } }), (error) => /manifest\.json/.test(error.message));
  await assert.rejects(createEngine({ data: [pack, 42] }), TypeError);
});

test("a visit in a year without a schedule gets units, the nearest fee and a warning with a severity", async () => {
  const engine = await createEngine();
  const result = engine.evaluate({ dateOfService: "2027-01-04", discipline: "PT", services: [{ code: "97110", minutes: 30 }] });
  assert.equal(result.ok, true);
  assert.equal(result.lines[0].units, 2);
  assert.equal(result.fee.year, 2026);
  const warning = result.warnings.find((w) => w.code === "fee-schedule-nearest");
  assert.equal(warning.severity, "warning");
  assert.match(warning.message, /2027/);
  assert.ok(result.trace.every((t) => ["units", "modifiers", "fee", "edits", "checklist"].includes(t.topic)));
});
