// Practice: a visit drawn from a numbered seed (the same number always gives the same visit, so a teacher
// can hand one out), the student's units and modifiers per code, and each mistake explained from the
// engine's own trace.
import { count, el, table, unitsByCode } from "./dom.js";
import { traceList } from "./explain-view.js";

const PLANS = {
  PT: { timed: ["97110", "97112", "97116", "97140", "97530", "97035"], evaluation: "97161", assistant: "PTA" },
  OT: { timed: ["97110", "97112", "97140", "97530", "97535"], evaluation: "97165", assistant: "OTA" },
};
const RULE_SETS = { cms: "Medicare (total time)", per_code: "a per-code payer" };

// mulberry32: a small seeded generator; Math.random cannot replay a visit.
function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function practiceVisit(seed, dateOfService) {
  const random = seededRandom(seed);
  const below = (n) => Math.floor(random() * n);
  const discipline = random() < 0.7 ? "PT" : "OT";
  const plan = PLANS[discipline];
  // Fisher–Yates, not sort() with a random comparator: the same seed must give the same visit in every browser.
  const codes = [...plan.timed];
  for (let i = codes.length - 1; i > 0; i--) {
    const j = below(i + 1);
    [codes[i], codes[j]] = [codes[j], codes[i]];
  }
  codes.length = 2 + below(2);
  const services = codes.map((code) => {
    const minutes = 3 + below(38);
    return random() < 0.25 ? { code, minutes, assistantMinutes: below(minutes + 1) } : { code, minutes };
  });
  if (random() < 0.2) services.unshift({ code: plan.evaluation });
  return { ruleSet: random() < 0.25 ? "per_code" : "cms", dateOfService, discipline, services };
}

// Per code: the units of all its lines, and the modifiers on the lines that bill units.
function answerKey(result) {
  const units = unitsByCode(result);
  const key = new Map([...units].map(([code, n]) => [code, { units: n, modifiers: new Set() }]));
  for (const line of result.lines) if (line.units) line.modifiers.forEach((m) => key.get(line.code).modifiers.add(m));
  return key;
}

const sameSet = (a, b) => a.size === b.size && [...a].every((x) => b.has(x));
const modifierText = (set) => [...set].join(" ") || "none";

export function startPractice(engine, dateOfService) {
  const $ = (id) => document.getElementById(id);
  const form = $("practice-form");
  const answers = $("practice-answers");
  let visit;
  let result;

  const show = (seed) => {
    visit = practiceVisit(seed, dateOfService);
    result = engine.evaluate(visit);
    const plan = PLANS[visit.discipline];
    $("practice-seed").value = seed;
    $("practice-visit").replaceChildren(table("practice-visit",
      `Visit ${seed}: ${visit.discipline} plan of care, billed to ${RULE_SETS[visit.ruleSet]}`,
      ["Code", "Minutes", `Of which the ${plan.assistant} alone`],
      visit.services.map((s) => [s.code, s.minutes ?? "untimed", s.assistantMinutes ?? 0])));
    answers.replaceChildren(...visit.services.map((s, i) => el("fieldset", { class: "practice-answer", "data-code": s.code },
      el("legend", {}, s.code),
      el("label", { for: `answer-units-${i}` }, "Units"),
      el("input", { id: `answer-units-${i}`, type: "number", min: 0, step: 1, class: "units", inputmode: "numeric" }),
      el("label", { for: `answer-modifiers-${i}` }, "Modifiers"),
      el("input", { id: `answer-modifiers-${i}`, class: "modifiers", placeholder: "GP CQ", spellcheck: "false", autocomplete: "off" }))));
    $("practice-feedback").replaceChildren();
  };

  // The trace entries a student needs for one code: its units and modifiers, and for a timed code the pool's.
  const why = (code) => {
    const timed = visit.services.some((s) => s.code === code && s.minutes !== undefined);
    return result.trace.filter((t) => (t.code === code || (t.code === "" && timed)) &&
                                      ["units", "modifiers"].includes(t.topic));
  };

  const check = () => {
    if (!result.ok) return;
    const key = answerKey(result);
    const items = [...answers.querySelectorAll(".practice-answer")].map((box) => {
      const code = box.dataset.code;
      const want = key.get(code);
      const units = Number(box.querySelector(".units").value || 0);
      const modifiers = new Set(box.querySelector(".modifiers").value.toUpperCase().split(/[\s,]+/).filter(Boolean));
      const unitsOk = units === want.units;
      // A code with no units goes on no claim line, so any modifiers typed for it are beside the point.
      const modifiersOk = want.units === 0 || sameSet(modifiers, want.modifiers);
      if (unitsOk && modifiersOk) {
        return el("li", { class: "alert ok" }, el("strong", {}, `${code}: right`),
          ` (${count(want.units, "unit")}${want.units ? `, ${modifierText(want.modifiers)}` : ""}).`);
      }
      return el("li", { class: "alert warning" }, el("strong", {}, `${code}: `),
        unitsOk ? "" : `${count(want.units, "unit")}, not ${units}. `,
        modifiersOk ? "" : `Modifiers ${modifierText(want.modifiers)}, not ${modifierText(modifiers)}. `,
        traceList(why(code)));
    });
    const right = items.filter((li) => li.classList.contains("ok")).length;
    $("practice-feedback").replaceChildren(el("p", { class: "summary" }, `${right} of ${count(items.length, "code")} right.`),
      el("ul", { class: "alerts" }, items));
  };

  const answer = () => {
    const key = answerKey(result);
    answers.querySelectorAll(".practice-answer").forEach((box) => {
      const want = key.get(box.dataset.code);
      box.querySelector(".units").value = want.units;
      box.querySelector(".modifiers").value = want.units ? [...want.modifiers].join(" ") : "";
    });
    check();
  };

  $("practice-next").addEventListener("click", () => show(1 + Math.floor(Math.random() * 9999)));
  $("practice-seed").addEventListener("change", (e) => show(Math.max(1, Math.floor(Number(e.target.value)) || 1)));
  $("practice-answer").addEventListener("click", answer);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    check();
  });
  show(1 + Math.floor(Math.random() * 9999));
}
