// What students (and careful billers) look at: the engine's trace step by step, ties offered as a choice,
// and the same visit under Medicare's total-time rule beside the per-code rule.
import { cite, count, el, money, table, unitsByCode } from "../lib/dom.js";

const TOPICS = [
  ["units", "Units"],
  ["modifiers", "Modifiers"],
  ["fee", "Fee"],
  ["edits", "Edits"],
];

// Most entries name their code; the few that do not (a fee formula) get it in front.
export const traceList = (entries) =>
  el(
    "ul",
    { class: "trace" },
    entries.map((t) =>
      el("li", {}, t.code && !t.text.includes(t.code) ? el("strong", {}, `${t.code}: `) : null, t.text, cite(t.source)),
    ),
  );

export function explanation(result) {
  return el(
    "section",
    { class: "panel explain" },
    el("h3", {}, "Explanation, step by step"),
    TOPICS.map(([topic, title]) => {
      const entries = result.trace.filter((t) => t.topic === topic);
      return entries.length ? [el("h4", {}, title), traceList(entries)] : null;
    }),
  );
}

// Each tied allocation is a radio button; choosing one sets options.tiePreference and re-evaluates.
// The choices keep the visit's order of codes, so they do not jump about when one is picked.
export function tieChoices(result, onChoose) {
  if (!result.ties.length) return null;
  const order = result.lines.map((l) => l.code);
  return el(
    "section",
    { class: "panel ties" },
    el("h3", {}, "A tie: your choice"),
    result.ties.map((tie, t) => {
      const first = (codes) => order.indexOf(codes[0]);
      const choices = [tie.chosen, ...tie.alternatives].sort((a, b) => first(a) - first(b));
      return el(
        "fieldset",
        { class: "tie" },
        el(
          "legend",
          {},
          `${tie.codes.join(", ")} have equal leftover minutes for ${count(tie.units, "unit")}. ` +
            "Medicare lets the clinician choose; never give every unit to one code. Which code bills it?",
        ),
        choices.map((codes) =>
          el(
            "label",
            {},
            el("input", {
              type: "radio",
              id: `tie-${t}-${codes.join("-")}`,
              name: `tie-${t}`,
              value: codes.join(" "),
              checked: codes.join() === tie.chosen.join(),
              onchange: () => onChoose(codes),
            }),
            ` ${codes.join(" + ")}`,
          ),
        ),
        el("p", { class: "hint" }, "MCPM 100-04 ch.5 §20.2 Ex 2. Write down the choice in the note."),
      );
    }),
  );
}

// Units per code and dollars, Medicare total time against per code; the difference is per code minus Medicare.
export function comparison(cms, perCode) {
  const [a, b] = [unitsByCode(cms), unitsByCode(perCode)];
  const codes = [...new Set([...a.keys(), ...b.keys()])];
  const signed = (n) => (n > 0 ? `+${n}` : String(n));
  const dollars = [
    ["Allowed", "allowed"],
    ["Medicare pays", "medicarePays"],
    ["Patient owes", "patientOwes"],
  ];
  return el(
    "section",
    { class: "panel" },
    el("h3", {}, "Medicare total time beside per code"),
    table(
      "compare",
      "Same visit, two rule sets",
      ["Code", "Medicare", "Per code", "Difference"],
      codes.map((c) => [c, a.get(c) ?? 0, b.get(c) ?? 0, signed((b.get(c) ?? 0) - (a.get(c) ?? 0))]),
      dollars.map(([name, key]) =>
        el(
          "tr",
          {},
          el("th", { scope: "row" }, name),
          el("td", {}, money(cms.fee[key])),
          el("td", {}, money(perCode.fee[key])),
          el("td", {}, money(perCode.fee[key] - cms.fee[key])),
        ),
      ),
    ),
    el(
      "p",
      { class: "hint" },
      "Dollars at Medicare rates. The payer's contract says which rule applies, not which pays more.",
    ),
  );
}
