// The File view: a CSV export or JSON Lines file read here, evaluated in the batch worker (so the page stays
// responsive), listed problems first, and downloaded as the CLI's claim lines. Nothing leaves the browser.
import { $, acceptDrops, el } from "../lib/dom.js";
import {
  CLAIM_HEADER,
  COLUMNS,
  KINDS,
  OUTCOME_FIELDS,
  REQUIRED,
  columnNamed,
  csvField,
  headerSignature,
  matchHeader,
  visitObject,
} from "./file-batch.js";
import { NOT_UTF8, SLASHED, evaluateFile, findVisit, peek } from "./file-stream.js";
import { dateInWords } from "./csv-cells.js";
import { DATE_ORDERS } from "./csv-format.js";
import { showClinicianDays, startClinicianDays } from "./clinician-days-view.js";

const CHUNK = 500; // visits per worker request: a reply is deserialized on this thread. With whole results (~5 KB
// each) 2,000 a request was 10% faster but held a frame for ~180 ms, 500 ~60 ms; they now carry OUTCOME_FIELDS only.
const PAGE = 200; // visits drawn at a time: a 50 MB export has over 400,000, and each row drawn costs memory
const CELL = { role: "cell" };

const KIND_LABEL = { errors: "Error", edits: "Edit", kx: "KX", warnings: "Warning" };
const number = (n) => n.toLocaleString("en-US");
const dollars = (cents) =>
  `$${(cents / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

let batch = null,
  run = 0,
  page = 0,
  file = null,
  openData = null,
  isTimed = (_code) => false,
  dateOrder = "mdy"; // how dates with slashes read in this file: month first (US) unless the user says otherwise

/**
 * @param {{ open: (visit: object, what: string, button: HTMLElement) => void,
 *           openData?: ((event?: Event) => void) | null, isTimed?: (code: string) => boolean }} options
 */
export function startFileView({ open, openData: toData = null, isTimed: timed = isTimed }) {
  openData = toData;
  isTimed = timed; // the engine's catalogue: a timed code's minutes count in a clinician's day
  startClinicianDays(download);
  const input = $("file-input"),
    drop = $("file-drop");
  input.addEventListener("change", () => input.files[0] && readFile(input.files[0]));
  acceptDrops(drop, (files) => readFile(files[0]));
  $("file-filter").addEventListener("change", filter);
  $("file-claims").addEventListener("click", () =>
    download(file.name.replace(/\.\w+$/, "") + "-claims.csv", [
      CLAIM_HEADER + "\n",
      ...file.records.map((r) => r.claims),
    ]),
  );
  $("file-summary").addEventListener("click", () =>
    download(file.name.replace(/\.\w+$/, "") + "-summary.csv", summaryCsv()),
  );
  $("file-table").addEventListener("click", async (e) => {
    const pager = e.target.closest("button[data-page]");
    if (pager) {
      page += Number(pager.dataset.page);
      drawPage();
      return;
    }
    const button = e.target.closest("button[data-visit]");
    if (!button) return;
    // Only what the list shows is kept of a visit: it is read again from the file.
    const shown = file;
    const v = await findVisit(shown.chosen, shown.how, Number(button.dataset.visit));
    if (!v || file !== shown) return;
    const visit = v.jsonl ? v.visit : visitObject(v);
    open(
      visit && typeof visit === "object" && !Array.isArray(visit) ? visit : {},
      `Visit ${v.id} of ${shown.name}`,
      button,
    );
  });
  $("file").dataset.ready = "true";
  if (input.files[0]) readFile(input.files[0]);
}

function status(text) {
  $("file-status").textContent = text;
}

async function readFile(chosen) {
  const token = ++run;
  $("file-mapping").hidden = true;
  $("file-results").hidden = true;
  let read;
  try {
    read = await peek(chosen);
  } catch (error) {
    if (token === run) status(unreadable(chosen, error));
    return;
  }
  if (token !== run) return;
  if (read.jsonl) {
    evaluate(token, chosen, { jsonl: true });
    return;
  }
  if (read.problem) {
    status(`${chosen.name}: ${read.problem}`);
    return;
  }
  const names = /** @type {{ fields: string[] }} */ (read.header).fields;
  const { columnOf, problems } = matchHeader(names);
  dateOrder = "mdy";
  if (!problems.length) {
    evaluateCsv(token, chosen, read, columnOf);
    return;
  }
  const saved = savedMapping(names);
  if (saved) {
    evaluateCsv(
      token,
      chosen,
      read,
      saved,
      mappingNote(names, saved, () => askMapping(token, chosen, read, problems)),
    );
  } else {
    askMapping(token, chosen, read, problems);
  }
}

const unreadable = (chosen, error) =>
  error.message === NOT_UTF8
    ? `${chosen.name} is not UTF-8 text: save it as “CSV UTF-8” (or UTF-8 JSON Lines) and choose it again.`
    : `${chosen.name} could not be read: ${error.message}`;

// The first date of the file written with slashes (its date column being `columnOf.date_of_service`), or null.
function firstSlashedDate(read, columnOf) {
  const at = columnOf.date_of_service;
  if (at === undefined) return null;
  const row = read.rows.find((r) => SLASHED.test(r.fields[at] ?? ""));
  return row ? row.fields[at] : null;
}

// The choice of how dates with slashes read, showing how `sample` reads ("04/05/2026 reads as April 5, 2026");
// `changed` runs after the user changes it. `id` names the select ("file-date-order" above the visits).
function dateOrderChoice(sample, changed, id = "file-date-order") {
  const words = el("span", { id: `${id}-reads` });
  const select = el(
    "select",
    { id },
    Object.entries(DATE_ORDERS).map(([order, said]) => el("option", { value: order }, said)),
  );
  select.value = dateOrder;
  const say = () => {
    words.textContent = `${sample} reads as ${dateInWords(sample, select.value)}.`;
  };
  say();
  select.addEventListener("change", () => {
    dateOrder = select.value;
    say();
    changed();
  });
  return [el("label", {}, "Dates with slashes are read ", select), " ", words];
}

// A CSV file's visits evaluated with its columns; when its dates have slashes, the choice of their order shows
// above the visits, and changing it evaluates the file again.
function evaluateCsv(token, chosen, read, columnOf, note = null) {
  const choice = (sample) =>
    el(
      "p",
      { class: "hint date-order" },
      dateOrderChoice(sample, () => evaluateCsv(++run, chosen, read, columnOf, note)),
    );
  evaluate(token, chosen, { columnOf, dateOrder }, note, choice);
}

// A column mapping saved for this very header, if it still fits it.
function savedMapping(names) {
  try {
    const mapping = JSON.parse(localStorage.getItem(headerSignature(names)) ?? "null");
    const fits =
      mapping &&
      COLUMNS.slice(0, REQUIRED).every((c) => Number.isInteger(mapping[c])) &&
      Object.values(mapping).every((i) => Number.isInteger(i) && i >= 0 && i < names.length);
    return fits ? mapping : null;
  } catch {
    return null;
  }
}

function mappingNote(names, mapping, change) {
  const pairs = Object.entries(mapping)
    .filter(([c]) => columnNamed(names[mapping[c]]) !== c)
    .map(([c, i]) => `${names[i]} → ${c}`);
  return el(
    "p",
    { class: "hint" },
    `Columns as you mapped them for this header: ${pairs.join(", ")}. `,
    el("button", { type: "button", class: "quiet", id: "file-remap", onclick: change }, "Change the mapping"),
  );
}

// The fields the column-mapping step asks for: the required ones, then assistant_minutes, locality and setting.
const MAPPED = COLUMNS.slice(0, REQUIRED + 3);

// Which column holds each field: the user says; only names the CLI knows (a column's own or a synonym of it) are
// filled in, nothing is guessed.
function askMapping(token, chosen, read, problems) {
  const name = chosen.name;
  const names = read.header.fields;
  const form = $("file-mapping");
  const exact = (c) => names.findIndex((n) => columnNamed(n) === c);
  const saved = savedMapping(names) ?? {};
  const fields = MAPPED.map((c, k) => {
    const select = el(
      "select",
      { id: `map-${c}`, name: c, required: k < REQUIRED },
      el("option", { value: "" }, k < REQUIRED ? "choose a column" : "none (the default)"),
      names.map((n, i) => el("option", { value: i }, n || `column ${i + 1} (no name)`)),
    );
    select.value = String(saved[c] ?? (exact(c) >= 0 ? exact(c) : ""));
    return el("label", {}, el("span", {}, `${c}${k < REQUIRED ? "" : " (optional)"}`), select);
  });
  const error = el("p", { class: "field-error", role: "alert" });
  // How the chosen date column's first date with slashes reads, and the choice of order.
  const dates = el("p", { class: "hint date-order" });
  const showDates = () => {
    const at = form.elements.date_of_service?.value ?? "";
    const sample = at === "" ? null : firstSlashedDate(read, { date_of_service: Number(at) });
    dates.replaceChildren(...(sample ? dateOrderChoice(sample, () => {}, "map-date-order") : []));
  };
  form.onchange = (e) => e.target.name === "date_of_service" && showDates();
  form.replaceChildren(
    el("h3", {}, `Which column is which in ${name}?`),
    el(
      "p",
      {},
      `Its header does not name the columns unitwise reads (${problems.join("; ")}). ` +
        "Choose the column for each field; columns you do not choose are not read. " +
        "The choice is remembered in this browser for files with this header.",
    ),
    el("div", { class: "mapping" }, fields),
    dates,
    error,
    el("button", { type: "submit" }, "Use these columns"),
  );
  form.onsubmit = (e) => {
    e.preventDefault();
    const mapping = {};
    for (const c of MAPPED) if (form.elements[c].value !== "") mapping[c] = Number(form.elements[c].value);
    for (const c of COLUMNS.slice(MAPPED.length)) if (exact(c) >= 0) mapping[c] = exact(c); // payer & co. by name, as the CLI
    const missing = COLUMNS.slice(0, REQUIRED).filter((c) => !(c in mapping));
    const taken = Object.values(mapping);
    const twice = names.filter((_, i) => taken.indexOf(i) !== taken.lastIndexOf(i));
    error.textContent = missing.length
      ? `Choose a column for ${missing.join(", ")}.`
      : twice.length
        ? `“${twice[0]}” is chosen for two fields.`
        : "";
    if (error.textContent) {
      form.querySelector(`#map-${missing[0] ?? COLUMNS.find((c) => mapping[c] === names.indexOf(twice[0]))}`).focus();
      return;
    }
    try {
      localStorage.setItem(headerSignature(names), JSON.stringify(mapping));
    } catch {
      // Private mode: the mapping holds for this file only.
    }
    form.hidden = true;
    evaluateCsv(
      token,
      chosen,
      read,
      mapping,
      mappingNote(names, mapping, () => askMapping(token, chosen, read, problems)),
    );
  };
  showDates();
  status("");
  form.hidden = false;
  form.querySelector("select").focus();
}

