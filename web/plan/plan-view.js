// The Plan of care view (issue 12): one patient's visits under one plan, evaluated by the engine as an episode.
// It shows the running therapy spend against the KX and review thresholds (a small SVG chart), the alerts, and
// the progress-report and recertification dates. The episode lives in the address (#e=) and in this browser.
import { encodeVisit, readLink, stored } from "../shell/address.js";
import { $, count, el, money, table } from "../lib/dom.js";
import { notice } from "../shell/notice.js";

const STORAGE_KEY = "unitwise:last-episode";
const SVG = "http://www.w3.org/2000/svg";

const starter = (today) => ({
  planOfCare: { discipline: "PT", start: today },
  priorSpend: { ptSlp: 0, ot: 0 },
  visits: [{ dateOfService: today, services: [{ code: "97161" }, { code: "97110", minutes: 30 }] }],
});

// "97110 30, 97140 15, 97161" ↔ services. What cannot be read is passed on as typed, for the engine to name.
const servicesText = (services) =>
  (services ?? []).map((s) => (s.minutes == null ? s.code : `${s.code} ${s.minutes}`)).join(", ");
function parseServices(text) {
  return text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const m = /^(\S+)\s+(\d+)$/.exec(part);
      return m ? { code: m[1], minutes: Number(m[2]) } : { code: part };
    });
}

const addDays = (iso, days) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/**
 * @param {{ engine: import("../unitwise/index.js").Engine, today: () => string, openVisit: (visit: object) => void,
 *           initialHash?: string | null }} options
 */
