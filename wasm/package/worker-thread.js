// The batch worker's thread: assembled (with index.js and the glue) into one file, unitwise-worker.js, so a host
// copies it and unitwise.wasm beside its bundle. The protocol (worker.d.ts, docs/embedding.md):
//   in:  { id, kind: "visits", visits: Visit[], fields?, uncopyable? }  (later kinds come beside these two;
//        fields: below; uncopyable: [[index, reason], ...], visits the page could not copy here, sent as null)
//        { id, kind: "episode", episode: Episode }
//   out: { id, type: "progress", done, total }            about every 1% of the batch, and at the end
//        { id, type: "result", kind: "visits", results }  Result[] in the order of the visits
//        { id, type: "result", kind: "episode", results }  [EpisodeResult]: the episode's one result (docs/episodes.md)
//        { id, type: "error", message }                   an unknown kind, or the engine could not load
import { createEngine } from "./index.js";

const engine = createEngine();
const kinds = { visits: evaluateVisits, episode: evaluateEpisode };

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
  run(loaded, id, data);
});

// The top-level fields of a result (docs/contract.md), in the engine's order. A batch may ask for some of them: a
// host that lists claim lines needs no checklist or fee, and copying each result back to the page was the larger
// part of a big file's time there (structured clone). ok and errors always come, so a bad visit is never hidden.
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

// The fields to keep of each result (null: all of it), or a message naming what is wrong with them.
function keptFields(fields) {
  if (fields === undefined) return null;
  const names = `result field names (${RESULT_FIELDS.join(", ")})`;
  const shown = (x) => JSON.stringify(x) ?? String(x);
  if (!Array.isArray(fields)) return `fields must be an array of ${names}, not ${shown(fields)}`;
  const wrong = fields.findIndex((f) => !RESULT_FIELDS.includes(f));
  if (wrong >= 0) return `fields must be an array of ${names}; ${shown(fields[wrong])} is not one`;
  return RESULT_FIELDS.filter((f) => f === "ok" || f === "errors" || fields.includes(f));
}

function evaluateVisits(loaded, id, { visits, fields, uncopyable = [] }) {
  if (!Array.isArray(visits)) {
    self.postMessage({ id, type: "error", message: "visits must be an array" });
    return;
  }
  const kept = keptFields(fields);
  if (typeof kept === "string") {
    self.postMessage({ id, type: "error", message: kept });
    return;
  }
  const total = visits.length;
  const step = Math.max(1, Math.ceil(total / 100));
  const results = new Array(total);
  const reasons = new Map(uncopyable);
  for (let i = 0; i < total; i++) {
    // An error result of the engine's own shape, with the reason the visit never arrived.
    const result = reasons.has(i)
      ? { ...loaded.evaluate(null), errors: [{ path: "", message: String(reasons.get(i)) }] }
      : loaded.evaluate(visits[i]);
    results[i] = kept ? Object.fromEntries(kept.filter((f) => f in result).map((f) => [f, result[f]])) : result;
    if ((i + 1) % step === 0 && i + 1 < total) self.postMessage({ id, type: "progress", done: i + 1, total });
  }
  self.postMessage({ id, type: "progress", done: total, total });
  self.postMessage({ id, type: "result", kind: "visits", results });
}

function evaluateEpisode(loaded, id, { episode }) {
  self.postMessage({ id, type: "result", kind: "episode", results: [loaded.evaluateEpisode(episode)] });
}
