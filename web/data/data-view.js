// The Data view: which releases of CMS's tables are in force for a date of service (and how old each is, or that a
// newer one was due, or that only the nearest year is held), CMS's files taken in (imported in a worker,
// engine-thread.js) and the packs this browser keeps (data-store.js): listed, exported as a zip, removed with undo.
import { $, acceptDrops, count, el } from "../lib/dom.js";
import { addPack, applyKept, CHANNEL, manifestOf, putPack, removePack } from "./data-store.js";
import { zipFiles } from "./pack-zip.js";

const ISO = /^\d{4}-\d{2}-\d{2}$/;

// The tables a visit uses, in the order a biller reads them, in plain words.
const KINDS = [
  ["rvu", "Relative values (RVU)"],
  ["gpci", "Geographic practice cost indices (GPCI)"],
  ["conversion_factor", "Conversion factor"],
  ["ncci", "NCCI pair edits (PTP)"],
  ["mue", "Unit limits (MUE)"],
  ["threshold", "KX and review thresholds"],
  ["telehealth_code", "Telehealth list"],
  ["telehealth_period", "Telehealth authority for therapists"],
];
const LABEL = Object.fromEntries(KINDS);
const YEARLY = new Set(["rvu", "gpci", "conversion_factor", "threshold"]);

