// A host app embeds unitwise: it imports the package (copied beside this page by the build or the
// host's bundler), evaluates its own visit object and shows the result in its own UI.
import { createEngine } from "./unitwise/index.js";

// The host's own record of the visit, mapped to unitwise's visit JSON.
const visit = {
  dateOfService: "2026-03-14",
  discipline: "PT",
  locality: "national",
  services: [
    { code: "97161" },
    { code: "97530", minutes: 38 },
    { code: "97110", minutes: 12, assistantMinutes: 12 },
  ],
};

const cell = (text) => Object.assign(document.createElement("td"), { textContent: text });
const engine = await createEngine();
const result = engine.evaluate(visit);
const body = document.querySelector("#charges tbody");
for (const line of result.lines) {
  const row = document.createElement("tr");
  row.append(cell(line.code), cell(String(line.units)), cell(line.modifiers.join(" ")), cell(`$${line.allowed.toFixed(2)}`));
  body.append(row);
}
for (const item of [...result.edits, ...result.warnings]) {
  document.querySelector("#alerts").append(Object.assign(document.createElement("li"), { textContent: item.message }));
}
document.querySelector("#status").textContent = result.ok
  ? `Medicare pays $${result.fee.medicarePays.toFixed(2)}; patient owes $${result.fee.patientOwes.toFixed(2)}.`
  : `Fix: ${result.errors.map((e) => `${e.path} ${e.message}`).join("; ")}`;
document.body.dataset.ready = "true";
