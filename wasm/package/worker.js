// unitwise/worker: evaluates batches of visits on a worker thread, with progress, so a page stays responsive.
// The worker is unitwise-worker.js beside this file; `new Worker(new URL(...), { type: "module" })` is the
// form Vite and webpack 5 recognize and bundle. With esbuild, copy unitwise-worker.js and unitwise.wasm beside
// the bundle (or pass workerUrl).

/** @import { BatchEngine, BatchEngineOptions, BatchProgress, ResultField } from "./worker.js" */

/**
 * Starts a worker. Options: `workerUrl` (where unitwise-worker.js is served).
 * @param {BatchEngineOptions} [options]
 * @returns {BatchEngine}
 */
export function createBatchEngine(options = {}) {
  const worker = options.workerUrl
    ? new Worker(options.workerUrl, { type: "module" })
    : viteDevDependency()
      ? new Worker(packageFile("unitwise-worker.js"), { type: "module" })
      : new Worker(new URL("./unitwise-worker.js", import.meta.url), { type: "module" });
  const pending = new Map();
  let nextId = 1;
  let failure = null;

  const failAll = (error) => {
    failure ??= error;
    for (const job of pending.values()) job.reject(error);
    pending.clear();
  };
  worker.addEventListener("message", ({ data }) => {
    const job = pending.get(data?.id);
    if (!job) return;
    if (data.type === "progress") {
      job.onProgress?.({ done: data.done, total: data.total });
    } else {
      pending.delete(data.id);
      if (data.type === "result") job.resolve(data.kind === "episode" ? data.results[0] : data.results);
      else job.reject(new Error(data.message));
    }
  });
  worker.addEventListener("error", (event) => {
    event.preventDefault?.();
    failAll(
      new Error(
        `unitwise worker: ${event.message || "it could not start (is unitwise-worker.js served beside the bundle?)"}`,
      ),
    );
  });

  // `retry` gives the message again in a form that copies when the first could not be copied to the worker.
  /**
   * @param {object} message
   * @param {((progress: BatchProgress) => void) | undefined} [onProgress]
   * @param {(() => object) | null} [retry]
   */
  function send(message, onProgress, retry = null) {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject, onProgress });
      try {
        worker.postMessage({ ...message, id });
      } catch (error) {
        try {
          if (!retry) throw error;
          worker.postMessage({ ...retry(), id });
        } catch (again) {
          pending.delete(id);
          reject(again);
        }
      }
    });
  }

  // satisfies: tsc holds this object to worker.d.ts's BatchEngine, a member too many or too few included.
  return Object.freeze(
    /** @satisfies {BatchEngine} */ ({
      /**
       * Evaluates the visits in order off the main thread; onProgress gets { done, total } as it goes. With `fields`
       * (e.g. ["lines", "edits"]) each result holds only those fields, plus ok and errors: less to copy back.
       * @param {unknown} visits
       * @param {{ onProgress?: (progress: BatchProgress) => void, fields?: ResultField[] }} [options]
       */
      evaluateMany(visits, { onProgress, fields } = {}) {
        if (!Array.isArray(visits)) return Promise.reject(new TypeError("evaluateMany takes an array of visits"));
        const message = fields === undefined ? { kind: "visits", visits } : { kind: "visits", visits, fields };
        return send(message, onProgress, () => copyable(message));
      },
      /** Evaluates one plan of care (docs/episodes.md) off the main thread. */
      evaluateEpisode(episode) {
        return send({ kind: "episode", episode });
      },
      /** Stops the worker; batches still running are rejected. */
      terminate() {
        worker.terminate();
        failAll(new Error("unitwise worker: terminated"));
      },
    }),
  );
}

// A visit that cannot be copied to the worker (a Proxy, a getter that throws, a function inside) travels as null
// with its reason beside it, and gets an error result in its own slot; the rest of the batch goes on.
function copyable(message) {
  const uncopyable = [];
  const visits = message.visits.map((visit, index) => {
    try {
      structuredClone(visit);
      return visit;
    } catch (error) {
      uncopyable.push([index, `the visit cannot be copied to the worker: ${describe(error)}`]);
      return null;
    }
  });
  return { ...message, visits, uncopyable };
}

function describe(error) {
  try {
    return String(error?.message ?? error);
  } catch {
    return "it threw";
  }
}

// As in index.js: under Vite's dev server this module runs from node_modules/.vite/deps/ (vitejs/vite#10761), and
// the worker file is still at node_modules/unitwise/. A variable base keeps bundlers from rewriting these.
function viteDevDependency() {
  const base = import.meta.url;
  return /\/node_modules\/\.vite\/deps(_[a-z]+)?\//.test(base);
}

function packageFile(name) {
  const base = import.meta.url;
  return new URL(`../../unitwise/${name}`, base).href;
}
