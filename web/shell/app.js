// The page: wires the form to the engine. Every change re-evaluates the visit (at most once a frame),
// renders the result and writes the visit into the address.
import { createEngine } from "../unitwise/index.js";
import { lastVisit, readLink, saveVisit, stored } from "./address.js";
import { notice, watchForUpdates } from "./notice.js";
import { catalogueEntry, setCatalogue } from "../calculator/code-picker.js";
import {
  addService,
  fillForm,
  halfTyped,
  readVisit,
  setLocalities,
  showDistinctChoices,
  showErrors,
  showLocality,
} from "../calculator/visit-form.js";
import { rememberedLocality, versusNational } from "../calculator/locality.js";
import { plainEngine } from "../lib/words.js";
import { renderResult, summaryText } from "../calculator/results-view.js";
import { askLongMinutes, renderCard, undeniedAmounts } from "../calculator/claim-card.js";
import { heldNote } from "../calculator/plan-question.js";
import { applyKept, CHANNEL, keptPacks } from "../data/data-store.js";
import { $ } from "../lib/dom.js";

// Today: any date works (a year without a loaded fee schedule is estimated from the nearest, with a warning).
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};
const starter = () => ({
  dateOfService: today(),
  discipline: "PT",
  locality: rememberedLocality() ?? "national",
  services: [
    { code: "97112", minutes: 24 },
    { code: "97110", minutes: 23 },
  ],
});

// The engine: the .wasm compiled while it downloads (index.html preloads it; a host that serves it with the wrong
// type gets it compiled from its bytes), then run once by a worker (engine/warm-thread.js), so the code of the
// first evaluation is compiled in that thread and this one only instantiates. If anything of that fails, the
// engine loads as the package does it.
async function compiledEngine() {
  let module;
  try {
    const response = await fetch(new URL("../unitwise/unitwise.wasm", import.meta.url));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const bytes = response.clone();
    module = await WebAssembly.compileStreaming(response).catch(async () =>
      WebAssembly.compile(await bytes.arrayBuffer()),
    );
  } catch {
    return createEngine();
  }
  await new Promise((resolve) => {
    let worker;
    try {
      worker = new Worker(new URL("../engine/warm-thread.js", import.meta.url), { type: "module" });
    } catch {
      return resolve(undefined);
    }
    const done = () => {
      clearTimeout(timer);
      worker.terminate();
      resolve(undefined);
    };
    const timer = setTimeout(done, 10_000); // a worker that never answers must not keep the calculator from starting
    worker.onmessage = done;
    worker.onerror = done;
    worker.postMessage({ module, date: today() });
  });
  return createEngine({ wasmModule: module });
}

// The form is filled and usable while the engine loads; what is typed meanwhile is evaluated once it is ready.
// words.js puts the engine's notes in plain words for this page. The data packs this browser keeps (Data view,
// data-store.js) are read meanwhile and applied before the first result; one the engine refuses is reported.
/** @type {{ applied: any[], refused: { record: any, errors: string[] }[], problem: string | null }} */
let dataState = { applied: [], refused: [], problem: null };
const engineReady = Promise.all([compiledEngine(), keptPacks()]).then(([raw, kept]) => {
  dataState = { ...applyKept(raw, kept.records), problem: kept.problem };
  return plainEngine(raw);
});
let engine = null;
let tiePreference = [];
let vsNational = null;
let nationalTimer = 0;
let frame = 0;

// A date still being typed, or not a real one ("2026-02-30"), lists today's localities meanwhile.
const localityDate = (date) => {
  try {
    engine.localities(date);
    return date;
  } catch {
    return today();
  }
};
const fillLocalities = (date) => {
  if (!engine) return;
  const on = localityDate(date);
  setLocalities(engine.localities(on), (text) => engine.findLocality(text, on));
};

