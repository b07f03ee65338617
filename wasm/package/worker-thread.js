// The batch worker's thread: assembled (with index.js and the glue) into one file, unitwise-worker.js, so a host
// copies it and unitwise.wasm beside its bundle. The protocol (worker.d.ts, docs/embedding.md):
//   in:  { id, kind: "visits", visits: Visit[] }          (later kinds come beside these two)
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
    self.postMessage({ id, type: "error", message: `unknown kind ${JSON.stringify(String(data?.kind))}; this worker knows: ${Object.keys(kinds).join(", ")}` });
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

function evaluateVisits(loaded, id, { visits }) {
  if (!Array.isArray(visits)) {
    self.postMessage({ id, type: "error", message: "visits must be an array" });
    return;
  }
  const total = visits.length;
  const step = Math.max(1, Math.ceil(total / 100));
  const results = new Array(total);
  for (let i = 0; i < total; i++) {
    results[i] = loaded.evaluate(visits[i]);
    if ((i + 1) % step === 0 && i + 1 < total) self.postMessage({ id, type: "progress", done: i + 1, total });
  }
  self.postMessage({ id, type: "progress", done: total, total });
  self.postMessage({ id, type: "result", kind: "visits", results });
}

function evaluateEpisode(loaded, id, { episode }) {
  self.postMessage({ id, type: "result", kind: "episode", results: [loaded.evaluateEpisode(episode)] });
}
