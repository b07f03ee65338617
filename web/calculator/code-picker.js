// The code picker: a combobox (WAI-ARIA pattern) that finds a code by its number or by words of its
// descriptor ("gait" → 97116), from the engine's own catalogue.
import { el } from "../lib/dom.js";
import { shorthandCodes } from "./shorthand.js";

let catalogue = [];
let codes = [];

// The engine's catalogue, and its did-you-mean rule for codes outside it (engine.suggestCodes).
/** @type {(typed: string) => string[]} */
let suggest = () => [];
export function setCatalogue(entries, suggestCodes = suggest) {
  catalogue = entries;
  codes = entries.map((c) => c.code);
  suggest = suggestCodes;
}
export const suggestedCodes = (typed) => suggest(typed);

export const catalogueEntry = (code) => catalogue.find((c) => c.code === code);
export const catalogueCodes = () => codes;

// Codes a clinician's shorthand names ("ther ex", "NMR") first, then codes whose number starts with the
// text ("97 11" too), then codes whose descriptor holds every word typed.
export function findCodes(text, limit = 8) {
  const query = text.trim().toLowerCase();
  if (!query) return [];
  const words = query.split(/\s+/);
  const number = query.replace(/[\s-]/g, "");
  const found = new Set(shorthandCodes(query).map(catalogueEntry).filter(Boolean));
  for (const c of catalogue) if (c.code.toLowerCase().startsWith(number)) found.add(c);
  for (const c of catalogue) if (words.every((w) => c.descriptor.toLowerCase().includes(w))) found.add(c);
  return [...found].slice(0, limit);
}

// The input gets the id; onPick(entry) runs when a code is chosen or typed in full. A choice is announced
// as an "input" event, like typing, so the form's own listener sees every change.
export function codePicker(id, value, onPick) {
  const listId = `${id}-options`;
  const input = el("input", {
    id,
    class: "code",
    value: value ?? "",
    role: "combobox",
    "aria-autocomplete": "list",
    "aria-expanded": "false",
    "aria-controls": listId,
    autocomplete: "off",
    spellcheck: "false",
    placeholder: "97110 or “gait”",
  });
  const list = el("ul", {
    id: listId,
    role: "listbox",
    class: "options",
    hidden: true,
    "aria-label": "Matching codes",
  });
  let active = -1;
  let matches = [];
  const options = () => [...list.children];
  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };
  const choose = (entry) => {
    input.value = entry.code;
    input.dispatchEvent(new Event("input", { bubbles: true }));
  };
  const highlight = (i) => {
    options().forEach((o, k) => o.setAttribute("aria-selected", String(k === i)));
    active = i;
    input.setAttribute("aria-activedescendant", options()[i].id);
    options()[i].scrollIntoView({ block: "nearest" });
  };
  input.addEventListener("input", () => {
    matches = findCodes(input.value);
    list.replaceChildren(
      ...matches.map((c, i) =>
        el(
          "li",
          {
            id: `${listId}-${i}`,
            role: "option",
            "aria-selected": "false",
            onmousedown: (e) => {
              e.preventDefault();
              choose(c);
            }, // before blur closes the list
          },
          el("strong", {}, c.code),
          " ",
          c.descriptor,
        ),
      ),
    );
    // A code typed in full needs no list, and counts as picked.
    const exact = matches.find((c) => c.code === input.value.trim().toUpperCase());
    if (exact) onPick?.(exact);
    if (exact || !matches.length) {
      close();
      return;
    }
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  });
  input.addEventListener("keydown", (e) => {
    if (list.hidden) return;
    const n = options().length;
    if (e.key === "ArrowDown") highlight((active + 1) % n);
    else if (e.key === "ArrowUp") highlight((active - 1 + n) % n);
    else if (e.key === "Enter") choose(matches[Math.max(active, 0)]);
    else if (e.key === "Escape") close();
    else {
      // Tab keeps a highlighted choice and moves on, as in a native select.
      if (e.key === "Tab" && active >= 0) choose(matches[active]);
      return;
    }
    e.preventDefault();
  });
  input.addEventListener("blur", close);
  return el("span", { class: "combo" }, input, list);
}
