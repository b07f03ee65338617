// Types of unitwise/worker: batches of visits evaluated on a worker thread.
import type { Episode, EpisodeResult, Result, Visit } from "./index.js";

export interface BatchProgress {
  /** Visits evaluated so far. */
  done: number;
  total: number;
}

export interface BatchEngine {
  /** Evaluates the visits in order off the main thread: one Result per visit, never a rejection for a bad visit. */
  evaluateMany(visits: Visit[], options?: { onProgress?: (progress: BatchProgress) => void }): Promise<Result[]>;
  /** Evaluates one plan of care (docs/episodes.md) off the main thread; a bad episode resolves to ok:false. */
  evaluateEpisode(episode: Episode): Promise<EpisodeResult>;
  /** Stops the worker; batches still running are rejected. */
  terminate(): void;
}

export interface BatchEngineOptions {
  /** Where unitwise-worker.js is served, when not beside the module that imports unitwise/worker. */
  workerUrl?: string | URL;
}

export function createBatchEngine(options?: BatchEngineOptions): BatchEngine;

/** Messages to the worker (unitwise-worker.js). Later kinds are added beside these. */
export type WorkerRequest = { id: number; kind: "visits"; visits: Visit[] } | { id: number; kind: "episode"; episode: Episode };

/** Messages from the worker, each with the id of its request. */
export type WorkerResponse =
  | { id: number; type: "progress"; done: number; total: number }
  | { id: number; type: "result"; kind: "visits"; results: Result[] }
  /** An episode's one result, in `results` too, so a host that reads `results` of any "result" keeps compiling. */
  | { id: number; type: "result"; kind: "episode"; results: [EpisodeResult] }
  | { id: number; type: "error"; message: string };
