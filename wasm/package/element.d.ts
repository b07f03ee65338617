// Types of unitwise/element: importing it registers <unitwise-visit>.
import type { DataPack, Engine, FhirClaim, FhirClaimError, FhirClaimOptions, Result, Service, Visit } from "./index.js";

/**
 * <unitwise-visit>: evaluates `visit` (or the attributes date-of-service, discipline, services, locality,
 * rule-set, setting) and shows claim lines, modifiers, edits and fee. Fires `unitwise-result` with the result.
 * Parts: result, status, errors, error, lines, caption, header, lines-body, line, code, units, modifiers, allowed,
 * edits, edit, edit-error, edit-warning, warnings, warning, fee.
 */
export class UnitwiseVisitElement extends HTMLElement {
  static observedAttributes: string[];
  /** The visit to evaluate; null builds it from the attributes. */
  get visit(): Visit | null;
  set visit(visit: Visit | null);
  /**
   * Data packs over the built-in data (later packs win), e.g. the `pack` of engine.importCms or a pack exported
   * from the unitwise page. The element then evaluates with an engine of its own holding them (elements given the
   * same value share one); null (the default) uses the engine shared by every element. A refused pack fires
   * `unitwise-error` with `{ message, errors }`.
   */
  get data(): DataPack | DataPack[] | null;
  set data(data: DataPack | DataPack[] | null);
  /** The last result, or null before the first. Its non-enumerable `claim` is the FHIR claim. */
  get result(): ResultWithClaim | null;
  /** The FHIR R4 Claim of the last result (engine.toFhirClaim), or null when the visit was not valid. */
  get claim(): FhirClaim | FhirClaimError | null;
  /** Patient, provider, insurance and created for the claim; null: the placeholders (docs/fhir.md). */
  get claimOptions(): FhirClaimOptions | null;
  set claimOptions(options: FhirClaimOptions | null);
  connectedCallback(): void;
  attributeChangedCallback(): void;
}

/** Use this engine (or engine promise) for every <unitwise-visit> instead of loading the default one. */
export function setEngine(engine: Engine | Promise<Engine>): void;

/** Reads a `services` attribute: "97110:30 97140:15 97161" (code[:minutes[:assistantMinutes]]). */
export function parseServices(text: string | null | undefined): Service[];

/** The result, with its FHIR claim as a non-enumerable member (null when the visit was not valid). */
export type ResultWithClaim = Result & { readonly claim: FhirClaim | FhirClaimError | null };
export type UnitwiseResultEvent = CustomEvent<ResultWithClaim>;
/** The engine could not load, or (with `errors`, one problem a line) the element's data packs were refused. */
export type UnitwiseErrorEvent = CustomEvent<{ message: string; errors?: string[] }>;

declare global {
  interface HTMLElementTagNameMap {
    "unitwise-visit": UnitwiseVisitElement;
  }
  interface HTMLElementEventMap {
    "unitwise-result": UnitwiseResultEvent;
    "unitwise-error": UnitwiseErrorEvent;
  }
}
