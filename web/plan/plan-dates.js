// Dates of the Plan of care view as a person types them (issue 29 item 4): "01/05/2026", "1/5/26", "1/5" (the
// year of the visit before) or "2026-01-05". A visit's date is a plain text field, so Tab always leaves it (a date
// input's Tab walks its month, day and year first) and a mistyped year is said at the field, never taken.
const MIN_YEAR = 2000;
const MAX_YEAR = 2099;

export const addDays = (iso, days) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

// Whole days from a to b (ISO dates).
export const daysBetween = (a, b) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 864e5);

// 0 Sunday … 6 Saturday.
export const weekday = (iso) => new Date(`${iso}T00:00:00Z`).getUTCDay();

const pad = (n) => String(n).padStart(2, "0");

// "2026-01-05" → "01/05/2026", as US billers write it; anything else is shown as it was typed.
export const showDate = (iso) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? "");
  return m ? `${m[2]}/${m[3]}/${m[1]}` : (iso ?? "");
};

/**
 * A typed date to ISO, or the reason it is not one.
 * @param {string} text
 * @param {string} [yearFrom] an ISO date whose year a date typed without one takes
 * @returns {{ iso: string } | { error: string } | null} null when the field is empty
 */
export function readDate(text, yearFrom = "") {
  const t = text.trim();
  if (!t) return null;
  let y;
  let mo;
  let d;
  let m;
  if ((m = /^(\d+)-(\d{1,2})-(\d{1,2})$/.exec(t))) [y, mo, d] = [m[1], m[2], m[3]];
  else if ((m = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d+))?$/.exec(t))) {
    [mo, d] = [m[1], m[2]];
    y = m[3] ?? (yearFrom.slice(0, 4) || String(new Date().getFullYear()));
    if (y.length === 2) y = `20${y}`;
  } else return { error: `"${t}" is not a date; type it as mm/dd/yyyy` };
  const [year, month, day] = [Number(y), Number(mo), Number(d)];
  if (y.length !== 4) {
    return { error: `the year ${y} has ${y.length} digits; a year has four, such as ${new Date().getFullYear()}` };
  }
  if (year < MIN_YEAR || year > MAX_YEAR) return { error: `the year ${y} is not one unitwise bills for` };
  if (month < 1 || month > 12) return { error: `there is no month ${month}` };
  const iso = `${year}-${pad(month)}-${pad(day)}`;
  if (day < 1 || addDays(`${year}-${pad(month)}-01`, day - 1) !== iso) {
    const name = new Date(Date.UTC(2000, month - 1, 1)).toLocaleString("en-US", { month: "long", timeZone: "UTC" });
    return { error: `${name} ${year} has no day ${day}` };
  }
  return { iso };
}

/**
 * The dates of a rhythm after `last`: on the given weekdays, or every `everyDays` days, through `weeks` weeks
 * counted from the week of `last` (so Mon/Wed/Fri for 4 weeks after a Monday's visit adds 11: 12 in all).
 * @param {string} last ISO date of the visit the rhythm follows
 * @param {{ weekdays: number[], everyDays: number, weeks: number }} rhythm
 */
export function rhythmDates(last, { weekdays, everyDays, weeks }) {
  const end = addDays(last, 7 * weeks);
  const dates = [];
  if (everyDays > 0) {
    for (let d = addDays(last, everyDays); d < end; d = addDays(d, everyDays)) dates.push(d);
  } else {
    for (let d = addDays(last, 1); d < end; d = addDays(d, 1)) if (weekdays.includes(weekday(d))) dates.push(d);
  }
  return dates;
}
