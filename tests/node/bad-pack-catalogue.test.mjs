// Every case of tests/bad-inputs/pack-cases.mjs is refused, naming the file at fault: natively (unitwise
// evaluate --data exits 2) and in wasm (createEngine({ data }) rejects with the same problems).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { goodPack, packCases } from "../bad-inputs/pack-cases.mjs";
import { cliPath, loadPackage } from "./paths.mjs";

const { createEngine } = await loadPackage();
const visit = JSON.stringify({
  dateOfService: "2027-03-02",
  discipline: "PT",
  services: [{ code: "97110", minutes: 20 }],
});

function writePack(pack) {
  const dir = mkdtempSync(join(tmpdir(), "unitwise-bad-pack-"));
  for (const [name, text] of Object.entries(pack)) writeFileSync(join(dir, name), text);
  return dir;
}

test("the good pack of the catalogue is accepted, natively and in wasm", async () => {
  const run = spawnSync(cliPath, ["evaluate", "--data", writePack(goodPack), "-"], { input: visit, encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);
  const engine = await createEngine({ data: goodPack });
  assert.equal(engine.evaluateJson(visit), run.stdout.trim());
});

for (const c of packCases) {
  test(`bad pack: ${c.name} → refused, naming ${c.file}`, async () => {
    const run = spawnSync(cliPath, ["evaluate", "--data", writePack(c.pack), "-"], {
      input: visit,
      encoding: "utf8",
      timeout: 5000,
    });
    assert.equal(run.status, 2);
    assert.equal(run.stdout, "");
    const problems = run.stderr
      .split("\n")
      .filter((line) => line.startsWith("unitwise: data pack: "))
      .map((line) => line.slice("unitwise: data pack: ".length));
    assert.ok(problems.length > 0, run.stderr);
    assert.ok(problems[0].startsWith(c.file), problems[0]);
    await assert.rejects(createEngine({ data: c.pack }), (error) => {
      assert.deepEqual(error.errors, problems);
      return true;
    });
  });
}
