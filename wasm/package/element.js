// <unitwise-visit>: a custom element that evaluates a visit and shows its claim lines, modifiers, edits and fee.
// `import "unitwise/element"` registers it. No inline style or script: its styles are a constructable stylesheet,
// its DOM is built node by node (no innerHTML), so it runs under a strict CSP.
import { createEngine } from "./index.js";

let engine;
const loadEngine = () => (engine ??= createEngine());

// Engines with data packs over the built-in data (an element's `data`), one per value given: elements handed the
// same pack or array share one engine. Keyed weakly, so an engine goes when its packs are no longer held.
const withData = new WeakMap();
function engineFor(data) {
  if (data === null) return loadEngine();
  if (!withData.has(data)) withData.set(data, createEngine({ data }));
  return withData.get(data);
}

/** Use this engine (or engine promise) for every <unitwise-visit> instead of loading the default one. */
export function setEngine(engineOrPromise) {
  engine = Promise.resolve(engineOrPromise);
}

const CSS = `
:host { display: block; }
:host([hidden]) { display: none; }
[hidden] { display: none !important; }
table { border-collapse: collapse; margin: 0.5em 0; }
caption { text-align: start; font-weight: 600; padding-block-end: 0.25em; }
th, td { text-align: start; padding: 0.25em 0.75em 0.25em 0; border-block-end: 1px solid currentColor; }
td.number, th.number { text-align: end; font-variant-numeric: tabular-nums; }
ul { margin: 0.5em 0; padding-inline-start: 1.25em; }
.severity { font-weight: 600; }
p { margin: 0.5em 0; }
`;
let sheet;
function styles() {
  if (!sheet && typeof CSSStyleSheet === "function" && "replaceSync" in CSSStyleSheet.prototype) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet ? [sheet] : [];
}

// A node with attributes and children; text children become text nodes.
function h(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children.map((child) => (typeof child === "string" ? document.createTextNode(child) : child)));
  return node;
}
const dollars = (amount) => `$${amount.toFixed(2)}`;

/**
 * Reads the `services` attribute: "97110:30 97140:15 97161" — code, or code:minutes, or
 * code:minutes:assistantMinutes, separated by spaces or commas. A value that is not a number is passed on as
 * text, so the engine names the field.
 */
export function parseServices(text) {
  return String(text ?? "")
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((token) => {
      const [code, minutes, assistantMinutes] = token.split(":");
      const service = { code };
      const number = (value) => (value !== "" && Number.isFinite(Number(value)) ? Number(value) : value);
      if (minutes !== undefined) service.minutes = number(minutes);
      if (assistantMinutes !== undefined) service.assistantMinutes = number(assistantMinutes);
      return service;
    });
}

const ATTRIBUTES = {
  "date-of-service": "dateOfService",
  discipline: "discipline",
  locality: "locality",
  "rule-set": "ruleSet",
  setting: "setting",
};

export class UnitwiseVisitElement extends HTMLElement {
  static observedAttributes = [...Object.keys(ATTRIBUTES), "services"];

  /** @type {import("./index.js").Visit | null} */
  #visit = null;
  /** @type {import("./index.js").DataPack | import("./index.js").DataPack[] | null} */
  #data = null;
  /** @type {import("./element.js").ResultWithClaim | null} */
  #result = null;
  /** @type {import("./index.js").FhirClaimOptions | null} */
  #claimOptions = null;
  #scheduled = false;
  #parts;

