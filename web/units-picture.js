// Minutes → units, drawn: each code's minutes as a bar cut into 15-minute blocks, the 8-minute mark of the
// last block shown, and the units the code billed (full blocks solid, a leftover unit highlighted).
import { el } from "./dom.js";

export function unitsPicture(result) {
  const perCode = new Map();
  for (const line of result.lines) {
    const entry = perCode.get(line.code) ?? { minutes: line.minutes, units: 0 };
    entry.units += line.units;
    perCode.set(line.code, entry);
  }
  const longest = Math.max(15, ...[...perCode.values()].map((c) => c.minutes));
  const scale = 100 / (Math.ceil(longest / 15) * 15);
  const rows = [...perCode].map(([code, { minutes, units }]) => {
    const blocks = [];
    for (let start = 0; start < minutes; start += 15) {
      const length = Math.min(15, minutes - start);
      const index = start / 15;
      const full = length === 15;
      const billed = index < units;
      const block = el("span", {
        class: `block${full ? " full" : " partial"}${billed ? " billed" : ""}${billed && !full ? " leftover" : ""}`,
        title: `${start}–${start + length} min${billed ? ": billed" : ""}`,
      });
      block.style.width = `${length * scale}%`;
      blocks.push(block);
    }
    const mark = el("span", { class: "eight", "aria-hidden": "true" });
    mark.style.left = `${8 * scale}%`;
    return el("div", { class: "bar-row" },
      el("span", { class: "bar-code" }, code),
      el("span", { class: "bar", role: "img", "aria-label": `${code}: ${minutes} minutes, ${units} unit${units === 1 ? "" : "s"}` },
        ...blocks, mark),
      el("span", { class: "bar-units" }, `${minutes} min → ${units}`));
  });
  return el("figure", { class: "units-picture" },
    el("figcaption", {}, "Minutes and units. Dark blocks are full 15-minute units; a light orange block is a leftover unit; the thin line marks 8 minutes."),
    ...rows);
}
