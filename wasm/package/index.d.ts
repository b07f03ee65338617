// Types of the unitwise package: the visit you pass and the result you get (docs/result-and-vectors.md).

export type Discipline = "PT" | "OT" | "SLP";
export type RuleSet = "cms" | "per_code";

export interface Service {
  /** CPT/HCPCS code, e.g. "97110". */
  code: string;
  /** Whole minutes furnished (therapist + assistant). Required for timed codes. */
  minutes?: number;
  /** The part of `minutes` a PTA/OTA furnished without the therapist. Time together counts as the therapist's. */
  assistantMinutes?: number;
  /** Plan of care of this service, when it differs from the visit's. */
  discipline?: Discipline;
}

export interface VisitOptions {
  /** Pool timed minutes per plan of care (default) or across all. */
  pooling?: "per_discipline" | "all";
  /** Codes that win equal leftover minutes, before input order. */
  tiePreference?: string[];
  /** Base of the CQ/CO 10% test: 15 minutes (default) or the unit's own minutes. */
  deMinimisBase?: "fifteen" | "unit";
  /** Use the CY2026 qualifying-APM conversion factor. */
  qualifyingApm?: boolean;
}

export interface Visit {
  /** "cms" (Medicare total time, default) or "per_code" (AMA midpoint). */
  ruleSet?: RuleSet;
  /** YYYY-MM-DD, in a year with fee data (2025 or 2026). */
  dateOfService: string;
  discipline: Discipline;
  /** "national" (default) or "<mac>-<locality>", e.g. "13202-01". */
  locality?: string;
  setting?: "nonfacility" | "facility";
  /** Therapy allowed so far this year, per KX bucket, in dollars. */
  ytdAllowed?: { PT_SLP?: number; OT?: number };
  /** Part B deductible still to meet, in dollars. */
  deductibleRemaining?: number;
  services: Service[];
  options?: VisitOptions;
}

export interface Line {
  code: string;
  discipline: Discipline;
  units: number;
  /** e.g. ["GP"], ["GP", "CQ"], ["GO", "KX"]. */
  modifiers: string[];
  minutes: number;
  /** Medicare allowed amount of the line in dollars (after MPPR and CQ/CO). */
  allowed: number;
}

export interface NcciEdit {
  kind: "ncci";
  severity: "error" | "warning";
  column1: string;
  column2: string;
  modifierIndicator: string;
  modifierAllowed: boolean;
  suggestedModifiers: string[];
  message: string;
  rationale?: string;
  source: string;
}

export interface MueEdit {
  kind: "mue";
  severity: "error" | "warning";
  code: string;
  units: number;
  limit: number;
  mai: number;
  message: string;
  rationale?: string;
  source: string;
}

export type Edit = NcciEdit | MueEdit;

export interface Warning {
  /** Stable id, e.g. "tie", "kx-applied", "assistant-precedence". */
  code: string;
  message: string;
}

export interface FieldError {
  /** JSON pointer into the visit, e.g. "/services/1/minutes"; "" for the whole document. */
  path: string;
  message: string;
}

export interface Tie {
  discipline: Discipline;
  codes: string[];
  units: number;
  chosen: string[];
  alternatives: string[][];
}

export interface ChecklistItem {
  id: string;
  text: string;
  /** Codes the item concerns; empty for the whole visit. */
  codes: string[];
  source: string;
}

export interface FeeLine {
  code: string;
  units: number;
  modifiers: string[];
  full: number;
  mppr: number;
  assistant: number;
  allowed: number;
}

export interface Fee {
  year: number;
  locality: string;
  localityName: string;
  setting: "nonfacility" | "facility";
  conversionFactor: number;
  full: number;
  mpprReduction: number;
  assistantReduction: number;
  allowed: number;
  deductible: number;
  coinsurance: number;
  sequestration: number;
  medicarePays: number;
  patientOwes: number;
  lines: FeeLine[];
  sources: string[];
}

export interface TraceEntry {
  /** Rule id, e.g. "cms-8-minute", "cms-leftover", "assistant-units". */
  rule: string;
  /** The code it concerns, or "" for the visit. */
  code: string;
  text: string;
  source: string;
}

interface ResultLists {
  lines: Line[];
  edits: Edit[];
  warnings: Warning[];
  errors: FieldError[];
  ties: Tie[];
  checklist: ChecklistItem[];
  trace: TraceEntry[];
}

export interface OkResult extends ResultLists {
  ok: true;
  ruleSet: RuleSet;
  dateOfService: string;
  totalTimedMinutes: number;
  totalTimedUnits: number;
  fee: Fee;
}

export interface ErrorResult extends ResultLists {
  ok: false;
  fee: null;
}

export type Result = OkResult | ErrorResult;

export interface CatalogueEntry {
  code: string;
  descriptor: string;
  timed: boolean;
  unitBasis: string;
  /** The only plan of care the code may be billed under, if any. */
  discipline: Discipline | null;
}

export interface Locality {
  /** "national" or "<mac>-<locality>". */
  id: string;
  state: string;
  name: string;
}

export interface DataVersions {
  engine: string;
  rvu2026: string;
  rvu2025: string;
  gpci2026: string;
  gpci2025: string;
  ncci: string;
  mue: string;
  years: number[];
}

export interface Engine {
  evaluate(visit: Visit): Result;
  evaluateJson(visitJson: string): string;
  version(): string;
  dataVersions(): DataVersions;
  catalogue(): CatalogueEntry[];
  localities(year: number): Locality[];
  /** The size of the engine's wasm memory in bytes: it grows with the largest visit (at most 4 MiB) and never shrinks. */
  memoryBytes(): number;
}

export interface EngineOptions {
  /** The bytes of unitwise.wasm (Node, workers, strict hosts). */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** Where the browser should fetch unitwise.wasm from (bundlers, CDNs). */
  locateFile?: (name: string) => string;
}

export function createEngine(options?: EngineOptions): Promise<Engine>;
