// Renders an engine result: claim lines, the minutes picture, modifier reasons, edits and warnings, ties,
// the fee breakdown, the checklist, and in explain mode the trace and the rule comparison.
import { cite, count, el, money, table } from "../lib/dom.js";
import { unitsPicture } from "./units-picture.js";
import { versusNational } from "./locality.js";
import { comparison, explanation, tieChoices, traceList } from "./explain-view.js";
import { deniedChip, mueDetails, tablesChecked } from "./claim-card.js";

const section = (title, ...body) => el("section", { class: "panel" }, el("h3", {}, title), ...body);
const RULE_SETS = { cms: "Medicare total-time rule", per_code: "per-code rule" };
// Units an MUE denies are on the claim but are not money: they are counted apart.
const billedUnits = (result, denied = false) =>
  result.lines.reduce((n, l) => n + (!l.denied === !denied ? l.units : 0), 0);

function claimLines(result) {
  return table(
    "claim-lines",
    "Claim lines",
    ["Code", "Units", "Modifiers", "Allowed"],
    result.lines.map((l) =>
      el(
        "tr",
        { class: l.denied ? "denied" : l.units ? null : "unbilled", "data-denied": l.denied || null },
        [l.code, l.units, l.modifiers.join(" "), [money(l.allowed), l.denied && [" ", deniedChip(l.denied)]]].map((c) =>
          el("td", {}, c),
        ),
      ),
    ),
    el(
      "tr",
      {},
      el("th", { scope: "row" }, "Total"),
      el("td", {}, billedUnits(result)),
      el("td"),
      el("td", {}, money(result.fee.allowed)),
    ),
  );
}

// Why each modifier: the trace entries about modifiers (GP/GO/GN, CQ/CO, KX).
function modifierReasons(result) {
  const reasons = result.trace.filter((t) => t.topic === "modifiers");
  return reasons.length ? section("Why these modifiers", traceList(reasons)) : null;
}

function editsAndWarnings(result) {
  const label = { error: "Denied as billed", warning: "Needs a modifier and the record behind it" };
  const NOTE = { error: "Will not be paid", warning: "Check", info: "Note" };
  const rank = (e) => (e.severity === "error" ? 0 : 1);
  const edits = [...result.edits].sort((a, b) => rank(a) - rank(b));
  const items = [
    ...edits.map((e) =>
      el(
        "li",
        { class: `alert ${e.severity}` },
        el(
          "strong",
          {},
          `${e.kind === "mue" && e.severity === "warning" ? "Over the limit" : label[e.severity]}: ${e.kind === "ncci" ? `NCCI ${e.column1} with ${e.column2}` : `MUE ${e.code}`}. `,
        ),
        e.message,
        e.kind === "mue" ? mueDetails(e) : null,
        cite(e.source),
      ),
    ),
    ...result.warnings.map((w) =>
      el("li", { class: `alert ${w.severity}` }, el("strong", {}, `${NOTE[w.severity]}: `), w.message),
    ),
  ];
  return section(
    "Edits and warnings",
    items.length
      ? el("ul", { class: "alerts" }, items)
      : el("p", {}, "No NCCI or MUE edit and no warning for this visit."),
    el("p", { class: "hint tables" }, tablesChecked(result)),
  );
}

function feeBreakdown(fee, vsNational) {
  const medicare = fee.payer.startsWith("Medicare");
  const rows = [
    ["Fee schedule amount", fee.full],
    ["Multiple procedure reduction (MPPR)", -fee.mpprReduction],
    ["Assistant (CQ/CO) reduction", -fee.assistantReduction],
    ["Allowed", fee.allowed, "key", el("span", { class: "vs-national" }, versusNational(vsNational))],
    ["Deductible", fee.deductible],
    ["Coinsurance", fee.coinsurance],
    ["Sequestration", fee.sequestration],
    [medicare ? "Medicare pays" : "The payer pays", fee.medicarePays, "key"],
    ["Patient owes", fee.patientOwes, "key"],
  ];
  return section(
    `${medicare ? "Medicare fee" : `Fee, ${fee.payer}`} (${fee.year} schedule, ${fee.localityName.toLowerCase()}, ${fee.setting})`,
    table(
      "fee",
      "Fee breakdown",
      null,
      rows.map(([name, amount, key, note]) =>
        el("tr", { class: key }, el("th", { scope: "row" }, name), el("td", {}, money(amount), note)),
      ),
    ),
    el(
      "p",
      { class: "hint" },
      `Conversion factor $${fee.conversionFactor}. An estimate from CMS public files; the MAC's remittance decides.`,
    ),
  );
}

