// The Plan of care view (issue 12): one patient's visits under one plan, evaluated by the engine as an episode.
// It shows the running therapy spend against the KX and review thresholds (a small SVG chart), the alerts, and
// the progress-report and recertification dates. The episode lives in the address (#e=) and in this browser.
import { encodeVisit, readLink, stored } from "../shell/address.js";
import { $, count, el, money, table } from "../lib/dom.js";
import { ALERT_NAME, errorWords } from "../lib/words.js";
import { notice } from "../shell/notice.js";
import { spendChart } from "./plan-chart.js";
import { addDays, daysBetween, readDate, rhythmDates, showDate } from "./plan-dates.js";
import { carryEpisode, carryVisit, withEpisodeExtras, withVisitExtras } from "./plan-extras.js";

const STORAGE_KEY = "unitwise:last-episode";

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
      // Minutes as typed, a minus or a decimal too, so the engine names the minutes ("97110 -5") and not the code.
      const m = /^(\S+)\s+(-?\d+(?:\.\d+)?)$/.exec(part);
      return m ? { code: m[1], minutes: Number(m[2]) } : { code: part };
    });
}

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
    // A text field, not a date input: Tab leaves it at once, and a mistyped year is said here (plan-dates.js).
    const date = el("input", {
      id: `${id}-date`,
      class: "plan-date",
      value: showDate(visit.dateOfService),
      placeholder: "mm/dd/yyyy",
      inputmode: "numeric",
      autocomplete: "off",
      spellcheck: "false",
      "aria-describedby": `${id}-date-error`,
    });
    const services = el("input", {
      id: `${id}-services`,
      class: "plan-services",
      value: servicesText(visit.services),
      spellcheck: "false",
      autocomplete: "off",
    });
    const report = el("input", { type: "checkbox", id: `${id}-report`, class: "plan-report" });
    report.checked = visit.progressReport === true;
    const row = el(
      "li",
      { class: "plan-visit", "data-index": i },
      el("label", { for: date.id }, `Visit ${i + 1} date`),
      el("span", { class: "date-cell" }, date, el("span", { class: "field-error", id: `${id}-date-error` })),
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
    row.append(carryVisit(row, visit) ?? "");
    return row;
  }

  function fill() {
    carryEpisode(episode);
    const p = episode.planOfCare ?? {};
    $("plan-discipline").value = p.discipline ?? "PT";
    $("plan-start").value = showDate(p.start ?? "");
    $("plan-certified").value = showDate(p.certifiedThrough ?? "");
    $("plan-prior-ptslp").value = episode.priorSpend?.ptSlp || "";
    $("plan-prior-ot").value = episode.priorSpend?.ot || "";
    $("plan-locality").value = episode.locality ?? "national";
    $("plan-visits").replaceChildren(...(episode.visits ?? []).map(visitRow));
  }

  function read() {
    const number = (id) => ($(id).value.trim() === "" ? 0 : Number($(id).value));
    // Typed dates to ISO; what is not a date stays as typed (dateProblems says why at the field).
    const iso = (id) => {
      const date = readDate($(id).value);
      return date && "iso" in date ? date.iso : $(id).value.trim();
    };
    const planOfCare = { discipline: $("plan-discipline").value, start: iso("plan-start") };
    if ($("plan-certified").value.trim()) planOfCare.certifiedThrough = iso("plan-certified");
    let year = planOfCare.start;
    const visits = [...$("plan-visits").children].map((li) => {
      const typed = li.querySelector(".plan-date").value;
      const date = readDate(typed, year);
      if (date && "iso" in date) year = date.iso;
      const v = {
        dateOfService: date && "iso" in date ? date.iso : typed.trim(),
        services: parseServices(li.querySelector(".plan-services").value),
      };
      if (li.querySelector(".plan-report").checked) v.progressReport = true;
      return withVisitExtras(li, v);
    });
    const e = { planOfCare, priorSpend: { ptSlp: number("plan-prior-ptslp"), ot: number("plan-prior-ot") }, visits };
    const locality = $("plan-locality").value.trim();
    if (locality && locality !== "national") e.locality = locality;
    return withEpisodeExtras(e);
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

  function dueDates() {
    const p = episode.planOfCare;
    const items = [];
    if (p.start) {
      const day90 = addDays(p.start, 89);
      const recert = p.certifiedThrough && p.certifiedThrough < day90 ? p.certifiedThrough : day90;
      items.push(
        `Recertify by ${showDate(recert)} (the earlier of the certified-through date and day 90 of the plan).`,
      );
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

  // Each visit's date as typed: its problem said at the field (and returned, for the list of problems).
  function dateProblems() {
    const problems = [];
    // The plan's own dates: the start is needed, the certified-through date may be left empty.
    for (const [id, path, needed] of [
      ["plan-start", "/planOfCare/start", "type the start of care"],
      ["plan-certified", "/planOfCare/certifiedThrough", ""],
    ]) {
      const date = readDate($(id).value);
      const problem = !date ? needed : "error" in date ? date.error : "";
      if (problem) $(id).setAttribute("aria-invalid", "true");
      else $(id).removeAttribute("aria-invalid");
      $(`${id}-error`).textContent = problem;
      if (problem) problems.push({ path, message: problem });
    }
    const start = readDate($("plan-start").value);
    let year = start && "iso" in start ? start.iso : "";
    [...$("plan-visits").children].forEach((li, i) => {
      const input = li.querySelector(".plan-date");
      const date = readDate(input.value, year);
      const problem = !date ? "type the visit's date" : "error" in date ? date.error : "";
      if (date && "iso" in date) year = date.iso;
      if (problem) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
      li.querySelector(".date-cell .field-error").textContent = problem;
      if (problem) problems.push({ path: `/visits/${i}/dateOfService`, message: problem });
    });
    return problems;
  }

  // The engine's errors on a visit's services are marked at that visit's services field too.
  function markServices(errors) {
    [...$("plan-visits").children].forEach((li, i) => {
      const mine = errors.filter((e) => e.path.startsWith(`/visits/${i}/services`));
      const input = li.querySelector(".plan-services");
      if (mine.length) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    });
  }

  function renderProblems(errors) {
    $("plan-result").replaceChildren(
      el("p", { class: "stale-note" }, `The plan has ${count(errors.length, "problem")} to fix:`),
      el(
        "ul",
        { class: "plan-problems" },
        errors.map((e) => el("li", {}, errorWords(e))),
      ),
      el(
        "details",
        { class: "developer" },
        el("summary", {}, "Details for developers"),
        el(
          "ul",
          {},
          errors.map((e) => el("li", {}, el("code", {}, e.path), " ", e.message)),
        ),
      ),
    );
  }

  function render(result) {
    const body = $("plan-result");
    markServices(result.ok ? [] : result.errors);
    if (!result.ok) {
      renderProblems(result.errors);
      return;
    }
    const points = runningSpend(result);
    const rows = result.visits.map((v, i) => {
      const units = v.lines.reduce((n, l) => n + l.units, 0);
      const kxLine = v.lines.some((l) => l.modifiers.includes("KX"));
      const alerts = result.alerts
        .filter((a) => a.visit === i)
        .map((a) => ALERT_NAME[a.kind] ?? a.kind)
        .join(", ");
      return el(
        "tr",
        { "data-visit": i },
        el("td", {}, String(i + 1)),
        el("td", {}, showDate(episode.visits[i].dateOfService)),
        el("td", {}, String(units)),
        el("td", {}, money(v.fee.allowed)),
        el("td", {}, money(v.fee.patientOwes)),
        el("td", {}, money(points[i].ptSlp)),
        el("td", {}, kxLine ? "KX" : ""),
        el("td", {}, alerts),
      );
    });
    body.replaceChildren(
      el("h3", {}, "Spend against the thresholds"),
      spendChart(
        result,
        points,
        episode.visits.map((v) => v.dateOfService),
        body.clientWidth,
      ),
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
      // Wider than a phone: it scrolls on its own (focusable, so a keyboard can scroll it too).
      el(
        "div",
        { class: "table-scroll", tabindex: "0", role: "region", "aria-label": "Visits of the plan of care" },
        table(
          "plan-table",
          "Visits of the plan of care",
          ["Visit", "Date", "Units", "Allowed", "Patient owes", "PT+SLP spend", "KX", "Alerts"],
          rows,
        ),
      ),
    );
  }

  function update() {
    frame = 0;
    episode = read();
    save();
    const problems = dateProblems();
    if (problems.length) {
      markServices([]);
      renderProblems(problems);
    } else render(engine.evaluateEpisode(episode));
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
      // The episode's own setting, rule set and options hold for each of its visits.
      const shared = Object.fromEntries(
        ["setting", "ruleSet", "options"].filter((k) => episode[k] !== undefined).map((k) => [k, episode[k]]),
      );
      openVisit({
        discipline: episode.planOfCare.discipline,
        locality: episode.locality ?? "national",
        ...shared,
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
  const status = (text) => {
    $("plan-add-status").textContent = text;
  };
  const ISO = /^\d{4}-\d{2}-\d{2}$/;
  // The last visit to build on, or null with its problem said (at the field, focused, and beside the buttons).
  function lastVisit(what) {
    episode = read();
    const last = episode.visits.at(-1);
    if (!last) {
      status(`${what}: there is no visit yet; add one with "Add visit".`);
      return null;
    }
    if (!ISO.test(last.dateOfService)) {
      const problem = dateProblems().at(-1)?.message ?? "type the visit's date";
      status(`${what}: visit ${episode.visits.length}'s date comes first: ${problem}.`);
      $("plan-visits").lastElementChild.querySelector(".plan-date").focus();
      return null;
    }
    return last;
  }
  const copyOf = ({ progressReport, ...visit }, dateOfService) => ({
    ...visit,
    services: visit.services.map((s) => ({ ...s })),
    dateOfService,
  });
  function added(from) {
    fill();
    const field = $("plan-visits").children[from].querySelector(".plan-date");
    field.focus();
    field.select();
    schedule();
  }
  // The last visit again, as many days after it as it came after the one before (a week when there is none).
  $("plan-duplicate-visit").addEventListener("click", () => {
    const last = lastVisit("Duplicate");
    if (!last) return;
    const before = episode.visits.at(-2)?.dateOfService;
    const gap = before && ISO.test(before) ? daysBetween(before, last.dateOfService) : 0;
    const days = gap > 0 ? gap : 7;
    episode.visits.push(copyOf(last, addDays(last.dateOfService, days)));
    status(
      `Added visit ${episode.visits.length} on ${showDate(episode.visits.at(-1).dateOfService)}, ` +
        `${count(days, "day")} after the last${gap > 0 ? ", as before it" : ""}.`,
    );
    added(episode.visits.length - 1);
  });
  // Visits by rhythm (issue 29 item 4): on weekdays, or every N days, for N weeks, each with the last visit's
  // services.
  function addRhythm() {
    const weekdays = [...$("plan-rhythm-days").querySelectorAll("input:checked")].map((c) => Number(c.value));
    const everyDays = Number($("plan-every").value) || 0;
    const weeks = Number($("plan-weeks").value) || 0;
    if (!weekdays.length && everyDays < 1) {
      status("Add visits: tick the days of the week, or type every how many days.");
      return;
    }
    if (weeks < 1 || weeks > 52) {
      status("Add visits: type for how many weeks, 1 to 52.");
      $("plan-weeks").focus();
      return;
    }
    const last = lastVisit("Add visits");
    if (!last) return;
    const dates = rhythmDates(last.dateOfService, { weekdays, everyDays, weeks });
    if (!dates.length) {
      status(`Add visits: no day of that rhythm falls within ${count(weeks, "week")} of the last visit.`);
      return;
    }
    const from = episode.visits.length;
    episode.visits.push(...dates.map((d) => copyOf(last, d)));
    status(
      `Added ${count(dates.length, "visit")}, ${showDate(dates[0])} to ${showDate(dates.at(-1))}, ` +
        `with visit ${from}'s services.`,
    );
    added(from);
  }
  $("plan-add-rhythm").addEventListener("click", addRhythm);
  $("plan-rhythm").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && e.target instanceof HTMLInputElement) {
      e.preventDefault();
      addRhythm();
    }
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
