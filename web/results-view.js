// Renders an engine result: claim lines, the minutes picture, modifier reasons, edits and warnings,
// ties as a choice, the fee breakdown, the checklist, the trace (explain mode) and the comparison.
import { el, money } from "./dom.js";
import { unitsPicture } from "./units-picture.js";

const section = (title, ...body) => el("section", { class: "panel" }, el("h3", {}, title), ...body);

function claimLines(result) {
  return el("table", { class: "claim-lines" },
    el("caption", {}, "Claim lines"),
    el("thead", {}, el("tr", {}, ...["Code", "Units", "Modifiers", "Allowed"].map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, ...result.lines.map((l) => el("tr", { class: l.units === 0 ? "unbilled" : "" },
      el("td", {}, l.code), el("td", {}, l.units), el("td", {}, l.modifiers.join(" ")), el("td", {}, money(l.allowed))))),
    el("tfoot", {}, el("tr", {}, el("th", { scope: "row" }, "Total"),
      el("td", {}, result.lines.reduce((n, l) => n + l.units, 0)), el("td"), el("td", {}, money(result.fee.allowed)))));
}

// Why each modifier: the trace lines that concern modifiers, per code.
function modifierReasons(result) {
  const reasons = result.trace.filter((t) => /^(discipline-modifier|assistant-|kx$)/.test(t.rule));
  if (!reasons.length) return null;
  return section("Why these modifiers", el("ul", {}, ...reasons.map((t) => el("li", {}, t.text, " ", el("cite", {}, t.source)))));
}

function editsAndWarnings(result) {
  const items = [
    ...result.edits.map((e) => ({ severity: e.severity, title: e.kind === "ncci" ? `NCCI ${e.column1} / ${e.column2}` : `MUE ${e.code}`,
                                  text: e.message, source: e.source })),
    ...result.warnings.map((w) => ({ severity: "info", title: w.code, text: w.message })),
  ];
  if (!items.length) return section("Edits and warnings", el("p", {}, "No NCCI or MUE edit and no warning for this visit."));
  const order = { error: 0, warning: 1, info: 2 };
  items.sort((a, b) => order[a.severity] - order[b.severity]);
  const label = { error: "Denial", warning: "Needs a modifier", info: "Note" };
  return section("Edits and warnings", el("ul", { class: "alerts" }, ...items.map((i) =>
    el("li", { class: `alert ${i.severity}` }, el("strong", {}, `${label[i.severity]}: ${i.title}. `), i.text,
      i.source ? el("cite", {}, ` ${i.source}`) : null))));
}

function tieChoices(result, onChoose) {
  if (!result.ties.length) return null;
  return section("Ties: your choice", ...result.ties.map((tie, t) => {
    const choices = [tie.chosen, ...tie.alternatives];
    const name = `tie-${t}`;
    return el("fieldset", { class: "tie" },
      el("legend", {}, `${tie.codes.join(", ")} have equal leftover minutes for ${tie.units} unit${tie.units === 1 ? "" : "s"}. Any choice is compliant; which code bills it?`),
      ...choices.map((codes, i) => el("label", {},
        el("input", { type: "radio", name, value: codes.join(" "), checked: i === 0, onchange: () => onChoose(codes) }),
        ` ${codes.join(" + ")}`)));
  }));
}

function feeBreakdown(fee) {
  const rows = [
    ["Fee schedule amount", fee.full], ["Multiple procedure reduction (MPPR)", -fee.mpprReduction],
    ["Assistant (CQ/CO) reduction", -fee.assistantReduction], ["Allowed", fee.allowed],
    ["Deductible", fee.deductible], ["Coinsurance (20%)", fee.coinsurance], ["Sequestration (2%)", fee.sequestration],
    ["Medicare pays", fee.medicarePays], ["Patient owes", fee.patientOwes],
  ];
  return section(`Medicare fee (${fee.year}, ${fee.localityName.toLowerCase()}, ${fee.setting})`,
    el("table", { class: "fee" }, el("caption", {}, "Fee breakdown"),
      el("tbody", {}, ...rows.map(([name, amount]) => el("tr", { class: /pays|owes|^Allowed/.test(name) ? "key" : "" },
        el("th", { scope: "row" }, name), el("td", {}, money(amount)))))),
    el("p", { class: "hint" }, `Conversion factor $${fee.conversionFactor}. An estimate from CMS public files; the MAC's remittance decides.`));
}

function checklist(items) {
  return section("Documentation checklist", el("ul", { class: "checklist" }, ...items.map((item) =>
    el("li", {}, el("label", {}, el("input", { type: "checkbox", "data-id": item.id }), " ",
      item.codes.length ? el("strong", {}, `${item.codes.join(", ")}: `) : null, item.text, " ", el("cite", {}, item.source))))));
}

function trace(result) {
  return section("Explanation, step by step", el("ol", { class: "trace" }, ...result.trace.map((t) =>
    el("li", {}, t.code ? el("strong", {}, `${t.code} `) : null, t.text, " ", el("cite", {}, t.source)))));
}

function comparison(cms, perCode) {
  const codes = [...new Set([...cms.lines, ...perCode.lines].map((l) => l.code))];
  const units = (r, code) => r.lines.filter((l) => l.code === code).reduce((n, l) => n + l.units, 0);
  return section("Medicare total time vs per code",
    el("table", { class: "compare" }, el("caption", {}, "Same visit, two rule sets"),
      el("thead", {}, el("tr", {}, ...["Code", "Medicare units", "Per-code units"].map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, ...codes.map((c) => el("tr", {}, el("td", {}, c), el("td", {}, units(cms, c)), el("td", {}, units(perCode, c))))),
      el("tfoot", {}, el("tr", {}, el("th", { scope: "row" }, "Allowed (Medicare rates)"),
        el("td", {}, money(cms.fee.allowed)), el("td", {}, money(perCode.fee.allowed))))),
    el("p", { class: "hint" }, "Which one applies is set by the payer's contract, not by which pays more."));
}

export function summaryText(result) {
  if (!result.ok) return `The visit has ${result.errors.length} problem${result.errors.length === 1 ? "" : "s"} to fix.`;
  const units = result.lines.reduce((n, l) => n + l.units, 0);
  return `${units} unit${units === 1 ? "" : "s"} on ${result.lines.length} line${result.lines.length === 1 ? "" : "s"}` +
         ` (${result.totalTimedUnits} timed from ${result.totalTimedMinutes} minutes). Allowed ${money(result.fee.allowed)},` +
         ` Medicare pays ${money(result.fee.medicarePays)}, patient owes ${money(result.fee.patientOwes)}.`;
}

export function renderResult(target, result, { explain, compared, onChooseTie }) {
  if (!result.ok) {
    target.replaceChildren(el("p", { class: "hint" }, "Fix the highlighted fields to see the claim lines."));
    return;
  }
  target.replaceChildren(...[
    claimLines(result), unitsPicture(result), modifierReasons(result), editsAndWarnings(result),
    tieChoices(result, onChooseTie), feeBreakdown(result.fee), compared ? comparison(...compared) : null,
    checklist(result.checklist), explain ? trace(result) : null,
  ].filter(Boolean));
}
