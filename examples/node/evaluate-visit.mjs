#!/usr/bin/env node
// Evaluate a visit file with the unitwise package and print its claim lines.
// usage: node examples/node/evaluate-visit.mjs VISIT.json   (or - for standard input)
import { readFileSync } from "node:fs";
import { createEngine } from "../../build/npm/index.node.js";

const file = process.argv[2] ?? "-";
const visit = JSON.parse(readFileSync(file === "-" ? 0 : file, "utf8"));
const engine = await createEngine();
const result = engine.evaluate(visit);

if (!result.ok) {
  for (const error of result.errors) console.error(`${error.path || "(visit)"}: ${error.message}`);
  process.exit(1);
}
for (const line of result.lines) {
  console.log(`${line.code}  ${line.units}  ${line.modifiers.join(" ").padEnd(8)} $${line.allowed.toFixed(2)}`);
}
console.log(`Medicare pays $${result.fee.medicarePays.toFixed(2)}, patient owes $${result.fee.patientOwes.toFixed(2)}`);
for (const warning of result.warnings) console.log(`warning: ${warning.message}`);
