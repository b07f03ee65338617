// The claim at a glance: units, allowed and patient-owes as large figures, one row per claim line with its
// modifier chips, the edit status and "copy as claim lines". Sticky beside the form on a desktop, a bottom
// sheet on a phone. Also the words about edits the detailed result shares: which tables were checked, MUE terms.
import { $, count, el, money } from "../lib/dom.js";
import { pointersLabel, typedDiagnoses } from "./diagnoses.js";

const TABLES = { ncci: "NCCI pair (PTP)", mue: "MUE" };

const tableName = (r) => (r.name.includes(r.effective) ? r.name : `${r.name} (in force from ${r.effective})`);

// "Checked against … and …." plus a plain word for each table the engine says may be stale (a newer one was due
// by the date of service: docs/data.md) or that only the nearest release could stand in for.
export function tablesChecked(result) {
  const used = ["ncci", "mue"].map((kind) => result.releases.filter((r) => r.kind === kind).at(-1)).filter(Boolean);
  if (!used.length) return "No NCCI or MUE table covers this date of service, so no edit was checked.";
  const old = used.map((r) => {
    if (r.nearest) return ` No ${TABLES[r.kind]} table covers ${result.dateOfService}; the nearest one was used.`;
    if (!r.newerDue) return "";
    return (
      ` CMS publishes the ${TABLES[r.kind]} table every quarter and a newer one was due by ${r.newerDue}, ` +
      "so newer edits may be missing."
    );
  });
  return `Checked against ${used.map(tableName).join(" and ")}.${old.join("")}`;
}

// The MUE adjudication indicator in plain words (CMS's MUE FAQ; MLN MM8853).
const MAI = [
  "",
  "applies to each claim line on its own",
  "is a policy limit on all units of the code that day: CMS treats more as impossible",
  "is a clinical limit on all units of the code that day: more is unlikely but can happen",
];

// The denial's terms under an MUE alert: how the limit is counted and what to do.
export const mueDetails = (e) => [
  MAI[e.mai] ? el("span", { class: "mue-terms" }, ` The limit of ${e.limit} ${MAI[e.mai]}.`) : null,
  e.appeal ? el("span", { class: "mue-appeal" }, " ", el("strong", {}, "What to do: "), e.appeal) : null,
];

// The denial reasons of the engine (docs/rules.md §D) in a few plain words each.
const DENIED = {
  mue: "MUE",
  "ptp-indicator-0": "code pair",
  "add-on-without-primary": "add-on alone",
  "not-valid-on-date": "code not valid then",
  "not-covered": "not covered",
  "telehealth-not-authorized": "no telehealth",
  "under-time-floor": "too little time",
};
export const deniedLabel = (reason) => `denied: ${DENIED[reason] ?? reason}`;
export const deniedChip = (reason) => el("span", { class: "chip denied" }, deniedLabel(reason));

// What a denied line would have been allowed without the denial, to strike through beside it: the same visit
// under an otherwise equal profile without Medicare's coverage rules (an MUE there is a warning, not a denial).
export function undeniedAmounts(evaluate, visit, result) {
  if (!result.ok || !result.lines.some((l) => l.denied)) return null;
  const { ruleSet, ...rest } = visit;
  const payer = typeof visit.payer === "object" ? { ...visit.payer } : { name: "Medicare", unitRule: ruleSet ?? "cms" };
  const other = evaluate({ ...rest, payer: { ...payer, medicareCoverage: false } });
  return result.lines.map((l, i) => {
    const same = other.ok && other.lines[i]?.code === l.code && other.lines[i].units === l.units;
    return l.denied && same ? other.lines[i].allowed : null;
  });
}

// More than 4 hours of one code in a visit is usually a typing slip (50 typed as 500): ask on the code's
// first row, keep the minutes as typed, and flag the result until the user says they are right.
const LONG = 240;
const confirmedLong = new Map(); // code → the minutes the user confirmed

/**
 * @param {import("../unitwise/index.js").Visit} visit
 * @param {HTMLElement[]} rows
 * @param {() => void} onAnswer
 */