// "2 years 5 months", "11 months", "12 days" from one ISO date to a later one.
export function age(from, to) {
  const [y1, m1, d1] = from.split("-").map(Number);
  const [y2, m2, d2] = to.split("-").map(Number);
  let months = (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
  if (months < 1) {
    const days = Math.round((Date.parse(to) - Date.parse(from)) / 864e5);
    return days <= 0 ? "new that day" : `${count(days, "day")} old`;
  }
  const years = Math.floor(months / 12);
  months %= 12;
  return `${[years && count(years, "year"), months && count(months, "month")].filter(Boolean).join(" ")} old`;
}

// The release of each kind in force on `date`: the engine's own choice for a visit that day (with nearest and
// newerDue), and from the list of releases held for the kinds an ordinary visit does not use (telehealth).
export function releasesInForce(engine, date) {
  const probe = engine.evaluate({ dateOfService: date, discipline: "PT", services: [{ code: "97110", minutes: 15 }] });
  const used = probe.ok ? probe.releases : [];
  const held = engine.dataVersions().releases;
  const rows = [];
  for (const [kind] of KINDS) {
    const mine = used.filter((r) => r.kind === kind);
    if (mine.length) {
      rows.push(...mine);
      continue;
    }
    const ofKind = held.filter((r) => r.kind === kind);
    const before = ofKind.filter((r) => r.effective <= date);
    // The latest effective on or before the date; on equal dates the one loaded last (docs/data.md).
    const chosen = before.reduce((best, r) => (!best || r.effective >= best.effective ? r : best), null);
    if (chosen) rows.push({ ...chosen, nearest: false });
    else if (ofKind.length) rows.push({ ...ofKind[0], nearest: true });
  }
  return rows;
}

let view = null; // { engine, state, dateOfService, onChange }

// state: { applied, refused, problem } as app.js made it at load (data-store.js applyKept).
export function startDataView({ engine, state, dateOfService, onChange }) {
  view = { engine, state, dateOfService, onChange };
  $("data-date").addEventListener("input", () => ISO.test($("data-date").value) && drawInForce());
  const input = $("data-input"),
    drop = $("data-drop");
  input.addEventListener("change", () => {
    if (input.files.length) take([...input.files]);
    input.value = ""; // the same file chosen again is a new choice
  });
  acceptDrops(drop, take);
  $("data").dataset.ready = "true";
  return { show, redraw };
}

// Opened: the date is the calculator's (today without one).
function show() {
  $("data-date").value = view.dateOfService();
  redraw();
}

function redraw() {
  drawInForce();
  drawKept();
}

function drawInForce() {
  const date = ISO.test($("data-date").value) ? $("data-date").value : view.dateOfService();
  const mine = new Set(view.state.applied.map((r) => manifestOf(r.pack)?.name));
  const items = releasesInForce(view.engine, date).map((r) => {
    const year = r.effective.slice(0, 4);
    const status = r.nearest
      ? el(
          "span",
          { class: "tag nearest" },
          YEARLY.has(r.kind)
            ? `Only the nearest: no ${date.slice(0, 4)} table is held, so ${year}'s is used${r.kind === "threshold" ? "" : " and fees are estimates"}`
            : `Only the nearest: none is held for ${date}, so the earliest one is used`,
        )
      : r.newerDue
        ? el("span", { class: "tag out-of-date" }, `May be out of date: CMS's next one was due by ${r.newerDue}`)
        : el("span", { class: "tag current" }, "Current");
    return el(
      "li",
      { class: `release ${r.nearest ? "nearest" : r.newerDue ? "out-of-date" : "current"}`, "data-kind": r.kind },
      el("span", { class: "kind" }, LABEL[r.kind]),
      el(
        "span",
        { class: "name" },
        r.name,
        el("span", { class: "origin" }, mine.has(r.pack) ? " · added in this browser" : " · built in"),
      ),
      el("span", { class: "when" }, `in force from ${r.effective}, ${age(r.effective, date)}`),
      status,
    );
  });
  $("data-in-force").replaceChildren(
    el("ul", { class: "in-force", "aria-label": `Tables in force on ${date}` }, items),
  );
}

const kindsText = (manifest) =>
  (manifest?.tables ?? [])
    .map((t) => `${LABEL[t.kind] ?? t.kind} from ${t.effective}${t.rows ? ` (${count(t.rows, "row")})` : ""}`)
    .join("; ");

function drawKept() {
  const { applied, refused, problem } = view.state;
  const records = [...applied.map((record) => ({ record, errors: null })), ...refused].sort(
    (a, b) => (a.record.id ?? Infinity) - (b.record.id ?? Infinity),
  );
  const items = records.map(({ record, errors }) => {
    const manifest = manifestOf(record.pack);
    return el(
      "li",
      { class: `kept-pack${errors ? " refused" : ""}`, "data-id": record.id ?? "" },
      el("strong", { class: "name" }, record.name ?? manifest?.name ?? "A data pack"),
      el("span", { class: "tables" }, kindsText(manifest) || "its tables cannot be read"),
      el(
        "span",
        { class: "hint" },
        `Added ${record.added ?? "in this session"}${record.files?.length ? ` from ${record.files.join(", ")}` : ""}` +
          `${record.id === undefined ? " · not kept: this browser's storage is not available, so it applies until the page is closed" : ""}`,
      ),
      errors ? el("span", { class: "refused-note" }, "Not used: the engine refused it. ", errors.join(" ")) : null,
      record.notes?.length
        ? el(
            "details",
            { class: "read" },
            el("summary", {}, "What was read"),
            el(
              "ul",
              {},
              [...record.notes, ...(record.skipped ?? []).map((x) => `Left out: ${x}`)].map((n) => el("li", {}, n)),
            ),
          )
        : null,
      el(
        "span",
        { class: "actions" },
        el("button", { type: "button", class: "quiet export", onclick: () => exportPack(record) }, "Export (zip)"),
        el("button", { type: "button", class: "remove", onclick: () => remove(record) }, "Remove"),
      ),
    );
  });
  $("data-kept").replaceChildren(
    ...[
      problem
        ? el(
            "p",
            { class: "refused-note" },
            `This browser's storage could not be read (${problem}): data you add applies until the page is closed.`,
          )
        : null,
      items.length
        ? el("ul", { class: "kept" }, items)
        : el("p", { class: "hint" }, "None yet: the page uses its built-in data, listed above."),
    ].filter(Boolean),
  );
}

function say(...parts) {
  $("data-status").replaceChildren(...parts.filter(Boolean));
}

// After a change of the kept packs: the page's engine has them already; the File view's worker and other tabs
// read them again.
function changed() {
  if (typeof BroadcastChannel === "function") {
    const channel = new BroadcastChannel(CHANNEL);
    channel.postMessage("changed");
    channel.close();
  }
  redraw();
  view.onChange();
}

function reapply() {
  const records = [...view.state.applied, ...view.state.refused.map((r) => r.record)].sort(
    (a, b) => (a.id ?? Infinity) - (b.id ?? Infinity),
  );
  Object.assign(view.state, applyKept(view.engine, records, true));
}

// CMS's files (or a pack exported here) imported in a worker, checked by the page's engine, then kept. One
// import at a time: files given while one is read wait for it to end.
let reading = Promise.resolve();
function take(files) {
  reading = reading.then(
    () => takeNow(files),
    () => takeNow(files),
  );
  return reading;
}

async function takeNow(files) {
  say(el("p", {}, `Reading ${files.length === 1 ? files[0].name : count(files.length, "file")}…`));
  $("data-drop").setAttribute("aria-busy", "true");
  let results;
  try {
    results = await importInWorker(files);
  } catch (error) {
    return failed(files, error.errors ?? [error.message]);
  } finally {
    $("data-drop").removeAttribute("aria-busy");
  }
  const known = new Set(
    [...view.state.applied, ...view.state.refused.map((r) => r.record)].map((r) => r.pack["manifest.json"]),
  );
  const again = results.filter((r) => known.has(r.pack["manifest.json"]));
  const fresh = results.filter((r) => !known.has(r.pack["manifest.json"]));
  if (!fresh.length) {
    return say(el("p", { class: "ok-note" }, `Already kept: ${again.map((r) => r.name).join("; ")}. Nothing changed.`));
  }
  // The page's engine takes the new packs over the kept ones, or refuses them (the kept ones stay as they were).
  try {
    view.engine.setData([...view.state.applied, ...fresh].map((r) => r.pack));
  } catch (error) {
    return failed(files, error.errors ?? [error.message]);
  }
  const added = new Date().toISOString().slice(0, 10);
  let unkept = false;
  for (const result of fresh) {
    const record = {
      name: result.name,
      pack: result.pack,
      notes: result.notes,
      skipped: result.skipped,
      files: result.files,
      added,
    };
    try {
      record.id = await addPack(record);
    } catch {
      unkept = true;
    }
    view.state.applied.push(record);
  }
  changed();
  say(
    el(
      "div",
      { class: "imported" },
      el(
        "p",
        { class: "ok-note" },
        `Added ${fresh.map((r) => r.name).join("; ")}. ` +
          (unkept
            ? "This browser's storage is not available: it applies until the page is closed."
            : "It is kept in this browser and used for every visit from its dates on."),
      ),
      again.length ? el("p", {}, `Already kept: ${again.map((r) => r.name).join("; ")}.`) : null,
      list(
        "What was read",
        fresh.flatMap((r) => r.notes ?? []),
      ),
      list(
        "Left out",
        fresh.flatMap((r) => r.skipped ?? []),
      ),
    ),
  );
}

const list = (title, lines) =>
  lines.length
    ? el(
        "div",
        {},
        el("p", { class: "list-title" }, `${title}:`),
        el(
          "ul",
          {},
          lines.map((l) => el("li", {}, l)),
        ),
      )
    : null;

function failed(files, errors) {
  const lines = errors.map((e) => String(e).replace(/^unitwise: /, ""));
  say(
    el(
      "div",
      { class: "import-error", role: "alert" },
      el(
        "p",
        {},
        `${files.length === 1 ? `${files[0].name} was` : "These files were"} not taken in, and nothing was kept:`,
      ),
      el(
        "ul",
        {},
        lines.map((l) => el("li", {}, l)),
      ),
      el(
        "p",
        { class: "hint" },
        "This page reads CMS's physician fee schedule relative value zip (RVUyyA.zip … RVUyyD.zip, or the PPRRVU and GPCI files in it), the practitioner MUE table and the NCCI practitioner PTP edits, as downloaded from cms.gov.",
      ),
    ),
  );
}

// A worker of its own for each import: reading a large file grows its memory, which a worker gives back when it ends.
function importInWorker(files) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("../engine/engine-thread.js", import.meta.url), { type: "module" });
    worker.addEventListener("message", ({ data }) => {
      if (data?.type !== "result" && data?.type !== "error") return;
      worker.terminate();
      if (data.type === "result") resolve(data.results);
      else reject(Object.assign(new Error(data.message), { errors: data.errors ?? [data.message] }));
    });
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      worker.terminate();
      reject(new Error(`the files could not be read: ${event.message || "the reader did not start"}`));
    });
    worker.postMessage({ id: 1, kind: "import", files });
  });
}

