// A biller's export as the File view and `unitwise evaluate --csv` read it (docs/batch.md): one row per service,
// a visit's rows together, visits in date order over working days, saved as a spreadsheet saves "CSV UTF-8"
// (byte order mark, CRLF). PT, OT and SLP visits of a clinic in two localities; a first visit is an evaluation.
// Every visit is meant to be valid: a benchmark of error rows would time the CSV layer's short cuts.
// node bench/billing-csv.mjs ROWS YEAR OUT.csv   (the same file, for the CLI)
import { writeFileSync } from "node:fs";
import { prng } from "../tests/node/generate-visits.mjs";

export const HEADER = "visit_id,date_of_service,discipline,code,minutes,assistant_minutes,locality,setting";

// Each discipline's codes: timed ones with the most minutes a clinic bills them for (ultrasound and cognitive
// therapy within their MUEs), how many timed codes a visit has, and the untimed codes and how often one is added.
// SLP visits are mostly untimed treatment, and only PT and OT have assistants Medicare pays for.
const PLANS = {
  PT: {
    evaluations: ["97161", "97162", "97163"],
    timed: [
      ["97110", 38],
      ["97112", 38],
      ["97116", 30],
      ["97140", 30],
      ["97530", 38],
      ["97035", 15],
    ],
    timedCount: [2, 3],
    untimed: ["G0283"],
    untimedShare: 0.2,
    assistants: true,
  },
  OT: {
    evaluations: ["97165", "97166", "97167"],
    timed: [
      ["97110", 38],
      ["97112", 30],
      ["97140", 30],
      ["97530", 38],
      ["97535", 38],
    ],
    timedCount: [2, 3],
    untimed: ["G0283"],
    untimedShare: 0.2,
    assistants: true,
  },
  SLP: {
    evaluations: ["92523", "92610"],
    timed: [["97129", 22]],
    timedCount: [0, 1],
    untimed: ["92507", "92526"],
    untimedShare: 1,
    assistants: false,
  },
};
const LOCALITIES = ["13202-01", "13202-01", "13202-01", "04412-99"]; // a clinic's main site and its branch

// The services of one visit: [code, minutes, assistant minutes] (minutes empty for untimed codes).
function services(discipline, first, rand) {
  const plan = PLANS[discipline];
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = (list) => list[int(0, list.length - 1)];
  const rows = first ? [[pick(plan.evaluations), "", ""]] : [];
  const timed = [...plan.timed]; // distinct codes: drawn without replacement
  for (let n = int(...plan.timedCount); n > 0; n--) {
    const [[code, most]] = timed.splice(int(0, timed.length - 1), 1);
    const minutes = int(8, most);
    rows.push([code, String(minutes), plan.assistants && rand() < 0.25 ? String(int(0, minutes)) : ""]);
  }
  if (rand() < plan.untimedShare) rows.push([pick(plan.untimed), "", ""]);
  return rows;
}

// Exactly `rows` service rows (the last visit cut short to fit) from `year`'s first working days, 8 to 16 visits
// a working day.
export function billingCsv(rows, year, seed = 1) {
  const rand = prng(seed);
  const lines = [HEADER];
  let date = new Date(Date.UTC(year, 0, 2)),
    today = 0,
    visit = 0;
  while (lines.length - 1 < rows) {
    if (today-- <= 0) {
      // the next working day
      do date = new Date(date.getTime() + 86_400_000);
      while (date.getUTCDay() === 0 || date.getUTCDay() === 6);
      today = 8 + Math.floor(rand() * 9);
    }
    const discipline = rand() < 0.6 ? "PT" : rand() < 0.6 ? "OT" : "SLP";
    const id = `ENC-${String(++visit).padStart(6, "0")}`;
    const locality = LOCALITIES[Math.floor(rand() * LOCALITIES.length)];
    for (const [code, minutes, assistant] of services(discipline, rand() < 0.1, rand).slice(
      0,
      rows - (lines.length - 1),
    )) {
      lines.push([id, date.toISOString().slice(0, 10), discipline, code, minutes, assistant, locality, ""].join(","));
    }
  }
  return { text: `\uFEFF${lines.join("\r\n")}\r\n`, visits: visit };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [rows, year, out] = process.argv.slice(2);
  writeFileSync(out, billingCsv(Number(rows), Number(year)).text);
}
