// import-cms in the package (docs/data.md): CMS's downloads as they come (zips or loose files) become a data pack,
// with the same tables the CLI writes, and a 2027 visit is then priced at 2027 rates. Bad zips are refused whole
// with the problem named. The files are CMS-shaped but made from our own packs (tests/fixtures/cms-like.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cliPath, loadPackage, root } from "./paths.mjs";
import { cmsLikeRelease, zip } from "../fixtures/cms-like.mjs";

const { createEngine } = await loadPackage();
const release = cmsLikeRelease(2027);
const visit2027 = {
  dateOfService: "2027-02-01",
  discipline: "PT",
  locality: "06302-00",
  services: [
    { code: "97110", minutes: 30 },
    { code: "97140", minutes: 10 },
  ],
};

const problems = (error) => {
  assert.ok(Array.isArray(error.errors), String(error));
  return error.errors.join("\n");
};

test("CMS's zips, as downloaded, price a 2027 visit at 2027 rates with no estimate", async () => {
  const engine = await createEngine();
  const before = engine.evaluate(visit2027);
  assert.ok(before.warnings.some((w) => w.code === "fee-schedule-nearest"));
  const imported = await engine.importCms(release.zips);
  assert.ok(imported.pack["manifest.json"]);
  assert.ok(
    imported.notes.some((n) => /109 rows|109 localities/.test(n)),
    imported.notes.join("\n"),
  );
  engine.setData([imported.pack]);
  const after = engine.evaluate(visit2027);
  assert.equal(after.fee.year, 2027);
  assert.ok(!after.warnings.some((w) => w.code === "fee-schedule-nearest"));
  assert.ok(!after.warnings.some((w) => w.code === "table-may-be-stale"), JSON.stringify(after.warnings));
  assert.ok(after.releases.some((r) => r.kind === "ncci" && r.effective === "2027-01-01"));
  engine.setData([]);
  assert.deepEqual(engine.evaluate(visit2027), before);
});

test("the CLI and the package, given the same zips with --effective 2027-01-01, price a 2027 visit alike, with no estimate", async () => {
  const dir = mkdtempSync(join(tmpdir(), "unitwise-cms-zips-"));
  const paths = release.zips.map(({ name, bytes }) => {
    writeFileSync(join(dir, name), bytes);
    return join(dir, name);
  });
  const cli = spawnSync(cliPath, ["import-cms", "--out", join(dir, "pack"), "--effective", "2027-01-01", ...paths], {
    encoding: "utf8",
  });
  assert.equal(cli.status, 0, cli.stderr);
  assert.match(cli.stderr, /skipped rvu27a\.zip: RVU27A\.pdf/);
  const native = spawnSync(cliPath, ["evaluate", "--data", join(dir, "pack"), "-"], {
    input: JSON.stringify(visit2027),
    encoding: "utf8",
  });
  const result = JSON.parse(native.stdout);
  assert.equal(result.fee.year, 2027);
  assert.deepEqual(
    result.warnings.filter((w) => /nearest|stale/.test(w.code)).map((w) => w.code),
    ["thresholds-nearest"],
  );
  const engine = await createEngine();
  const { pack, skipped } = await engine.importCms(release.zips, { effective: "2027-01-01" });
  assert.ok(
    skipped.some((s) => s.includes("RVU27A.pdf")),
    skipped.join("\n"),
  );
  engine.setData([pack]);
  assert.equal(engine.evaluateJson(JSON.stringify(visit2027)), native.stdout.trim());
});

test("the package writes the same tables as the CLI's import-cms of the same files", async () => {
  const engine = await createEngine();
  const { pack } = await engine.importCms(release.loose);
  const dir = mkdtempSync(join(tmpdir(), "unitwise-cms-like-"));
  const paths = release.loose.map(({ name, bytes }) => {
    writeFileSync(join(dir, name), bytes);
    return join(dir, name);
  });
  const out = join(dir, "pack");
  const cli = spawnSync(cliPath, ["import-cms", "--quiet", "--out", out, ...paths], { encoding: "utf8" });
  assert.equal(cli.status, 0, cli.stderr);
  const files = readdirSync(out)
    .filter((name) => name !== "manifest.json")
    .sort();
  assert.deepEqual(
    Object.keys(pack)
      .filter((name) => name !== "manifest.json")
      .sort(),
    files,
  );
  for (const name of files) assert.equal(pack[name], readFileSync(join(out, name), "utf8"), name);
  // And the engines agree on a visit priced with either.
  const native = spawnSync(cliPath, ["evaluate", "--data", out, "-"], {
    input: JSON.stringify(visit2027),
    encoding: "utf8",
  });
  engine.setData([pack]);
  assert.equal(engine.evaluateJson(JSON.stringify(visit2027)), native.stdout.trim());
});

