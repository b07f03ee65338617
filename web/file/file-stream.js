// A file of visits read as a stream (issue 29: a 25 MB export held whole took a tab to 2.7 GB): its text piece by
// piece, its CSV rows parsed and grouped as they come, each visit evaluated once it closes, and only what the File
// view shows and downloads kept of it (keep()). The rows, the visits and the engine's results are dropped; opening
// one visit reads the file again up to it. No DOM here.
import { csvParser } from "./csv-reader.js";
import { MESSAGES } from "./csv-format.js";
import {
  COLUMNS,
  DATA_WARNINGS,
  MAX_OPEN_VISITS,
  claimRows,
  factsOnly,
  fillMessage,
  jsonLine,
  kindsOf,
  outcome,
  totals,
  visitGrouper,
  visitObject,
  visitWarnings,
} from "./file-batch.js";
import { placeOf, WARNING_NAME } from "../lib/words.js";
import { visitContributions } from "./clinician-days.js";

export const SLASHED = /^\d{1,2}\/\d{1,2}\/(\d{2}|\d{4})$/;
export const NOT_UTF8 = "not UTF-8";
// A JSON Lines error names its field by JSON path ("line 3: /services/0/minutes …", as the CSV download keeps it);
// on screen it is said in words ("line 3: service 1, minutes: …"), the warning ids too (issue 29 item 6).
const onScreen = (error) => error.replace(/^(line \d+: )(\/\S*) /, (_, line, path) => `${line}${placeOf(path)}: `);