// Removed at once, with an undo beside where the user clicked (and the pack can be exported first).
async function remove(record) {
  const { state } = view;
  state.applied = state.applied.filter((r) => r !== record);
  state.refused = state.refused.filter((r) => r.record !== record);
  try {
    if (record.id !== undefined) await removePack(record.id);
  } catch (error) {
    say(
      el(
        "p",
        { class: "refused-note" },
        `${record.name} could not be removed from this browser's storage (${error.message}); it is not used on this page.`,
      ),
    );
  }
  reapply();
  changed();
  say(
    el(
      "p",
      { class: "ok-note" },
      `Removed ${record.name}. `,
      el("button", { type: "button", id: "data-undo", onclick: () => undo(record) }, "Undo"),
    ),
  );
  $("data-undo").focus();
}

async function undo(record) {
  try {
    if (record.id !== undefined) await putPack(record);
  } catch {
    // Kept for this page only; the list says so.
    delete record.id;
  }
  view.state.applied.push(record);
  reapply();
  changed();
  say(el("p", { class: "ok-note" }, `${record.name} is back.`));
}

// The pack's own files (manifest.json and one CSV per table) in a zip: what `unitwise import-cms` writes, so the
// CLI reads it unzipped (--data DIR), Node's readDataPack reads that folder, and this page takes the zip back.
function exportPack(record) {
  const manifest = manifestOf(record.pack);
  const slug =
    (manifest?.tables ?? [])
      .map((t) => `${t.kind.replace(/_/g, "-")}-${t.effective}`)
      .slice(0, 3)
      .join("+") || "pack";
  const bytes = zipFiles(Object.entries(record.pack).map(([name, text]) => ({ name, text })));
  const url = URL.createObjectURL(new Blob([bytes], { type: "application/zip" }));
  el("a", { href: url, download: `unitwise-data-${slug}.zip` }).click();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