export function askLongMinutes(visit, rows, onAnswer) {
  const totals = new Map();
  visit.services.forEach((s, i) => {
    if (!Number.isFinite(s.minutes) || !rows[i]) return;
    const t = totals.get(s.code) ?? { minutes: 0, row: rows[i] };
    t.minutes += s.minutes;
    totals.set(s.code, t);
  });
  const asked = new Set();
  /** @type {{ code: string, minutes: number, ask: HTMLElement | null }[]} */
  const open = [];
  for (const [code, { minutes, row }] of totals) {
    if (minutes <= LONG || confirmedLong.get(code) === minutes) continue;
    const key = `${code} ${minutes}`;
    open.push({ code, minutes, ask: null });
    let ask = row.querySelector(`.long-question[data-key="${CSS.escape(key)}"]`);
    if (!ask) {
      const input = row.querySelector("input.minutes");
      ask = el(
        "p",
        { class: "long-question", role: "status", "data-key": key },
        `${minutes} minutes of ${code} is over 4 hours — is that right? `,
        el(
          "button",
          {
            type: "button",
            class: "quiet",
            onclick: () => {
              confirmedLong.set(code, minutes);
              input.focus();
              onAnswer();
            },
          },
          `Yes, ${minutes} minutes`,
        ),
        " ",
        el(
          "button",
          {
            type: "button",
            class: "quiet",
            onclick: () => {
              input.focus();
              input.select();
            },
          },
          "Fix the minutes",
        ),
      );
      row.append(ask);
    }
    asked.add(ask);
    open[open.length - 1].ask = ask;
  }
  for (const node of document.querySelectorAll("#service-rows .long-question")) if (!asked.has(node)) node.remove();
  return open;
}

// What the figures rest on, said on the card itself: a fee estimated from another year's rates
// (fee-schedule-nearest), and the tables a newer release was due for by the date of service (table-may-be-stale).
const STALE_NAME = { rvu: "relative values", ncci: "NCCI pair table", mue: "MUE table" };
function dataCaveats(result) {
  const nearest = result.warnings.some((w) => w.code === "fee-schedule-nearest");
  const rates = result.releases.find((r) => r.kind === "rvu" && r.nearest)?.effective.slice(0, 4) ?? result.fee?.year;
  const stale = result.warnings.some((w) => w.code === "table-may-be-stale")
    ? result.releases.filter((r) => r.newerDue && STALE_NAME[r.kind])
    : [];
  return {
    estimatedAt: nearest ? rates : null,
    year: result.dateOfService.slice(0, 4),
    stale,
    staleEdits: stale.some((r) => r.kind === "ncci" || r.kind === "mue"),
  };
}

function caveatNotes(caveats, openData) {
  const link = (text) =>
    openData ? [" ", el("button", { type: "button", class: "link data-link", onclick: () => openData() }, text)] : [];
  const notes = [];
  if (caveats.estimatedAt) {
    notes.push(
      el(
        "p",
        { class: "data-note estimated" },
        `Allowed amounts are estimated at ${caveats.estimatedAt} rates: ` +
          `no ${caveats.year} fee schedule is loaded.`,
        link(`Add CMS's ${caveats.year} files`),
      ),
    );
  }
  if (caveats.stale.length) {
    notes.push(
      el(
        "p",
        { class: "data-note out-of-date" },
        "May be out of date: ",
        caveats.stale
          .map((r) => `the ${STALE_NAME[r.kind]} of ${r.effective} (a newer one was due by ${r.newerDue})`)
          .join(", "),
        ".",
        link("See the data"),
      ),
    );
  }
  return notes;
}

// The edit status in a few words: what will not be paid first, then what needs a modifier. With no edit found in
// a table that may be out of date, no all-clear: the status says so.
function editStatus(result, caveats) {
  /** @type {(kind: string, severity: string, test?: (edit: any) => unknown) => number} */
  const n = (kind, severity, test = () => true) =>
    result.edits.filter((e) => e.kind === kind && e.severity === severity && test(e)).length;
  const parts = [
    [n("mue", "error"), "MUE denial", "MUE denials"],
    [n("ncci", "error"), "NCCI pair denied", "NCCI pairs denied"],
    [n("ncci", "warning", (e) => !e.bypassedBy), "NCCI pair needs 59/X", "NCCI pairs need 59/X"],
    [n("ncci", "warning", (e) => e.bypassedBy), "NCCI pair billed as distinct", "NCCI pairs billed as distinct"],
    [n("mue", "warning"), "code over its MUE", "codes over their MUE"],
  ]
    .filter(([k]) => k)
    .map(([k, one, many]) => `${k} ${k === 1 ? one : many}`);
  const level = result.edits.some((e) => e.severity === "error") ? "error" : result.edits.length ? "warning" : "ok";
  if (!parts.length && caveats.staleEdits)
    return { text: "No NCCI or MUE edit found, but a table may be out of date", level: "caution" };
  return { text: parts.length ? parts.join(", ") : "No NCCI or MUE edit", level };
}

