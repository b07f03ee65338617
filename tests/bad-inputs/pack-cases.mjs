// The bad-input catalogue of data packs (issue 10): packs a user might hand to --data or createEngine({ data }),
// each with the file its first error must name. Built from a valid pack so only the named fault differs.
import { createHash } from "node:crypto";

const sha = (text) => createHash("sha256").update(text).digest("hex");
const table = "kind,amount\nkx,2480.00\n";
const manifest = (tables, over = {}) =>
  JSON.stringify({ format: "unitwise-data-pack", formatVersion: 1, name: "bad-input pack", tables, ...over });
const entry = (file, text, over = {}) => ({
  kind: "threshold",
  file,
  name: "KX",
  effective: "2027-01-01",
  year: 2027,
  rows: 1,
  sha256: sha(text),
  ...over,
});
// A pack whose one table has `text` (with a matching hash), so the CSV itself is what is wrong.
const withTable = (text, kind = "threshold") => ({
  "manifest.json": manifest([entry("t.csv", text, { kind })]),
  "t.csv": text,
});

export const goodPack = { "manifest.json": manifest([entry("t.csv", table)]), "t.csv": table };

export const packCases = [
  { name: "no manifest", pack: { "t.csv": table }, file: "manifest.json" },
  { name: "manifest is not JSON", pack: { "manifest.json": "{", "t.csv": table }, file: "manifest.json" },
  {
    name: "manifest of another format",
    pack: { "manifest.json": manifest([entry("t.csv", table)], { format: "zip" }), "t.csv": table },
    file: "manifest.json",
  },
  // Found by the fuzzer: a member of the wrong type threw inside the reader, ending the CLI (and the wasm call).
  {
    name: "format as a number",
    pack: { "manifest.json": manifest([entry("t.csv", table)], { format: 1 }), "t.csv": table },
    file: "manifest.json",
  },
  {
    name: "createdBy as a number",
    pack: { "manifest.json": manifest([entry("t.csv", table)], { createdBy: 7 }), "t.csv": table },
    file: "manifest.json",
  },
  {
    name: "sources as an object",
    pack: { "manifest.json": manifest([entry("t.csv", table)], { sources: { file: "x" } }), "t.csv": table },
    file: "manifest.json",
  },
  {
    name: "a source as a string",
    pack: { "manifest.json": manifest([entry("t.csv", table)], { sources: ["PPRRVU.csv"] }), "t.csv": table },
    file: "manifest.json",
  },
  {
    name: "a source's bytes as text",
    pack: {
      "manifest.json": manifest([entry("t.csv", table)], { sources: [{ file: "a.csv", bytes: "12 KB" }] }),
      "t.csv": table,
    },
    file: "manifest.json",
  },
  {
    name: "format version 2",
    pack: { "manifest.json": manifest([entry("t.csv", table)], { formatVersion: 2 }), "t.csv": table },
    file: "manifest.json",
  },
  { name: "no tables", pack: { "manifest.json": manifest([]) }, file: "manifest.json" },
  {
    name: "unknown table kind",
    pack: { "manifest.json": manifest([entry("t.csv", table, { kind: "rvus" })]), "t.csv": table },
    file: "manifest.json",
  },
  {
    name: "effective date not a date",
    pack: { "manifest.json": manifest([entry("t.csv", table, { effective: "2027-02-30" })]), "t.csv": table },
    file: "manifest.json",
  },
  { name: "a listed table is missing", pack: { "manifest.json": manifest([entry("t.csv", table)]) }, file: "t.csv" },
  {
    name: "a table edited after import",
    pack: { "manifest.json": manifest([entry("t.csv", table)]), "t.csv": table + "kx,1.00\n" },
    file: "t.csv",
  },
  { name: "wrong header", pack: withTable("kind,dollars\nkx,2480.00\n"), file: "t.csv" },
  { name: "empty table", pack: withTable(""), file: "t.csv" },
  { name: "amount with three decimals", pack: withTable("kind,amount\nkx,2480.005\n"), file: "t.csv" },
  { name: "negative amount", pack: withTable("kind,amount\nkx,-5\n"), file: "t.csv" },
  { name: "unknown threshold kind", pack: withTable("kind,amount\nkxx,2480\n"), file: "t.csv" },
  { name: "too few fields", pack: withTable("kind,amount\nkx\n"), file: "t.csv" },
  { name: "unclosed quote", pack: withTable('kind,amount\n"kx,2480\n'), file: "t.csv" },
  {
    name: "RVU code of four characters",
    pack: withTable(
      "code,status,work,pe_nonfac,nonfac_pe_na,pe_fac,fac_pe_na,mp,mult_proc\n9711,A,0.45,0.41,,0.41,NA,0.01,5\n",
      "rvu",
    ),
    file: "t.csv",
  },
  {
    name: "RVU status of two letters",
    pack: withTable(
      "code,status,work,pe_nonfac,nonfac_pe_na,pe_fac,fac_pe_na,mp,mult_proc\n97110,AB,0.45,0.41,,0.41,NA,0.01,5\n",
      "rvu",
    ),
    file: "t.csv",
  },
  {
    name: "RVU NA flag as yes",
    pack: withTable(
      "code,status,work,pe_nonfac,nonfac_pe_na,pe_fac,fac_pe_na,mp,mult_proc\n97110,A,0.45,0.41,,0.41,yes,0.01,5\n",
      "rvu",
    ),
    file: "t.csv",
  },
  {
    name: "GPCI as text",
    pack: withTable("mac,locality,state,name,work,pe,mp\n10112,00,AL,ALABAMA,one,0.875,0.566\n", "gpci"),
    file: "t.csv",
  },
  // Found by the fuzzer: a dash in a MAC was read, and the locality id "0210--01" did not split back when written.
  {
    name: "locality MAC with a dash",
    pack: withTable("mac,locality,state,area,counties\n0210-,01,ALASKA,STATEWIDE,ALL COUNTIES\n", "locality"),
    file: "t.csv",
  },
  {
    name: "GPCI locality of letters",
    pack: withTable("mac,locality,state,name,work,pe,mp\n10112,AB,AL,ALABAMA,1.000,0.875,0.566\n", "gpci"),
    file: "t.csv",
  },
  { name: "MUE indicator 4", pack: withTable("code,value,mai,rationale\n97110,6,4,Clinical\n", "mue"), file: "t.csv" },
  {
    name: "NCCI indicator 2",
    pack: withTable("column1,column2,effective,deleted,modifier_indicator,rationale\n97530,97750,,,2,x\n", "ncci"),
    file: "t.csv",
  },
  {
    name: "NCCI deletion date in CMS's form",
    pack: withTable(
      "column1,column2,effective,deleted,modifier_indicator,rationale\n97530,97750,,20191231,1,x\n",
      "ncci",
    ),
    file: "t.csv",
  },
  // Security pass (issue 26): repeats and contradictions that let one row or table silently win.
  {
    name: "a code twice in one table",
    pack: withTable("code,value,mai,rationale\n97110,6,3,Clinical\n97110,4,3,Clinical\n", "mue"),
    file: "t.csv",
  },
  {
    name: "a locality twice",
    pack: withTable(
      "mac,locality,state,name,work,pe,mp\n10112,00,AL,ALABAMA,1.000,0.875,0.566\n10112,00,AL,ALABAMA,1.000,0.875,0.566\n",
      "gpci",
    ),
    file: "t.csv",
  },
  {
    name: "two tables of one kind and date",
    pack: {
      "manifest.json": manifest([entry("t.csv", table), entry("u.csv", table, { file: "u.csv" })]),
      "t.csv": table,
      "u.csv": table,
    },
    file: "u.csv",
  },
  {
    name: "unknown manifest member",
    pack: { "manifest.json": manifest([entry("t.csv", table)], { tabels: [] }), "t.csv": table },
    file: "manifest.json",
  },
  {
    name: "unknown table member",
    pack: { "manifest.json": manifest([entry("t.csv", table, { efective: "2027-01-01" })]), "t.csv": table },
    file: "manifest.json",
  },
  {
    name: "a member written twice",
    pack: {
      "manifest.json": manifest([entry("t.csv", table)]).replace(
        '"name":"bad-input pack"',
        '"name":"bad-input pack","name":"again"',
      ),
      "t.csv": table,
    },
    file: "manifest.json",
  },
  {
    name: "wrong rows",
    pack: { "manifest.json": manifest([entry("t.csv", table, { rows: 2 })]), "t.csv": table },
    file: "t.csv",
  },
  {
    name: "year contradicts effective",
    pack: { "manifest.json": manifest([entry("t.csv", table, { year: 2026 })]), "t.csv": table },
    file: "manifest.json",
  },
  { name: "header with a byte order mark", pack: withTable("\ufeff\ufeffkind,amount\nkx,2480.00\n"), file: "t.csv" },
  { name: "conversion factor of 0", pack: withTable("kind,value\nnon_qp,0\n", "conversion_factor"), file: "t.csv" },
];
