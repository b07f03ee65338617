// The visit's diagnoses (ICD-10-CM, in the order the claim numbers them) and each service's pointers to them
// (issue 30). What is typed goes to the engine as typed, split at commas, semicolons or spaces: the engine checks
// the codes' form and names any problem at its place; nothing is recased or guessed here.
import { $, el } from "../lib/dom.js";

const split = (text) => text.split(/[\s,;]+/).filter(Boolean);

/** The diagnoses typed in the visit's field, or undefined when none. */
export function typedDiagnoses() {
  const codes = split($("diagnoses").value);
  return codes.length ? codes : undefined;
}

/** Fills the visit's field from a visit (a link, a saved visit). */
export function fillDiagnoses(visit) {
  const d = visit.diagnoses;
  $("diagnoses").value = Array.isArray(d) ? d.join(", ") : d === undefined ? "" : String(d);
}

/** A service row's "treats diagnoses" cell: numbers of the visit's list, "1" when left empty. */
export function pointersCell(id, service) {
  const given = service.diagnosisPointers;
  const input = el("input", {
    id: `${id}-dx`,
    class: "pointers",
    inputmode: "numeric",
    autocomplete: "off",
    placeholder: "1",
    size: 6,
    value: Array.isArray(given) ? given.join(", ") : given === undefined ? "" : String(given),
  });
  return el("label", { class: "pointers-cell", for: `${id}-dx` }, "Treats diagnoses ", input);
}

/** The row's pointers as the engine reads them: whole numbers as numbers, anything else as typed, for its error. */
export function typedPointers(row) {
  const input = /** @type {HTMLInputElement | null} */ (row.querySelector("input.pointers"));
  const cell = /** @type {HTMLElement | null} */ (row.querySelector(".pointers-cell"));
  if (cell) cell.hidden = !$("diagnoses").value.trim() && !input?.value.trim();
  const parts = split(input?.value ?? "");
  return parts.length ? parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p)) : undefined;
}

/** "Dx 2, 1" beside a claim line, with the codes it points to in its title; null when the line has none. */
export function pointersLabel(line, diagnoses) {
  const pointers = line.diagnosisPointers;
  if (!pointers?.length) return null;
  const codes = pointers.map((p) => diagnoses?.[p - 1]).filter(Boolean);
  return el(
    "span",
    { class: "dx", title: codes.length ? `Diagnoses ${codes.join(", ")}` : null },
    `Dx ${pointers.join(", ")}`,
  );
}