/**
 * @param {any} note an element, or a list of them (null: none), shown above the visits
 * @param {((sample: string) => HTMLElement) | null} choice the choice of date order, for a file with slashed dates
 */
async function evaluate(token, chosen, how, note = null, choice = null) {
  run = token;
  const name = chosen.name;
  const bar = $("file-progress"),
    label = $("file-progress-label");
  /** @param {number} done @param {number} share @param {number | null} [total] */
  const progress = (done, share, total = null) => {
    bar.value = share;
    label.textContent =
      total === null
        ? `Evaluating ${name}: ${number(done)} visits so far (${Math.floor(share * 100)}% of the file)`
        : `Evaluating ${name}: ${number(done)} of ${number(total)} visits`;
  };
  status("");
  progress(0, 0);
  $("file-progress-row").hidden = false;
  let done;
  try {
    done = await evaluateFile(chosen, how, {
      evaluateMany: async (visits) => {
        const { createBatchEngine } = await import("../unitwise/worker.js");
        // The page's unbundled thread (engine-thread.js): it shares index.js and the glue with the page, and applies
        // the data packs this browser keeps.
        batch ??= createBatchEngine({ workerUrl: new URL("../engine/engine-thread.js", import.meta.url) });
        return batch.evaluateMany(visits, { fields: OUTCOME_FIELDS });
      },
      progress: (n, share) => progress(n, share),
      current: () => token === run,
      chunk: CHUNK,
      isTimed: how.columnOf?.clinician !== undefined ? isTimed : null,
    });
    if (!done) return;
    progress(done.records.length, 1, done.records.length);
  } catch (error) {
    if (token === run)
      status(
        error.message === NOT_UTF8 ? unreadable(chosen, error) : `The file could not be evaluated: ${error.message}`,
      );
    return;
  } finally {
    if (token === run) $("file-progress-row").hidden = true;
  }
  file = { name, chosen, how, records: done.records };
  showClinicianDays(name, how.columnOf?.clinician !== undefined, done.records);
  show([note, done.slashed && choice ? choice(done.slashed) : null]);
}

