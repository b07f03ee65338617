// The two ways a CSV file of service rows becomes claim lines: the page's (web/file/file-batch.js, with the engine
// on this thread instead of the worker) and the CLI's (`unitwise evaluate --csv`). Their output must match
// byte for byte.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import {
  CLAIM_HEADER,
  claimRows,
  factsOnly,
  groupVisits,
  matchHeader,
  OUTCOME_FIELDS,
  outcome,
  readRows,
  visitObject,
} from "../../web/file/file-batch.js";
import { cliPath, loadPackage } from "./paths.mjs";

const { createEngine } = await loadPackage();
export const engine = await createEngine();

// A result as the worker sends it to the File view: only the fields it asks for, with ok and errors. The claim lines
// match the CLI's byte for byte through this, so the fields are all outcome() needs.
const asSent = (result) =>
  Object.fromEntries(
    Object.entries(result).filter(([k]) => k === "ok" || k === "errors" || OUTCOME_FIELDS.includes(k)),
  );
export const evaluated = (visit) => asSent(engine.evaluate(factsOnly(visit)));

// The page's claim lines for a file it accepts (a readable header naming the required columns).
// dateOrder: how slashed dates read ("mdy", the default, or "dmy"), the CLI's --date-order.
export function pageClaims(text, maxOpenVisits = undefined, dateOrder = undefined) {
  const read = readRows(text);
  assert.equal(read.problem, null);
  const { columnOf, problems } = matchHeader(read.header.fields);
  assert.deepEqual(problems, []);
  const visits = groupVisits(read, columnOf, maxOpenVisits, dateOrder);
  return (
    CLAIM_HEADER +
    "\n" +
    visits.map((v) => claimRows(v, outcome(v, v.errors.length ? null : evaluated(visitObject(v))))).join("")
  );
}

// The page's visits and outcomes of a file it accepts, and its columns (for the clinicians' days).
export function pageOutcomes(text, maxOpenVisits = undefined, dateOrder = undefined) {
  const read = readRows(text);
  assert.equal(read.problem, null);
  const { columnOf, problems } = matchHeader(read.header.fields);
  assert.deepEqual(problems, []);
  const visits = groupVisits(read, columnOf, maxOpenVisits, dateOrder);
  const outcomes = visits.map((v) => outcome(v, v.errors.length ? null : evaluated(visitObject(v))));
  return { visits, outcomes, columnOf };
}

// What the page says of a file it refuses as a whole, or null when it accepts it.
export function pageRefusal(text) {
  const read = readRows(text);
  if (read.problem) return read.problem;
  const { problems } = matchHeader(read.header.fields);
  return problems.length ? problems.join("; ") : null;
}

// maxOpenVisits: the window of both (undefined: their defaults, the same).
export const cliClaims = (text, maxOpenVisits = undefined, dateOrder = undefined) =>
  spawnSync(
    cliPath,
    [
      "evaluate",
      "--csv",
      "-",
      ...(maxOpenVisits === undefined ? [] : ["--max-open-visits", String(maxOpenVisits)]),
      ...(dateOrder === undefined ? [] : ["--date-order", dateOrder]),
    ],
    { input: text, encoding: "utf8", maxBuffer: 1 << 28 },
  );

// `unitwise evaluate --csv - --clinician-days PATH ...args`: the claim lines on stdout, the days in PATH.
export const cliDays = (text, path, args = []) =>
  spawnSync(cliPath, ["evaluate", "--csv", "-", "--clinician-days", path, ...args], {
    input: text,
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
