// The matching rules of docs/result-and-vectors.md, shared by the node and browser suites.
// checkVector(vector, result) returns a list of failures (empty when the result matches).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

// Visit vectors; episodes/ holds episode vectors (episodes.test.mjs runs them).
export function vectorFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== "episodes") out.push(...vectorFiles(path));
    else if (entry.name.endsWith(".json")) out.push(path);
  }
  return out.sort();
}

export const readVector = (path) => JSON.parse(readFileSync(path, "utf8"));

const cents = (n) => Math.round(n * 100);

function unitsPerCode(result) {
  const units = {};
  for (const line of result.lines) units[line.code] = (units[line.code] ?? 0) + line.units;
  return units;
}

const unitsMatch = (result, expected) =>
  Object.entries(expected).every(([code, n]) => unitsPerCode(result)[code] === n);

const project = (lines) =>
  lines.map((l) => JSON.stringify({ code: l.code, units: l.units, modifiers: l.modifiers })).sort();

const linesMatch = (result, expected) => JSON.stringify(project(result.lines)) === JSON.stringify(project(expected));

const partialMatch = (actual, pattern) =>
  Object.entries(pattern).every(([k, v]) => JSON.stringify(actual[k]) === JSON.stringify(v));

export function checkVector(vector, result) {
  const e = vector.expect;
  const fails = [];
  const want = (cond, message) => cond || fails.push(message);
  if ("ok" in e) want(result.ok === e.ok, `ok should be ${e.ok}`);
  if (e.units) want(unitsMatch(result, e.units), `units ${JSON.stringify(e.units)}`);
  if (e.unitsAnyOf)
    want(
      e.unitsAnyOf.some((u) => unitsMatch(result, u)),
      `units any of ${JSON.stringify(e.unitsAnyOf)}`,
    );
  if (e.lines) want(linesMatch(result, e.lines), `lines ${JSON.stringify(e.lines)}`);
  if (e.linesAnyOf)
    want(
      e.linesAnyOf.some((l) => linesMatch(result, l)),
      "lines any of",
    );
  for (const key of ["totalTimedMinutes", "totalTimedUnits"]) {
    if (key in e) want(result[key] === e[key], `${key} should be ${e[key]}`);
  }
  const warnings = new Set(result.warnings.map((w) => w.code));
  for (const code of e.warnings ?? []) want(warnings.has(code), `warning ${code}`);
  for (const code of e.noWarnings ?? []) want(!warnings.has(code), `no warning ${code}`);
  for (const path of e.errors ?? [])
    want(
      result.errors.some((x) => x.path === path),
      `error at ${path}`,
    );
  for (const m of e.errorMessages ?? []) {
    want(
      result.errors.some((x) => x.path === m.path && x.message.includes(m.includes)),
      `error at ${m.path} saying ${m.includes}`,
    );
  }
  for (const [key, value] of Object.entries(e.fee ?? {})) {
    const actual = result.fee?.[key];
    want(
      typeof value === "number" ? cents(actual) === cents(value) : actual === value,
      `fee.${key} ${value} (got ${actual})`,
    );
  }
  for (const w of e.lineAllowed ?? []) {
    want(
      result.lines.some(
        (l) =>
          l.code === w.code &&
          (!w.modifiers || partialMatch(l, { modifiers: w.modifiers })) &&
          cents(l.allowed) === cents(w.allowed) &&
          (l.denied ?? null) === (w.denied ?? null),
      ),
      `line allowed ${JSON.stringify(w)}`,
    );
  }
  for (const w of e.linePointers ?? []) {
    want(
      result.lines.some(
        (l) =>
          l.code === w.code &&
          (!w.modifiers || partialMatch(l, { modifiers: w.modifiers })) &&
          JSON.stringify(l.diagnosisPointers ?? null) === JSON.stringify(w.diagnosisPointers),
      ),
      `line pointers ${JSON.stringify(w)}`,
    );
  }
  for (const p of e.edits ?? [])
    want(
      result.edits.some((x) => partialMatch(x, p)),
      `edit ${JSON.stringify(p)}`,
    );
  for (const p of e.noEdits ?? []) want(!result.edits.some((x) => partialMatch(x, p)), `no edit ${JSON.stringify(p)}`);
  const ids = new Set(result.checklist.map((c) => c.id));
  for (const id of e.checklistIds ?? []) want(ids.has(id), `checklist ${id}`);
  return fails;
}
