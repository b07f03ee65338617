// The page: wires the form to the engine. Every change re-evaluates the visit (at most once a frame),
// renders the result and writes the visit into the address.
import { createEngine } from "./unitwise/index.js";
import { lastVisit, saveVisit, visitFromAddress } from "./address.js";
import { addService, fillForm, readVisit, setCatalogue, showErrors } from "./visit-form.js";
import { renderResult, summaryText } from "./results-view.js";
import { startPractice } from "./practice.js";
import { el } from "./dom.js";

const $ = (id) => document.getElementById(id);
const today = () => {
  const d = new Date();
  const iso = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  return iso >= "2025-01-01" && iso <= "2026-12-31" ? iso : "2026-01-02";  // the engine's data years
};
const starter = () => ({ dateOfService: today(), discipline: "PT", locality: "national",
                         services: [{ code: "97112", minutes: 24 }, { code: "97110", minutes: 23 }] });

const engine = await createEngine();
setCatalogue(engine.catalogue());
let tiePreference = [];
let frame = 0;

function fillLocalities(year) {
  const list = engine.localities(year);
  $("localities").replaceChildren(...list.map((l) => el("option", { value: l.id }, `${l.state} — ${l.name}`)));
}

function update() {
  frame = 0;
  const visit = readVisit(tiePreference.length ? { tiePreference } : {});
  const result = engine.evaluate(visit);
  showErrors(result.errors);
  saveVisit(visit);
  let compared = null;
  if ($("compare").checked && result.ok) {
    const other = engine.evaluate({ ...visit, ruleSet: visit.ruleSet === "cms" ? "per_code" : "cms" });
    if (other.ok) compared = visit.ruleSet === "cms" ? [result, other] : [other, result];
  }
  $("summary").textContent = summaryText(result);
  renderResult($("result-body"), result, {
    explain: $("explain").checked,
    compared,
    onChooseTie: (codes) => {
      tiePreference = codes;
      schedule();
    },
  });
}

function schedule() {
  if (!frame) frame = requestAnimationFrame(update);
}

function load(visit) {
  tiePreference = visit.options?.tiePreference ?? [];
  fillForm(visit, schedule);
  if (!document.querySelector("#service-rows .service")) addService({}, schedule);
  schedule();
}

$("visit-form").addEventListener("input", (e) => {
  if (e.target.id === "dateOfService" && /^\d{4}/.test(e.target.value)) fillLocalities(Number(e.target.value.slice(0, 4)));
  if (e.target.matches("input.code, input.minutes")) tiePreference = [];  // a new visit, a new tie
  schedule();
});
$("visit-form").addEventListener("change", schedule);
$("visit-form").addEventListener("submit", (e) => e.preventDefault());
$("add-service").addEventListener("click", () => {
  addService({}, schedule, true);
  schedule();
});
$("reset").addEventListener("click", () => load(starter()));
$("copy-link").addEventListener("click", async () => {
  try {
    await navigator.clipboard.writeText(location.href);
    $("copy-link").textContent = "Link copied";
  } catch {
    $("copy-link").textContent = "Copy the address bar";
  }
});
window.addEventListener("hashchange", () => {
  const visit = visitFromAddress();
  if (visit) load(visit);
});

for (const [tab, shown] of [["tab-calculator", "calculator"], ["tab-practice", "practice"]]) {
  $(tab).addEventListener("click", () => {
    for (const other of ["calculator", "practice"]) $(other).hidden = other !== shown;
    for (const t of ["tab-calculator", "tab-practice"]) $(t).setAttribute("aria-pressed", String(t === tab));
  });
}

const versions = engine.dataVersions();
$("data-versions").textContent = `Engine ${versions.engine}. Data: ${versions.rvu2026}; ${versions.gpci2026}; ${versions.ncci}; ${versions.mue}.`;
const initial = visitFromAddress() ?? lastVisit() ?? starter();
fillLocalities(Number(String(initial.dateOfService ?? today()).slice(0, 4)) || 2026);
load(initial);
startPractice(engine, today());
document.body.dataset.ready = "true";

if ("serviceWorker" in navigator) navigator.serviceWorker.register("./sw.js").catch(() => {});
