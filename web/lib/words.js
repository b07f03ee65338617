// The engine's texts carry references meant for its developers (docs/rules.md §W3, UNVERIFIED, [2nd],
// W-open 4) and dates as the JSON has them. The page shows them in plain words, here at its edge; the engine's
// own output (CLI, package, CSV downloads) is unchanged.
// The locale's order of day, month and year: any date shows it (the parts are named by type, not read).
const DATE = new Intl.DateTimeFormat()
  .formatToParts(new Date(0))
  .map((p) => ({ day: "dd", month: "mm", year: "yyyy" })[p.type] ?? p.value)
  .join("");
/** @type {[RegExp, any][]} */
const RULES = [
  [/\s*\((?:see )?docs\/[^)]*\)/g, ""],
  [/;\s*docs\/[\w./-]+\.md[^);]*/g, ""],
  [/docs\/[\w./-]+\.md[^;)]*;?\s*/g, ""],
  [/\s*\(see [\w.-]+\.md\)/g, ""],
  [/\s*\(seed article\)/gi, ""],
  [/\s*\[2nd\]/g, ""],
  [/,? W-open \d+/g, ""],
  [/\bUNVERIFIED\b/g, "not confirmed by CMS"],
  [/\b([Aa]) (?=(?:OT|SLP|MUE|NCCI|ABN|RTM|X[ESPU]|8|11|18)\b)/g, "$1n "],
  // Option names are the JSON's; the page's fields for them have names of their own (issue 29 item 6).
  [/\s*Set options\.tiePreference to choose\./g, ' Choose under "A tie: your choice".'],
  [/set options\.deMinimisBase to choose/g, 'choose it under Rule options, "CQ/CO 10% test measured against"'],
  [/\(options\.pooling = "all"\)/g, "(Rule options: pool timed minutes across PT, OT and SLP)"],
  [/\boptions\.(\w+)/g, (_, name) => `the ${name.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase()} option`],
  // Date fields are typed in the browser's own format (a date input shows mm/dd/yyyy in the US).
  [/\bYYYY-MM-DD\b/g, DATE],
];
const CHECK = /docs\/|\.md\)|seed article|\[2nd\]|W-open|UNVERIFIED|\b[Aa] [OSMNARX18]|YYYY|options\./;

export const plain = (text) => (CHECK.test(text) ? RULES.reduce((t, [re, to]) => t.replace(re, to), text) : text);

// Every string of a result, in place (results are fresh objects from JSON.parse).
function plainAll(value) {
  if (value && typeof value === "object") {
    for (const key of Object.keys(value)) {
      const v = value[key];
      if (typeof v === "string") value[key] = plain(v);
      else plainAll(v);
    }
  }
  return value;
}

// The engine as the page's views use it: the same, with results in plain words.
export const plainEngine = (engine) => ({
  ...engine,
  evaluate: (visit) => plainAll(engine.evaluate(visit)),
  evaluateEpisode: (episode) => plainAll(engine.evaluateEpisode(episode)),
});

// Where an engine error points, in words (issue 29 items 4 and 6): "/visits/1/services/1/code" is "visit 2,
// service 2, code"; visits, services and diagnoses are counted from 1. The JSON path itself stays for developers.
const FIELD = {
  dateOfService: "date",
  planOfCare: "plan of care",
  priorSpend: "allowed before the plan",
  ptSlp: "PT + SLP",
  ot: "OT",
  start: "start of care",
  certifiedThrough: "certified through",
  assistantMinutes: "assistant minutes",
  ytdAllowed: "allowed this year",
  PT_SLP: "PT + SLP",
  OT: "OT",
  progressReport: "progress report",
  payerProfile: "payer",
};
// A JSON key in words: "dateOfService" is "date", "ytdAllowed" "allowed this year", others split at capitals.
export const fieldWords = (key) => FIELD[key] ?? key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
const COUNTED = { visits: "visit", services: "service", diagnoses: "diagnosis", lines: "line" };
export function placeOf(path) {
  const parts = String(path ?? "")
    .split("/")
    .slice(1)
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  const words = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    const n = parts[i + 1];
    if (COUNTED[p] && /^\d+$/.test(n ?? "")) {
      words.push(`${COUNTED[p]} ${Number(n) + 1}`);
      i++;
    } else if (p === "options") continue;
    else words.push(fieldWords(p));
  }
  return words.join(", ");
}

// "visit 2, service 2: 9711O is not a code…" from an engine error.
export const errorWords = (e) => {
  // "service 2, code: unknown code …" says code twice; the message names its field itself.
  const place = placeOf(e.path).replace(/, (code|date)$/, (all, field) => (e.message.includes(field) ? "" : all));
  return place ? `${place}: ${e.message}` : e.message;
};

// The alerts of a plan of care by name, as its table and chart say them.
export const ALERT_NAME = {
  "kx-threshold": "KX threshold passed",
  "medical-review": "review threshold passed",
  "progress-report-due": "progress report due",
  "recertification-due": "recertification due",
  "rtm-window": "monitoring period",
};

// The engine's warning ids (rule ids) as a person reads them; the ids stay in downloads and for developers.
export const WARNING_NAME = {
  tie: "tied minutes",
  "duplicate-code": "code given twice",
  "slp-assistant": "SLP assistant",
  "assistant-precedence": "assistant modifier order",
  "assistant-de-minimis-base": "assistant 10% test",
  "add-on-without-primary": "add-on code without its primary",
  "facility-pe-na": "no facility rate",
  "status-b-bundled": "bundled code",
  "status-i-not-medicare": "not valid for Medicare",
  "status-r-restricted": "restricted coverage",
  "no-rvus": "no fee in the schedule",
  "kx-applied": "KX added",
  "kx-approaching": "close to the KX threshold",
  "targeted-review": "review threshold",
  "fee-schedule-nearest": "fees estimated from another year",
  "thresholds-nearest": "thresholds from another year",
  "edit-tables-nearest": "edit tables from another date",
  "distinct-service-unused": "distinct service not needed",
  "patient-liable": "the patient pays",
  "telehealth-not-on-list": "not on the telehealth list",
  "telehealth-not-authorized": "telehealth not allowed",
  "unit-cap": "payer's daily unit cap",
  "payer-note": "payer note",
  "payer-fee-unknown": "payer's fee unknown",
  "code-not-valid-on-date": "code not valid on this date",
  "under-time-floor": "under the payer's minimum time",
  "rtm-further-units": "further monitoring units",
  "rtm-other-code": "other monitoring code",
  "per-code-under-medicare": "per-code rule under Medicare",
  "table-may-be-stale": "edit table may be out of date",
};
