// The engine's texts carry references meant for its developers (docs/rules.md §W3, UNVERIFIED, [2nd],
// W-open 4) and dates as the JSON has them. The page shows them in plain words, here at its edge; the engine's
// own output (CLI, package, CSV downloads) is unchanged.
// The locale's order of day, month and year: any date shows it (the parts are named by type, not read).
const DATE = new Intl.DateTimeFormat()
  .formatToParts(new Date(0))
  .map((p) => ({ day: "dd", month: "mm", year: "yyyy" })[p.type] ?? p.value)
  .join("");
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
  // Date fields are typed in the browser's own format (a date input shows mm/dd/yyyy in the US).
  [/\bYYYY-MM-DD\b/g, DATE],
];
const CHECK = /docs\/|\.md\)|seed article|\[2nd\]|W-open|UNVERIFIED|\b[Aa] [OSMNARX18]|YYYY/;

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
