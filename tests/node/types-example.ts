// Compiled with tsc --strict against build/npm/index.d.ts: the types describe real use.
import {
  createEngine,
  type FhirClaim,
  type FhirClaimError,
  type ImportedPack,
  type Result,
  type Visit,
} from "unitwise";

const visit: Visit = {
  dateOfService: "2026-03-02",
  discipline: "PT",
  locality: "13202-01",
  services: [
    { code: "97112", minutes: 24 },
    { code: "97110", minutes: 23, assistantMinutes: 10 },
  ],
  options: { tiePreference: ["97110"] },
};

const engine = await createEngine();
const result: Result = engine.evaluate(visit);
if (result.ok) {
  const dollars: number = result.fee.medicarePays;
  const units: number = result.lines.reduce((n, l) => n + l.units, 0);
  for (const edit of result.edits) {
    const what: string = edit.kind === "ncci" ? `${edit.column1}/${edit.column2}` : `${edit.code} > ${edit.limit}`;
    console.log(what, dollars, units);
  }
} else {
  const paths: string[] = result.errors.map((e) => e.path);
  console.log(paths);
}

// CMS's downloads, imported in the page or in Node, then layered over the built-in data.
const imported: ImportedPack = await engine.importCms([{ name: "rvu27a.zip", bytes: new Uint8Array(0) }], {
  effective: "2027-01-01",
});
const stale: string | undefined = result.releases[0]?.newerDue;
engine.setData([imported.pack]);
console.log(imported.notes.join("\n"), imported.skipped.length, stale);

// Diagnoses, pointers and the FHIR claim (issue 30).
const treated: Visit = {
  dateOfService: "2026-03-02",
  discipline: "PT",
  diagnoses: ["M54.50", "M62.81"],
  services: [{ code: "97110", minutes: 30, diagnosisPointers: [2, 1] }],
};
const coded = engine.evaluate(treated);
const pointers: number[] | undefined = coded.lines[0]?.diagnosisPointers;
const claim: FhirClaim | FhirClaimError = engine.toFhirClaim(coded, treated, {
  patient: "Patient/1",
  created: "2026-03-02",
});
if ("resourceType" in claim)
  console.log(claim.item?.[0]?.productOrService.coding[0]?.code, claim.total.value, pointers);
else console.log(claim.errors[0]?.path);