/** @param {any} note */
function show(note) {
  const { name, records } = file;
  // Problems first: one list of visit numbers per first kind, in file order, then the clean ones.
  const ranks = KINDS.map(() => []),
    clean = [];
  const s = { lines: 0, units: 0, cents: 0, visits: records.length, errors: 0, edits: 0, kx: 0, warnings: 0 };
  Object.assign(s, { ncci: 0, mue: 0, dated: 0 });
  records.forEach((r, i) => {
    const kinds = r.kinds ? r.kinds.split(" ") : [];
    (kinds.length ? ranks[KINDS.indexOf(kinds[0])] : clean).push(i);
    for (const k of kinds) s[k]++;
    s.lines += r.lines;
    s.units += r.units;
    s.cents += r.cents;
    s.ncci += r.ncci;
    s.mue += r.mue;
    if (r.stale) s.dated++;
  });
  file.order = [...ranks.flat(), ...clean];
  file.summary = { ...s, clean: clean.length };
  $("file-totals").textContent =
    `${number(s.visits)} visits, ${number(s.lines)} claim lines, ${number(s.units)} units, ` +
    `${dollars(s.cents)} allowed. Problems: ${number(s.errors)} with errors, ${number(s.edits)} with NCCI/MUE edits, ` +
    `${number(s.kx)} with KX, ${number(s.warnings)} with warnings; ${number(clean.length)} clean.`;
  // Tables a newer CMS release was due for, said once for the file (DATA_WARNINGS).
  const dated = s.dated;
  const staleNote = dated
    ? el(
        "p",
        { class: "data-note out-of-date" },
        `For ${number(dated)} ${dated === 1 ? "visit" : "visits"}, ` +
          "a table used may be out of date: CMS's next release of it was due by the date of service, so its newest edits, " +
          "limits or amounts are not applied.",
        openData
          ? [" ", el("button", { type: "button", class: "link", onclick: () => openData() }, "See the data")]
          : null,
      )
    : null;
  // The rows are laid out as grids (style.css); the roles keep them a table to assistive technology, which a
  // changed display can otherwise lose. PAGE of them are drawn at a time, with buttons to the next and previous.
  $("file-table").replaceChildren(
    ...[note].flat().filter(Boolean),
    ...(staleNote ? [staleNote] : []),
    el(
      "table",
      { class: "file-visits", role: "table", "aria-labelledby": "file-caption" },
      el("caption", { id: "file-caption" }),
      el(
        "thead",
        { role: "rowgroup" },
        el(
          "tr",
          { role: "row" },
          ["Visit", "Date", "Units", "Allowed", "Problems"].map((h) =>
            el("th", { scope: "col", role: "columnheader" }, h),
          ),
        ),
      ),
      el("tbody", { role: "rowgroup" }),
    ),
    el("p", { class: "pager", id: "file-pager" }),
  );
  $("file-results").hidden = false;
  filter();
  status(`${name}: ${number(s.visits)} visits evaluated, ${number(s.visits - clean.length)} with problems.`);
}

