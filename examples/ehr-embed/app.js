// A host app embeds unitwise: it loads the package's <unitwise-visit> element (served beside this page at
// ./unitwise/), hands it the host's own visit record and reads the result from the element's event.
const status = document.querySelector("#status");

// The host's own record of the visit, mapped to unitwise's visit JSON.
const visit = {
  dateOfService: "2026-03-14",
  discipline: "PT",
  locality: "Travis County, TX", // the clinic's county: unitwise finds its Medicare payment locality (AUSTIN)
  diagnoses: ["M54.50", "R26.89"], // the problem list, in pointer order (ICD-10-CM)
  services: [
    { code: "97161" },
    { code: "97530", minutes: 38, diagnosisPointers: [2, 1] },
    { code: "97110", minutes: 12, assistantMinutes: 12 },
  ],
};

const dollars = (amount) => `$${amount.toFixed(2)}`;

try {
  await import("./unitwise/element.js");
} catch {
  status.textContent =
    "The unitwise package is not beside this page (./unitwise/). " +
    "Serve the example with: node examples/ehr-embed/serve.mjs";
  document.body.dataset.ready = "error";
}

const review = document.querySelector("#review");
// The FHIR R4 Claim of the result (docs/fhir.md), with the host's own references.
review.claimOptions = { patient: "Patient/example", provider: "Organization/acme-pt", insurance: "Coverage/example" };
review.addEventListener("unitwise-result", ({ detail: result }) => {
  status.textContent = result.ok
    ? `Charges ready for review: ${result.lines.length} claim lines, ${dollars(result.fee.patientOwes)} to collect from the patient.`
    : `Fix: ${result.errors.map((e) => `${e.path} ${e.message}`).join("; ")}`;
  document.querySelector("#claim").textContent = result.claim ? JSON.stringify(result.claim, null, 2) : "";
  document.body.dataset.ready = "true";
});
review.visit = visit;
