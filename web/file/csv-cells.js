// Cells as EHRs write them (docs/batch.md, "Files as EHRs export them"), read as the CLI reads them
// (cli/csv/cells.cpp), from the same lists in format.json: US and day-first dates, and discipline words.
import {
  DATE_ORDERS,
  DISCIPLINE_WORDS,
  MESSAGES,
  MONTH_NAMES,
  TWO_DIGIT_YEAR_CENTURIES,
  TWO_DIGIT_YEAR_PIVOT,
} from "./csv-format.js";

const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, name) => String(values[name]));
const pad = (n, width) => String(n).padStart(width, "0");

/**
 * A date cell read: `value` what the engine gets, or `error` (after "line N: ") for a slashed date no calendar has.
 * M/D/YYYY and M/D/YY (D/M/... when `order` is "dmy") become YYYY-MM-DD; a two-digit year below the pivot is 20YY,
 * else 19YY. Any other text (YYYY-MM-DD among it) is kept as written, for the engine to check.
 * @param {string} text @param {string} order "mdy" or "dmy"
 * @returns {{ value: string, error: string, month?: number, day?: number, year?: number }}
 */
export function readDate(text, order = "mdy") {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(text);
  if (!m) return { value: text, error: "" };
  const [a, b] = [Number(m[1]), Number(m[2])];
  let year = Number(m[3]);
  if (m[3].length === 2)
    year += year < TWO_DIGIT_YEAR_PIVOT ? TWO_DIGIT_YEAR_CENTURIES.belowPivot : TWO_DIGIT_YEAR_CENTURIES.fromPivot;
  const [month, day] = order === "dmy" ? [b, a] : [a, b];
  const said = DATE_ORDERS[order];
  if (month < 1 || month > 12) return { value: "", error: fill(MESSAGES.noSuchMonth, { text, order: said, month }) };
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 ? (leap ? 29 : 28) : [31, 0, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (day < 1 || day > days) {
    const values = { text, order: said, day, month_name: MONTH_NAMES[month - 1], year, days };
    return { value: "", error: fill(MESSAGES.noSuchDay, values) };
  }
  return { value: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`, error: "", month, day, year };
}

/** How a date cell reads in `order`, in words ("April 5, 2026"), or null when it is not a slashed date. */
export function dateInWords(text, order) {
  const d = readDate(text, order);
  if (d.error) return `not a real date (${d.error.replace(/^.*?: /, "")})`;
  return d.month ? `${MONTH_NAMES[d.month - 1]} ${d.day}, ${d.year}` : null;
}

/** A discipline cell as the engine's value (PT, OT, SLP) when format.json's words hold it, else as written. */
export function readDiscipline(text) {
  // ASCII letters and digits only, as the CLI keeps them: toLowerCase() first would make İ an i and K (Kelvin) a k.
  const key = text.replace(/[^A-Za-z0-9]/g, "").toLowerCase();
  return Object.hasOwn(DISCIPLINE_WORDS, key) ? DISCIPLINE_WORDS[key] : text;
}
