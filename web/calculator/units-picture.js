// Minutes → units, drawn: the timed minutes (pooled, or each code's under a per-code rule) as a bar cut into 15-minute blocks, a tick at the 8th
// minute of every block, and the units the code billed (full blocks dark, a leftover unit highlighted).
// Widths are set through element.style (CSSOM), which the page's CSP allows; HTML style attributes it does not.
import { count, el } from "../lib/dom.js";
import { catalogueEntry } from "./code-picker.js";

const percent = (node, property, value) => {
  node.style[property] = `${value}%`;
  return node;
};

// One 15-minute slot per block: the minutes fill it from the left, the tick sits at its 8th minute.
function bar(code, minutes, units, scale) {
  const slots = [];
  for (let start = 0, index = 0; start < minutes; start += 15, index++) {
    const length = Math.min(15, minutes - start);
    const kind = index >= units ? "unbilled" : length === 15 ? "full" : "leftover";
    slots.push(
      percent(
        el(
          "span",
          { class: "slot" },
          percent(el("span", { class: `fill ${kind}` }), "width", (length / 15) * 100),
          el("span", { class: "eight" }),
        ),
        "width",
        15 * scale,
      ),
    );
  }
  return el(
    "div",
    { class: "bar-row" },
    el("span", { class: "bar-code" }, code),
    el(
      "span",
      { class: "bar", role: "img", "aria-label": `${code}: ${minutes} minutes, ${count(units, "unit")}` },
      slots,
    ),
    el("span", { class: "bar-units" }, `${minutes} min → ${units}`),
  );
}

// The picture follows the rule in force (issue 29 item 3). Medicare's total-time rule pools the timed minutes
// and cuts the pool into units, so its picture is the pool, ticked at each block's 8th minute, with the units each
// code got listed under it; no code has 8th-minute ticks of its own there. Only a per-code rule (a commercial
// payer) cuts each code's minutes apart, so only there does each code get its own ticked bar.
export function unitsPicture(result) {
  const codes = new Map();
  for (const line of result.lines) {
    if (!catalogueEntry(line.code)?.timed) continue; // untimed codes bill per session, not per minute
    const entry = codes.get(line.code) ?? { minutes: line.minutes, units: 0 };
    entry.units += line.units;
    codes.set(line.code, entry);
  }
  if (!codes.size) return null;
  const legend = [
    el("span", { class: "swatch full" }),
    " a full unit, ",
    el("span", { class: "swatch leftover" }),
    " a leftover unit, ",
    el("span", { class: "swatch" }),
    " minutes that earned no unit.",
  ];
  if (result.ruleSet !== "per_code") {
    const minutes = result.totalTimedMinutes ?? [...codes.values()].reduce((n, c) => n + c.minutes, 0);
    const units = result.totalTimedUnits ?? [...codes.values()].reduce((n, c) => n + c.units, 0);
    const scale = 100 / (Math.ceil(Math.max(15, minutes) / 15) * 15);
    return el(
      "figure",
      { class: "units-picture pooled", "data-rule": "total-time" },
      el(
        "figcaption",
        {},
        "Minutes and units under Medicare's total-time rule: the timed minutes of every code count together. ",
        "Each box is 15 minutes of the total, the red tick its 8th minute. ",
        legend,
      ),
      bar("Total", minutes, units, scale),
      el(
        "ul",
        { class: "pool-shares", "aria-label": "Units of each code from the pool" },
        [...codes].map(([code, c]) => el("li", {}, el("b", {}, code), ` ${c.minutes} min → ${count(c.units, "unit")}`)),
      ),
    );
  }
  const longest = Math.max(15, ...[...codes.values()].map((c) => c.minutes));
  const scale = 100 / (Math.ceil(longest / 15) * 15);
  return el(
    "figure",
    { class: "units-picture per-code", "data-rule": "per-code" },
    el(
      "figcaption",
      {},
      "Minutes and units under the per-code rule: each code's minutes count on their own. ",
      "Each box is 15 minutes, the red tick its 8th minute. ",
      legend,
    ),
    [...codes].map(([code, { minutes, units }]) => bar(code, minutes, units, scale)),
  );
}
