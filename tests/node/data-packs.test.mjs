// Data packs through the package (issue 10): createEngine({ data }) takes what `unitwise import-cms` writes,
// and answers exactly as the native CLI does with --data; a bad pack is refused with its problems named.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cliPath, loadPackage, root } from "./paths.mjs";
import { cmsLikeRelease } from "../fixtures/cms-like.mjs";

const { createEngine, readDataPack } = await loadPackage();
// CMS-shaped CY2027 files made from our own packs (tests/fixtures/cms-like.mjs), put in force from 1 March 2027.
const dir = mkdtempSync(join(tmpdir(), "unitwise-pack-"));
const files = cmsLikeRelease(2027)
  .loose.slice(0, 2)
  .map(({ name, bytes }) => {
    writeFileSync(join(dir, name), bytes);
    return join(dir, name);
  });
const imported = spawnSync(cliPath, [
  "import-cms",
  "--quiet",
  "--out",
  join(dir, "pack"),
  "--effective",
  "2027-03-01",
  ...files,
]);
const visit = (date) => ({
  dateOfService: date,
  discipline: "PT",
  locality: "06302-00",
  services: [
    { code: "97110", minutes: 38 },
    { code: "97140", minutes: 10 },
  ],
});

test("import-cms writes a pack the package reads", async () => {
  assert.equal(imported.status, 0, String(imported.stderr));
  const pack = await readDataPack(join(dir, "pack"));
  assert.ok("manifest.json" in pack);
  assert.ok(Object.keys(pack).some((name) => name.startsWith("rvu-")));
});

test("a pack wins from its effective date on, in wasm exactly as natively", async () => {
  const engine = await createEngine({ data: await readDataPack(join(dir, "pack")) });
  const builtIn = await createEngine();
  for (const date of ["2027-02-28", "2027-03-01", "2027-12-31"]) {
    const text = JSON.stringify(visit(date));
    const native = spawnSync(cliPath, ["evaluate", "--data", join(dir, "pack"), "-"], {
      input: text,
      encoding: "utf8",
    });
    assert.equal(engine.evaluateJson(text), native.stdout.trim(), date);
  }
  // Before the date the built-in 2026 schedule applies (an estimate); from it, the pack's 2027 numbers.
  assert.equal(engine.evaluate(visit("2027-02-28")).fee.allowed, builtIn.evaluate(visit("2027-02-28")).fee.allowed);
  const after = engine.evaluate(visit("2027-03-01"));
  assert.notEqual(after.fee.allowed, builtIn.evaluate(visit("2027-03-01")).fee.allowed);
  assert.equal(after.fee.conversionFactor, 34.1234);
  assert.ok(after.releases.some((r) => r.kind === "rvu" && r.effective === "2027-03-01"));
});

test("a changed or broken pack is refused, naming the file", async () => {
  const pack = await readDataPack(join(root, "core/data/packs/cms-2025"));
  const rvu = Object.keys(pack).find((name) => name.startsWith("rvu-"));
  await assert.rejects(createEngine({ data: { ...pack, [rvu]: pack[rvu] + "97110,A,9.99,0,,0,,0,5\n" } }), (error) =>
    error.errors.some((e) => e.startsWith(rvu) && /sha256/.test(e)),
  );
  await assert.rejects(createEngine({ data: { "rvu.csv": "x" } }), (error) => /manifest\.json/.test(error.message));
  await assert.rejects(createEngine({ data: [pack, 42] }), TypeError);
});

test("a visit in a year without a schedule gets units, the nearest fee and a warning with a severity", async () => {
  const engine = await createEngine();
  const result = engine.evaluate({
    dateOfService: "2027-01-04",
    discipline: "PT",
    services: [{ code: "97110", minutes: 30 }],
  });
  assert.equal(result.ok, true);
  assert.equal(result.lines[0].units, 2);
  assert.equal(result.fee.year, 2026);
  const warning = result.warnings.find((w) => w.code === "fee-schedule-nearest");
  assert.equal(warning.severity, "warning");
  assert.match(warning.message, /2027/);
  assert.ok(result.trace.every((t) => ["units", "modifiers", "fee", "edits", "checklist"].includes(t.topic)));
});

// A pack over the engine's 64 MiB is refused by the package before it reaches wasm memory, naming the file; a
// refused call leaves nothing behind, so the next one loads as if it had not happened.
test("a pack over 64 MiB is refused with the file named, and leaves nothing half loaded", async () => {
  const engine = await createEngine();
  const huge = { "manifest.json": "{}", "rvu-2027-01-01.csv": "x".repeat(65 * 1024 * 1024) };
  await assert.rejects(createEngine({ data: huge }), (e) =>
    /rvu-2027-01-01\.csv: brings the pack to over \d+ bytes; the limit is 64 MiB/.test(e.errors[0]),
  );
  assert.throws(
    () => engine.setData([huge]),
    (e) => e.errors.length === 1,
  );
  const pack = await readDataPack(join(dir, "pack"));
  engine.setData([pack]);
  assert.equal(engine.evaluate(visit("2027-03-01")).fee.conversionFactor, 34.1234);
  assert.throws(() => engine.setData([pack, 42]), TypeError);
  assert.equal(engine.evaluate(visit("2027-03-01")).fee.conversionFactor, 34.1234); // the refused call changed nothing
  const limits = readFileSync(join(root, "core/include/unitwise/data_limits.h"), "utf8");
  assert.match(limits, /kMaxPackBytes = 64u << 20;/);
});

test("an empty pack is an error, not a silent no-op, and a bad date for localities() is an error", async () => {
  await assert.rejects(createEngine({ data: {} }), (e) => /data pack 0 holds no files/.test(e.errors[0]));
  await assert.rejects(createEngine({ data: [await readDataPack(join(dir, "pack")), {}] }), (e) =>
    /data pack 1 holds no files/.test(e.errors[0]),
  );
  const engine = await createEngine();
  for (const bad of ["abc", "2026-02-30", "", null, 2026.5])
    assert.throws(() => engine.localities(bad), TypeError, String(bad));
  assert.ok(engine.localities("2026-03-02").length > 100);
  assert.ok(engine.localities(2026).some((l) => l.id === "06302-00"));
});
