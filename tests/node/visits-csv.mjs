// The seeded random visits of generate-visits.mjs, as --csv can take them: JSON Lines of the fields
// CSV expresses, and the same visits as service rows (rows of nearby visits interleaved).
// usage: node tests/node/visits-csv.mjs COUNT SEED OUT.jsonl OUT.csv   (docs/batch.md measurements)
import { createWriteStream } from "node:fs";
import { generateVisits, prng } from "./generate-visits.mjs";

export function csvVisits(count, seed = 1) {
  return generateVisits(count, seed).map((v, i) => ({
    id: `V${String(i).padStart(7, "0")}`,
    visit: {
      dateOfService: v.dateOfService,
      discipline: v.discipline,
      locality: v.locality,
      ...(i % 5 === 0 ? { setting: "facility" } : {}),
      services: v.services.map(({ code, minutes, assistantMinutes }) => ({
        code,
        ...(minutes === undefined || minutes === null ? {} : { minutes: Number(minutes) }),
        ...(assistantMinutes === undefined ? {} : { assistantMinutes }),
      })),
    },
  }));
}

const cell = (x) =>
  x === undefined ? "" : /[",\r\n]/.test(String(x)) ? `"${String(x).replaceAll('"', '""')}"` : String(x);

export const CSV_HEADER = "visit_id,date_of_service,discipline,code,minutes,assistant_minutes,locality,setting\n";

// The visits' service rows as CSV lines (no header), rows of up to 8 nearby visits interleaved at random.
export function* csvLines(visits, seed = 1) {
  const rand = prng(seed);
  const open = []; // up to 8 visits with rows left, taken at random
  let next = 0;
  while (next < visits.length || open.length > 0) {
    while (open.length < 8 && next < visits.length) open.push({ ...visits[next++], row: 0 });
    const k = Math.floor(rand() * open.length);
    const { id, visit } = open[k];
    const s = visit.services[open[k].row++];
    yield (
      [id, visit.dateOfService, visit.discipline, s.code, s.minutes, s.assistantMinutes, visit.locality, visit.setting]
        .map(cell)
        .join(",") + "\n"
    );
    if (open[k].row === visit.services.length) open.splice(k, 1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [count, seed, jsonlPath, csvPath] = process.argv.slice(2);
  const visits = csvVisits(Number(count), Number(seed));
  const jsonl = createWriteStream(jsonlPath);
  const csv = createWriteStream(csvPath);
  for (const { visit } of visits) jsonl.write(JSON.stringify(visit) + "\n");
  csv.write(CSV_HEADER);
  for (const line of csvLines(visits, Number(seed) + 1)) csv.write(line);
  jsonl.end();
  csv.end();
}
