// The page's worker thread (a module worker): the package's batch protocol (wasm/package/worker-thread.js:
// kinds "visits" and "episode", for the File view) over an engine that has the data packs this browser keeps
// (data-store.js), and one kind of the page's own, "import": CMS's files in, data packs out (the Data view), so
// that reading a 30 MB zip never holds the page.
//   in:  { id, kind: "visits", visits, fields? }  { id, kind: "episode", episode }  { id, kind: "import", files }
//   out: { id, type: "progress", done, total }  { id, type: "result", kind, results }
//        { id, type: "error", message, errors? }   errors: the import's problems, one plain line each
import { createEngine } from "../unitwise/index.js";
import { isZip, unzip } from "../unitwise/zip.js";
import { applyKept, CHANNEL, keptPacks, manifestOf } from "../data/data-store.js";

const withKept = async (engine, reset) => {
  applyKept(engine, (await keptPacks()).records, reset);
  return engine;
};
let engine = createEngine().then((e) => withKept(e, false));
// Packs added or removed in the Data view (of this page or another tab) apply from the next request on.
if (typeof BroadcastChannel === "function") {
  new BroadcastChannel(CHANNEL).onmessage = () => {
    engine = engine.then((e) => withKept(e, true));
  };
}

const kinds = { visits: evaluateVisits, episode: evaluateEpisode, import: importFiles };

self.addEventListener("message", async ({ data }) => {
  const id = data?.id;
  const run = kinds[data?.kind];
  if (!run) {
    self.postMessage({
      id,
      type: "error",
      message: `unknown kind ${JSON.stringify(String(data?.kind))}; this worker knows: ${Object.keys(kinds).join(", ")}`,
    });
    return;
  }
  let loaded;
  try {
    loaded = await engine;
  } catch (error) {
    self.postMessage({ id, type: "error", message: `the coding engine could not load: ${error?.message ?? error}` });
    return;
  }
  try {
    await run(loaded, id, data);
  } catch (error) {
    self.postMessage({ id, type: "error", message: error?.message ?? String(error), errors: error?.errors });
  }
});

// As the package's thread: the fields a batch may ask for; ok and errors always come.
const RESULT_FIELDS = [
  "ok",
  "ruleSet",
  "dateOfService",
  "totalTimedMinutes",
  "totalTimedUnits",
  "lines",
  "edits",
  "warnings",
  "errors",
  "ties",
  "checklist",
  "fee",
  "releases",
  "trace",
];

function evaluateVisits(loaded, id, { visits, fields }) {
  if (!Array.isArray(visits)) throw new Error("visits must be an array");
  if (fields !== undefined && (!Array.isArray(fields) || fields.some((f) => !RESULT_FIELDS.includes(f)))) {
    throw new Error(`fields must be an array of result field names (${RESULT_FIELDS.join(", ")})`);
  }
  const kept = fields && RESULT_FIELDS.filter((f) => f === "ok" || f === "errors" || fields.includes(f));
  const total = visits.length;
  const step = Math.max(1, Math.ceil(total / 100));
  const results = new Array(total);
  for (let i = 0; i < total; i++) {
    const result = loaded.evaluate(visits[i]);
    results[i] = kept ? Object.fromEntries(kept.filter((f) => f in result).map((f) => [f, result[f]])) : result;
    if ((i + 1) % step === 0 && i + 1 < total) self.postMessage({ id, type: "progress", done: i + 1, total });
  }
  self.postMessage({ id, type: "progress", done: total, total });
  self.postMessage({ id, type: "result", kind: "visits", results });
}

function evaluateEpisode(loaded, id, { episode }) {
  self.postMessage({ id, type: "result", kind: "episode", results: [loaded.evaluateEpisode(episode)] });
}

// CMS's files (zip, csv, txt) become one pack; a pack this page exported (a zip of manifest.json and its tables,
// or the same as one JSON object) is taken back as it was. results: [{ name, pack, notes, skipped, files }].
async function importFiles(loaded, id, { files }) {
  if (!Array.isArray(files) || !files.length) throw new Error("no file was given");
  const results = [],
    cms = [];
  for (const file of files) {
    const pack = await exportedPack(file);
    if (pack)
      results.push({
        name: manifestOf(pack).name ?? file.name,
        pack,
        files: [file.name],
        skipped: [],
        notes: [`${file.name}: a data pack exported from this page, taken back as it was`],
      });
    else cms.push(file);
  }
  if (cms.length) {
    const out = await loaded.importCms(cms);
    results.push({ ...out, files: cms.map((f) => f.name) });
  }
  self.postMessage({ id, type: "result", kind: "import", results });
}

const isPack = (pack) => manifestOf(pack)?.format === "unitwise-data-pack";

async function exportedPack(file) {
  if (/\.json$/i.test(file.name)) {
    let pack = null;
    try {
      pack = JSON.parse(await file.text());
    } catch {
      // Not JSON: the importer names it.
    }
    if (isPack(pack)) return pack;
    throw Object.assign(new Error(`${file.name}: not a data pack exported from this page`), {
      errors: [`${file.name}: a JSON file is taken only as a data pack exported from this page, and this one is not`],
    });
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (!isZip(bytes)) return null;
  let opened;
  try {
    opened = await unzip(file.name, bytes);
  } catch {
    return null; // the importer opens it again and says what is wrong
  }
  const text = new TextDecoder();
  const pack = Object.fromEntries(opened.files.map((f) => [f.name.split("/").pop(), text.decode(f.bytes)]));
  return isPack(pack) ? pack : null;
}
