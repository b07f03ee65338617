// The examples are part of the product: they run as tests.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { root } from "./paths.mjs";

test("examples/node evaluates its visit file and prints the claim lines", () => {
  const run = spawnSync(
    process.execPath,
    [join(root, "examples/node/evaluate-visit.mjs"), join(root, "examples/node/visit.json")],
    { encoding: "utf8" },
  );
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /97530\s+2\s+GP/); // 38 + 12 = 50 min → 3 units; 12 leftover beats 8
  assert.match(run.stdout, /97110\s+1\s+GP CQ/);
});

test("examples/node exits 1 and names the field for an invalid visit", () => {
  const run = spawnSync(process.execPath, [join(root, "examples/node/evaluate-visit.mjs"), "-"], {
    encoding: "utf8",
    input: '{"dateOfService":"2026-03-02","discipline":"PT","services":[{"code":"97110","minutes":-1}]}',
  });
  assert.equal(run.status, 1);
  assert.match(run.stderr, /\/services\/0\/minutes/);
});
