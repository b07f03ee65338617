// Practice: a visit drawn from a numbered seed (the same number always gives the same visit, so a teacher
// can hand one out), the student's units and modifiers per code, and each mistake explained from the
// engine's own trace.
import { $, count, el, table, unitsByCode } from "../lib/dom.js";
import { traceList } from "../calculator/explain-view.js";

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
  /** @type {import("../unitwise/index.js").Service[]} */
  const services = codes.map((code) => {
    const minutes = 3 + below(38);
    return random() < 0.25 ? { code, minutes, assistantMinutes: below(minutes + 1) } : { code, minutes };
  });
  if (random() < 0.2) services.unshift({ code: plan.evaluation });
  return { ruleSet: random() < 0.25 ? "per_code" : "cms", dateOfService, discipline, services };
}

// Per code: the units of all its lines, and the modifiers on the lines that bill units.
/** @returns {Map<string, { units: number, modifiers: Set<string> }>} */
function answerKey(result) {
  const units = unitsByCode(result);
  const key = new Map([...units].map(([code, n]) => [code, { units: n, modifiers: new Set() }]));
  for (const line of result.lines) if (line.units) line.modifiers.forEach((m) => key.get(line.code)?.modifiers.add(m));
  return key;
}

const sameSet = (a, b) => a.size === b.size && [...a].every((x) => b.has(x));
const SCORE_KEY = "unitwise.practiceScore";

// The likely mix-up behind a wrong answer, found by comparing it with the engine's answer and with the same
// visit under the other unit rule; null when none of the usual ones fits (the steps below still explain).
function misconception(visit, result, other, code, units, modifiers, want) {
  const service = visit.services.find((s) => s.code === code);
  const assistantMark = visit.discipline === "PT" ? "CQ" : "CO";
  if (units !== want.units) {
    if (service.minutes === undefined)
      return "An untimed code bills one unit however long it takes; its minutes never join the timed total.";
    if (visit.ruleSet === "cms" && service.minutes < 8 && want.units > 0 && units === 0) {
      return "Under Medicare, 8 minutes is not a threshold per code: the units come from the visit's total timed minutes, and a code under 8 minutes can take a unit left over from that total.";
    }
    const otherUnits = unitsByCode(other).get(code);
    if (other.ok && units === otherUnits && otherUnits !== want.units) {
      return visit.ruleSet === "cms"
        ? `You rounded this code on its own, as the per-code rule does. Medicare adds up the visit's timed minutes first (${result.totalTimedMinutes} minutes give ${count(result.totalTimedUnits, "unit")}), then shares the units out by minutes.`
        : "You pooled the visit's timed minutes, as Medicare does. This payer rounds each code on its own: a code bills a unit for each full 15 minutes, and one more for 8 minutes or more left over.";
    }
  }
  if (want.units && want.modifiers.has(assistantMark) && !modifiers.has(assistantMark)) {
    return `The ${PLANS[visit.discipline].assistant} furnished part of this code alone, enough to count: that unit's line carries ${assistantMark} (and is paid at 85%).`;
  }
  if (want.units && !want.modifiers.has(assistantMark) && modifiers.has(assistantMark)) {
    return `No unit of this code counts as the ${PLANS[visit.discipline].assistant}'s: the assistant's minutes alone stay within the 10% allowance or are too few for a unit, so no ${assistantMark}.`;
  }
  const plan = { PT: "GP", OT: "GO" }[visit.discipline];
  if (want.units && !modifiers.has(plan))
    return `Every line billed under ${visit.discipline === "PT" ? "a PT" : "an OT"} plan of care carries ${plan}.`;
  return null;
}

function readScore() {
  try {
    const saved = JSON.parse(localStorage.getItem(SCORE_KEY) ?? "null");
    if (Number.isInteger(saved?.right) && Number.isInteger(saved?.asked)) return saved;
  } catch {
    // A score that cannot be read starts again.
  }
  return { right: 0, asked: 0 };
}
const modifierText = (set) => [...set].join(" ") || "none";