// The file's text, strictly UTF-8, a piece at a time: `each(text, share of the file read)` is awaited and stops the
// reading by returning false. True when the whole file was read. A file that is not UTF-8 throws NOT_UTF8.
async function readPieces(file, each) {
  const reader = file
    .stream()
    .pipeThrough(new TextDecoderStream("utf-8", { fatal: true }))
    .getReader();
  let read = 0;
  try {
    for (;;) {
      let piece;
      try {
        piece = await reader.read();
      } catch {
        throw new Error(NOT_UTF8);
      }
      if (piece.done) return true;
      read += piece.value.length;
      if ((await each(piece.value, Math.min(1, read / Math.max(1, file.size)))) === false) return false;
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}

const isJsonName = (name) => /\.(jsonl|ndjson|json)$/i.test(name);

// The start of a file: { jsonl } for JSON Lines; for a CSV its header (or the file's problem) and its first rows,
// as readRows() gives them, which the column mapping shows dates from.
export async function peek(file, sampleRows = 1000) {
  let lead = "",
    jsonl = isJsonName(file.name),
    decided = jsonl;
  /** @type {{ line: number, fields: string[] } | null} */
  let header = null;
  /** @type {string | null} */
  let problem = null;
  const rows = [];
  const parser = csvParser(
    (fields, line) => (header ? rows.push({ line, fields }) : (header = { line, fields })),
    (message, line, fields) => {
      if (header) rows.push({ line, fields: [...fields], error: message });
      else problem ??= `line ${line}: ${message}`;
    },
  );
  const whole = await readPieces(file, (text) => {
    if (!decided) {
      lead = (lead + text).trimStart();
      decided = lead !== "";
      jsonl = lead.startsWith("{");
    }
    if (jsonl) return false;
    parser.push(text);
    return !problem && rows.length < sampleRows;
  });
  if (jsonl) return { jsonl };
  if (whole) parser.end();
  if (!header && !problem) problem = fillMessage(MESSAGES.emptyInput, { source: "file", first_column: COLUMNS[0] });
  return { jsonl, header: /** @type {{ line: number, fields: string[] } | null} */ (header), rows, problem };
}

// The file's visits, each to onVisit(visit) as it closes (visit.index counting from 0); afterPiece(share read) is
// awaited after each piece, and stops the reading by returning false. `how`: { jsonl: true }, or a CSV's
// { columnOf, dateOrder }. Returns null when stopped, else { splits, slashed }: the visits split across the file
// (visitGrouper) and the file's first date with slashes.
export async function streamVisits(file, how, onVisit, afterPiece) {
  if (how.jsonl) {
    let rest = "",
      line = 0,
      index = 0;
    const take = (raw) => {
      line++;
      if (raw.trim() !== "") onVisit(Object.assign(jsonLine(raw, line), { index: index++ }));
    };
    const whole = await readPieces(file, (text, share) => {
      const lines = (rest + text).split("\n");
      rest = lines.pop() ?? "";
      lines.forEach(take);
      return afterPiece(share);
    });
    if (!whole) return null;
    take(rest);
    return { splits: [], slashed: null };
  }
  const at = how.columnOf.date_of_service;
  /** @type {ReturnType<typeof visitGrouper> | null} */
  let grouper = null;
  /** @type {string | null} */
  let slashed = null;
  const row = (r) => {
    if (!grouper) {
      grouper = visitGrouper(r, how.columnOf, MAX_OPEN_VISITS, how.dateOrder, onVisit);
      return;
    }
    if (slashed === null && at !== undefined && SLASHED.test(r.fields[at] ?? "")) slashed = r.fields[at];
    grouper.add(r);
  };
  const parser = csvParser(
    (fields, line) => row({ line, fields }),
    (message, line, fields) => grouper && row({ line, fields: [...fields], error: message }),
  );
  const whole = await readPieces(file, (text, share) => {
    parser.push(text);
    return afterPiece(share);
  });
  if (!whole) return null;
  parser.end();
  const ended = /** @type {ReturnType<typeof visitGrouper> | null} */ (grouper);
  return { splits: ended ? ended.end() : [], slashed };
}

// The visit numbered `index` (its visit.index), read again from the file.
export async function findVisit(file, how, index) {
  /** @type {any} */
  let found = null;
  await streamVisits(
    file,
    how,
    (v) => {
      if (v.index === index) found = v;
    },
    () => found === null,
  );
  return found;
}

// What the File view keeps of a visit: its row in the list, its part of the totals and its claim-line CSV rows.
/** @param {any} v @param {any} o @param {((code: string) => boolean) | null} [isTimed] */
export function keep(v, o, isTimed = null) {
  const t = totals(o);
  const kinds = kindsOf(o);
  const date = v.date?.value ?? v.visit?.dateOfService ?? "";
  return {
    id: v.id,
    line: v.firstLine,
    date: typeof date === "string" ? date : String(date),
    claims: claimRows(v, o),
    lines: o.lines.length,
    units: t.units,
    cents: t.cents,
    kinds: kinds.join(" "),
    ncci: o.edits.filter((e) => e.startsWith("ncci")).length,
    mue: o.edits.filter((e) => e.startsWith("mue")).length,
    stale: o.warnings.some((w) => DATA_WARNINGS.includes(w)),
    errors: o.errors.length > 0,
    // [kind, text, its words or null] of each problem shown: a warning's words, its engine id kept for the title
    problems: kinds.length
      ? [
          ...o.errors.map((e) => ["errors", onScreen(e)]),
          ...o.edits.map((e) => ["edits", e]),
          ...(o.kx ? [["kx", "KX: over the yearly threshold"]] : []),
          ...visitWarnings(o).map((w) => ["warnings", w]),
        ].map(([kind, text]) => [kind, text, o.messages?.[text] ?? WARNING_NAME[text] ?? null])
      : null,
    // Its part of each clinician's day, when the file has a clinician column (clinician-days.js).
    clinicians: isTimed ? visitContributions(v, o, isTimed) : null,
  };
}

// Every visit of the file evaluated, CHUNK at a time through `evaluateMany(visits)` (the worker), kept as keep()
// makes them. progress(visits so far, share of the file done) after each chunk; `current()` false stops (another
// file was chosen): null then. Returns { records, slashed }. isTimed, for a file with a clinician column, keeps each
// visit's part of its clinicians' days.
/**
 * @param {any} file @param {any} how
 * @param {{ evaluateMany: (visits: any[]) => Promise<any[]>, progress: (n: number, share: number) => void,
 *           current: () => boolean, chunk?: number, isTimed?: ((code: string) => boolean) | null }} options
 */
export async function evaluateFile(file, how, { evaluateMany, progress, current, chunk = 500, isTimed = null }) {
  const records = [];
  let pending = [];
  // The next `chunk` visits closed, evaluated and kept.
  const flush = async () => {
    const visits = pending.slice(0, chunk);
    pending = pending.slice(chunk);
    const todo = visits.filter((v) => !v.errors.length);
    const results = todo.length
      ? await evaluateMany(todo.map((v) => factsOnly(v.jsonl ? v.visit : visitObject(v))))
      : [];
    let k = 0;
    for (const v of visits) records[v.index] = keep(v, outcome(v, v.errors.length ? null : results[k++]), isTimed);
  };
  // The share of the file read, less the share of its visits read and not yet evaluated.
  const report = (read) => progress(records.length, (read * records.length) / (records.length + pending.length || 1));
  const read = await streamVisits(
    file,
    how,
    (v) => pending.push(v),
    async (share) => {
      while (pending.length >= chunk && current()) {
        await flush();
        report(share);
      }
      return current();
    },
  );
  if (!read || !current()) return null;
  while (pending.length) {
    await flush();
    if (!current()) return null;
    report(1);
  }
  for (const { index, error } of read.splits) {
    const r = records[index];
    const v = { id: r.id, firstLine: r.line, date: { value: r.date }, errors: [error] };
    records[index] = keep(v, outcome(v, null));
  }
  return { records, slashed: read.slashed };
}