// One claim line a row, tab-separated, for pasting into an EMR or a spreadsheet:
// "97110<TAB>GP<TAB>2 units<TAB>$58.12", and "…<TAB>$0.00<TAB>denied: MUE" for a denied line. With diagnoses, the
// line's pointers come after its modifiers, as on the claim form (item 24E): "97110<TAB>GP<TAB>Dx 2,1<TAB>…".
export const claimText = (result) =>
  result.lines
    .filter((l) => l.units > 0)
    .map((l) =>
      [
        l.code,
        l.modifiers.join(" "),
        ...(l.diagnosisPointers ? [`Dx ${l.diagnosisPointers.join(",")}`] : []),
        count(l.units, "unit"),
        money(l.allowed),
        l.denied ? deniedLabel(l.denied) : "",
      ]
        .join("\t")
        .trimEnd(),
    )
    .join("\n") + "\n";

// What was copied, or shown to copy by hand: a redraw of the same lines (the blur of the field just typed in
// fires one) keeps saying so; other lines reset the button.
const copied = { text: "", by: "" };
let settle = null; // draws a pending change at once (renderCard's option)

// The lines and label each copy control was drawn with (see drawCard).
const drawnWith = new WeakMap();

function copyButton(text) {
  if (copied.text === text && copied.by === "hand") {
    const box = el(
      "textarea",
      { id: "copy-box", class: "copy-box", rows: 4, readonly: true, "aria-label": "Claim lines to copy" },
      text,
    );
    drawnWith.set(box, `box\n${text}`);
    return box;
  }
  const done =
    copied.text === text ? `Copied ${count(text.trim().split("\n").length, "claim line")}` : "Copy as claim lines";
  const button = el(
    "button",
    {
      type: "button",
      id: "copy-lines",
      class: "quiet",
      onclick: async (e) => {
        const button = e.currentTarget;
        // A change typed just before the click is drawn first, so the lines copied are the visit's latest: if the
        // redraw replaced this button (the lines changed), the click goes on to the new one.
        settle?.();
        if (!button.isConnected) {
          document.getElementById("copy-lines")?.click();
          return;
        }
        try {
          await navigator.clipboard.writeText(text);
          Object.assign(copied, { text, by: "clipboard" });
          button.replaceWith(copyButton(text));
          $("copy-lines").focus();
        } catch {
          // No clipboard permission: the lines, selected, for the user to copy by hand.
          Object.assign(copied, { text, by: "hand" });
          const box = copyButton(text);
          button.replaceWith(box);
          box.select();
        }
      },
    },
    done,
  );
  drawnWith.set(button, `${done}\n${text}`);
  return button;
}

// The copy control while the lines are not the visit's: the button, disabled, and why.
function copyOff(why) {
  return el(
    "div",
    { class: "copy-off" },
    el(
      "button",
      { type: "button", id: "copy-lines", class: "quiet", disabled: true, "aria-describedby": "copy-off-why" },
      "Copy as claim lines",
    ),
    el("p", { id: "copy-off-why", class: "card-note" }, `Copying is off: ${why}.`),
  );
}

function setOpen(card, open) {
  card.classList.toggle("open", open);
  card.querySelector("#card-toggle")?.setAttribute("aria-expanded", String(open));
}

function mount(card) {
  card.dataset.mounted = "true";
  card.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && card.classList.contains("open")) {
      setOpen(card, false);
      card.querySelector("#card-toggle").focus();
    }
  });
  // On a phone the open sheet would cover the field being typed in: typing closes it.
  $("visit-form").addEventListener("focusin", () => setOpen(card, false));
}

/**
 * @param {HTMLElement} card
 * @param {import("../unitwise/index.js").Result} result
 * @param {{ undenied?: any, unconfirmed?: any[], waiting?: number, settle?: (() => void) | null, openData?: ((event?: Event) => void) | null }} [options]
 *   waiting: services held back until a question is answered (which plan): the lines would miss them.
 */
