// Practice: a random visit, the student's units and modifiers per code, and an explanation of each
// mistake taken from the engine's own trace.
import { el } from "./dom.js";

const TIMED = ["97110", "97112", "97116", "97140", "97530", "97535", "97035"];

function randomVisit(today) {
  const pick = (list) => list[Math.floor(Math.random() * list.length)];
  const codes = [...new Set(Array.from({ length: 2 + Math.floor(Math.random() * 2) }, () => pick(TIMED)))];
  const services = codes.map((code) => {
    const minutes = 5 + Math.floor(Math.random() * 36);
    const s = { code, minutes };
    if (Math.random() < 0.25) s.assistantMinutes = Math.floor(Math.random() * (minutes + 1));
    return s;
  });
  return { dateOfService: today, discipline: "PT", services };
}

function answerKey(result) {
  const key = new Map();
  for (const line of result.lines) {
    const entry = key.get(line.code) ?? { units: 0, modifiers: new Set() };
    entry.units += line.units;
    if (line.units > 0) line.modifiers.forEach((m) => entry.modifiers.add(m));
    key.set(line.code, entry);
  }
  return key;
}

const sameSet = (a, b) => a.size === b.size && [...a].every((x) => b.has(x));

export function startPractice(engine, today) {
  const visitBox = document.getElementById("practice-visit");
  const form = document.getElementById("practice-form");
  const feedback = document.getElementById("practice-feedback");
  let visit;
  let result;

  const next = () => {
    do {
      visit = randomVisit(today);
      result = engine.evaluate(visit);
    } while (!result.ok);
    visitBox.replaceChildren(el("table", { class: "practice-visit" }, el("caption", {}, "Today's PT visit"),
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Code"), el("th", { scope: "col" }, "Minutes"), el("th", { scope: "col" }, "By the PTA alone"))),
      el("tbody", {}, ...visit.services.map((s) => el("tr", {}, el("td", {}, s.code), el("td", {}, s.minutes), el("td", {}, s.assistantMinutes ?? 0))))));
    form.replaceChildren(...visit.services.map((s) => el("fieldset", { class: "practice-answer", "data-code": s.code },
      el("legend", {}, s.code),
      el("label", {}, "Units ", el("input", { type: "number", min: 0, step: 1, class: "units", inputmode: "numeric" })),
      el("label", {}, "Modifiers ", el("input", { type: "text", class: "modifiers", placeholder: "GP CQ", spellcheck: "false" })))));
    feedback.replaceChildren();
    form.querySelector("input")?.focus();
  };

  const check = () => {
    const key = answerKey(result);
    let right = 0;
    const items = [...form.querySelectorAll(".practice-answer")].map((box) => {
      const code = box.dataset.code;
      const units = Number(box.querySelector(".units").value || 0);
      const modifiers = new Set(box.querySelector(".modifiers").value.toUpperCase().split(/[\s,]+/).filter(Boolean));
      const want = key.get(code);
      const unitsOk = units === want.units;
      const modifiersOk = want.units === 0 ? modifiers.size === 0 || sameSet(modifiers, want.modifiers) : sameSet(modifiers, want.modifiers);
      if (unitsOk && modifiersOk) {
        right++;
        return el("li", { class: "alert ok" }, `${code}: right (${want.units} unit${want.units === 1 ? "" : "s"}${want.modifiers.size ? `, ${[...want.modifiers].join(" ")}` : ""}).`);
      }
      const why = result.trace.filter((t) => t.code === code || (t.code === "" && /^cms-(8-minute|tie|below)/.test(t.rule)));
      return el("li", { class: "alert warning" },
        el("strong", {}, `${code}: `),
        unitsOk ? "" : `${want.units} unit${want.units === 1 ? "" : "s"}, not ${units}. `,
        modifiersOk ? "" : `Modifiers ${[...want.modifiers].join(" ") || "none"}, not ${[...modifiers].join(" ") || "none"}. `,
        el("ul", {}, ...why.map((t) => el("li", {}, t.text, " ", el("cite", {}, t.source)))));
    });
    feedback.replaceChildren(el("p", { class: "summary" }, `${right} of ${items.length} codes right.`), el("ul", { class: "alerts" }, ...items));
  };

  document.getElementById("practice-next").addEventListener("click", next);
  document.getElementById("practice-check").addEventListener("click", check);
  form.addEventListener("submit", (e) => { e.preventDefault(); check(); });
  next();
}
