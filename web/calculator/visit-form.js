// The visit form: reads a visit object from the inputs, fills the inputs from a visit, and shows the
// engine's field errors next to the input its JSON pointer names.
import { $, el } from "../lib/dom.js";
import { placeName, rememberLocality, stateName, versusNational } from "./locality.js";
import { catalogueCodes, codePicker, findCodes, suggestedCodes } from "./code-picker.js";
import { askPlan } from "./plan-question.js";
import { fillDiagnoses, pointersCell, typedDiagnoses, typedPointers } from "./diagnoses.js";
import { carryService, carryVisit, withServiceExtras, withVisitExtras } from "./link-extras.js";
import { nearCodes, parseServices } from "./shorthand.js";

const CUSTOM_PAYER_KEY = "unitwise.customPayer";
const DISTINCT = [
  ["", "not distinct"],
  ["XE", "XE separate encounter"],
  ["XS", "XS separate structure"],
  ["XP", "XP separate practitioner"],
  ["XU", "XU unusual non-overlapping"],
  ["59", "59 distinct service"],
];
let rowSerial = 0;
let localities = [];
/** @type {(text: string) => any[]} */
let findLocalities = () => [];
let lastLocality = "national";
/** @type {{ text: string | null, list: any[] | null, matches: any[] }} */
let found = { text: null, list: null, matches: [] };