test("an effective date given by the user overrides what the files say", async () => {
  const engine = await createEngine();
  const { pack } = await engine.importCms(release.loose.slice(0, 2), { effective: "2027-03-01" });
  const manifest = JSON.parse(pack["manifest.json"]);
  assert.ok(manifest.tables.every((t) => t.effective === "2027-03-01" && t.edition === "2027-01-01"));
  await assert.rejects(engine.importCms(release.loose, { effective: "12/01/2026" }), (e) =>
    /YYYY-MM-DD/.test(problems(e)),
  );
  // CY2027 fees in force in 2026 would price 2026 visits with another year's schedule: refused, naming the year.
  await assert.rejects(engine.importCms(release.loose.slice(0, 2), { effective: "2026-12-01" }), (e) =>
    /2027/.test(problems(e)),
  );
});

// A zip is refused whole, with the zip and the problem named; nothing is half imported.
const empty = new Uint8Array([0x50, 0x4b, 5, 6, ...new Array(18).fill(0)]);
const rvuZip = release.zips[0].bytes;
const bomb = (() => {
  // a directory that says 1 KB for an entry that inflates to 70 MB
  const real = zip([{ name: "PPRRVU2027_Jan.csv", bytes: new Uint8Array(70 * 1024 * 1024) }]);
  const view = new DataView(real.buffer);
  const dir = view.getUint32(real.length - 6, true);
  view.setUint32(dir + 24, 1024, true);
  return real;
})();
const badZips = [
  ["an empty zip", "empty.zip", empty, /holds no files/],
  ["a zip cut short while downloading", "rvu27a.zip", rvuZip.subarray(0, rvuZip.length - 200), /not a whole zip/],
  ["a zip whose entry unzips to more than it says (a zip bomb)", "bomb.zip", bomb, /more than its directory says/],
  [
    "a zip declaring an entry over the size limit",
    "big.zip",
    (() => {
      const z = zip([{ name: "a.csv", bytes: new Uint8Array(10) }]);
      const v = new DataView(z.buffer);
      v.setUint32(v.getUint32(z.length - 6, true) + 24, 65 * 1024 * 1024, true);
      return z;
    })(),
    /the limit is/,
  ],
  [
    "a zip with a damaged entry",
    "damaged.zip",
    (() => {
      const z = zip([{ name: "GPCI2027.csv", bytes: release.loose[1].bytes }]);
      z[60] ^= 0xff;
      return z;
    })(),
    /damaged|checksum/,
  ],
];
for (const [what, name, bytes, expected] of badZips) {
  test(`refused whole: ${what}`, async () => {
    const engine = await createEngine();
    await assert.rejects(
      engine.importCms([{ name, bytes }]),
      (e) => expected.test(problems(e)) && problems(e).includes(name),
    );
  });
}

test("a zip with an entry whose name leads outside it is refused whole; a zip inside the zip is left out and listed", async () => {
  const engine = await createEngine();
  for (const bad of ["../../GPCI2027.csv", "/etc/GPCI2027.csv", "C:\\GPCI2027.csv", "rvu/../../GPCI2027.csv"]) {
    const sneaky = zip([{ name: bad, bytes: release.loose[1].bytes }]);
    await assert.rejects(
      engine.importCms([{ name: "sneaky.zip", bytes: sneaky }]),
      (e) => problems(e).includes("sneaky.zip") && problems(e).includes("outside"),
      bad,
    );
  }
  const nested = zip([
    { name: "inner.zip", bytes: empty },
    { name: "rvu/GPCI2027.csv", bytes: release.loose[1].bytes },
  ]);
  const imported = await engine.importCms([{ name: "nested.zip", bytes: nested }]);
  assert.ok(
    imported.skipped.some((s) => s.includes("inner.zip")),
    imported.skipped.join("\n"),
  );
  assert.ok(Object.keys(imported.pack).some((n) => n.startsWith("gpci-")));
});

test("files that are not CMS's are refused with their names", async () => {
  const engine = await createEngine();
  const text = new TextEncoder().encode("visit,notes\n1,hello\n");
  await assert.rejects(engine.importCms([{ name: "notes.csv", bytes: text }]), (e) =>
    problems(e).includes("notes.csv"),
  );
  await assert.rejects(engine.importCms([]), TypeError);
  await assert.rejects(engine.importCms([{ name: "x.csv", bytes: "text" }]), TypeError);
  const stored = zip([{ name: "notes.csv", bytes: text }], { stored: true });
  await assert.rejects(engine.importCms([{ name: "notes.zip", bytes: stored }]), (e) =>
    problems(e).includes("notes.csv"),
  );
});

test("the package's zip limits are the CLI's (core/include/unitwise/data_limits.h)", async () => {
  const { ZIP_LIMITS } = await import(join(root, "wasm/package/zip.js"));
  const header = readFileSync(join(root, "core/include/unitwise/data_limits.h"), "utf8");
  const limit = (name) => {
    const [, value, shift] = header.match(new RegExp(`${name} = (\\d+)u?(?: << (\\d+))?;`));
    return Number(value) * 2 ** Number(shift ?? 0);
  };
  assert.deepEqual(
    { ...ZIP_LIMITS },
    { entryBytes: limit("kMaxSourceBytes"), totalBytes: limit("kMaxImportBytes"), entries: limit("kMaxZipEntries") },
  );
});
