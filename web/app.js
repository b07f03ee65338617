// The page: wires the form to the engine. Every change re-evaluates the visit (at most once a frame),
// renders the result and writes the visit into the address.
import { createEngine } from "./unitwise/index.js";
import { lastVisit, saveVisit, visitFromAddress } from "./address.js";
import { setCatalogue } from "./code-picker.js";
import { addService, fillForm, readVisit, setLocalities, showDistinctChoices, showErrors, showLocality } from "./visit-form.js";
import { rememberedLocality, versusNational } from "./locality.js";
import { plainEngine } from "./words.js";
import { renderResult, summaryText } from "./results-view.js";
import { startPractice } from "./practice.js";
import { heldNote } from "./plan-question.js";

const $ = (id) => document.getElementById(id);
// Today: any date works (a year without a loaded fee schedule is estimated from the nearest, with a warning).
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};
const starter = () => ({ dateOfService: today(), discipline: "PT", locality: rememberedLocality() ?? "national",
                         services: [{ code: "97112", minutes: 24 }, { code: "97110", minutes: 23 }] });

let engine;
try {
  engine = plainEngine(await createEngine());
} catch (error) {
  $("summary").textContent = `The calculator could not start in this browser (${error.message}).`;
  throw error;
}
setCatalogue(engine.catalogue());
let tiePreference = [];
let vsNational = null;
let nationalTimer = 0;
let frame = 0;

const fillLocalities = (date) => setLocalities(engine.localities(/^\d{4}-\d{2}-\d{2}$/.test(date) ? date : today()));

function update() {
  frame = 0;
  const { visit, send, rows, held } = readVisit(tiePreference.length ? { tiePreference } : {});
  if (!$("calculator").hidden) saveVisit(visit);  // the address holds what the open view shows
  if (held.length && !send.services.length) {
    $("summary").textContent = `Nothing to bill yet.${heldNote(held)}`;
    $("result-body").replaceChildren();
    return;
  }
  const result = engine.evaluate(send);
  showErrors(result.errors, rows);
  showDistinctChoices(result, rows);
  // Another payer's plan sets the unit rule: the (disabled) rule-set field shows which one it used.
  if (visit.payer && result.ok) $("ruleSet").value = result.ruleSet;
  let compared = null;
  if ($("compare").checked && result.ok && !visit.payer) {
    const other = engine.evaluate({ ...send, ruleSet: visit.ruleSet === "per_code" ? "cms" : "per_code" });
    if (other.ok) compared = visit.ruleSet === "per_code" ? [other, result] : [result, other];
  }
  // The same visit at the national rate, evaluated after the frame so a keystroke's redraw does not wait for it;
  // until then the fee shows the last difference.
  clearTimeout(nationalTimer);
  if (result.ok && send.locality !== "national") {
    nationalTimer = setTimeout(() => {
      const national = engine.evaluate({ ...send, locality: "national" });
      vsNational = national.ok ? result.fee.allowed - national.fee.allowed : null;
      showLocality(vsNational);
      const shown = $("result-body").querySelector(".vs-national");
      if (shown) shown.textContent = versusNational(vsNational);
    });
  } else {
    vsNational = null;
    showLocality(null);
  }
  $("summary").textContent = summaryText(result) + (result.ok ? heldNote(held) : "");
  renderResult($("result-body"), result, {
    explain: $("explain").checked,
    compared,
    vsNational,
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
  fillLocalities(visit.dateOfService ?? today());
  fillForm(visit, schedule);
  if (!document.querySelector("#service-rows .service")) addService({}, schedule);
  schedule();
}

$("visit-form").addEventListener("input", (e) => {
  if (e.target.id === "dateOfService") fillLocalities(e.target.value);
  if (e.target.matches("input.code, input.minutes, input.assistant")) tiePreference = [];  // a new visit, a new tie
  schedule();
});
$("visit-form").addEventListener("change", schedule);
$("visit-form").addEventListener("focusout", (e) => e.target.matches("input.code") && schedule());  // a code left half-typed now counts
$("visit-form").addEventListener("submit", (e) => e.preventDefault());
$("add-service").addEventListener("click", () => addService({}, schedule, true));
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

const VIEWS = ["calculator", "practice", "file", "plan"];
function show(view) {
  for (const other of VIEWS) {
    $(other).hidden = other !== view;
    $(`tab-${other}`).setAttribute("aria-pressed", String(other === view));
  }
}
for (const view of VIEWS) $(`tab-${view}`).addEventListener("click", () => show(view));

// The File view loads when first opened; a visit opened from it fills the calculator, and the file stays listed.
let openedFrom = null;
$("tab-file").addEventListener("click", () => import("./file-view.js").then(({ startFileView }) => startFileView({
  open(visit, what, button) {
    openedFrom = button;
    $("result-body").replaceChildren();  // an invalid visit must not show the figures of the one before it
    load(visit);
    $("from-file-what").textContent = what;
    $("from-file").hidden = false;
    show("calculator");
    $("back-to-file").focus();
  },
})), { once: true });
// The Plan of care view loads when first opened, or at once for an episode link (#e=).
let plan = null;
const linkedEpisode = /^#e=/.test(location.hash) ? location.hash : null;
const openPlan = () => import("./plan-view.js").then(({ startPlanView }) => {
  show("plan");
  plan ??= startPlanView({ engine, today, initialHash: linkedEpisode,
                           openVisit(visit) { show("calculator"); load(visit); } });
});
$("tab-plan").addEventListener("click", openPlan);
if (linkedEpisode) {
  $("calculator").hidden = true;  // an episode link opens the plan of care, and the calculator must not take the address
  openPlan();
}

$("back-to-file").addEventListener("click", () => {
  show("file");
  openedFrom?.focus();
});

// The newest release of each kind the engine holds (each visit uses the one in force on its date).
const versions = engine.dataVersions();
const newest = (kind) => versions.releases.filter((r) => r.kind === kind).at(-1)?.name;
$("data-versions").textContent = `Engine ${versions.engine}. Newest data: ` +
  ["rvu", "gpci", "ncci", "mue"].map(newest).filter(Boolean).join("; ") + ".";
load(visitFromAddress() ?? lastVisit() ?? starter());
// Practice draws its first visit when first opened, so it costs nothing at page load.
$("tab-practice").addEventListener("click", () => startPractice(engine, today()), { once: true });
document.body.dataset.ready = "true";

if ("serviceWorker" in navigator) navigator.serviceWorker.register("./sw.js").catch(() => {});