function update() {
  frame = 0;
  if (!engine) return;
  const { visit, send, rows, held } = readVisit(tiePreference.length ? { tiePreference } : {});
  const link = location.hash;
  if (!$("calculator").hidden) saveVisit(visit); // the address holds what the open view shows
  if (location.hash !== link) $("copy-link").textContent = "Copy link to this visit";
  if (held.length && !send.services.length) {
    $("summary").textContent = `Nothing to bill yet.${heldNote(held)}`;
    $("result-body").replaceChildren();
    $("claim-card").replaceChildren();
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
  renderCard($("claim-card"), result, {
    unconfirmed: askLongMinutes(visit, rows, schedule),
    waiting: held.filter((h) => h === "plan").length,
    settle,
    openData,
    undenied: undeniedAmounts((v) => engine.evaluate(v), send, result),
  });
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

// Draws a scheduled change now: an action on the result (copy as claim lines) must not act on the one before it.
function settle() {
  if (!frame) return;
  cancelAnimationFrame(frame);
  update();
}

function load(visit) {
  borrowed = false;
  tiePreference = visit.options?.tiePreference ?? [];
  fillLocalities(visit.dateOfService ?? today());
  fillForm(visit, schedule);
  if (!document.querySelector("#service-rows .service")) addService({}, schedule);
  schedule();
}

// A whole visit replaced (Start over, a link) is kept in this browser, and one button swaps it back.
const PREVIOUS_KEY = "unitwise:previous-visit";
const current = () => readVisit(tiePreference.length ? { tiePreference } : {}).visit;
const forget = () => {
  try {
    localStorage.removeItem(PREVIOUS_KEY);
  } catch {
    // Storage turned off: nothing was kept.
  }
};
function replaceVisit(next, message, back, shown = current()) {
  try {
    localStorage.setItem(PREVIOUS_KEY, JSON.stringify(shown));
  } catch {
    // Private mode: the button below still brings it back while the page is open.
  }
  load(next);
  notice(message, [[back, () => replaceVisit(shown, "Your other visit is back.", "Undo")]], forget);
}
// A visit opened from the File or Plan of care view keeps the one it replaces, unless that one came from there too.
let borrowed = false;
function openFrom(visit, where) {
  if (borrowed) load(visit);
  else replaceVisit(visit, `Opened a visit of the ${where}; the one you had here is kept.`, "Open my previous visit");
  borrowed = true;
}
// A link's visit opens; the visit this browser had, if another, is kept. A link that cannot be read opens nothing.
function openLink(linked, saved) {
  if (linked?.error) {
    notice(
      `This link's visit could not be read: ${linked.error}. Showing ${saved ? "the visit saved in this browser" : "a new visit"} instead.`,
    );
  } else if (linked && saved && JSON.stringify(linked.visit) !== JSON.stringify(saved)) {
    return replaceVisit(
      linked.visit,
      "This link opened its own visit; the one you had here is kept.",
      "Open my previous visit",
      saved,
    );
  }
  load(linked?.visit ?? saved ?? starter());
}

$("visit-form").addEventListener("input", (e) => {
  if (e.target.id === "dateOfService") fillLocalities(e.target.value);
  if (e.target.matches("input.code, input.minutes, input.assistant")) tiePreference = []; // a new visit, a new tie
  borrowed = false;
  schedule();
});
// A text field's change (on leaving it) brings nothing its input events did not. Redrawing for it replaced the box
// or button being pressed (pressing one is what leaves the field) before the release, so the click was lost. Only
// a code left half-typed changes the result when its field is left: it now counts.
$("visit-form").addEventListener(
  "change",
  (e) => e.target.matches("input.code, input.minutes, input.assistant") || schedule(),
);
$("visit-form").addEventListener(
  "focusout",
  (e) => e.target.matches("input.code") && halfTyped(e.target) && schedule(),
);
$("visit-form").addEventListener("submit", (e) => e.preventDefault());
$("add-service").addEventListener("click", () => addService({}, schedule, true));
$("reset").addEventListener("click", () => replaceVisit(starter(), "Started a new visit.", "Undo"));
$("copy-link").addEventListener("click", async () => {
  settle(); // the address must hold a change typed just before the click
  try {
    await navigator.clipboard.writeText(location.href);
    $("copy-link").textContent = "Link copied";
  } catch {
    $("copy-link").textContent = "Copy the address bar";
  }
});
window.addEventListener("hashchange", () => {
  const linked = readLink();
  if (linked) openLink(linked, current());
});

const VIEWS = ["calculator", "practice", "file", "plan", "data"];
function show(view) {
  for (const other of VIEWS) {
    $(other).hidden = other !== view;
    $(`tab-${other}`).setAttribute("aria-pressed", String(other === view));
  }
}
for (const view of VIEWS) $(`tab-${view}`).addEventListener("click", () => show(view));

// The File view loads when first opened; a visit opened from it fills the calculator, and the file stays listed.
let openedFrom = null;
$("tab-file").addEventListener(
  "click",
  () =>
    import("../file/file-view.js").then(({ startFileView }) =>
      startFileView({
        openData,
        isTimed: (code) => catalogueEntry(code)?.timed === true,
        open(visit, what, button) {
          openedFrom = button;
          $("result-body").replaceChildren(); // an invalid visit must not show the figures of the one before it
          openFrom(visit, "file");
          $("from-file-what").textContent = what;
          $("from-file").hidden = false;
          show("calculator");
          $("back-to-file").focus();
        },
      }),
    ),
  { once: true },
);
// The Plan of care view loads when first opened, or at once for an episode link (#e=).
let plan = null;
const linkedEpisode = /^#e=/.test(location.hash) ? location.hash : null;
const openPlan = () =>
  Promise.all([import("../plan/plan-view.js"), engineReady]).then(([{ startPlanView }, engine]) => {
    show("plan");
    plan ??= startPlanView({
      engine,
      today,
      initialHash: linkedEpisode,
      openVisit(visit) {
        show("calculator");
        openFrom(visit, "plan of care");
      },
    });
  });
$("tab-plan").addEventListener("click", openPlan);
if (linkedEpisode) {
  $("calculator").hidden = true; // an episode link opens the plan of care, and the calculator must not take the address
  openPlan();
}

// The Data view loads when first opened (from its tab, the footer or the claim card), for the calculator's date.
let dataView = null;
function openData(event) {
  show("data");
  const fromTab = event?.currentTarget?.id === "tab-data";
  Promise.all([import("../data/data-view.js"), engineReady]).then(([{ startDataView }, engine]) => {
    dataView ??= startDataView({
      engine,
      state: dataState,
      onChange: dataChanged,
      dateOfService: () => (/^\d{4}-\d{2}-\d{2}$/.test($("dateOfService").value) ? $("dateOfService").value : today()),
    });
    dataView.show();
    if (!fromTab) $("data-title").focus(); // from the footer or the card: the view starts at the top
  });
}
$("tab-data").addEventListener("click", openData);
$("footer-data").addEventListener("click", openData);
// The kept packs changed (here or in another tab): every view evaluates again with them.
function dataChanged() {
  showVersions();
  fillLocalities($("dateOfService").value);
  schedule();
  plan?.refresh();
}

$("back-to-file").addEventListener("click", () => {
  show("file");
  openedFrom?.focus();
});

const saved = lastVisit();
const previous = stored(PREVIOUS_KEY);
openLink(readLink(), saved);
if (previous && !$("notice").hasChildNodes() && JSON.stringify(previous) !== JSON.stringify(current())) {
  notice(
    "The visit you had open before is kept in this browser.",
    [["Open it", () => replaceVisit(previous, "Opened your other visit.", "Undo")]],
    forget,
  );
}
try {
  engine = await engineReady;
} catch (error) {
  $("summary").textContent = `The calculator could not start in this browser (${error.message}).`;
  throw error;
}
setCatalogue(engine.catalogue(), engine.suggestCodes);
fillLocalities($("dateOfService").value);
schedule();

// The newest release of each kind the engine holds (each visit uses the one in force on its date).
function showVersions() {
  const versions = engine.dataVersions();
  const newest = (kind) =>
    versions.releases
      .filter((r) => r.kind === kind)
      .reduce((best, r) => (!best || r.effective >= best.effective ? r : best), null)?.name;
  const refused = dataState.refused.length;
  $("data-versions").textContent =
    `Engine ${versions.engine}. Newest data: ` +
    ["rvu", "gpci", "ncci", "mue"].map(newest).filter(Boolean).join("; ") +
    "." +
    (refused
      ? ` ${refused === 1 ? "A data pack you added was" : `${refused} data packs you added were`} refused: see Data.`
      : "");
}
showVersions();
if (dataState.refused.length && !$("notice").hasChildNodes()) {
  notice(
    `Data you added to this browser could not be used: ${dataState.refused.map((r) => r.record.name).join("; ")}. ` +
      "The built-in data is used instead.",
    [["Open Data", openData]],
  );
}
// Another tab added or removed a pack: apply the kept ones again.
if (typeof BroadcastChannel === "function") {
  new BroadcastChannel(CHANNEL).onmessage = async () => {
    const kept = await keptPacks();
    Object.assign(dataState, applyKept(engine, kept.records, true), { problem: kept.problem });
    dataChanged();
    if (!$("data").hidden) dataView?.redraw();
  };
}
// Practice loads and draws its first visit when first opened, so it costs nothing at page load.
$("tab-practice").addEventListener(
  "click",
  () =>
    Promise.all([import("../practice/practice.js"), engineReady]).then(([{ startPractice }, e]) =>
      startPractice(e, today()),
    ),
  { once: true },
);
document.body.dataset.ready = "true";

watchForUpdates();