export function renderCard(
  card,
  result,
  { undenied = null, unconfirmed = [], waiting = 0, settle: drawPending = null, openData = null } = {},
) {
  if (!card.dataset.mounted) mount(card);
  settle = drawPending;
  if (!result.ok) {
    // The last claim stays, dimmed, while the form has a problem; before any claim, the card says why it is empty
    // (it was an empty box beside the result, and an empty bar over the form on a phone).
    // Copying is off while the figures are not this visit's (issue 29 item 3): the lines shown are the last
    // complete visit's, and copying them would paste a claim the visit on screen does not make.
    if (card.querySelector(":scope > #card-toggle")) {
      card.classList.add("stale");
      for (const status of card.querySelectorAll("#card-toggle .status, #card-body > .status")) {
        status.className = "status error";
        status.textContent = "Out of date: fix the marked fields";
      }
      const body = card.querySelector(":scope > #card-body");
      const drawn = body?.lastElementChild;
      if (body && !drawn?.matches(".copy-off"))
        drawn?.replaceWith(
          copyOff(
            `the visit has ${count(result.errors.length, "problem")} to fix, and these lines are from the last complete visit`,
          ),
        );
    } else card.replaceChildren(el("p", { class: "card-note" }, "No claim lines yet: fix the marked fields."));
    return;
  }
  const focused = card.contains(document.activeElement) ? document.activeElement?.id : "";
  const fee = result.fee;
  const units = result.lines.reduce((n, l) => n + (l.denied ? 0 : l.units), 0);
  const denied = result.lines.reduce((n, l) => n + (l.denied ? l.units : 0), 0);
  const caveats = dataCaveats(result);
  const status = editStatus(result, caveats);
  const open = card.classList.contains("open");
  const flag = unconfirmed.map((u) => `${u.minutes} minutes of ${u.code}`).join(" and ");
  card.className = `card${open ? " open" : ""}${flag ? " flagged" : ""}`;
  const figure = (name, value, extra) => el("div", {}, el("dt", {}, name), el("dd", {}, value, extra));
  drawCard(
    card,
    el(
      "button",
      {
        type: "button",
        id: "card-toggle",
        class: "card-bar",
        "aria-expanded": String(open),
        "aria-controls": "card-body",
        onclick: () => setOpen(card, !card.classList.contains("open")),
      },
      el("span", {}, el("b", {}, count(units, "unit")), denied ? ` (+${denied} denied)` : ""),
      el(
        "span",
        {},
        el("b", {}, money(fee.allowed)),
        " allowed",
        caveats.estimatedAt ? ` (estimated at ${caveats.estimatedAt} rates)` : "",
      ),
      el("span", {}, "patient owes ", el("b", {}, money(fee.patientOwes))),
      el("span", { class: `status ${status.level}` }, status.text, flag ? " · check the minutes" : ""),
    ),
    [
      el(
        "dl",
        { class: "figures" },
        figure("Units", units, denied ? el("small", {}, ` +${denied} denied`) : null),
        figure(
          "Allowed",
          money(fee.allowed),
          caveats.estimatedAt ? el("small", { class: "estimate" }, " estimated") : null,
        ),
        figure("Patient owes", money(fee.patientOwes)),
      ),
      el("p", { class: `status ${status.level}` }, status.text),
      ...caveatNotes(caveats, openData),
      flag
        ? el(
            "p",
            { class: "flag" },
            `Check: ${flag} is over 4 hours and not confirmed yet. The figures count it as typed. `,
            el(
              "button",
              { type: "button", class: "link", onclick: () => unconfirmed[0].ask.querySelector("button").focus() },
              "Go to the question",
            ),
          )
        : null,
      el(
        "ul",
        { class: "card-lines", "aria-label": "Claim lines" },
        result.lines.map((l, i) =>
          el(
            "li",
            { class: l.denied ? "denied" : l.units ? null : "unbilled" },
            el("span", { class: "code" }, l.code),
            el("span", { class: "units" }, count(l.units, "unit")),
            el(
              "span",
              { class: "chips" },
              l.modifiers.map((m) => el("span", { class: "chip" }, m)),
              l.denied ? deniedChip(l.denied) : null,
              pointersLabel(l, typedDiagnoses()),
            ),
            el(
              "span",
              { class: "amount" },
              l.denied
                ? el(
                    "s",
                    { title: "Allowed without the denial" },
                    el("span", { class: "sr-only" }, "not "),
                    money(undenied?.[i] ?? l.allowed),
                  )
                : money(l.allowed),
            ),
          ),
        ),
      ),
    ],
    waiting
      ? copyOff(
          `${waiting === 1 ? "1 service waits" : `${waiting} services wait`} for your answer to its question ` +
            `and would be missing from the lines`,
        )
      : copyButton(claimText(result)),
  );
  if (focused) document.getElementById(focused)?.focus();
}

// The card is its bar and its body, the copy control last in the body. The bar, and a copy control that would be
// drawn the same, stay where they are, not even moved: leaving the field just typed in (pressing the mouse on one of
// them does) redraws the card, and a button taken out of the page between the press and the release never gets the
// click, so the copy (or, on a phone, opening the card) was lost.
function drawCard(card, bar, body, control) {
  const drawnBar = card.querySelector(":scope > #card-toggle");
  const drawnBody = card.querySelector(":scope > #card-body");
  if (!drawnBar || !drawnBody) {
    card.replaceChildren(bar, el("div", { id: "card-body", class: "card-body" }, body, control));
    return;
  }
  drawnBar.replaceChildren(...bar.childNodes);
  drawnBar.setAttribute("aria-expanded", bar.getAttribute("aria-expanded"));
  const drawn = drawnBody.lastElementChild;
  if (drawn && drawnWith.get(drawn) === drawnWith.get(control)) {
    while (drawn.previousSibling) drawn.previousSibling.remove();
    drawn.before(...body.filter(Boolean));
  } else {
    drawnBody.replaceChildren(...body.filter(Boolean), control);
  }
}
