// The File view's "Clinicians' days" (issue 29 item 2, docs/batch.md "A clinician's day"): when the file has a
// clinician column, the days over the shift or over 24 hours first, then each clinician's totals; the shift length
// re-flags the days at once (nothing is evaluated again), and the download is the CSV of `--clinician-days`.
import { $, el } from "../lib/dom.js";
import {
  BAD_SHIFT_HOURS,
  DEFAULT_SHIFT,
  IMPOSSIBLE,
  clinicianDaysOf,
  clinicianDaysCsv,
  clinicianTotals,
  flaggedDays,
  readShiftHours,
  shiftText,
} from "./clinician-days.js";

const CELL = { role: "cell" };
const number = (n) => n.toLocaleString("en-US");
// 540 minutes as "9 h 00 min": the minutes stay exact, the hours are how a day is thought of.
const hours = (minutes) => `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
const plural = (n, noun) => `${number(n)} ${noun}${n === 1 ? "" : "s"}`;

let shown = null, // { name, clinicians }
  shift = DEFAULT_SHIFT; // the last good shift length, in hundredths of an hour: kept from one file to the next

/** @param {(name: string, text: string) => void} download */
export function startClinicianDays(download) {
  const input = $("file-shift");
  input.value = shiftText(shift);
  input.addEventListener("input", () => {
    const read = readShiftHours(input.value.trim());
    $("file-shift-error").textContent = read === null ? `${capital(BAD_SHIFT_HOURS)}.` : "";
    input.setAttribute("aria-invalid", String(read === null));
    $("file-clinician-days").disabled = read === null;
    if (read === null) return;
    shift = read;
    render();
  });
  $("file-clinician-days").addEventListener("click", () =>
    download(shown.name.replace(/\.\w+$/, "") + "-clinician-days.csv", clinicianDaysCsv(shown.clinicians, shift)),
  );
}

const capital = (s) => s[0].toUpperCase() + s.slice(1);

/**
 * The section for a file's evaluated visits, or hidden when the file has no clinician column.
 * @param {string} name the file's @param {boolean} present @param {{ clinicians: any }[]} records file-stream.js keep()'s
 */
export function showClinicianDays(name, present, records) {
  $("file-clinicians").hidden = !present;
  shown = present ? { name, clinicians: clinicianDaysOf(records.map((r) => r.clinicians)) } : null;
  if (present) render();
}

const table = (caption, heads, rows) =>
  el(
    "table",
    { class: "clinician-days", role: "table" },
    el("caption", {}, caption),
    el(
      "thead",
      { role: "rowgroup" },
      el(
        "tr",
        { role: "row" },
        heads.map((h) => el("th", { scope: "col" }, h)),
      ),
    ),
    el(
      "tbody",
      { role: "rowgroup" },
      rows.map((cells) =>
        el(
          "tr",
          { role: "row" },
          cells.map((c) => el("td", CELL, c)),
        ),
      ),
    ),
  );

function render() {
  const { clinicians } = shown;
  const said = `${shiftText(shift)}-hour shift`;
  const flagged = flaggedDays(clinicians, shift);
  const impossible = flagged.filter((d) => d.flag === IMPOSSIBLE).length;
  const flagWords = (flag) => (flag === IMPOSSIBLE ? "Impossible: over 24 hours" : `Over the ${said}`);
  const days = clinicians.reduce((n, c) => n + c.days.length, 0);
  $("file-clinicians-verdict").textContent = !days
    ? "No row of a valid visit names a clinician."
    : flagged.length
      ? `${plural(flagged.length, "day")} of ${number(days)} to look at first: ` +
        `${number(flagged.length - impossible)} over the ${said}, ${number(impossible)} impossible (over 24 hours).`
      : `No day is over the ${said} or over 24 hours (${plural(days, "clinician day")}).`;
  $("file-clinicians-body").replaceChildren(
    flagged.length
      ? table(
          `Days over the ${said} or over 24 hours, longest first`,
          ["Clinician", "Date", "Visits", "Billed timed minutes", "Flag"],
          flagged.map((d) => [
            d.name,
            d.date,
            number(d.visits),
            `${number(d.minutes)} (${hours(d.minutes)})`,
            el("strong", {}, flagWords(d.flag)),
          ]),
        )
      : null,
    days
      ? table(
          "Each clinician",
          ["Clinician", "Days", "Visits", "Billed timed minutes", "Days flagged"],
          clinicianTotals(clinicians, shift).map((c) => [
            c.name,
            number(c.days),
            number(c.visits),
            number(c.minutes),
            number(c.flagged),
          ]),
        )
      : null,
  );
}
