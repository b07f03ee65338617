// Types of unitwise/element: importing it registers <unitwise-visit>.
import type { Engine, Result, Service, Visit } from "./index.js";

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
  /** The last result, or null before the first. */
  get result(): Result | null;
  connectedCallback(): void;
  attributeChangedCallback(): void;
}

/** Use this engine (or engine promise) for every <unitwise-visit> instead of loading the default one. */
export function setEngine(engine: Engine | Promise<Engine>): void;

/** Reads a `services` attribute: "97110:30 97140:15 97161" (code[:minutes[:assistantMinutes]]). */
export function parseServices(text: string | null | undefined): Service[];

export type UnitwiseResultEvent = CustomEvent<Result>;
export type UnitwiseErrorEvent = CustomEvent<{ message: string }>;

declare global {
  interface HTMLElementTagNameMap {
    "unitwise-visit": UnitwiseVisitElement;
  }
  interface HTMLElementEventMap {
    "unitwise-result": UnitwiseResultEvent;
    "unitwise-error": UnitwiseErrorEvent;
  }
}
