// Types of the unitwise package: the visit you pass and the result you get (docs/result-and-vectors.md).

export * from "./fhir.js";
import type { FhirClaim, FhirClaimError, FhirClaimOptions } from "./fhir.js";

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
  /** An ABN was given: the line carries GA and is the patient's to pay if Medicare denies it. */
  abn?: boolean;
  /** Excluded from Medicare by law: the line carries GY and is the patient's to pay. */
  excluded?: boolean;
  /** The record supports a distinct service: bypasses an NCCI edit with modifier indicator 1 on this code. */
  distinctService?: "XE" | "XS" | "XP" | "XU" | "59";
  /** RTM device supply (98976–98978, 98984, 98985): days of device data in the 30-day period, 0–30. */
  days?: number;
  /** 1–4 distinct positions in the visit's `diagnoses` (1 = the first), most important first. Default [1] when
   * the visit gives diagnoses; an error without them. */
  diagnosisPointers?: number[];
}

export interface VisitOptions {
  /** Pool timed minutes per plan of care (default) or across all. */
  pooling?: "per_discipline" | "all";
  /** Codes that win equal leftover minutes, before input order. */
  tiePreference?: string[];
  /** Base of the CQ/CO 10% test: 15 minutes (default) or the unit's own minutes. */
  deMinimisBase?: "fifteen" | "unit";
  /** Use the qualifying-APM conversion factor where the year has one. */
  qualifyingApm?: boolean;
  /** false: `trace` comes back empty, the rest unchanged (faster when the why of each unit is not shown). Default true. */
  trace?: boolean;
}

/** How a payer counts, marks and pays therapy (docs/payers.md); every field defaults to Medicare's way. */
export interface PayerProfile {
  name?: string;
  unitRule?: RuleSet;
  dailyUnitCap?: { PT?: number; OT?: number; SLP?: number };
  codeUnitCaps?: Record<string, number>;
  disciplineModifiers?: boolean;
  assistantModifiers?: boolean;
  kx?: boolean;
  mppr?: boolean;
  medicareCoverage?: boolean;
  fee?: null | { percentOfMedicare: number } | { perCode: Record<string, number> };
  coinsurancePercent?: number;
  sequestration?: boolean;
  note?: string;
  source?: string;
}

export interface Visit {
  /** "cms" (Medicare total time, default) or "per_code" (AMA midpoint): a shorthand for the payer's unit rule. */
  ruleSet?: RuleSet;
  /** A built-in payer id or an inline profile (default "medicare"). */
  payer?: "medicare" | "commercial-per-code" | "texas-medicaid" | PayerProfile;
  /** YYYY-MM-DD, any year: without a fee schedule for it, the nearest release is used and a warning says so. */
  dateOfService: string;
  discipline: Discipline;
  /** "national" (default), a locality code ("13202-01"), or a place naming exactly one locality: "Miami, FL",
   * "Travis County, TX", "Manhattan NY" (see `findLocality`). The result's `fee.locality` is the code. */
  locality?: string;
  setting?: "nonfacility" | "facility";
  /** CMS place of service, two digits (default "11"); "02" and "10" are telehealth: 95 on the codes of the list. */
  placeOfService?: string;
  /** Therapy allowed so far this year, per KX bucket, in dollars. */
  ytdAllowed?: { PT_SLP?: number; OT?: number };
  /** Part B deductible still to meet, in dollars. */
  deductibleRemaining?: number;
  services: Service[];
  options?: VisitOptions;
  /** Up to 12 ICD-10-CM codes, in pointer order ("M54.50" or "M5450"; capitals). Checked for form only, never
   * for medical necessity; echoed as given. */
  diagnoses?: string[];
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
  /** "payer" as usual; "abn" (GA) or "excluded" (GY): the patient pays it. */
  liability: "payer" | "abn" | "excluded";
  /** Present when the payer is expected to deny the whole line (docs/rules.md §D): its allowed amount is 0, it is
   * out of MPPR, the totals, KX and the claim, and the patient owes nothing for it. */
  denied?: DenialReason;
  /** Only when the visit gives diagnoses: its service's pointers into the visit's `diagnoses`. */
  diagnosisPointers?: number[];
}

