// Minutes → units, drawn: each timed code's minutes as a bar cut into 15-minute blocks, a tick at the 8th
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

export function unitsPicture(result) {
  const codes = new Map();
  for (const line of result.lines) {
    if (!catalogueEntry(line.code)?.timed) continue; // untimed codes bill per session, not per minute
    const entry = codes.get(line.code) ?? { minutes: line.minutes, units: 0 };
    entry.units += line.units;
    codes.set(line.code, entry);
  }
  if (!codes.size) return null;
  const longest = Math.max(15, ...[...codes.values()].map((c) => c.minutes));
  const scale = 100 / (Math.ceil(longest / 15) * 15);
  return el(
    "figure",
    { class: "units-picture" },
    el(
      "figcaption",
      {},
      "Minutes and units: each box is 15 minutes, the red tick its 8th minute. ",
      el("span", { class: "swatch full" }),
      " a full unit, ",
      el("span", { class: "swatch leftover" }),
      " a leftover unit, ",
      el("span", { class: "swatch" }),
      " minutes that earned no unit.",
    ),
    [...codes].map(([code, { minutes, units }]) => bar(code, minutes, units, scale)),
  );
}
