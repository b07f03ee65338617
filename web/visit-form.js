// The visit form: reads a visit object from the inputs, fills the inputs from a visit, and shows the
// engine's field errors next to the input its JSON pointer names.
import { el } from "./dom.js";

const $ = (id) => document.getElementById(id);
let catalogue = [];
let rowSerial = 0;

export function setCatalogue(entries) {
  catalogue = entries;
}

// Codes whose number starts with the text, or whose descriptor has every word typed ("gait" → 97116).
export function findCodes(text, limit = 8) {
  const query = text.trim().toLowerCase();
  if (!query) return [];
  const words = query.split(/\s+/);
  return catalogue
    .filter((c) => c.code.toLowerCase().startsWith(query) ||
                   words.every((w) => c.descriptor.toLowerCase().includes(w)))
    .slice(0, limit);
}

function codeCombobox(row, value, onChange) {
  const listId = `codes-${row}`;
  const input = el("input", {
    class: "code", value: value ?? "", role: "combobox", "aria-autocomplete": "list", "aria-expanded": "false",
    "aria-controls": listId, "aria-label": "Code", autocomplete: "off", spellcheck: "false",
    placeholder: "97110 or “gait”",
  });
  const list = el("ul", { id: listId, role: "listbox", class: "options", hidden: true, "aria-label": "Matching codes" });
  let active = -1;
  const options = () => [...list.children];
  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };
  const choose = (code) => {
    input.value = code;
    close();
    onChange();
  };
  const highlight = (i) => {
    options().forEach((o, k) => o.setAttribute("aria-selected", String(k === i)));
    active = i;
    if (i >= 0) input.setAttribute("aria-activedescendant", options()[i].id);
  };
  input.addEventListener("input", () => {
    const matches = findCodes(input.value);
    const exact = matches.length && matches[0].code === input.value.trim();
    list.replaceChildren(...matches.map((c, i) => el("li", {
      id: `${listId}-${i}`, role: "option", "aria-selected": "false", "data-code": c.code,
      onmousedown: (e) => { e.preventDefault(); choose(c.code); },
    }, el("strong", {}, c.code), " ", c.descriptor)));
    list.hidden = !matches.length || exact;
    input.setAttribute("aria-expanded", String(!list.hidden));
    active = -1;
    onChange();
  });
  input.addEventListener("keydown", (e) => {
    if (list.hidden) return;
    const n = options().length;
    if (e.key === "ArrowDown") highlight((active + 1) % n);
    else if (e.key === "ArrowUp") highlight((active - 1 + n) % n);
    else if (e.key === "Enter" || e.key === "Tab") {
      if (e.key === "Enter" || active >= 0) choose(options()[Math.max(active, 0)].dataset.code);
      if (e.key === "Tab") return;
    } else if (e.key === "Escape") close();
    else return;
    e.preventDefault();
  });
  input.addEventListener("blur", close);
  return el("span", { class: "combo" }, input, list);
}

function serviceRow(service, onChange) {
  const row = rowSerial++;
  const number = (cls, label, value) => el("input", {
    class: cls, type: "number", min: 0, max: 1440, step: 1, inputmode: "numeric", "aria-label": label,
    value: value ?? "",
  });
  const discipline = el("select", { class: "row-discipline", "aria-label": "Discipline of this service" },
    el("option", { value: "" }, "Visit’s"), ...["PT", "OT", "SLP"].map((d) => el("option", { value: d }, d)));
  discipline.value = service.discipline ?? "";
  const remove = el("button", { type: "button", class: "remove", "aria-label": "Remove this service" }, "Remove");
  const node = el("div", { class: "service", role: "listitem" },
    el("label", { class: "cell" }, el("span", { class: "cell-label" }, "Code"), codeCombobox(row, service.code, onChange)),
    el("label", { class: "cell" }, el("span", { class: "cell-label" }, "Minutes"), number("minutes", "Minutes", service.minutes)),
    el("label", { class: "cell" }, el("span", { class: "cell-label" }, "Assistant min"), number("assistant", "Assistant minutes (alone)", service.assistantMinutes)),
    el("label", { class: "cell" }, el("span", { class: "cell-label" }, "Plan"), discipline),
    remove);
  remove.addEventListener("click", () => {
    const next = node.nextElementSibling ?? node.previousElementSibling;
    node.remove();
    (next?.querySelector("input.code") ?? $("add-service")).focus();
    onChange();
  });
  return node;
}

