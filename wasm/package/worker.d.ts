// Types of unitwise/worker: batches of visits evaluated on a worker thread.
import type { Result, Visit } from "./index.js";

export interface BatchProgress {
  /** Visits evaluated so far. */
  done: number;
  total: number;
}

export interface BatchEngine {
  /** Evaluates the visits in order off the main thread: one Result per visit, never a rejection for a bad visit. */
  evaluateMany(visits: Visit[], options?: { onProgress?: (progress: BatchProgress) => void }): Promise<Result[]>;
  /** Stops the worker; batches still running are rejected. */
  terminate(): void;
}

export interface BatchEngineOptions {
  /** Where unitwise-worker.js is served, when not beside the module that imports unitwise/worker. */
  workerUrl?: string | URL;
}

export function createBatchEngine(options?: BatchEngineOptions): BatchEngine;

/** Messages to the worker (unitwise-worker.js). Later kinds (such as "episode") are added beside "visits". */
export type WorkerRequest = { id: number; kind: "visits"; visits: Visit[] };

/** Messages from the worker, each with the id of its request. */
export type WorkerResponse =
  | { id: number; type: "progress"; done: number; total: number }
  | { id: number; type: "result"; kind: "visits"; results: Result[] }
  | { id: number; type: "error"; message: string };
