// The File view: a CSV export or JSON Lines file read here, evaluated in the batch worker (so the page stays
// responsive), listed problems first, and downloaded as the CLI's claim lines. Nothing leaves the browser.
import { $, acceptDrops, el } from "../lib/dom.js";
import { placeOf, WARNING_NAME } from "../lib/words.js";
import {
  CLAIM_HEADER,
  COLUMNS,
  DATA_WARNINGS,
  KINDS,
  REQUIRED,
  claimRows,
  columnNamed,
  csvField,
  factsOnly,
  groupVisits,
  headerSignature,
  kindsOf,
  matchHeader,
  OUTCOME_FIELDS,
  outcome,
  readJsonLines,
  readRows,
  totals,
  visitObject,
  visitWarnings,
} from "./file-batch.js";
import { dateInWords } from "./csv-cells.js";
import { DATE_ORDERS, MAX_OPEN_VISITS } from "./csv-format.js";
import { showClinicianDays, startClinicianDays } from "./clinician-days-view.js";

const CHUNK = 500; // visits per worker request: a reply is deserialized on this thread. With whole results (~5 KB
// each) 2,000 a request was 10% faster but held a frame for ~180 ms, 500 ~60 ms; they now carry OUTCOME_FIELDS only.
const CELL = { role: "cell" };
// A JSON Lines error names its field by JSON path ("line 3: /services/0/minutes …", as the CSV download keeps it);
// on screen it is said in words ("line 3: service 1, minutes: …"), the warning ids too (issue 29 item 6).
const onScreen = (error) => error.replace(/^(line \d+: )(\/\S*) /, (_, line, path) => `${line}${placeOf(path)}: `);

