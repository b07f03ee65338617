// Compiled with tsc --strict against build/npm/index.d.ts: the types describe real use.
import { createEngine, type Result, type Visit } from "unitwise";

const visit: Visit = {
  dateOfService: "2026-03-02",
  discipline: "PT",
  locality: "13202-01",
  services: [{ code: "97112", minutes: 24 }, { code: "97110", minutes: 23, assistantMinutes: 10 }],
  options: { tiePreference: ["97110"] },
};

const engine = await createEngine();
const result: Result = engine.evaluate(visit);
if (result.ok) {
  const dollars: number = result.fee.medicarePays;
  const units: number = result.lines.reduce((n, l) => n + l.units, 0);
  for (const edit of result.edits) {
    const what: string = edit.kind === "ncci" ? `${edit.column1}/${edit.column2}` : `${edit.code} > ${edit.limit}`;
    console.log(what, dollars, units);
  }
} else {
  const paths: string[] = result.errors.map((e) => e.path);
  console.log(paths);
}