export function startPractice(engine, dateOfService) {
  const form = $("practice-form");
  const answers = $("practice-answers");
  let visit;
  let result;
  let other;
  // Each visit counts once, at its first check or when its answer is shown; a revealed answer is not a right one.
  let scored = false;
  const session = { right: 0, asked: 0 };
  const stored = readScore();
  const scoreLine = el("p", { id: "practice-score", role: "status" });
  $("practice-feedback").before(scoreLine);
  const showScore = () => {
    scoreLine.textContent = session.asked
      ? `Score: ${session.right} of ${count(session.asked, "visit")} right this session` +
        `, ${stored.right} of ${stored.asked} in this browser.`
      : stored.asked
        ? `Score in this browser: ${stored.right} of ${count(stored.asked, "visit")} right.`
        : "";
  };
  const score = (right) => {
    if (scored) return;
    scored = true;
    for (const tally of [session, stored]) {
      tally.asked++;
      if (right) tally.right++;
    }
    try {
      localStorage.setItem(SCORE_KEY, JSON.stringify(stored));
    } catch {
      // Private mode: the session's score still shows.
    }
    showScore();
  };
  showScore();

  const show = (seed) => {
    visit = practiceVisit(seed, dateOfService);
    result = engine.evaluate(visit);
    other = engine.evaluate({ ...visit, ruleSet: visit.ruleSet === "cms" ? "per_code" : "cms" });
    scored = false;
    const plan = PLANS[visit.discipline];
    $("practice-seed").value = seed;
    $("practice-visit").replaceChildren(
      table(
        "practice-visit",
        `Visit ${seed}: ${visit.discipline} plan of care, billed to ${RULE_SETS[visit.ruleSet]}`,
        ["Code", "Minutes", `Of which the ${plan.assistant} alone`],
        visit.services.map((s) => [s.code, s.minutes ?? "untimed", s.assistantMinutes ?? 0]),
      ),
    );
    answers.replaceChildren(
      ...visit.services.map((s, i) =>
        el(
          "fieldset",
          { class: "practice-answer", "data-code": s.code },
          el("legend", {}, s.code),
          el("label", { for: `answer-units-${i}` }, "Units"),
          el("input", {
            id: `answer-units-${i}`,
            type: "number",
            min: 0,
            step: 1,
            class: "units",
            inputmode: "numeric",
          }),
          el("label", { for: `answer-modifiers-${i}` }, "Modifiers"),
          el("input", { id: `answer-modifiers-${i}`, class: "modifiers", spellcheck: "false", autocomplete: "off" }),
        ),
      ),
    );
    $("practice-feedback").replaceChildren();
  };

  // The trace entries a student needs for one code: its units and modifiers, and for a timed code the pool's.
  const why = (code) => {
    const timed = visit.services.some((s) => s.code === code && s.minutes !== undefined);
    return result.trace.filter(
      (t) => (t.code === code || (t.code === "" && timed)) && ["units", "modifiers"].includes(t.topic),
    );
  };

  const check = (revealed = false) => {
    if (!result.ok) return;
    const key = answerKey(result);
    const items = [...answers.querySelectorAll(".practice-answer")].map((box) => {
      const code = box.dataset.code;
      // Every code of the visit has a line (0 units at least), so the key has every code asked about.
      const want = /** @type {{ units: number, modifiers: Set<string> }} */ (key.get(code));
      const units = Number(box.querySelector(".units").value || 0);
      const modifiers = new Set(
        box
          .querySelector(".modifiers")
          .value.toUpperCase()
          .split(/[\s,]+/)
          .filter(Boolean),
      );
      const unitsOk = units === want.units;
      // A code with no units goes on no claim line, so any modifiers typed for it are beside the point.
      const modifiersOk = want.units === 0 || sameSet(modifiers, want.modifiers);
      if (unitsOk && modifiersOk) {
        return el(
          "li",
          { class: "alert ok" },
          el("strong", {}, `${code}: right`),
          ` (${count(want.units, "unit")}${want.units ? `, ${modifierText(want.modifiers)}` : ""}).`,
        );
      }
      const mixUp = misconception(visit, result, other, code, units, modifiers, want);
      return el(
        "li",
        { class: "alert warning" },
        el("strong", {}, `${code}: `),
        unitsOk ? "" : `${count(want.units, "unit")}, not ${units}. `,
        modifiersOk ? "" : `Modifiers ${modifierText(want.modifiers)}, not ${modifierText(modifiers)}. `,
        mixUp ? el("p", { class: "mix-up" }, el("strong", {}, "Likely mix-up: "), mixUp) : null,
        traceList(why(code)),
      );
    });
    const right = items.filter((li) => li.classList.contains("ok")).length;
    score(!revealed && right === items.length);
    $("practice-feedback").replaceChildren(
      el("p", { class: "summary" }, `${right} of ${count(items.length, "code")} right.`),
      el("ul", { class: "alerts" }, items),
    );
  };

  const answer = () => {
    const key = answerKey(result);
    answers.querySelectorAll(".practice-answer").forEach((box) => {
      const want = /** @type {{ units: number, modifiers: Set<string> }} */ (key.get(box.dataset.code));
      box.querySelector(".units").value = want.units;
      box.querySelector(".modifiers").value = want.units ? [...want.modifiers].join(" ") : "";
    });
    check(true);
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