export function addService(service, onChange, focus = false) {
  const node = serviceRow(service, onChange);
  $("service-rows").append(node);
  if (focus) node.querySelector("input.code").focus();
}

const numberOrText = (text) => (text.trim() === "" ? undefined : Number(text));
const dollars = (id) => {
  const v = $(id).value.trim();
  return v === "" ? 0 : Number(v);
};

// The visit as the engine reads it; empty inputs are left out, not guessed.
export function readVisit(options = {}) {
  const services = [...document.querySelectorAll("#service-rows .service")].map((row) => {
    const s = { code: row.querySelector("input.code").value.trim() };
    const minutes = numberOrText(row.querySelector("input.minutes").value);
    const assistant = numberOrText(row.querySelector("input.assistant").value);
    const discipline = row.querySelector("select.row-discipline").value;
    if (minutes !== undefined) s.minutes = minutes;
    if (assistant) s.assistantMinutes = assistant;
    if (discipline) s.discipline = discipline;
    return s;
  });
  const visit = {
    ruleSet: $("ruleSet").value,
    dateOfService: $("dateOfService").value,
    discipline: $("discipline").value,
    locality: $("locality").value.trim() || "national",
    setting: $("setting").value,
    ytdAllowed: { PT_SLP: dollars("ytd-pt-slp"), OT: dollars("ytd-ot") },
    deductibleRemaining: dollars("deductible"),
    services,
  };
  // Options only when they differ from the engine's defaults, so plain visits stay plain.
  const all = { ...options };
  if ($("pooling").value !== "per_discipline") all.pooling = $("pooling").value;
  if ($("deMinimisBase").value !== "fifteen") all.deMinimisBase = $("deMinimisBase").value;
  if ($("qualifyingApm").checked) all.qualifyingApm = true;
  if (Object.keys(all).length) visit.options = all;
  return visit;
}

export function fillForm(visit, onChange) {
  $("ruleSet").value = visit.ruleSet ?? "cms";
  $("dateOfService").value = visit.dateOfService ?? "";
  $("discipline").value = visit.discipline ?? "PT";
  $("locality").value = visit.locality ?? "national";
  $("setting").value = visit.setting ?? "nonfacility";
  $("ytd-pt-slp").value = visit.ytdAllowed?.PT_SLP || "";
  $("ytd-ot").value = visit.ytdAllowed?.OT || "";
  $("deductible").value = visit.deductibleRemaining || "";
  $("pooling").value = visit.options?.pooling ?? "per_discipline";
  $("deMinimisBase").value = visit.options?.deMinimisBase ?? "fifteen";
  $("qualifyingApm").checked = visit.options?.qualifyingApm === true;
  $("rule-options").open = Boolean(visit.options?.pooling || visit.options?.deMinimisBase || visit.options?.qualifyingApm);
  $("service-rows").replaceChildren();
  for (const s of Array.isArray(visit.services) ? visit.services : []) addService(s, onChange);
}

// Maps "/services/1/minutes" to the input of row 2; top-level paths to their field.
function inputFor(path) {
  const m = /^\/services\/(\d+)(?:\/(\w+))?/.exec(path);
  if (m) {
    const row = document.querySelectorAll("#service-rows .service")[Number(m[1])];
    if (!row) return $("add-service");
    const cls = { code: "input.code", minutes: "input.minutes", assistantMinutes: "input.assistant",
                  discipline: "select.row-discipline" }[m[2]] ?? "input.code";
    return row.querySelector(cls);
  }
  return document.querySelector(`[data-path="${CSS.escape(path)}"]`) ??
         document.querySelector(`[data-path^="${CSS.escape(path)}/"]`);
}

export function showErrors(errors) {
  for (const node of document.querySelectorAll("[aria-invalid]")) {
    node.removeAttribute("aria-invalid");
    node.removeAttribute("aria-describedby");
  }
  for (const node of document.querySelectorAll(".field-message")) node.remove();
  const loose = [];
  errors.forEach((error, i) => {
    const input = inputFor(error.path);
    if (!input || input.id === "add-service") {
      loose.push(error.message);
      return;
    }
    const id = `error-${i}`;
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", id);
    (input.closest("label") ?? input).after(el("span", { class: "field-message", id }, error.message));
  });
  $("form-error").textContent = loose.join(" ");
}
