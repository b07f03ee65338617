// A clinician's day (docs/batch.md, "A clinician's day"): each clinician's billed timed minutes on each date, the days
// over a shift or over 24 hours flagged, and the CSV `unitwise evaluate --csv --clinician-days FILE` writes, byte for
// byte (cli/csv/clinician_days.cpp). No DOM here, so Node's tests hold it to the CLI.
import { CLINICIAN_DAYS } from "./csv-format.js";
import { csvField } from "./file-batch.js";

const MINUTES_IN_A_DAY = 24 * 60;
/** The default shift in hundredths of an hour (800: 8 hours), as the CLI keeps it, so that "over" is exact. */
export const DEFAULT_SHIFT = CLINICIAN_DAYS.defaultShiftHours * 100;
export const { overShift: OVER_SHIFT, impossible: IMPOSSIBLE, badShiftHours: BAD_SHIFT_HOURS } = CLINICIAN_DAYS;

/**
 * The hours of a shift ("8", "7.5", "10.25") in hundredths, or null unless a number above 0 and at most 24 with at
 * most two decimals (the CLI's read_shift_hours()).
 * @param {string} text
 */
export function readShiftHours(text) {
  const m = new RegExp(`^(\\d{1,2})(?:\\.(\\d{1,${CLINICIAN_DAYS.maxShiftDecimals}}))?$`).exec(text);
  if (!m) return null;
  const hundredths = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  return hundredths > 0 && hundredths <= 2400 ? hundredths : null;
}

/** Hundredths of an hour as a person writes them: 800 is "8", 750 "7.5". @param {number} hundredths */
export const shiftText = (hundredths) => String(hundredths / 100);

/** A day's flag: "" within the shift, "over shift", or "impossible (over 24 hours)". */
export function dayFlag(minutes, shift) {
  if (minutes > MINUTES_IN_A_DAY) return IMPOSSIBLE;
  return minutes * 100 > shift * 60 ? OVER_SHIFT : ""; // minutes > hours * 60, in whole numbers
}

// A code as the engine bills it: spaces around it dropped, and capitals when it is letters and digits.
const claimCode = (code) => {
  const trimmed = code.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, "");
  return /^[A-Za-z0-9]*$/.test(trimmed) ? trimmed.toUpperCase() : trimmed;
};

/**
 * A valid visit's part of its clinicians' days: for each clinician its rows name (in row order), the visit's date and
 * the minutes of its rows whose code is timed (`isTimed`, the engine's catalogue) and has a claim line. Null for an
 * invalid visit or one naming no clinician. Small, so the File view keeps it per visit (file-stream.js keep()).
 * @param {any} v a visit of groupVisits() @param {any} o its outcome() @param {(code: string) => boolean} isTimed
 * @returns {{ date: string, by: [string, number][] } | null}
 */
export function visitContributions(v, o, isTimed) {
  if (v.jsonl || o.errors.length) return null;
  const billed = new Set(o.lines.map((l) => l.code));
  const by = new Map();
  for (const s of v.services) {
    if (!s.clinician) continue;
    const code = claimCode(s.code);
    // A valid visit's minutes are whole numbers 0-1440 (the engine checked them), however the cell wrote them.
    const minutes = billed.has(code) && isTimed(code) && s.minutes !== "" ? Number(s.minutes) : 0;
    by.set(s.clinician, (by.get(s.clinician) ?? 0) + minutes);
  }
  return by.size ? { date: v.date.value, by: [...by] } : null;
}

/**
 * Each clinician's days from the visits' parts, in file order: clinicians in order of first appearance, each one's
 * dates in order. @param {({ date: string, by: [string, number][] } | null)[]} parts
 * @returns {{ name: string, days: { date: string, visits: number, minutes: number }[] }[]}
 */
export function clinicianDaysOf(parts) {
  const byName = new Map();
  for (const part of parts) {
    if (!part) continue;
    for (const [name, minutes] of part.by) {
      if (!byName.has(name)) byName.set(name, new Map());
      const days = byName.get(name);
      if (!days.has(part.date)) days.set(part.date, { date: part.date, visits: 0, minutes: 0 });
      const day = days.get(part.date);
      day.visits++;
      day.minutes += minutes;
    }
  }
  return [...byName].map(([name, days]) => ({
    name,
    days: [...days.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
  }));
}

/** Each clinician's days of whole visits and their outcomes (the CLI's --clinician-days). */
export const clinicianDays = (visits, outcomes, isTimed) =>
  clinicianDaysOf(visits.map((v, i) => visitContributions(v, outcomes[i], isTimed)));

/** The CSV of --clinician-days. @param {ReturnType<typeof clinicianDays>} clinicians @param {number} shift */
export function clinicianDaysCsv(clinicians, shift) {
  const rows = [CLINICIAN_DAYS.columns];
  for (const c of clinicians) {
    for (const d of c.days) rows.push([c.name, d.date, String(d.visits), String(d.minutes), dayFlag(d.minutes, shift)]);
  }
  return rows.map((r) => `${r.map(csvField).join(",")}\n`).join("");
}

/** Each clinician's days, visits, minutes and flagged days. @param {ReturnType<typeof clinicianDays>} clinicians */
export const clinicianTotals = (clinicians, shift) =>
  clinicians.map((c) => ({
    name: c.name,
    days: c.days.length,
    visits: c.days.reduce((n, d) => n + d.visits, 0),
    minutes: c.days.reduce((n, d) => n + d.minutes, 0),
    flagged: c.days.filter((d) => dayFlag(d.minutes, shift)).length,
  }));

/** The flagged days, impossible ones first, then the longest. @param {ReturnType<typeof clinicianDays>} clinicians */
export const flaggedDays = (clinicians, shift) =>
  clinicians
    .flatMap((c) => c.days.map((d) => ({ name: c.name, ...d, flag: dayFlag(d.minutes, shift) })))
    .filter((d) => d.flag)
    .sort((a, b) => b.minutes - a.minutes);