/** Why a line is denied: an MUE, an NCCI pair with modifier indicator 0, an add-on without its primary code, a
 * code not valid on the date of service, a code not covered (e.g. by telehealth), telehealth outside the law's
 * authority, or time below the code's floor (RTM). */
export type DenialReason =
  | "mue"
  | "ptp-indicator-0"
  | "add-on-without-primary"
  | "not-valid-on-date"
  | "not-covered"
  | "telehealth-not-authorized"
  | "under-time-floor";

export interface NcciEdit {
  kind: "ncci";
  severity: "error" | "warning";
  column1: string;
  column2: string;
  modifierIndicator: string;
  modifierAllowed: boolean;
  suggestedModifiers: string[];
  /** The distinct-service modifier the visit gave for the column-2 code, or null. */
  bypassedBy: "XE" | "XS" | "XP" | "XU" | "59" | null;
  /** What that modifier requires the record to show ("" when not bypassed). */
  recordMustShow: string;
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
  /** 1: claim-line edit; 2: date-of-service, policy (absolute); 3: date-of-service, clinical (appealable). */
  mai: number;
  /** Units on the lines this edit denies (their allowed is 0); 0 when the payer is not Medicare. */
  deniedUnits: number;
  /** What to do about the denial: correct, reopen or appeal. */
  appeal: string;
  message: string;
  rationale?: string;
  source: string;
}

export type Edit = NcciEdit | MueEdit;

/** info: a default or a fact to know; warning: the claim may be questioned or needs documentation;
 * error: Medicare is expected to deny or not pay it. */
export type Severity = "info" | "warning" | "error";

export interface Warning {
  /** Stable id, e.g. "tie", "kx-applied", "fee-schedule-nearest". */
  code: string;
  severity: Severity;
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
  /** Present when the line is denied (all amounts 0). */
  denied?: DenialReason;
}