const KIND_LABEL = { errors: "Error", edits: "Edit", kx: "KX", warnings: "Warning" };
const number = (n) => n.toLocaleString("en-US");
const dollars = (cents) =>
  `$${(cents / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

let batch = null,
  run = 0,
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
    download(
      file.name.replace(/\.\w+$/, "") + "-claims.csv",
      CLAIM_HEADER + "\n" + file.visits.map((v, i) => claimRows(v, file.outcomes[i])).join(""),
    ),
  );
  $("file-summary").addEventListener("click", () =>
    download(file.name.replace(/\.\w+$/, "") + "-summary.csv", summaryCsv()),
  );
  $("file-table").addEventListener("click", (e) => {
    const button = e.target.closest("button[data-visit]");
    if (!button) return;
    const v = file.visits[Number(button.dataset.visit)];
    const visit = v.jsonl ? v.visit : visitObject(v);
    open(
      visit && typeof visit === "object" && !Array.isArray(visit) ? visit : {},
      `Visit ${v.id} of ${file.name}`,
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
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(await chosen.arrayBuffer());
  } catch {
    status(`${chosen.name} is not UTF-8 text: save it as “CSV UTF-8” (or UTF-8 JSON Lines) and choose it again.`);
    return;
  }
  if (token !== run) return;
  if (/\.(jsonl|ndjson|json)$/i.test(chosen.name) || text.trimStart().startsWith("{")) {
    evaluate(token, chosen.name, readJsonLines(text));
    return;
  }
  const read = readRows(text);
  if (read.problem) {
    status(`${chosen.name}: ${read.problem}`);
    return;
  }
  const names = /** @type {{ fields: string[] }} */ (read.header).fields;
  const { columnOf, problems } = matchHeader(names);
  dateOrder = "mdy";
  if (!problems.length) {
    evaluateCsv(token, chosen.name, read, columnOf);
    return;
  }
  const saved = savedMapping(names);
  if (saved) {
    evaluateCsv(
      token,
      chosen.name,
      read,
      saved,
      mappingNote(names, saved, () => askMapping(token, chosen.name, read, problems)),
    );
  } else {
    askMapping(token, chosen.name, read, problems);
  }
}

// The first date of the file written with slashes (its date column being `columnOf.date_of_service`), or null.
function firstSlashedDate(read, columnOf) {
  const at = columnOf.date_of_service;
  if (at === undefined) return null;
  const row = read.rows.find((r) => /^\d{1,2}\/\d{1,2}\/(\d{2}|\d{4})$/.test(r.fields[at] ?? ""));
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
function evaluateCsv(token, name, read, columnOf, note = null) {
  const sample = firstSlashedDate(read, columnOf);
  const choice = sample
    ? el(
        "p",
        { class: "hint date-order" },
        dateOrderChoice(sample, () => evaluateCsv(++run, name, read, columnOf, note)),
      )
    : null;
  const clinicians = columnOf.clinician !== undefined;
  evaluate(token, name, groupVisits(read, columnOf, MAX_OPEN_VISITS, dateOrder), [note, choice], clinicians);
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
function askMapping(token, name, read, problems) {
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
      name,
      read,
      mapping,
      mappingNote(names, mapping, () => askMapping(token, name, read, problems)),
    );
  };
  showDates();
  status("");
  form.hidden = false;
  form.querySelector("select").focus();
}

/**
 * @param {any} note an element, or a list of them (null: none), shown above the visits
 * @param {boolean} clinicians the file has a clinician column: its clinicians' days are shown
 */
async function evaluate(token, name, visits, note = null, clinicians = false) {
  run = token;
  const bar = $("file-progress"),
    label = $("file-progress-label");
  const outcomes = new Array(visits.length);
  const todo = visits.map((v, i) => i).filter((i) => !visits[i].errors.length);
  for (const i of visits.keys()) if (visits[i].errors.length) outcomes[i] = outcome(visits[i], null);
  const progress = (done) => {
    bar.value = visits.length ? (visits.length - todo.length + done) / visits.length : 1;
    label.textContent = `Evaluating ${name}: ${number(visits.length - todo.length + done)} of ${number(visits.length)} visits`;
  };
  status("");
  progress(0);
  $("file-progress-row").hidden = false;
  try {
    if (todo.length) {
      const { createBatchEngine } = await import("../unitwise/worker.js");
      // The page's unbundled thread (engine-thread.js): it shares index.js and the glue with the page, and applies
      // the data packs this browser keeps.
      batch ??= createBatchEngine({ workerUrl: new URL("../engine/engine-thread.js", import.meta.url) });
    }
    for (let from = 0; from < todo.length; from += CHUNK) {
      const part = todo.slice(from, from + CHUNK);
      const results = await batch.evaluateMany(
        part.map((i) => factsOnly(visits[i].jsonl ? visits[i].visit : visitObject(visits[i]))),
        { onProgress: ({ done }) => token === run && progress(from + done), fields: OUTCOME_FIELDS },
      );
      if (token !== run) return;
      part.forEach((i, k) => {
        outcomes[i] = outcome(visits[i], results[k]);
      });
    }
  } catch (error) {
    if (token === run) status(`The file could not be evaluated: ${error.message}`);
    return;
  } finally {
    if (token === run) $("file-progress-row").hidden = true;
  }
  file = { name, visits, outcomes };
  show(note);
  showClinicianDays(file, clinicians, isTimed);
}

/** @param {any} note */
function show(note) {
  const { name, visits, outcomes } = file;
  const order = visits.map((v, i) => ({ i, kinds: kindsOf(outcomes[i]) }));
  const rank = (o) => (o.kinds.length ? KINDS.indexOf(o.kinds[0]) : KINDS.length);
  order.sort((a, b) => rank(a) - rank(b) || a.i - b.i);
  const rows = order.map(({ i, kinds }) => {
    const v = visits[i],
      o = outcomes[i],
      t = totals(o);
    const problems = [
      ...o.errors.map((e) => ["errors", onScreen(e)]),
      ...o.edits.map((e) => ["edits", e]),
      ...(o.kx ? [["kx", "KX: over the yearly threshold"]] : []),
      ...visitWarnings(o).map((w) => ["warnings", w]),
    ];
    return el(
      "tr",
      { role: "row", "data-kinds": kinds.join(" ") },
      el(
        "td",
        CELL,
        el("button", { type: "button", class: "link", "data-visit": i }, v.id || `(no visit_id, line ${v.firstLine})`),
      ),
      el("td", CELL, v.date?.value ?? v.visit?.dateOfService ?? ""),
      el("td", CELL, o.errors.length ? "" : String(t.units)),
      el("td", CELL, o.errors.length ? "" : dollars(t.cents)),
      el(
        "td",
        CELL,
        problems.map(([kind, text]) =>
          el("span", { class: `problem ${kind}` }, el("strong", {}, KIND_LABEL[kind]), " ", plainWords(o, text)),
        ),
      ),
    );
  });
  const count = (kind) => order.filter((o) => o.kinds.includes(kind)).length;
  const sum = outcomes.reduce(
    (s, o) => {
      const t = totals(o);
      return { lines: s.lines + o.lines.length, units: s.units + t.units, cents: s.cents + t.cents };
    },
    { lines: 0, units: 0, cents: 0 },
  );
  file.summary = {
    ...sum,
    visits: visits.length,
    clean: order.filter((o) => !o.kinds.length).length,
    errors: count("errors"),
    edits: count("edits"),
    kx: count("kx"),
    warnings: count("warnings"),
    ncci: outcomes.reduce((n, o) => n + o.edits.filter((e) => e.startsWith("ncci")).length, 0),
    mue: outcomes.reduce((n, o) => n + o.edits.filter((e) => e.startsWith("mue")).length, 0),
  };
  const s = file.summary;
  $("file-totals").textContent =
    `${number(s.visits)} visits, ${number(s.lines)} claim lines, ${number(s.units)} units, ` +
    `${dollars(s.cents)} allowed. Problems: ${number(s.errors)} with errors, ${number(s.edits)} with NCCI/MUE edits, ` +
    `${number(s.kx)} with KX, ${number(s.warnings)} with warnings; ${number(s.clean)} clean.`;
  // The rows are laid out as grids (style.css), so that rows off screen cost no layout; the roles keep them a table
  // to assistive technology, which a changed display can otherwise lose.
  // Tables a newer CMS release was due for, said once for the file (DATA_WARNINGS).
  const dated = outcomes.filter((o) => o.warnings.some((w) => DATA_WARNINGS.includes(w))).length;
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
      el("tbody", { role: "rowgroup" }, rows),
    ),
  );
  $("file-results").hidden = false;
  filter();
  status(`${name}: ${number(s.visits)} visits evaluated, ${number(s.visits - s.clean)} with problems.`);
}

// A problem as a person reads it: a warning's words (a denial's among them), its engine id (kx-applied) kept in the
// title for whoever looks it up (not a <details> a row: with 2,000 rows those made the table slow to query for
// assistive technology); other problems are words already.
function plainWords(o, text) {
  const words = o.messages?.[text] ?? WARNING_NAME[text];
  return words ? el("span", { class: "problem-words", title: `unitwise id: ${text}` }, words) : text;
}

function filter() {
  const want = $("file-filter").value;
  let shown = 0;
  for (const row of /** @type {NodeListOf<HTMLTableRowElement>} */ (
    document.querySelectorAll("table.file-visits tbody tr")
  )) {
    const kinds = row.dataset.kinds ?? "";
    row.hidden = !(want === "all" || (want === "problems" ? kinds !== "" : kinds.split(" ").includes(want)));
    if (!row.hidden) shown++;
  }
  const what = $("file-filter").selectedOptions[0].textContent;
  $("file-caption").textContent = `Visits in the file ${file.name}, problems first: ${number(shown)} shown (${what})`;
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

function download(name, text) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv" }));
  el("a", { href: url, download: name }).click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