  constructor() {
    super();
    const root = this.attachShadow({ mode: "open" });
    root.adoptedStyleSheets = styles();
    const p = (this.#parts = {
      status: h("p", { part: "status", role: "status" }, "Loading the coding engine…"),
      body: h("tbody", { part: "lines-body" }),
      errors: h("ul", { part: "errors", "aria-label": "Problems with the visit" }),
      edits: h("ul", { part: "edits", "aria-label": "Edits" }),
      warnings: h("ul", { part: "warnings", "aria-label": "Warnings" }),
      fee: h("p", { part: "fee" }),
    });
    const head = h(
      "tr",
      {},
      ...["Code", "Units", "Modifiers", "Allowed"].map((name, i) =>
        h("th", { scope: "col", part: "header", ...(i === 1 || i === 3 ? { class: "number" } : {}) }, name),
      ),
    );
    p.table = h(
      "table",
      { part: "lines" },
      h("caption", { part: "caption" }, "Claim lines"),
      h("thead", {}, head),
      p.body,
    );
    p.section = h(
      "section",
      { part: "result", "aria-label": "Therapy coding", "aria-busy": "true" },
      p.status,
      p.errors,
      p.table,
      p.edits,
      p.warnings,
      p.fee,
    );
    for (const node of [p.errors, p.table, p.edits, p.warnings, p.fee]) node.hidden = true;
    root.append(p.section);
  }

  /** The visit to evaluate: set an object, or leave unset to build it from the attributes. */
  get visit() {
    return this.#visit ?? this.#visitFromAttributes();
  }

  set visit(visit) {
    this.#visit = visit ?? null;
    this.#schedule();
  }

  /**
   * Data packs (DataPack or an array of them, later ones winning; docs/data.md) over the built-in data, e.g. a
   * pack from engine.importCms or one a user exported from the unitwise page. The element evaluates with an engine
   * of its own holding them (elements given the same value share it); null goes back to the shared engine.
   * A pack the engine refuses fires unitwise-error with { message, errors }.
   */
  get data() {
    return this.#data;
  }

  set data(data) {
    if (data !== null && data !== undefined && typeof data !== "object") {
      throw new TypeError("unitwise-visit: data must be a data pack (file name → text), an array of them, or null");
    }
    this.#data = data ?? null;
    this.#schedule();
  }

  /** The last result, or null before the first. */
  get result() {
    return this.#result;
  }

  /** The FHIR R4 Claim of the last result (engine.toFhirClaim, docs/fhir.md), or null when there is none. */
  get claim() {
    return this.#result?.claim ?? null;
  }

  /** { patient, provider, insurance, created } for the claim (engine.toFhirClaim's options); null: placeholders. */
  get claimOptions() {
    return this.#claimOptions;
  }

  set claimOptions(options) {
    this.#claimOptions = options ?? null;
    this.#schedule();
  }

  connectedCallback() {
    // A `visit` or `data` set on the element before this module defined it is an own property: take it over.
    for (const name of ["data", "claimOptions", "visit"]) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
    this.#schedule();
  }

  attributeChangedCallback() {
    if (!this.#visit) this.#schedule();
  }

  // Typed a Visit though an attribute may be missing: the engine names a missing field, as for any visit given.
  /** @returns {import("./index.js").Visit | null} */
  #visitFromAttributes() {
    if (!this.hasAttribute("services") && !this.hasAttribute("date-of-service")) return null;
    const visit = /** @type {import("./index.js").Visit} */ ({});
    for (const [attribute, key] of Object.entries(ATTRIBUTES)) {
      if (this.hasAttribute(attribute)) visit[key] = this.getAttribute(attribute);
    }
    visit.services = parseServices(this.getAttribute("services"));
    return visit;
  }

  // Changes in one task (several attributes, then a visit) make one evaluation.
  #schedule() {
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => this.#update());
  }

  async #update() {
    let loaded;
    const data = this.#data;
    try {
      loaded = await engineFor(data);
    } catch (error) {
      this.#scheduled = false;
      if (data !== this.#data) return this.#schedule(); // other packs were given meanwhile
      const errors = Array.isArray(error?.errors) ? error.errors : null;
      this.#parts.status.textContent = errors
        ? `The data packs given to this element were refused: ${errors.join("; ")}`
        : `The coding engine could not load: ${error?.message ?? error}`;
      this.#parts.section.setAttribute("aria-busy", "false");
      for (const node of [
        this.#parts.errors,
        this.#parts.table,
        this.#parts.edits,
        this.#parts.warnings,
        this.#parts.fee,
      ])
        node.hidden = true;
      this.#result = null;
      const detail = { message: String(error?.message ?? error), ...(errors ? { errors } : {}) };
      this.dispatchEvent(new CustomEvent("unitwise-error", { detail, bubbles: true, composed: true }));
      return;
    }
    this.#scheduled = false;
    if (data !== this.#data) return this.#schedule(); // other packs were given while this engine loaded
    const visit = this.visit;
    if (!this.isConnected) return;
    if (!visit) {
      this.#parts.status.textContent = "No visit to code yet.";
      this.#parts.section.setAttribute("aria-busy", "false");
      return;
    }
    const result = /** @type {import("./element.js").ResultWithClaim} */ (loaded.evaluate(visit));
    this.#result = result;
    // The claim rides on the result as a non-enumerable member (detail.claim, el.result.claim): the result's own
    // keys, and its JSON, stay the engine's. The same claim as `unitwise evaluate --fhir` gives for this visit.
    const claims = result.ok && typeof loaded.toFhirClaim === "function"; // an engine given by setEngine may lack it
    const claim = claims ? loaded.toFhirClaim(result, visit, this.#claimOptions ?? {}) : null;
    Object.defineProperty(result, "claim", { value: claim, enumerable: false });
    this.#render(result);
    this.dispatchEvent(new CustomEvent("unitwise-result", { detail: result, bubbles: true, composed: true }));
  }

  #render(result) {
    const p = this.#parts;
    p.section.setAttribute("aria-busy", "false");
    p.body.replaceChildren(
      ...result.lines.map((line) =>
        h(
          "tr",
          { part: "line" },
          h("td", { part: "code" }, line.code),
          h("td", { part: "units", class: "number" }, String(line.units)),
          h("td", { part: "modifiers" }, line.modifiers.join(" ")),
          h("td", { part: "allowed", class: "number" }, dollars(line.allowed)),
        ),
      ),
    );
    p.errors.replaceChildren(
      ...result.errors.map((error) =>
        h("li", { part: "error" }, error.path ? `${error.path}: ${error.message}` : error.message),
      ),
    );
    p.edits.replaceChildren(
      ...result.edits.map((edit) =>
        h(
          "li",
          { part: `edit edit-${edit.severity}` },
          h("span", { class: "severity" }, edit.severity === "error" ? "Denied as billed: " : "Needs a modifier: "),
          edit.message,
        ),
      ),
    );
    p.warnings.replaceChildren(...result.warnings.map((warning) => h("li", { part: "warning" }, warning.message)));
    if (result.ok) {
      const fee = result.fee;
      p.status.textContent =
        `${result.totalTimedUnits} timed ${result.totalTimedUnits === 1 ? "unit" : "units"} ` +
        `from ${result.totalTimedMinutes} timed minutes.`;
      p.fee.textContent =
        `Allowed ${dollars(fee.allowed)}; Medicare pays ${dollars(fee.medicarePays)}; ` +
        `the patient owes ${dollars(fee.patientOwes)} (${fee.localityName}, ${fee.year}).`;
    } else {
      p.status.textContent = `The visit cannot be coded: ${result.errors.length === 1 ? "1 problem" : `${result.errors.length} problems`}.`;
    }
    p.table.hidden = !result.ok;
    p.fee.hidden = !result.ok;
    p.errors.hidden = result.errors.length === 0;
    p.edits.hidden = result.edits.length === 0;
    p.warnings.hidden = result.warnings.length === 0;
  }
}

if (!customElements.get("unitwise-visit")) customElements.define("unitwise-visit", UnitwiseVisitElement);
