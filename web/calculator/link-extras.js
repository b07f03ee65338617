// What a visit holds that the form has no field for (issue 29 item 5): a service's "excluded", its given
// modifiers or days, options.trace, a key the page does not know.
// A link or a saved visit keeps them: they are carried beside the form and go back into the visit it reads, so the
// result is the engine's for the whole visit, and each row says what it carries.
import { el } from "../lib/dom.js";

// The keys the form itself fills and reads (visit-form.js fillForm / readVisit).
const FORM_VISIT = new Set([
  "ruleSet",
  "payer",
  "dateOfService",
  "discipline",
  "locality",
  "setting",
  "placeOfService",
  "ytdAllowed",
  "deductibleRemaining",
  "services",
  "options",
  "diagnoses",
]);
const FORM_OPTIONS = new Set(["pooling", "tiePreference", "deMinimisBase", "qualifyingApm"]);
const FORM_SERVICE = new Set([
  "code",
  "minutes",
  "assistantMinutes",
  "discipline",
  "abn",
  "distinctService",
  "diagnosisPointers",
]);

const rest = (value, known) =>
  Object.fromEntries(
    Object.entries(value && typeof value === "object" && !Array.isArray(value) ? value : {}).filter(
      ([k]) => !known.has(k),
    ),
  );

const carried = { visit: {}, options: {} };
const byRow = new WeakMap();

/** The visit's own extras, kept until the next visit is loaded. */
export function carryVisit(visit) {
  carried.visit = rest(visit, FORM_VISIT);
  carried.options = rest(visit.options, FORM_OPTIONS);
}

/** A service row's extras, and the words the row shows for them (null when it carries nothing). */
export function carryService(row, service) {
  const extra = rest(service, FORM_SERVICE);
  byRow.set(row, extra);
  return Object.keys(extra).length ? el("span", { class: "carried" }, `From the link: ${describe(extra)}.`) : null;
}

/** The service read from a row, with what the row carries. */
export const withServiceExtras = (row, service) => ({ ...service, ...byRow.get(row) });

/** The visit read from the form, with what the visit carries. */
export function withVisitExtras(visit) {
  const out = { ...visit, ...carried.visit };
  if (Object.keys(carried.options).length) out.options = { ...visit.options, ...carried.options };
  return out;
}

const WORDS = {
  excluded: (v) => (v === true ? "excluded by law (GY), the patient's to pay" : `excluded: ${JSON.stringify(v)}`),
  modifiers: (v) => `modifiers given: ${Array.isArray(v) ? v.join(" ") : JSON.stringify(v)}`,
  days: (v) => `${v} days of monitoring`,
};
export const describe = (extra) =>
  Object.entries(extra)
    .map(([k, v]) => (WORDS[k] ? WORDS[k](v) : `${k}: ${JSON.stringify(v)}`))
    .join("; ");