// Ticks survive a redraw: a biller ticking items off should not lose them when a minute changes.
const ticked = new Set();

function checklist(items) {
  return section(
    "Documentation checklist",
    el(
      "ul",
      { class: "checklist" },
      items.map((item) =>
        el(
          "li",
          {},
          el("input", {
            type: "checkbox",
            id: `check-${item.id}`,
            checked: ticked.has(item.id),
            onchange: (e) => (e.target.checked ? ticked.add(item.id) : ticked.delete(item.id)),
          }),
          el(
            "label",
            { for: `check-${item.id}` },
            item.codes.length ? el("strong", {}, `${item.codes.join(", ")}: `) : null,
            item.text,
            cite(item.source),
          ),
        ),
      ),
    ),
  );
}

export function summaryText(result) {
  if (!result.ok) return `The visit has ${count(result.errors.length, "problem")} to fix.`;
  // A year without a loaded fee schedule is priced from the nearest one: the figures are an estimate, said up front.
  const estimate =
    result.fee.year !== Number(result.dateOfService.slice(0, 4)) ? ` (estimated at ${result.fee.year} rates)` : "";
  const denied = billedUnits(result, true);
  return (
    `${count(billedUnits(result), "unit")} on ${count(result.lines.length, "line")}` +
    ` (${result.totalTimedUnits} timed from ${result.totalTimedMinutes} minutes)` +
    `${denied ? `, ${denied} more denied${result.lines.every((l) => !l.denied || l.denied === "mue") ? " by an MUE" : ""}` : ""}. Allowed ${money(result.fee.allowed)}${estimate},` +
    ` ${result.fee.payer.startsWith("Medicare") ? "Medicare" : "the payer"} pays ${money(result.fee.medicarePays)},` +
    ` patient owes ${money(result.fee.patientOwes)}.`
  );
}

// A bad visit keeps the last good figures on screen, marked as out of date, so typing a code does not
// make the whole result blink away at every keystroke.
function markStale(target) {
  target.querySelector(".stale-note")?.remove();
  target.prepend(
    el(
      "p",
      { class: "stale-note" },
      target.childElementCount
        ? "Out of date: fix the marked fields. The figures below are from the last complete visit."
        : "Fix the marked fields to see the claim lines.",
    ),
  );
  target.classList.add("stale");
}

export function renderResult(target, result, { explain, compared, onChooseTie, vsNational }) {
  if (!result.ok) {
    markStale(target);
    return;
  }
  const focused = target.contains(document.activeElement) ? document.activeElement?.id : "";
  target.classList.remove("stale");
  const fee = result.fee;
  target.replaceChildren(
    ...[
      el(
        "p",
        { class: "visit-line" },
        `${RULE_SETS[result.ruleSet]} · ${result.dateOfService} · ${fee.localityName}, ${fee.setting}`,
      ),
      // The explanation holds the modifier reasons too, so it takes their place rather than repeating them.
      claimLines(result),
      unitsPicture(result),
      explain ? explanation(result) : null,
      tieChoices(result, onChooseTie),
      explain ? null : modifierReasons(result),
      editsAndWarnings(result),
      feeBreakdown(fee, vsNational),
      compared ? comparison(...compared) : null,
      checklist(result.checklist),
    ].filter(Boolean),
  );
  // A redraw replaces the nodes; keyboard users keep their place (a tie radio, a checklist box).
  if (focused) document.getElementById(focused)?.focus();
}