const titled = (text) => text.toLowerCase().replace(/(^|[\s,;(/-])[a-z]/g, (c) => c.toUpperCase());
/** The localities in force for the visit's date, and the engine's place lookup over them. */
export function setLocalities(list, find) {
  localities = list;
  findLocalities = find;
  $("localities").replaceChildren(
    ...list.map((l) =>
      el("option", {
        value: placeName(l),
        label: l.id === "national" ? "No adjustment" : titled(`${stateName(l.state, list)}: ${l.counties}`),
      }),
    ),
  );
  // A visit filled in before the list arrived (the engine still loading) shows its locality's name once known.
  const place = list.find((l) => l.id === $("locality").value);
  if (place && $("locality") !== document.activeElement) $("locality").value = placeName(place);
}

// The locality as the engine wants it: the id of the one locality the text names (an id, a name, a county,
// a city: the engine's findLocality); while the field is being typed in and names none yet, the last one found, so the
// figures do not break at each letter; otherwise the text as typed, which the engine then says is wrong.
function localityId(text) {
  if (found.text !== text || found.list !== localities)
    found = { text, list: localities, matches: findLocalities(text) };
  if (found.matches.length === 1) {
    lastLocality = found.matches[0].id;
    rememberLocality(lastLocality);
    return lastLocality;
  }
  return $("locality") === document.activeElement ? lastLocality : text.trim();
}

// Beside the field: which locality the text found, and how its fee differs from the national rate.
export function showLocality(vsNational) {
  const { matches } = found;
  const text = found.text ?? "";
  const one = matches.length === 1 && matches[0].id !== "national" ? matches[0] : null;
  const state =
    matches.length > 1 && matches.every((l) => l.state === matches[0].state)
      ? stateName(matches[0].state, localities)
      : "";
  // The field may already show the name (a link, a pick from the list): then only the difference is news.
  const same = one && placeName(one).toLowerCase() === text.trim().toLowerCase();
  $("locality-note").textContent = one
    ? same && vsNational == null
      ? ""
      : `${same ? "Fee" : placeName(one)}${versusNational(vsNational)}.`
    : matches.length > 1
      ? `${state ? titled(state) : "Several localities"} ${state ? "has" : "match"} ${matches.length} localities: pick one from the list.`
      : matches.length || !text.trim()
        ? ""
        : `No locality found for “${text.trim()}”: type a state, county or city (“Travis County, TX”), or pick from the list.`;
}

function serviceRow(service, onChange) {
  const id = `row-${rowSerial++}`;
  const number = (cls, value) =>
    el("input", {
      id: `${id}-${cls}`,
      class: cls,
      type: "number",
      min: 0,
      max: 1440,
      step: 1,
      inputmode: "numeric",
      value: value ?? "",
    });
  const discipline = el(
    "select",
    { id: `${id}-plan`, class: "row-discipline" },
    el("option", { value: "" }, "Visit’s"),
    ...["PT", "OT", "SLP"].map((d) => el("option", { value: d }, d)),
  );
  discipline.value = service.discipline ?? "";
  const picker = codePicker(`${id}-code`, service.code);
  const cell = (label, control, inputId = control.id) =>
    el("div", { class: "cell" }, el("label", { for: inputId }, label), control);
  const remove = el("button", { type: "button", class: "remove", "aria-label": "Remove this service" }, "Remove");
  // An ABN for this service (GA), and a distinct service the record supports: offered on rows an edit touches.
  const abn = el("input", { type: "checkbox", id: `${id}-abn`, class: "abn" });
  abn.checked = service.abn === true;
  const distinct = el(
    "select",
    { id: `${id}-distinct`, class: "distinct" },
    ...DISTINCT.map(([value, text]) => el("option", { value }, text)),
  );
  distinct.value = service.distinctService ?? "";
  const distinctCell = el(
    "label",
    { class: "distinct-cell", for: `${id}-distinct` },
    "Distinct service (record shows it) ",
    distinct,
  );
  distinctCell.hidden = !service.distinctService;
  const extras = el(
    "div",
    { class: "extras" },
    el("label", { for: `${id}-abn` }, abn, " ABN given (GA)"),
    distinctCell,
    pointersCell(id, service),
  );
  const node = el(
    "div",
    { class: "service", role: "listitem" },
    cell("Code", picker, `${id}-code`),
    cell("Minutes", number("minutes", service.minutes)),
    cell("Assistant alone", number("assistant", service.assistantMinutes)),
    cell("Plan", discipline),
    remove,
    extras,
  );
  extras.append(carryService(node, service) ?? "");
  picker.firstChild.addEventListener("paste", (e) => pasteServices(e, node, onChange));
  remove.addEventListener("click", () => {
    // Focus stays in the list: on the next row's code, or the previous one's, or the add button.
    const next = node.nextElementSibling ?? node.previousElementSibling;
    node.remove();
    (next?.querySelector("input.code") ?? $("add-service")).focus();
    onChange();
  });
  return node;
}

// "TherEx 33, manual 7, NMR 15" pasted into a code fills one row per service. Rows that hold data are kept
// (the new ones go after them), and one click undoes the paste.
function pasteServices(e, node, onChange) {
  const services = parseServices(e.clipboardData.getData("text"), catalogueCodes());
  if (!services || (services.length === 1 && services[0].minutes === undefined)) return;
  e.preventDefault();
  const blank = ![...node.querySelectorAll("input:not([type=checkbox])")].some((input) => input.value.trim());
  const added = services.slice(blank ? 1 : 0).map((s) => serviceRow(s, onChange));
  node.after(...added);
  if (blank) {
    node.querySelector("input.code").value = services[0].code;
    node.querySelector("input.minutes").value = services[0].minutes ?? "";
  }
  let note = $("paste-note");
  if (!note) {
    note = el("p", { id: "paste-note", class: "hint", role: "status" });
    $("service-rows").after(note);
  }
  const undo = el(
    "button",
    {
      type: "button",
      class: "link",
      onclick: () => {
        added.forEach((row) => row.remove());
        if (blank) for (const input of node.querySelectorAll("input.code, input.minutes")) input.value = "";
        note.replaceChildren("Paste undone.");
        node.querySelector("input.code").focus();
        onChange();
      },
    },
    "Undo",
  );
  note.replaceChildren(
    `Filled ${services.length} ${services.length === 1 ? "service" : "services"} from the pasted text. `,
    undo,
  );
  onChange();
}

export function addService(service, onChange, focus = false) {
  const node = serviceRow(service, onChange);
  $("service-rows").append(node);
  if (focus) node.querySelector("input.code").focus();
}

const numberOrNothing = (text) => (text.trim() === "" ? undefined : Number(text));
const dollars = (id) => numberOrNothing($(id).value) ?? 0;

// The visit as the engine reads it, and the form rows its services came from (error paths index these).
// Empty inputs are left out, not guessed; a row still blank is skipped so adding one does not blank the result.
// Rows held back (a plan question unanswered, a code still being typed) are kept in the visit (the link and
// this browser keep them) but left out of send, the visit to evaluate; held says why each was left out.
/** @param {import("../unitwise/index.js").VisitOptions} [options] */
export function readVisit(options = {}) {
  const every = [...document.querySelectorAll("#service-rows .service")];
  nameRows(every);
  const held = [];
  const rows = [];
  const filled = every.filter((row) => {
    const asks = askPlan(row, $("discipline").value);
    if (
      ![...row.querySelectorAll("input:not([type=checkbox])")].some(
        (input) => /** @type {HTMLInputElement} */ (input).value.trim() !== "",
      )
    )
      return false;
    if (asks) held.push("plan");
    else if (stillTyping(row.querySelector("input.code"))) held.push("typing");
    else rows.push(row);
    return true;
  });
  const services = filled.map((row) => {
    const input = (selector) => /** @type {HTMLInputElement} */ (row.querySelector(selector));
    const select = (selector) => /** @type {HTMLSelectElement} */ (row.querySelector(selector));
    const s = { code: input("input.code").value.trim() };
    const minutes = numberOrNothing(input("input.minutes").value);
    const assistant = numberOrNothing(input("input.assistant").value);
    const discipline = select("select.row-discipline").value;
    if (minutes !== undefined) s.minutes = minutes;
    if (assistant) s.assistantMinutes = assistant;
    if (discipline) s.discipline = discipline;
    if (input("input.abn").checked) s.abn = true;
    const distinct = select("select.distinct").value;
    if (distinct) s.distinctService = distinct;
    const pointers = typedPointers(row);
    if (pointers) s.diagnosisPointers = pointers;
    return withServiceExtras(row, s);
  });
  let visit = {
    dateOfService: $("dateOfService").value,
    discipline: $("discipline").value,
    locality: localityId($("locality").value),
    setting: $("setting").value,
    ytdAllowed: { PT_SLP: dollars("ytd-pt-slp"), OT: dollars("ytd-ot") },
    deductibleRemaining: dollars("deductible"),
    services,
  };
  const diagnoses = typedDiagnoses();
  if (diagnoses) visit.diagnoses = diagnoses;
  // Medicare is the default payer: its visits stay as plain as before. Another payer's profile sets the unit rule.
  const payer = $("payer").value;
  $("ruleSet").disabled = payer !== "medicare";
  $("custom-payer").hidden = payer !== "custom";
  if (payer === "medicare") visit.ruleSet = $("ruleSet").value;
  else if (payer === "custom") visit.payer = customPayer();
  else visit.payer = payer;
  if ($("placeOfService").value !== "11") visit.placeOfService = $("placeOfService").value;
  // Options only when they differ from the engine's defaults, so plain visits stay plain.
  const all = { ...options };
  if ($("pooling").value !== "per_discipline") all.pooling = $("pooling").value;
  if ($("deMinimisBase").value !== "fifteen") all.deMinimisBase = $("deMinimisBase").value;
  if ($("qualifyingApm").checked) all.qualifyingApm = true;
  if (Object.keys(all).length) visit.options = all;
  visit = withVisitExtras(visit);
  return { visit, send: { ...visit, services: services.filter((_, i) => rows.includes(filled[i])) }, rows, held };
}

// A code being typed that can still become one ("971", "ther") is neither an error nor part of the result yet.
const stillTyping = (input) => input === document.activeElement && halfTyped(input);

// A code field's text that is not a code but can still become one: leaving the field makes it count (an error with
// offers), so leaving it redraws; leaving any other code field changes nothing.
export function halfTyped(input) {
  const text = input.value.trim();
  return text !== "" && !catalogueCodes().includes(text.toUpperCase()) && findCodes(text, 1).length > 0;
}

// Screen readers hear which row a field belongs to ("Code, service 2"); renumbered when rows come and go.
const ROW_NAMES = [
  ["input.code", "Code"],
  ["input.minutes", "Minutes"],
  ["input.assistant", "Assistant alone"],
  ["select.row-discipline", "Plan"],
  ["input.abn", "ABN given (GA)"],
  ["select.distinct", "Distinct service"],
];
function nameRows(rows) {
  rows.forEach((row, i) => {
    if (row.dataset.n === String(i + 1)) return;
    row.dataset.n = i + 1;
    for (const [selector, name] of ROW_NAMES)
      row.querySelector(selector).setAttribute("aria-label", `${name}, service ${i + 1}`);
    row.querySelector("button.remove").setAttribute("aria-label", `Remove service ${i + 1}`);
  });
}

// The custom plan as typed (kept in this browser). Text that is not JSON goes to the engine as a string, and
// the engine's error for /payer says what to give; nothing is guessed.
function customPayer() {
  const text = $("payer-profile").value;
  localStorage.setItem(CUSTOM_PAYER_KEY, text);
  try {
    return JSON.parse(text || "{}");
  } catch {
    // By code point: a cut surrogate pair would make the visit itself invalid JSON to the engine.
    return `custom plan that is not valid JSON: ${Array.from(text).slice(0, 40).join("")}`;
  }
}

// The distinct-service choice shows on rows whose code is the column-2 code of an NCCI edit a modifier can bypass.
export function showDistinctChoices(result, rows) {
  const codes = new Set(
    (result.edits ?? []).filter((e) => e.kind === "ncci" && e.modifierAllowed).map((e) => e.column2),
  );
  for (const row of rows) {
    const cell = row.querySelector(".distinct-cell");
    cell.hidden =
      !codes.has(row.querySelector("input.code").value.trim().toUpperCase()) &&
      !row.querySelector("select.distinct").value;
  }
}

export function fillForm(visit, onChange) {
  carryVisit(visit);
  fillDiagnoses(visit);
  $("ruleSet").value = visit.ruleSet ?? "cms";
  const payer = visit.payer ?? "medicare";
  // A payer this page does not know (a link from another version, a typo) stays that payer: the engine names it
  // as an error, rather than the visit being priced with this browser's custom plan (issue 29 item 5).
  $("payer").querySelector("option.unknown")?.remove();
  if (typeof payer === "string" && ![...$("payer").options].some((o) => o.value === payer)) {
    $("payer").append(el("option", { value: payer, class: "unknown" }, `"${payer}": not a payer this page knows`));
  }
  $("payer").value = typeof payer === "string" ? payer : "custom";
  $("payer-profile").value =
    typeof payer === "object" ? JSON.stringify(payer, null, 2) : (localStorage.getItem(CUSTOM_PAYER_KEY) ?? "");
  $("custom-payer").hidden = $("payer").value !== "custom";
  $("ruleSet").disabled = $("payer").value !== "medicare";
  $("placeOfService").value = visit.placeOfService ?? "11";
  $("dateOfService").value = visit.dateOfService ?? "";
  $("discipline").value = visit.discipline ?? "PT";
  lastLocality = visit.locality ?? "national";
  const place = localities.find((l) => l.id === lastLocality);
  $("locality").value = place ? placeName(place) : lastLocality;
  $("setting").value = visit.setting ?? "nonfacility";
  $("ytd-pt-slp").value = visit.ytdAllowed?.PT_SLP || "";
  $("ytd-ot").value = visit.ytdAllowed?.OT || "";
  $("deductible").value = visit.deductibleRemaining || "";
  $("money").open = Boolean(visit.ytdAllowed?.PT_SLP || visit.ytdAllowed?.OT || visit.deductibleRemaining);
  $("pooling").value = visit.options?.pooling ?? "per_discipline";
  $("deMinimisBase").value = visit.options?.deMinimisBase ?? "fifteen";
  $("qualifyingApm").checked = visit.options?.qualifyingApm === true;
  $("rule-options").open = Boolean(
    visit.options?.pooling || visit.options?.deMinimisBase || visit.options?.qualifyingApm,
  );
  $("service-rows").replaceChildren();
  for (const s of Array.isArray(visit.services) ? visit.services : []) addService(s, onChange);
}

// Maps "/services/1/minutes" to the minutes input of the second row read; other paths to their field.
function inputFor(path, rows) {
  const m = /^\/services\/(\d+)(?:\/(\w+))?/.exec(path);
  if (m) {
    const field = {
      minutes: "input.minutes",
      assistantMinutes: "input.assistant",
      discipline: "select.row-discipline",
      abn: "input.abn",
      distinctService: "select.distinct",
      diagnosisPointers: "input.pointers",
    };
    return rows[Number(m[1])]?.querySelector(field[m[2]] ?? "input.code");
  }
  // A custom plan's errors (/payer, /payer/dailyUnitCap/PT, ...) belong to the text it was typed in.
  if (/^\/payer(\/|$)/.test(path) && $("payer").value === "custom") return $("payer-profile");
  if (/^\/diagnoses(\/|$)/.test(path)) return $("diagnoses");
  return (
    document.querySelector(`[data-path="${CSS.escape(path)}"]`) ??
    document.querySelector(`[data-path^="${CSS.escape(path)}/"]`)
  );
}

// "Did you mean 97110?": each offer a button; the typed code stays until one is pressed.
const didYouMean = (input, codes) =>
  el(
    "span",
    { class: "did-you-mean" },
    " Did you mean ",
    codes.map((code, i) => [
      i ? (i === codes.length - 1 ? " or " : ", ") : "",
      el(
        "button",
        {
          type: "button",
          class: "link",
          id: `${input.id}-near-${code}`,
          onmousedown: (e) => e.preventDefault(),
          onclick: () => {
            input.value = code;
            input.focus();
            input.dispatchEvent(new Event("input", { bubbles: true }));
          },
        },
        code,
      ),
    ]),
    "?",
  );

export function showErrors(errors, rows) {
  const focused = document.activeElement?.closest(".did-you-mean") ? document.activeElement.id : "";
  for (const node of document.querySelectorAll("#visit-form [aria-invalid]")) {
    node.removeAttribute("aria-invalid");
    node.removeAttribute("aria-describedby");
  }
  for (const node of document.querySelectorAll(".field-message")) node.remove();
  const loose = [];
  errors.forEach((error, i) => {
    const input = inputFor(error.path, rows);
    if (!input) {
      loose.push(error.message);
      return;
    }
    const id = `error-${i}`;
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", id);
    const near = /^\/services\/\d+\/code$/.test(error.path)
      ? nearCodes(input.value, catalogueCodes(), suggestedCodes)
      : [];
    const message = el(
      "span",
      { class: "field-message", id },
      error.message,
      near.length ? didYouMean(input, near) : null,
    );
    if (input.closest(".cell"))
      input.closest(".cell").append(message); // inside its grid cell
    else (input.closest("label") ?? input).after(message);
  });
  $("form-error").textContent = loose.join(" ");
  if (focused) document.getElementById(focused)?.focus(); // a keyboard user keeps the offer they tabbed to
}
