// Types of unitwise/worker: batches of visits evaluated on a worker thread.
import type { Episode, EpisodeResult, ErrorResult, OkResult, Result, Visit } from "./index.js";

export interface BatchProgress {
  /** Visits evaluated so far. */
  done: number;
  total: number;
}

/** A top-level field of a result, as `evaluateMany`'s `fields` names it. */
export type ResultField = keyof OkResult;

/** A result holding only the fields asked for, and always ok and errors (so a bad visit is never hidden). */
export type ResultWith<K extends ResultField> =
  Pick<OkResult, K | "ok" | "errors"> | Pick<ErrorResult, Extract<K | "ok" | "errors", keyof ErrorResult>>;

export interface BatchEngine {
  /** Evaluates the visits in order off the main thread: one Result per visit, never a rejection for a bad visit. */
  evaluateMany(visits: Visit[], options?: { onProgress?: (progress: BatchProgress) => void }): Promise<Result[]>;
  /**
   * The same, each result holding only `fields` (plus ok and errors): a host that shows claim lines asks for
   * ["lines", "edits", "warnings"] and gets a fraction of the data copied back from the worker. A name that is not a
   * result field rejects the batch, naming it.
   */
  evaluateMany<K extends ResultField>(
    visits: Visit[],
    options: { onProgress?: (progress: BatchProgress) => void; fields: K[] },
  ): Promise<ResultWith<K>[]>;
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
export type WorkerRequest =
  | {
      id: number;
      kind: "visits";
      visits: (Visit | null)[];
      fields?: ResultField[];
      /** Visits that could not be copied to the worker, sent as null: each is answered with an error result. */
      uncopyable?: [number, string][];
    }
  | { id: number; kind: "episode"; episode: Episode };

/** Messages from the worker, each with the id of its request. */
export type WorkerResponse =
  | { id: number; type: "progress"; done: number; total: number }
  | { id: number; type: "result"; kind: "visits"; results: Result[] | ResultWith<ResultField>[] }
  /** An episode's one result, in `results` too, so a host that reads `results` of any "result" keeps compiling. */
  | { id: number; type: "result"; kind: "episode"; results: [EpisodeResult] }
  | { id: number; type: "error"; message: string };