function row(i) {
  const r = file.records[i];
  return el(
    "tr",
    { role: "row", "data-kinds": r.kinds },
    el(
      "td",
      CELL,
      el("button", { type: "button", class: "link", "data-visit": i }, r.id || `(no visit_id, line ${r.line})`),
    ),
    el("td", CELL, r.date),
    el("td", CELL, r.errors ? "" : String(r.units)),
    el("td", CELL, r.errors ? "" : dollars(r.cents)),
    el(
      "td",
      CELL,
      (r.problems ?? []).map(([kind, text, words]) =>
        el("span", { class: `problem ${kind}` }, el("strong", {}, KIND_LABEL[kind]), " ", plainWords(text, words)),
      ),
    ),
  );
}

// A problem as a person reads it: a warning's words (a denial's among them), its engine id (kx-applied) kept in the
// title for whoever looks it up (not a <details> a row: with 2,000 rows those made the table slow to query for
// assistive technology); other problems are words already.
function plainWords(text, words) {
  return words ? el("span", { class: "problem-words", title: `unitwise id: ${text}` }, words) : text;
}

function filter() {
  const want = $("file-filter").value;
  file.shown = file.order.filter((i) => {
    const kinds = file.records[i].kinds;
    return want === "all" || (want === "problems" ? kinds !== "" : kinds.split(" ").includes(want));
  });
  page = 0;
  drawPage();
}

