// A file of visits as the CLI reads it (cli/csv/, docs/batch.md): CSV service rows grouped into visits
// by visit_id, or JSON Lines of visits; each visit's engine result turned into the CLI's claim-line CSV rows.
// No DOM here, so Node's tests run it against `unitwise evaluate --csv`.
import {
  CLAIM_HEADER,
  COLUMNS,
  HEADER_NAMES,
  MAX_OPEN_VISITS,
  MAX_SERVICE_ROWS,
  MESSAGES,
  REQUIRED,
  UNSUPPORTED_COLUMNS,
} from "./csv-format.js";
import { readDate, readDiscipline } from "./csv-cells.js";
import { readCsv } from "./csv-reader.js";

// The columns, limits and messages are the CLI's own (cli/csv/format.json, written out as csv-format.js), so the
// page and `unitwise evaluate --csv` read a file alike by construction. The page groups rows with the CLI's default
// --max-open-visits window, so one file gives the same claim lines in both (docs/batch.md, "Visits").
export { CLAIM_HEADER, COLUMNS, MAX_OPEN_VISITS, REQUIRED };

/** A shared message with the row's values in its {name} places. @param {string} template @param {object} values */
export const fillMessage = (template, values) => template.replace(/\{(\w+)\}/g, (_, name) => String(values[name]));

// A visit split across the file (the CLI's split_error()).
const splitError = (v, againLine, window) =>
  fillMessage(MESSAGES.splitVisit, { first_line: v.firstLine, id: v.id, again_line: againLine, window });

// A CSV file's header and rows (or a file-level problem), read once.
/** @returns {{ header: { line: number, fields: string[] } | null, rows: any[], problem: string | null }} */
export function readRows(text) {
  const rows = [];
  let header = null,
    problem = null;
  readCsv(
    text,
    (fields, line) => {
      if (header) rows.push({ line, fields });
      else header = { line, fields };
    },
    (message, line, fields) => {
      if (header) rows.push({ line, fields: [...fields], error: message });
      else problem ??= `line ${line}: ${message}`;
    },
  );
  if (!header && !problem) problem = fillMessage(MESSAGES.emptyInput, { source: "file", first_column: COLUMNS[0] });
  return { header, rows, problem };
}

// A header name as it is matched (the CLI's header_key()): lower case, without spaces, tabs and underscores.
// ASCII letters only are lowered, as the CLI does: toLowerCase() would make the Kelvin sign a k.
export const headerKey = (name) => name.replace(/[ \t_]/g, "").replace(/[A-Z]/g, (c) => c.toLowerCase());
/** The column a header name means (its own name or one of format.json's synonyms), or undefined. @param {string} name */
export const columnNamed = (name) => {
  const key = headerKey(name);
  return Object.hasOwn(HEADER_NAMES, key) ? HEADER_NAMES[key] : undefined;
};

// The columns a header names, as the CLI matches them (any case and spacing, or a synonym; each once):
// { columnOf, problems }.
export function matchHeader(names) {
  const columnOf = {},
    problems = [];
  names.forEach((raw, i) => {
    const name = columnNamed(raw);
    if (name === undefined) problems.push(fillMessage(MESSAGES.unknownColumn, { name: raw }));
    else if (name in columnOf) {
      const first = names[columnOf[name]];
      const own = (n) => headerKey(n) === headerKey(name); // the column's own name, in any case
      const both = own(first) && own(raw) ? name : `${name} (as "${first}" and "${raw}")`;
      problems.push(fillMessage(MESSAGES.columnTwice, { name: both }));
    } else columnOf[name] = i;
  });
  const missing = COLUMNS.slice(0, REQUIRED).filter((c) => !(c in columnOf));
  if (missing.length) problems.push(fillMessage(MESSAGES.missingColumns, { names: missing.join(", ") }));
  return { columnOf, problems };
}

// A saved column mapping belongs to one header: the same names in the same order.
export const headerSignature = (names) => `unitwise:columns:${JSON.stringify(names)}`;

