// A code the visit's plan of care may not bill (97165, an OT evaluation, on a PT visit) is asked about, never
// switched: the row bills nothing until the user picks the other plan or the matching code of the visit's plan.
import { el } from "../lib/dom.js";
import { catalogueEntry } from "./code-picker.js";

const AN = { PT: "a PT", OT: "an OT", SLP: "an SLP" };
// The evaluations that match one for one: simple, moderate, high complexity, re-evaluation. SLP's evaluations
// each assess something else (fluency, sound production, voice...), so no SLP code is offered for them.
const EVALUATIONS = { PT: ["97161", "97162", "97163", "97164"], OT: ["97165", "97166", "97167", "97168"] };

const counterpart = (code, discipline) => {
  const i = Object.values(EVALUATIONS)
    .map((list) => list.indexOf(code))
    .find((k) => k >= 0);
  return i === undefined ? undefined : EVALUATIONS[discipline]?.[i];
};

// True while the row waits for an answer; shows the question (once per code and visit plan) or removes it.
export function askPlan(row, visitPlan) {
  const input = row.querySelector("input.code");
  const code = input.value.trim().toUpperCase();
  const plan = row.querySelector("select.row-discipline");
  const entry = catalogueEntry(code);
  const waits = Boolean(entry && !plan.value && !entry.disciplines.includes(visitPlan));
  const shown = row.querySelector(".plan-question");
  if (!waits) {
    shown?.remove();
    return false;
  }
  const key = `${code} ${visitPlan}`;
  if (shown?.dataset.key === key) return true;
  const plans = entry.disciplines;
  const match = counterpart(code, visitPlan);
  const what =
    entry.kind === "evaluation" && plans.length === 1
      ? `${AN[plans[0]]} evaluation`
      : `billed under ${plans.map((p) => AN[p]).join(" or ")} plan of care`;
  const id = `${input.id}-question`;
  const answer = (fn) => () => {
    fn();
    input.focus();
  };
  const box = el(
    "div",
    { class: "plan-question", role: "group", "aria-labelledby": id, "data-key": key },
    el(
      "p",
      { id },
      `${code} is ${what}; this visit is ${visitPlan}. Bill it under ${plans.map((p) => AN[p]).join(" or ")} plan of care` +
        `${match ? `, or did you mean ${match}?` : "?"} Until you choose, it is not billed.`,
    ),
    plans.map((p) =>
      el(
        "button",
        {
          type: "button",
          class: "quiet",
          onclick: answer(() => {
            plan.value = p;
            plan.dispatchEvent(new Event("change", { bubbles: true }));
          }),
        },
        `Bill under ${AN[p]} plan of care`,
      ),
    ),
    match
      ? el(
          "button",
          {
            type: "button",
            class: "quiet",
            onclick: answer(() => {
              input.value = match;
              input.dispatchEvent(new Event("input", { bubbles: true }));
            }),
          },
          `Change to ${match}`,
        )
      : null,
  );
  if (shown) shown.replaceWith(box);
  else row.append(box);
  return true;
}

// The summary's note on rows left out of the result: they bill nothing until answered or finished.
export function heldNote(held) {
  const asked = held.filter((h) => h === "plan").length;
  const typing = held.length - asked;
  return (
    (asked
      ? ` ${asked === 1 ? "1 service waits for your answer and is" : `${asked} services wait for your answer and are`} not billed.`
      : "") +
    (typing ? ` ${typing === 1 ? "1 code is" : `${typing} codes are`} still being typed and not counted yet.` : "")
  );
}