// The page of the shown visits the user is on.
function drawPage() {
  const { shown } = file;
  const pages = Math.max(1, Math.ceil(shown.length / PAGE));
  page = Math.min(Math.max(page, 0), pages - 1);
  const from = page * PAGE,
    to = Math.min(shown.length, from + PAGE);
  document.querySelector("table.file-visits tbody")?.replaceChildren(...shown.slice(from, to).map(row));
  const what = $("file-filter").selectedOptions[0].textContent;
  $("file-caption").textContent =
    `Visits in the file ${file.name}, problems first: ${number(shown.length)} shown (${what})`;
  const step = (by, text) =>
    el(
      "button",
      { type: "button", class: "quiet", "data-page": by, disabled: by < 0 ? page === 0 : page === pages - 1 },
      text,
    );
  $("file-pager").replaceChildren(
    ...(pages > 1
      ? [step(-1, "Previous"), ` Visits ${number(from + 1)}–${number(to)} of ${number(shown.length)} `, step(1, "Next")]
      : []),
  );
}

// The file's name is echoed: csvField makes a name such as =cmd.csv text, as every claim-line cell.
function summaryCsv() {
  const s = file.summary;
  return (
    [
      ["measure", "value"],
      ["file", file.name],
      ["visits", s.visits],
      ["claim lines", s.lines],
      ["units", s.units],
      ["allowed", (s.cents / 100).toFixed(2)],
      ["visits with errors", s.errors],
      ["visits with NCCI/MUE edits", s.edits],
      ["NCCI edits", s.ncci],
      ["MUE edits", s.mue],
      ["visits with KX", s.kx],
      ["visits with warnings", s.warnings],
      ["visits without problems", s.clean],
    ]
      .map((r) => r.map((x) => csvField(String(x))).join(","))
      .join("\n") + "\n"
  );
}

/** @param {string | string[]} text the file, or its parts */
function download(name, text) {
  const url = URL.createObjectURL(new Blob([text].flat(), { type: "text/csv" }));
  el("a", { href: url, download: name }).click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