// Rows grouped into visits in order of first appearance, each with the problems its rows have (the CLI's
// row(), bad_record() and visit_for()). With a window of `maxOpenVisits` (0: none), opening one visit more closes the
// oldest open one, and a visit whose rows come again after it closed is one error (split across the file), as the CLI
// writes it.
// Slashed dates are read in `dateOrder` ("mdy", the default, or "dmy"), as the CLI's --date-order.
export function groupVisits({ header, rows }, columnOf, maxOpenVisits = MAX_OPEN_VISITS, dateOrder = "mdy") {
  const visits = [];
  const grouper = visitGrouper(header, columnOf, maxOpenVisits, dateOrder, (v) => visits.push(v));
  for (const row of rows) grouper.add(row);
  for (const { index, error } of grouper.end()) visits[index].errors = [error];
  return visits;
}

// groupVisits a row at a time, for a file read as a stream: onVisit(visit) gets each visit as it closes, in order
// of first appearance (its `index` counts from 0), so only the open ones are held. end() closes the rest and returns
// the visits split across the file, { index, error } each: their claim is that one error instead.
export function visitGrouper(header, columnOf, maxOpenVisits, dateOrder, onVisit) {
  const byId = new Map(),
    closed = new Map(), // id: [index, first line] of each visit closed
    split = new Map();
  let open = [],
    head = 0,
    count = 0,
    line = 0;
  const close = () => {
    const old = open[head];
    open[head++] = undefined;
    if (head >= 1024 && head * 2 >= open.length) {
      open = open.slice(head);
      head = 0;
    }
    if (old.id !== "" && byId.get(old.id) === old) {
      byId.delete(old.id);
      closed.set(old.id, [old.index, old.firstLine]);
    }
    onVisit(old);
  };
  const visitFor = (id) => {
    if (id !== "" && byId.has(id)) return byId.get(id);
    if (id !== "" && closed.has(id)) {
      // split: its rows are read into nothing
      if (!split.has(id)) split.set(id, line);
      return { errors: [], services: [] };
    }
    while (maxOpenVisits > 0 && open.length - head >= maxOpenVisits) close();
    const v = {
      id,
      index: count++,
      firstLine: line,
      date: null,
      discipline: null,
      locality: null,
      setting: null,
      diagnoses: null,
      services: [],
      errors: [],
      tooMany: false,
    };
    if (id !== "") byId.set(id, v);
    open.push(v);
    return v;
  };
  const fieldCount = header.fields.length;
  const add = (row) => {
    line = row.line;
    const where = `line ${line}: `;
    const cell = (name) => row.fields[columnOf[name]] ?? "";
    const id = cell("visit_id");
    if (row.error) {
      visitFor(id).errors.push(where + row.error);
      return;
    }
    if (row.fields.length !== fieldCount) {
      visitFor(id).errors.push(
        where + fillMessage(MESSAGES.fieldCount, { fields: row.fields.length, count: fieldCount }),
      );
      return;
    }
    const v = visitFor(id);
    if (id === "") {
      v.errors.push(where + MESSAGES.emptyVisitId);
      return;
    }
    // A blank date is this row's error, not filled from the visit's other rows (the CLI's row()).
    if (cell("date_of_service") === "") v.errors.push(where + MESSAGES.emptyDate);
    const date = readDate(cell("date_of_service"), dateOrder);
    if (date.error) v.errors.push(where + date.error);
    // value: as the engine gets it (04/16/2026 is 2026-04-16, ST is SLP); text: as the cell wrote it.
    const fields = [
      ["discipline", "discipline", readDiscipline(cell("discipline"))],
      ["locality", "locality", cell("locality")],
      ["setting", "setting", cell("setting")],
      ["diagnoses", "diagnoses", cell("diagnoses")],
    ];
    if (!date.error) fields.unshift(["date_of_service", "date", date.value]);
    for (const [name, key, value] of fields) {
      const text = cell(name);
      if (text === "") continue;
      if (!v[key]) v[key] = { value, text, line };
      else if (v[key].value !== value) {
        v.errors.push(
          where +
            fillMessage(MESSAGES.conflict, {
              column: name,
              value: text,
              first_value: v[key].text,
              first_line: v[key].line,
            }),
        );
      }
    }
    for (const future of UNSUPPORTED_COLUMNS) {
      if (cell(future) !== "") v.errors.push(where + fillMessage(MESSAGES.unsupported, { column: future }));
    }
    if (v.services.length < MAX_SERVICE_ROWS) {
      v.services.push({
        line,
        code: cell("code"),
        minutes: cell("minutes"),
        assistant: cell("assistant_minutes"),
        days: cell("days"),
        pointers: cell("diagnosis_pointers"),
        clinician: cell("clinician"), // not sent to the engine: for the clinicians' days (clinician-days.js)
      });
    } else if (!v.tooMany) {
      v.tooMany = true;
      v.errors.push(where + fillMessage(MESSAGES.tooManyRows, { max: MAX_SERVICE_ROWS }));
    }
  };
  return {
    add,
    end() {
      while (head < open.length) close();
      return [...split].map(([id, againLine]) => {
        const [index, firstLine] = closed.get(id);
        return { index, error: splitError({ id, firstLine }, againLine, maxOpenVisits) };
      });
    },
  };
}