export function startPlanView({ engine, today, openVisit, initialHash = null }) {
  const linked = initialHash ? readLink(initialHash, "e") : null;
  const saved = stored(STORAGE_KEY, "e");
  if (linked?.error) {
    notice(
      `This link's plan of care could not be read: ${linked.error}. Showing ${saved ? "the plan saved in this browser" : "a new plan"} instead.`,
    );
  }
  let episode = linked?.visit ?? saved ?? starter(today());
  let frame = 0;

  function visitRow(visit, i) {
    const id = `plan-visit-${i}`;
    const date = el("input", { type: "date", id: `${id}-date`, class: "plan-date", value: visit.dateOfService ?? "" });
    const services = el("input", {
      id: `${id}-services`,
      class: "plan-services",
      value: servicesText(visit.services),
      spellcheck: "false",
      autocomplete: "off",
    });
    const report = el("input", { type: "checkbox", id: `${id}-report`, class: "plan-report" });
    report.checked = visit.progressReport === true;
    return el(
      "li",
      { class: "plan-visit", "data-index": i },
      el("label", { for: date.id }, `Visit ${i + 1} date`),
      date,
      el("label", { for: services.id }, "Codes and minutes"),
      services,
      el("label", { class: "inline", for: report.id }, report, " progress report written"),
      el(
        "button",
        { type: "button", class: "open-visit", "aria-label": `Open visit ${i + 1} in the calculator` },
        "Open",
      ),
      el("button", { type: "button", class: "remove", "aria-label": `Remove visit ${i + 1}` }, "Remove"),
    );
  }

  function fill() {
    const p = episode.planOfCare ?? {};
    $("plan-discipline").value = p.discipline ?? "PT";
    $("plan-start").value = p.start ?? "";
    $("plan-certified").value = p.certifiedThrough ?? "";
    $("plan-prior-ptslp").value = episode.priorSpend?.ptSlp || "";
    $("plan-prior-ot").value = episode.priorSpend?.ot || "";
    $("plan-locality").value = episode.locality ?? "national";
    $("plan-visits").replaceChildren(...(episode.visits ?? []).map(visitRow));
  }

  function read() {
    const number = (id) => ($(id).value.trim() === "" ? 0 : Number($(id).value));
    const planOfCare = { discipline: $("plan-discipline").value, start: $("plan-start").value };
    if ($("plan-certified").value) planOfCare.certifiedThrough = $("plan-certified").value;
    const visits = [...$("plan-visits").children].map((li) => {
      const v = {
        dateOfService: li.querySelector(".plan-date").value,
        services: parseServices(li.querySelector(".plan-services").value),
      };
      if (li.querySelector(".plan-report").checked) v.progressReport = true;
      return v;
    });
    const e = { planOfCare, priorSpend: { ptSlp: number("plan-prior-ptslp"), ot: number("plan-prior-ot") }, visits };
    const locality = $("plan-locality").value.trim();
    if (locality && locality !== "national") e.locality = locality;
    return e;
  }

  function save() {
    const link = `#e=${encodeVisit(episode)}`;
    if (location.hash !== link) history.replaceState(null, "", link);
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(episode));
    } catch {
      // Private mode or a full quota: the address still holds the episode.
    }
  }

  // Running spend per bucket after each visit, as the engine carries it: prior spend in the first visit's year,
  // the lines' allowed amounts (PT and SLP together, OT apart), a new year starting at 0.
  function runningSpend(result) {
    const points = [];
    let year = null;
    let ptSlp = 0;
    let ot = 0;
    result.visits.forEach((v, i) => {
      const y = episode.visits[i].dateOfService.slice(0, 4);
      if (year === null) [ptSlp, ot] = [episode.priorSpend?.ptSlp ?? 0, episode.priorSpend?.ot ?? 0];
      else if (y !== year) [ptSlp, ot] = [0, 0];
      year = y;
      for (const line of v.lines ?? []) {
        if (line.liability !== "payer") continue;
        if (line.discipline === "OT") ot += line.allowed;
        else ptSlp += line.allowed;
      }
      points.push({ ptSlp, ot });
    });
    return points;
  }

  function chart(result, points) {
    const width = 640;
    const height = 220;
    const pad = 44;
    const kx = result.kx?.ptSlp?.threshold ?? 0;
    const review = result.review?.ptSlp?.threshold ?? 0;
    const top = Math.max(review, kx, ...points.map((p) => Math.max(p.ptSlp, p.ot))) * 1.1 || 1;
    const x = (i) => pad + (points.length < 2 ? 0 : (i * (width - 2 * pad)) / (points.length - 1));
    const y = (v) => height - pad / 2 - (v / top) * (height - pad);
    const svg = (tag, attrs, ...children) => {
      const node = document.createElementNS(SVG, tag);
      for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
      node.append(...children);
      return node;
    };
    const line = (values, cls) =>
      svg("polyline", { class: cls, points: values.map((v, i) => `${x(i)},${y(v)}`).join(" ") });
    const level = (v, cls, label) => [
      svg("line", { class: cls, x1: pad, x2: width - pad, y1: y(v), y2: y(v) }),
      svg("text", { class: "chart-label", x: width - pad + 4, y: y(v) + 4 }, label),
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
        svg("circle", {
          class: `chart-cross ${a.kind}`,
          "data-visit": a.visit,
          cx: x(a.visit),
          cy: y(a.kind === "kx-threshold" || a.kind === "medical-review" ? points[a.visit].ptSlp : 0),
          r: 5,
        }),
      ),
    );
  }

  function dueDates() {
    const p = episode.planOfCare;
    const items = [];
    if (p.start) {
      const day90 = addDays(p.start, 89);
      const recert = p.certifiedThrough && p.certifiedThrough < day90 ? p.certifiedThrough : day90;
      items.push(`Recertify by ${recert} (the earlier of the certified-through date and day 90 of the plan).`);
    }
    const days = [...new Set(episode.visits.map((v) => v.dateOfService))];
    let since = 0;
    for (const day of days) {
      const reported = episode.visits.some((v) => v.dateOfService === day && v.progressReport);
      since = reported ? 0 : since + 1;
    }
    items.push(
      `Progress report: ${count(since, "treatment day")} since the start or the last report; one is due by the 10th.`,
    );
    return el(
      "ul",
      { class: "due-dates" },
      items.map((t) => el("li", {}, t)),
    );
  }

  function render(result) {
    const body = $("plan-result");
    if (!result.ok) {
      body.replaceChildren(
        el("p", { class: "stale-note" }, `The plan has ${count(result.errors.length, "problem")} to fix:`),
        el(
          "ul",
          {},
          result.errors.map((e) => el("li", {}, `${e.path}: ${e.message}`)),
        ),
      );
      return;
    }
    const points = runningSpend(result);
    const rows = result.visits.map((v, i) => {
      const units = v.lines.reduce((n, l) => n + l.units, 0);
      const kxLine = v.lines.some((l) => l.modifiers.includes("KX"));
      const alerts = result.alerts
        .filter((a) => a.visit === i)
        .map((a) => a.kind)
        .join(", ");
      return el(
        "tr",
        { "data-visit": i },
        el("td", {}, String(i + 1)),
        el("td", {}, episode.visits[i].dateOfService),
        el("td", {}, String(units)),
        el("td", {}, money(v.fee.allowed)),
        el("td", {}, money(points[i].ptSlp)),
        el("td", {}, kxLine ? "KX" : ""),
        el("td", {}, alerts),
      );
    });
    body.replaceChildren(
      el("h3", {}, "Spend against the thresholds"),
      chart(result, points),
      el("h3", {}, "Alerts"),
      result.alerts.length
        ? el(
            "ul",
            { class: "alerts plan-alerts" },
            result.alerts.map((a) =>
              el("li", { class: "alert warning", "data-kind": a.kind }, a.message, " ", el("cite", {}, a.source)),
            ),
          )
        : el("p", {}, "No alert for this plan of care."),
      el("h3", {}, "Due dates"),
      dueDates(),
      table(
        "plan-table",
        "Visits of the plan of care",
        ["Visit", "Date", "Units", "Allowed", "PT+SLP spend", "KX", "Alerts"],
        rows,
      ),
    );
  }

  function update() {
    frame = 0;
    episode = read();
    save();
    render(engine.evaluateEpisode(episode));
  }
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(update);
  };

  $("plan-form").addEventListener("input", schedule);
  $("plan-form").addEventListener("change", schedule);
  $("plan-form").addEventListener("submit", (e) => e.preventDefault());
  $("plan-visits").addEventListener("click", (e) => {
    const li = e.target.closest(".plan-visit");
    if (!li) return;
    const i = Number(li.dataset.index);
    if (e.target.matches(".remove")) {
      episode = read();
      episode.visits.splice(i, 1);
      fill();
      schedule();
    } else if (e.target.matches(".open-visit")) {
      episode = read();
      // Only the visits up to this one decide its spend: a half-typed later visit must not stop it opening.
      const result = engine.evaluateEpisode({ ...episode, visits: episode.visits.slice(0, i + 1) });
      const points = result.ok ? runningSpend(result) : [];
      // The visit as the episode evaluated it: its plan, place and year-to-date spend before it.
      const before =
        i > 0 &&
        points[i - 1] &&
        episode.visits[i - 1].dateOfService.slice(0, 4) === episode.visits[i].dateOfService.slice(0, 4)
          ? points[i - 1]
          : { ptSlp: episode.priorSpend.ptSlp, ot: episode.priorSpend.ot };
      const { progressReport, ...visit } = episode.visits[i];
      openVisit({
        discipline: episode.planOfCare.discipline,
        locality: episode.locality ?? "national",
        ...visit,
        ytdAllowed: { PT_SLP: Math.round(before.ptSlp * 100) / 100, OT: Math.round(before.ot * 100) / 100 },
      });
    }
  });
  $("plan-add-visit").addEventListener("click", () => {
    episode = read();
    episode.visits.push({ dateOfService: today(), services: [] });
    fill();
    $("plan-visits").lastElementChild.querySelector(".plan-date").focus();
    schedule();
  });
  $("plan-duplicate-visit").addEventListener("click", () => {
    episode = read();
    const last = episode.visits.at(-1);
    if (last) {
      const { progressReport, ...copy } = last;
      episode.visits.push({ ...copy, dateOfService: addDays(last.dateOfService || today(), 1) });
    }
    fill();
    schedule();
  });
  fill();
  update();
  // refresh: the data packs changed (Data view), so the same plan is evaluated again.
  return {
    load(e) {
      episode = e;
      fill();
      update();
    },
    refresh: update,
  };
}
