// The Plan of care's spend chart: running PT+SLP (and OT) allowed after each visit against the KX and review
// thresholds, with a dollar axis and the visits' dates along the bottom (issue 29 item 4).
import { count, money } from "../lib/dom.js";
import { ALERT_NAME } from "../lib/words.js";
import { showDate } from "./plan-dates.js";

const SVG = "http://www.w3.org/2000/svg";
const svg = (tag, attrs, ...children) => {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  node.append(...children);
  return node;
};

// A round step for about four ticks: 1, 2 or 5 times a power of ten.
function step(top) {
  const raw = top / 4;
  const p = 10 ** Math.floor(Math.log10(raw || 1));
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? raw;
}

/**
 * @param {any} result the engine's episode result
 * @param {{ ptSlp: number, ot: number }[]} points running spend after each visit
 * @param {string[]} dates each visit's date (ISO)
 * @param {number} [room] the width it has on screen: a phone's chart is drawn narrower, not shrunk to unreadable
 */
export function spendChart(result, points, dates, room = 640) {
  const width = Math.round(Math.min(640, Math.max(340, room || 640)));
  const height = 270;
  const left = 64;
  const right = 56;
  const topPad = 12;
  const bottom = 64;
  const kx = result.kx?.ptSlp?.threshold ?? 0;
  const review = result.review?.ptSlp?.threshold ?? 0;
  const most = Math.max(review, kx, ...points.map((p) => Math.max(p.ptSlp, p.ot))) * 1.05 || 1;
  const tick = step(most);
  const top = Math.ceil(most / tick) * tick;
  const x = (i) => left + (points.length < 2 ? 0 : (i * (width - left - right)) / (points.length - 1));
  const y = (v) => height - bottom - (v / top) * (height - bottom - topPad);
  const whole = (v) => money(v).replace(/\.00$/, "");
  const yAxis = [];
  for (let v = 0; v <= top + tick / 2; v += tick) {
    yAxis.push(
      svg("line", { class: "chart-grid", x1: left, x2: width - right, y1: y(v), y2: y(v) }),
      svg("text", { class: "chart-axis", x: left - 6, y: y(v) + 4, "text-anchor": "end" }, whole(v)),
    );
  }
  // Dates under the first and last visit and a few between, no closer than about 90 px.
  const every = Math.max(1, Math.ceil(points.length / Math.max(1, Math.floor((width - left - right) / 90))));
  const xAxis = [];
  points.forEach((_, i) => {
    if (i % every && i !== points.length - 1) return;
    if (i !== points.length - 1 && points.length - 1 - i < every / 2 && i) return;
    xAxis.push(
      svg(
        "text",
        { class: "chart-axis", x: x(i), y: height - bottom + 16, "text-anchor": "middle" },
        showDate(dates[i]).slice(0, 5),
      ),
    );
  });
  const line = (values, cls) =>
    svg("polyline", { class: cls, points: values.map((v, i) => `${x(i)},${y(v)}`).join(" ") });
  const level = (v, cls, label) => [
    svg("line", { class: cls, x1: left, x2: width - right, y1: y(v), y2: y(v) }),
    svg("text", { class: "chart-label", x: width - right + 9, y: y(v) + 4 }, label),
  ];
  const crossings = result.alerts.filter((a) => a.kind === "kx-threshold" || a.kind === "medical-review");
  const described =
    `Running PT+SLP spend from ${money(points[0]?.ptSlp ?? 0)} to ${money(points.at(-1)?.ptSlp ?? 0)}` +
    ` over ${count(points.length, "visit")}; KX at ${money(kx)}, review at ${money(review)}` +
    (crossings.length
      ? `; ${crossings.map((a) => `${a.kind === "kx-threshold" ? "KX" : "review"} crossed at visit ${a.visit + 1}`).join(", ")}`
      : "") +
    ".";
  return svg(
    "svg",
    { class: "spend-chart", viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": described },
    svg("title", {}, described),
    ...yAxis,
    svg("line", { class: "chart-axis-line", x1: left, x2: left, y1: topPad, y2: height - bottom }),
    svg("line", { class: "chart-axis-line", x1: left, x2: width - right, y1: height - bottom, y2: height - bottom }),
    ...xAxis,
    svg(
      "text",
      { class: "chart-axis", x: (left + width - right) / 2, y: height - bottom + 34, "text-anchor": "middle" },
      "date of visit (mm/dd)",
    ),
    svg("polyline", { class: "chart-ptslp", points: `${left},${height - 10} ${left + 24},${height - 10}` }),
    svg("text", { class: "chart-legend", x: left + 30, y: height - 6 }, "PT + SLP this year"),
    svg("polyline", { class: "chart-ot", points: `${left + 196},${height - 10} ${left + 220},${height - 10}` }),
    svg("text", { class: "chart-legend", x: left + 226, y: height - 6 }, "OT spend"),
    ...(kx ? level(kx, "chart-kx", "KX") : []),
    ...(review ? level(review, "chart-review", "review") : []),
    line(
      points.map((p) => p.ptSlp),
      "chart-ptslp",
    ),
    line(
      points.map((p) => p.ot),
      "chart-ot",
    ),
    ...crossings.map((a) =>
      svg(
        "circle",
        {
          class: `chart-cross ${a.kind}`,
          "data-visit": a.visit,
          cx: x(a.visit),
          cy: y(points[a.visit].ptSlp),
          r: 5,
        },
        svg("title", {}, `${ALERT_NAME[a.kind]} at visit ${a.visit + 1}: ${money(points[a.visit].ptSlp)}`),
      ),
    ),
  );
}
