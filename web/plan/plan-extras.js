// What a plan-of-care link holds that the Plan of care form has no field for (issue 29 item 5): the episode's
// setting, ruleSet and options, a visit's own fields (placeOfService, ...) and a service's (excluded, abn,
// assistantMinutes, discipline, ...). The form keeps only dates, "97110 30" and the progress-report tick, so these
// are carried beside it: into every evaluation and the link, and each visit row says what it carries.
import { el } from "../lib/dom.js";
import { describe } from "../calculator/link-extras.js";

const FORM_EPISODE = new Set(["planOfCare", "priorSpend", "locality", "visits"]);
const FORM_VISIT = new Set(["dateOfService", "services", "progressReport"]);
const FORM_SERVICE = new Set(["code", "minutes"]);
const rest = (value, known) =>
  Object.fromEntries(
    Object.entries(value && typeof value === "object" && !Array.isArray(value) ? value : {}).filter(
      ([k]) => !known.has(k),
    ),
  );
const some = (o) => Object.keys(o).length > 0;

let episodeExtra = {};
const byRow = new WeakMap();

/** The episode's own extras, kept until another plan is loaded. */
export function carryEpisode(episode) {
  episodeExtra = rest(episode, FORM_EPISODE);
}
export const withEpisodeExtras = (episode) => ({ ...episode, ...episodeExtra });

/** A visit row's extras (its own, and each service's by position), and the words the row shows (or null). */
export function carryVisit(row, visit) {
  const own = rest(visit, FORM_VISIT);
  const services = (visit.services ?? []).map((s) => ({ code: s?.code, extra: rest(s, FORM_SERVICE) }));
  byRow.set(row, { own, services });
  const said = [
    ...(some(own) ? [describe(own)] : []),
    ...services.flatMap((s, i) => (some(s.extra) ? [`service ${i + 1} (${s.code}): ${describe(s.extra)}`] : [])),
  ];
  return said.length ? el("p", { class: "carried" }, `Kept from the link: ${said.join("; ")}.`) : null;
}

/** The visit read from a row with what it carries: a service keeps its extras while its code stays in its place. */
export function withVisitExtras(row, visit) {
  const carried = byRow.get(row);
  if (!carried) return visit;
  const services = visit.services.map((s, i) =>
    carried.services[i]?.code === s.code ? { ...s, ...carried.services[i].extra } : s,
  );
  return { ...visit, ...carried.own, services };
}