export interface Fee {
  /** The payer profile's name ("Medicare Part B" by default). `medicarePays` is what this payer pays. */
  payer: string;
  /** Calendar year of the fee schedule used; differs from the visit's when none for its year is loaded. */
  year: number;
  /** The locality's code ("13202-01") or "national", also when the visit named a place ("Manhattan NY"). */
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

/** The part of the result a trace entry explains. */
export type Topic = "units" | "modifiers" | "fee" | "edits" | "checklist";

export interface TraceEntry {
  /** Rule id, e.g. "cms-8-minute", "cms-leftover", "assistant-units". */
  rule: string;
  topic: Topic;
  /** The code it concerns, or "" for the visit. */
  code: string;
  text: string;
  source: string;
}

/** A data release the visit used (docs/data.md). */
export interface UsedRelease {
  kind:
    | "rvu"
    | "conversion_factor"
    | "gpci"
    | "locality"
    | "mue"
    | "ncci"
    | "threshold"
    | "telehealth_code"
    | "telehealth_period";
  name: string;
  /** YYYY-MM-DD: in force from this date. */
  effective: string;
  pack: string;
  /** No release covers the date of service: the nearest was used (a warning says so). */
  nearest: boolean;
  /** YYYY-MM-DD: CMS was due to publish a newer release by this date, on or before the date of service, so this
   * table may be stale (warning `table-may-be-stale`). Absent while the table is current. */
  newerDue?: string;
}

interface ResultLists {
  releases: UsedRelease[];
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
  /** Our own words, not the CPT descriptor. */
  descriptor: string;
  /** Reported per 15 minutes: the 8-minute rule applies. */
  timed: boolean;
  unitBasis: string;
  kind: "treatment" | "modality" | "evaluation" | "add-on" | "rtm" | "wound" | "group";
  /** Plans of care that may bill it. */
  disciplines: Discipline[];
  /** The only plan of care the code may be billed under, if any. */
  discipline: Discipline | null;
  /** Add-ons: the code it must accompany on the same day. */
  primaryCode: string | null;
  timedSource: string;
  source: string;
  /** The first date of service the code may be billed (YYYY-MM-DD); null when not known to start later. A line
   * outside its dates is denied "not-valid-on-date". */
  validFrom: string | null;
  /** The last date of service it may be billed; null while still valid. */
  validUntil: string | null;
}

export interface Locality {
  /** "national" or "<mac>-<locality>". */
  id: string;
  state: string;
  name: string;
  /** Counties of the locality, from CMS's LOCCO file in force ("" when none is loaded). */
  counties: string;
}

export interface DataRelease {
  kind: UsedRelease["kind"];
  name: string;
  effective: string;
  /** Calendar year of a yearly table (fees, thresholds); null for quarterly edit tables. */
  year: number | null;
  rows: number;
  pack: string;
}

export interface DataVersions {
  engine: string;
  /** Pack names, built-in first, in load order. */
  packs: string[];
  releases: DataRelease[];
}

/** A data pack as `unitwise import-cms` writes it: file name → text (manifest.json and its CSV tables). */
export type DataPack = Record<string, string>;

/** One plan of care (docs/episodes.md). */
export interface PlanOfCare {
  discipline: Discipline;
  /** YYYY-MM-DD: the first day of the plan; no visit may come before it. */
  start: string;
  /** YYYY-MM-DD: the last day the certification covers. */
  certifiedThrough?: string;
}

/** A visit of an episode: its discipline defaults to the plan's; ytdAllowed is computed, never given. */
export interface EpisodeVisit extends Omit<Visit, "discipline" | "ytdAllowed"> {
  discipline?: Discipline;
  /** A progress report was written at this visit (it starts a new 10-treatment-day period). */
  progressReport?: boolean;
}

export interface Episode {
  planOfCare: PlanOfCare;
  /** Allowed amounts before the episode in the calendar year of its first visit, in dollars. */
  priorSpend?: { ptSlp?: number; ot?: number };
  /** Apply to every visit that does not give its own. */
  locality?: string;
  setting?: "nonfacility" | "facility";
  ruleSet?: RuleSet;
  options?: VisitOptions;
  /** In date order; at most 400. */
  visits: EpisodeVisit[];
}

export type AlertKind =
  "kx-threshold" | "medical-review" | "progress-report-due" | "recertification-due" | "rtm-window";

export interface Alert {
  /** 0-based index into the episode's visits. */
  visit: number;
  kind: AlertKind;
  message: string;
  /** The release's name (thresholds) and the rule's citation. */
  source: string;
}

/** One spend bucket against one threshold, in the calendar year of the episode's last visit. */
export interface BucketSummary {
  year: number;
  /** Dollars: that year's spend after the last visit (prior spend included in the first year). */
  spent: number;
  threshold: number | null;
  release: string | null;
  /** The first visit (0-based) of that year that took the bucket past the threshold. */
  crossedAtVisit: number | null;
}

export interface OkEpisodeResult {
  ok: true;
  /** One result per visit, as evaluate() gives it with the carried ytdAllowed. */
  visits: OkResult[];
  kx: { ptSlp: BucketSummary; ot: BucketSummary };
  review: { ptSlp: BucketSummary; ot: BucketSummary };
  alerts: Alert[];
  errors: [];
}

export interface ErrorEpisodeResult {
  ok: false;
  visits: [];
  kx: null;
  review: null;
  alerts: [];
  /** JSON pointers into the episode, e.g. "/visits/1/services/0/minutes". */
  errors: FieldError[];
}

export type EpisodeResult = OkEpisodeResult | ErrorEpisodeResult;

export interface Engine {
  evaluate(visit: Visit): Result;
  evaluateJson(visitJson: string): string;
  /** One plan of care's visits in date order, with the year-to-date spend carried between them. Never throws. */
  evaluateEpisode(episode: Episode): EpisodeResult;
  evaluateEpisodeJson(episodeJson: string): string;
  version(): string;
  dataVersions(): DataVersions;
  catalogue(): CatalogueEntry[];
  /** Did-you-mean for a code outside the catalogue ("97100" → ["97110"]): the catalogue codes one typing slip
   * away, the common codes first, at most three; [] when none is that close. The unknown-code error names the
   * first. */
  suggestCodes(code: string): string[];
  /** The payment localities in force on a date ("YYYY-MM-DD"; a bare year means its 1 July). Throws a TypeError
   * on anything else ("abc", "2026-02-30"). */
  localities(date: string | number): Locality[];
  /** The localities a place may mean on a date (default: today): a state, county or city ("Miami, FL",
   * "Travis County, TX", "Manhattan NY", "Texas") or a code. One is the answer, several a choice, [] nothing
   * found. A visit's `locality` takes the same places; one naming several localities is an error listing them.
   * Throws a TypeError on a bad date, as `localities` does. */
  findLocality(text: string, date?: string | number): Locality[];
  /**
   * CMS's files as downloaded (the RVU, MUE or NCCI PTP zips, or the csv/txt files inside them) in, a data pack
   * out: the tables of the catalogue's codes, as `unitwise import-cms` writes them. Files CMS ships beside its
   * tables (PDFs, spreadsheets) are left out and listed in `skipped`. Rejects with an Error whose `errors` lists
   * each problem (a zip cut short, a file of another kind, a table that cannot be whole).
   */
  importCms(files: CmsFileInput[], options?: ImportCmsOptions): Promise<ImportedPack>;
  /** Replaces the packs layered over the built-in data (`[]`: the built-in data alone). Throws like createEngine
   * on a refused pack, keeping the data it had. */
  setData(data: DataPack | DataPack[]): void;
  /** The size of the engine's wasm memory in bytes: it grows with the largest visit (at most 4 MiB) and never shrinks. */
  memoryBytes(): number;
  /**
   * The FHIR R4 Claim of a result and the visit it came from (docs/fhir.md): one item per billed line, the same
   * claim as `unitwise evaluate --fhir`. Never throws: a result that is not ok gives its errors back, and a bad
   * argument an error at "/result/...", "/visit/..." or "/options/...".
   */
  toFhirClaim(result: Result, visit: Visit, options?: FhirClaimOptions): FhirClaim | FhirClaimError;
}

/** A file for importCms: a browser File or Blob with a name, or its name and bytes (Node: fs.readFile's Buffer). */
export type CmsFileInput = (Blob & { name: string }) | { name: string; bytes: Uint8Array | ArrayBuffer };

export interface ImportCmsOptions {
  /** YYYY-MM-DD: the date from which every table of the pack is in force, instead of the date CMS states. */
  effective?: string;
}

export interface ImportedPack {
  /** The pack's name, from the releases it holds. */
  name: string;
  /** The pack, ready for createEngine({ data }) or setData(). */
  pack: DataPack;
  /** One line per file imported: what it was recognised as, the rows kept and the release. */
  notes: string[];
  /** The files left out ("rvu27a.zip: RVU27A.pdf (not a CMS table)"). */
  skipped: string[];
}

export interface EngineOptions {
  /** unitwise.wasm compiled (WebAssembly.compileStreaming, or a Module posted by another thread): only instantiated.
   * Functions the other thread has run are compiled already here too: V8 shares a Module's code between threads. */
  wasmModule?: WebAssembly.Module;
  /** The bytes of unitwise.wasm (Node, workers, strict hosts). */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** Where the browser should fetch unitwise.wasm from (bundlers, CDNs). */
  locateFile?: (name: string) => string;
  /** Data packs layered over the built-in data; from its effective dates on, a pack wins. A bad pack rejects
   * createEngine with an Error whose `errors` lists each problem ("rvu-2027-01-01.csv line 3: ..."). */
  data?: DataPack | DataPack[];
}

export function createEngine(options?: EngineOptions): Promise<Engine>;

/** Node only: reads a pack folder written by `unitwise import-cms --out DIR` into a DataPack. */
export function readDataPack(dir: string): Promise<DataPack>;