// A number cell as the CLI sends it: a JSON number as a number (007 is 7), anything else (1e400 too, too large for
// a double) as text, so the engine's own check names it. (The CLI passes a number's text through; the engine reads
// 5.0 and 5 alike.)
const numberCell = (s) =>
  /^-?(\d+|(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)$/.test(s) && Number.isFinite(Number(s)) ? Number(s) : s;

// A list cell ("M54.50; R26.89", "2 1") as its items, split at semicolons, commas and spaces (the CLI's list_items()).
const listItems = (cell) => cell.split(/[;, \t]/).filter(Boolean);

// The visit the engine evaluates (the CLI's visit_json()).
export function visitObject(v) {
  const visit = {};
  if (v.date) visit.dateOfService = v.date.value;
  if (v.discipline) visit.discipline = v.discipline.value;
  if (v.locality) visit.locality = v.locality.value;
  if (v.setting) visit.setting = v.setting.value;
  if (v.diagnoses) visit.diagnoses = listItems(v.diagnoses.value);
  visit.services = v.services.map((s) => {
    const service = { code: s.code };
    if (s.minutes !== "") service.minutes = numberCell(s.minutes);
    if (s.assistant !== "") service.assistantMinutes = numberCell(s.assistant);
    if (s.days) service.days = numberCell(s.days);
    if (s.pointers) service.diagnosisPointers = listItems(s.pointers).map(numberCell);
    return service;
  });
  return visit;
}

// The visit as the File view sends it: it shows claim lines and totals, never the why of a unit, so it asks for the
// facts alone (options.trace false: a third less engine time). A visit that sets trace itself, or whose options (or
// itself) are not an object, goes as it was, so its errors read as the user wrote it.
export function factsOnly(visit) {
  const plain = (x) => x !== null && typeof x === "object" && !Array.isArray(x);
  if (!plain(visit) || (visit.options !== undefined && !plain(visit.options)) || "trace" in (visit.options ?? {}))
    return visit;
  return { ...visit, options: { ...visit.options, trace: false } };
}

// JSON Lines: one visit per non-blank line; its visit_id is its line number.
export function readJsonLines(text) {
  const visits = [];
  text.split("\n").forEach((raw, i) => {
    if (raw.trim() !== "") visits.push(jsonLine(raw, i + 1));
  });
  return visits;
}

// One non-blank line of a JSON Lines file as a visit.
export function jsonLine(raw, line) {
  /** @type {{ id: string, firstLine: number, errors: string[], jsonl: true, visit?: unknown }} */
  const v = { id: String(line), firstLine: line, errors: [], jsonl: true };
  try {
    v.visit = JSON.parse(raw);
  } catch {
    v.errors.push(`line ${line}: not valid JSON: a visit is one JSON object on one line`);
  }
  return v;
}

const KEY_COLUMN = {
  dateOfService: "date_of_service",
  assistantMinutes: "assistant_minutes",
  diagnosisPointers: "diagnosis_pointers",
};
const columnOf = (key) => KEY_COLUMN[key.split("/")[0]] ?? key.split("/")[0];

// "line N: column message" for an engine error, N being the line its value came from (the CLI's located_error()).
function locatedError(v, path, message) {
  if (v.jsonl) return `line ${v.firstLine}: ${path ? `${path} ` : ""}${message}`;
  let line = v.firstLine,
    column = "";
  const service = /^\/services\/([^/]*)(?:\/(.*))?$/.exec(path);
  if (service) {
    const k = Number.parseInt(service[1], 10) || 0;
    if (k < v.services.length) line = v.services[k].line;
    column = service[2] === undefined ? "row" : columnOf(service[2]);
  } else if (path) {
    const key = path.slice(1).split("/")[0];
    column = columnOf(key);
    const field = {
      dateOfService: v.date,
      discipline: v.discipline,
      locality: v.locality,
      setting: v.setting,
      diagnoses: v.diagnoses,
    }[key];
    if (field) line = field.line;
  }
  // The engine's messages name its JSON keys; the user reads the CSV's columns (the CLI's located_error() alike).
  const said = message.replace(/dateOfService|assistantMinutes|diagnosisPointers/g, (key) => KEY_COLUMN[key]);
  return `line ${line}: ${column ? `${column} ` : ""}${said}`;
}

const text = (x) => (typeof x === "string" ? x : Number.isInteger(x) ? String(x) : "");

// An edit as short text: "ncci 97161/97140 warning: 59 XE XS XP XU", "mue 97150 error: 2 units > 1".
function editText(e) {
  let out = `${text(e.kind)} ${e.kind === "ncci" ? `${text(e.column1)}/${text(e.column2)}` : text(e.code)} ${text(e.severity)}`;
  if (e.kind === "mue") out += `: ${text(e.units)} units > ${text(e.limit)}`;
  else if (e.suggestedModifiers?.length)
    out += `:${e.suggestedModifiers.map((m) => ` ${typeof m === "string" ? m : "?"}`).join("")}`;
  return out;
}

// The result fields outcome() reads, besides ok and errors (which a batch always returns): the worker sends only
// these back, since copying whole results to the page was a third of a large file's time.
export const OUTCOME_FIELDS = ["lines", "edits", "warnings"];

// What the page keeps of a result (a result is ~5 KB; these are the parts claim lines and the table need).
export function outcome(v, result) {
  if (v.errors.length) return { errors: v.errors, lines: [], edits: [], warnings: [], kx: false };
  if (!result?.ok) {
    const errors = (result?.errors ?? []).map((e) => locatedError(v, text(e.path), text(e.message)));
    return {
      errors: errors.length ? errors : [`line ${v.firstLine}: the engine found the visit invalid`],
      lines: [],
      edits: [],
      warnings: [],
      kx: false,
    };
  }
  // A denied line is not a claim line (docs/rules.md §D): left out, and named on the visit's first row, as the CLI does.
  const lines = (result.lines ?? [])
    .filter((l) => !l.denied)
    .map((l) => ({
      code: text(l.code),
      units: text(l.units),
      modifiers: (l.modifiers ?? []).map((m) => (typeof m === "string" ? m : "?")),
      allowed: typeof l.allowed === "number" ? l.allowed : null,
      edits: [],
      pointers: (l.diagnosisPointers ?? []).map((p) => (Number.isInteger(p) ? String(p) : "?")),
    }));
  const lineless = { edits: [] }; // the row of a visit whose every line is denied
  // Edits go on the first line of the code they concern (NCCI: the column-two code, the one denied).
  const edits = (result.edits ?? []).map((e) => {
    const codes = e.kind === "ncci" ? [text(e.column2), text(e.column1)] : [text(e.code)];
    const line = codes.map((c) => lines.findIndex((l) => l.code === c)).find((i) => i >= 0) ?? 0;
    const t = editText(e);
    (lines[line] ?? lineless).edits.push(t);
    return t;
  });
  for (const l of result.lines ?? []) {
    if (l.denied) (lines[0] ?? lineless).edits.push(`denied ${text(l.code)}: ${text(l.denied)}`);
  }
  const warnings = [...new Set((result.warnings ?? []).filter((w) => w.severity !== "info").map((w) => text(w.code)))];
  // Each warning's words by its id, for the File view, which shows the words and keeps the id in its details.
  /** @type {Record<string, string>} */
  const messages = {};
  for (const w of result.warnings ?? []) if (typeof w.message === "string") messages[text(w.code)] ??= w.message;
  return {
    errors: [],
    lines,
    edits,
    warnings,
    messages,
    kx: lines.some((l) => l.modifiers.includes("KX")),
    lineless: lineless.edits,
  };
}

// The problem kinds, most urgent first; a visit sorts by its first.
export const KINDS = ["errors", "edits", "kx", "warnings"];
// A warning about the data rather than the visit (a table whose quarterly successor was due by the date of service)
// comes with nearly every visit of a date: the File view says it once above the table, and it is no visit's problem.
// The claim-line CSV keeps it, as the CLI writes it.
export const DATA_WARNINGS = ["table-may-be-stale"];
export const visitWarnings = (o) => o.warnings.filter((w) => !DATA_WARNINGS.includes(w));
export const kindsOf = (o) =>
  KINDS.filter((k) => (k === "kx" ? o.kx : k === "warnings" ? visitWarnings(o).length > 0 : o[k].length > 0));

const cents = (x) => Math.round(x * 100);
export const totals = (o) => ({
  units: o.lines.reduce((sum, l) => sum + (Number(l.units) || 0), 0),
  cents: o.lines.reduce((sum, l) => sum + (l.allowed === null ? 0 : cents(l.allowed)), 0),
});

// printf's %.2f: the exact binary value rounded, ties to even. toFixed rounds an exact tie (only x.125, x.375,
// x.625 and x.875 are exact) up.
function money(x) {
  if (!Number.isInteger(x * 8) || Number.isInteger(x * 4)) return x.toFixed(2);
  const down = Math.floor(x * 100);
  return ((down % 2 === 0 ? down : down + 1) / 100).toFixed(2);
}

// CSV injection (OWASP): a cell starting with = + - @, a tab or a CR is a formula to a spreadsheet; a leading ' makes
// it text, as the CLI writes it (cli/csv/claim_writer.cpp CsvWriter). A cell starting with ' gets one more (reversible).
const asText = (s) => (/^[=+\-@\t\r']/.test(s) ? `'${s}` : s);
export const csvField = (raw) => {
  const s = asText(raw);
  return /[",\r\n]/.test(s) || /^ | $/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};
const csvRow = (fields) => `${fields.map(csvField).join(",")}\n`;

// The CLI's claim-line rows of one visit: one per claim line, or one per error.
export function claimRows(v, o) {
  if (o.errors.length) return o.errors.map((e) => csvRow([v.id, "", "", "", "", "", "", "", e, ""])).join("");
  if (!o.lines.length)
    return csvRow([v.id, "", "", "", "", "", (o.lineless ?? []).join("; "), o.warnings.join("; "), "", ""]);
  return o.lines
    .map((l, i) =>
      csvRow([
        v.id,
        String(i + 1),
        l.code,
        l.units,
        l.modifiers.join(" "),
        l.allowed === null ? "" : money(l.allowed),
        l.edits.join("; "),
        i === 0 ? o.warnings.join("; ") : "",
        "",
        (l.pointers ?? []).join(" "),
      ]),
    )
    .join("");
}
