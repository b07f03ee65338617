// The seeded random visits of generate-visits.mjs, as --csv can take them: JSON Lines of the fields
// CSV expresses, and the same visits as service rows (rows of nearby visits interleaved).
// usage: node tests/node/visits-csv.mjs COUNT SEED OUT.jsonl OUT.csv   (docs/batch.md measurements)
import { createWriteStream } from "node:fs";
import { generateVisits, prng } from "./generate-visits.mjs";

export function csvVisits(count, seed = 1) {
  return generateVisits(count, seed).map((v, i) => ({
    id: `V${String(i).padStart(7, "0")}`,
    visit: {
      dateOfService: v.dateOfService, discipline: v.discipline, locality: v.locality,
      ...(i % 5 === 0 ? { setting: "facility" } : {}),
      services: v.services.map(({ code, minutes, assistantMinutes }) => ({
        code, ...(minutes === undefined || minutes === null ? {} : { minutes: Number(minutes) }),
        ...(assistantMinutes === undefined ? {} : { assistantMinutes }),
      })),
    },
  }));
}

const cell = (x) => (x === undefined ? "" : /[",\r\n]/.test(String(x)) ? `"${String(x).replaceAll('"', '""')}"` : String(x));

if (import.meta.url === `file://${process.argv[1]}`) {
  const [count, seed, jsonlPath, csvPath] = process.argv.slice(2);
  const visits = csvVisits(Number(count), Number(seed));
  const jsonl = createWriteStream(jsonlPath);
  const csv = createWriteStream(csvPath);
  csv.write("visit_id,date_of_service,discipline,code,minutes,assistant_minutes,locality,setting\n");
  const rand = prng(Number(seed) + 1);
  const open = [];  // up to 8 visits with rows left, taken at random
  let next = 0;
  while (next < visits.length || open.length > 0) {
    while (open.length < 8 && next < visits.length) {
      jsonl.write(JSON.stringify(visits[next].visit) + "\n");
      open.push({ ...visits[next++], row: 0 });
    }
    const k = Math.floor(rand() * open.length);
    const { id, visit } = open[k];
    const s = visit.services[open[k].row++];
    csv.write([id, visit.dateOfService, visit.discipline, s.code, s.minutes, s.assistantMinutes, visit.locality,
               visit.setting].map(cell).join(",") + "\n");
    if (open[k].row === visit.services.length) open.splice(k, 1);
  }
  jsonl.end();
  csv.end();
}
