// The package loads in Node the ways an embedder would load it, and never throws on bad visits.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadPackage, npmDir } from "./paths.mjs";

const { createEngine } = await loadPackage();
const visit = { dateOfService: "2026-03-02", discipline: "PT", services: [{ code: "97530", minutes: 38 }] };

test("loads with no options in Node by reading the .wasm beside the module", async () => {
  const engine = await createEngine();
  assert.equal(engine.evaluate(visit).lines[0].units, 3);
});

test("loads from wasmBinary bytes, as a worker or strict host would", async () => {
  const engine = await createEngine({ wasmBinary: readFileSync(join(npmDir, "unitwise.wasm")) });
  assert.equal(engine.evaluate(visit).ok, true);
});

test("two engines in one process are independent and agree", async () => {
  const [a, b] = await Promise.all([createEngine(), createEngine()]);
  assert.equal(a.evaluateJson(JSON.stringify(visit)), b.evaluateJson(JSON.stringify(visit)));
});

test("evaluate returns errors for bad visits instead of throwing", async () => {
  const engine = await createEngine();
  const circular = {};
  circular.self = circular;
  for (const bad of [undefined, null, 42, "text", [], {}, circular, { ...visit, services: [{ code: 97110 }] }]) {
    const result = engine.evaluate(bad);
    assert.equal(result.ok, false);
    assert.ok(result.errors.length > 0 && typeof result.errors[0].message === "string");
    assert.deepEqual(result.lines, []);
  }
});

test("evaluate and evaluateJson give the same result", async () => {
  const engine = await createEngine();
  assert.deepEqual(engine.evaluate(visit), JSON.parse(engine.evaluateJson(JSON.stringify(visit))));
});

test("reference helpers describe the data the engine carries", async () => {
  const engine = await createEngine();
  assert.ok(engine.catalogue().length >= 75);
  assert.ok(engine.catalogue().some((c) => c.code === "97116" && c.timed && /walk/i.test(c.descriptor)));
  assert.ok(engine.catalogue().some((c) => c.code === "98981" && c.kind === "add-on" && c.primaryCode === "98980"));
  for (const date of ["2025-03-02", "2026-03-02", 2026]) {
    const localities = engine.localities(date);
    assert.equal(localities.length, 110, String(date)); // national + 109 CMS localities, both years
  }
  const manhattan = engine.localities("2025-03-02").find((l) => l.id === "13202-01");
  assert.equal(manhattan.name, "MANHATTAN");
  assert.match(manhattan.counties, /NEW YORK/);
  const versions = engine.dataVersions();
  assert.ok(versions.packs.includes("Medicare therapy thresholds and the QP conversion factor"));
  assert.ok(versions.releases.some((r) => r.kind === "rvu" && r.year === 2026 && r.rows >= 75));
  assert.match(engine.version(), /^\d+\.\d+\.\d+$/);
});

test("package.json exports the module, its types and the .wasm", () => {
  const manifest = JSON.parse(readFileSync(join(npmDir, "package.json"), "utf8"));
  assert.equal(manifest.name, "unitwise");
  assert.equal(manifest.type, "module");
  assert.deepEqual(Object.keys(manifest.exports["."]), ["types", "browser", "node", "default"]);
  assert.equal(manifest.exports["./unitwise.wasm"], "./unitwise.wasm");
  for (const file of manifest.files) assert.ok(readFileSync(join(npmDir, file)).length > 0, file);
  assert.match(
    readFileSync(join(npmDir, "LICENSE"), "utf8"),
    /^MIT License\n\nCopyright \(c\) 2026 the unitwise authors\n/,
  );
});

test("the browser entry imports nothing from node: and finds the .wasm with new URL(..., import.meta.url)", () => {
  const manifest = JSON.parse(readFileSync(join(npmDir, "package.json"), "utf8"));
  const browser = readFileSync(join(npmDir, manifest.exports["."].browser), "utf8");
  assert.doesNotMatch(browser, /(from\s*|import\s*\(\s*)["']node:/);
  assert.match(browser, /new URL\("\.\/unitwise\.wasm", import\.meta\.url\)/);
});

test("the browser entry, loaded in Node without bytes, says which entry to use instead of failing later", async () => {
  const { createEngine: browserEngine } = await import(join(npmDir, "index.js"));
  await assert.rejects(browserEngine(), /import "unitwise"/);
});

test("the glue contains no eval or new Function, so a strict CSP page can load it", () => {
  const glue = readFileSync(join(npmDir, "unitwise.js"), "utf8");
  assert.doesNotMatch(glue, /new Function\(/);
  assert.doesNotMatch(glue, /\beval\(/);
});
