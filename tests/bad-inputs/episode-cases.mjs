// The bad-input catalogue for episodes (docs/episodes.md): inputs a user or a host app might pass, each with the
// JSON pointer the error must name ("" = the document as a whole). Text cases run natively and in wasm; byte
// cases natively only (tests/node/bad-episode-catalogue.test.mjs).

const visit = (date = "2026-01-05", over = {}) => ({
  dateOfService: date,
  services: [{ code: "97110", minutes: 20 }],
  ...over,
});
const plan = { discipline: "PT", start: "2026-01-05", certifiedThrough: "2026-04-04" };
const episode = (over = {}) =>
  JSON.stringify({
    planOfCare: plan,
    priorSpend: { ptSlp: 1500, ot: 0 },
    visits: [visit(), visit("2026-01-07"), visit("2026-01-09"), visit("2026-01-12")],
    ...over,
  });
const withVisit = (i, v) => {
  const visits = [visit(), visit("2026-01-07"), visit("2026-01-09"), visit("2026-01-12")];
  visits[i] = v;
  return episode({ visits });
};
const manyVisits = (n) => episode({ visits: Array.from({ length: n }, () => visit()) });

export const episodeCases = [
  { name: "empty input", text: "", path: "" },
  { name: "null", text: "null", path: "" },
  { name: "an array of visits", text: JSON.stringify([visit()]), path: "" },
  {
    name: "a single visit instead of an episode",
    text: JSON.stringify({ ...visit(), discipline: "PT" }),
    path: "/dateOfService",
  },
  { name: "truncated", text: episode().slice(0, -3), path: "" },
  { name: "duplicate key", text: episode().replace('"priorSpend"', '"visits":[],"priorSpend"'), path: "/visits" },
  // Issue 27: a key given twice inside a nested object is named where it stands, not at the top.
  {
    name: "a visit's minutes given twice",
    text: episode().replace('"minutes":', '"minutes":5,"minutes":'),
    path: "/visits/0/services/0/minutes",
  },
  { name: "something after a NUL byte", text: `${episode()}\u0000{}`, path: "" },
  { name: "prior spend 1e999", text: episode().replace('"ptSlp":1500', '"ptSlp":1e999'), path: "/priorSpend/ptSlp" },
  { name: "unknown top-level key", text: episode({ patient: "x" }), path: "/patient" },
  { name: "planOfCare missing", text: JSON.stringify({ visits: [visit()] }), path: "/planOfCare" },
  { name: "planOfCare a string", text: episode({ planOfCare: "PT" }), path: "/planOfCare" },
  {
    name: "plan discipline unknown",
    text: episode({ planOfCare: { ...plan, discipline: "PTA" } }),
    path: "/planOfCare/discipline",
  },
  {
    name: "plan start not a date",
    text: episode({ planOfCare: { ...plan, start: "2026-02-30" } }),
    path: "/planOfCare/start",
  },
  {
    name: "plan certified before it starts",
    text: episode({ planOfCare: { ...plan, certifiedThrough: "2025-12-31" } }),
    path: "/planOfCare/certifiedThrough",
  },
  {
    name: "unknown plan key",
    text: episode({ planOfCare: { ...plan, frequency: "3x/week" } }),
    path: "/planOfCare/frequency",
  },
  { name: "negative prior spend", text: episode({ priorSpend: { ptSlp: -1 } }), path: "/priorSpend/ptSlp" },
  { name: "prior spend as text", text: episode({ priorSpend: { ot: "100" } }), path: "/priorSpend/ot" },
  {
    name: "prior spend with fractions of a cent",
    text: episode({ priorSpend: { ptSlp: 1.005 } }),
    path: "/priorSpend/ptSlp",
  },
  { name: "prior spend 1e308", text: episode().replace('"ptSlp":1500', '"ptSlp":1e308'), path: "/priorSpend/ptSlp" },
  {
    name: "prior spend key in the visit form",
    text: episode({ priorSpend: { PT_SLP: 10 } }),
    path: "/priorSpend/PT_SLP",
  },
  { name: "visits missing", text: JSON.stringify({ planOfCare: plan }), path: "/visits" },
  { name: "visits an object", text: episode({ visits: { 0: visit() } }), path: "/visits" },
  { name: "no visits", text: episode({ visits: [] }), path: "/visits" },
  { name: "401 visits", text: manyVisits(401), path: "/visits" },
  { name: "100,000 visits", text: manyVisits(100000), path: "/visits" },
  { name: "over 16 MiB", text: " ".repeat(16 * 1024 * 1024 + 1), path: "" },
  { name: "100,000 nested arrays", text: "[".repeat(100000), path: "" },
  // Found in review: a visit's deep array crashed the episode's DOM copy (a stack overflow), not the parser.
  {
    name: "a visit holding arrays nested 1,000,000 deep",
    path: "",
    text: episode().replace('{"dateOfService"', `{"x":${"[".repeat(1000000)}${"]".repeat(1000000)},"dateOfService"`),
  },
  { name: "a visit is null", text: withVisit(1, null), path: "/visits/1" },
  { name: "visits out of date order", text: withVisit(3, visit("2026-01-06")), path: "/visits/3/dateOfService" },
  { name: "a visit before the plan starts", text: withVisit(0, visit("2026-01-04")), path: "/visits/0/dateOfService" },
  {
    name: "a visit under another discipline",
    text: withVisit(2, visit("2026-01-09", { discipline: "OT" })),
    path: "/visits/2/discipline",
  },
  {
    name: "a visit's own bad minutes",
    text: withVisit(1, { dateOfService: "2026-01-07", services: [{ code: "97110", minutes: -5 }] }),
    path: "/visits/1/services/0/minutes",
  },
  { name: "a visit's unknown key", text: withVisit(1, visit("2026-01-07", { note: "x" })), path: "/visits/1/note" },
  {
    name: "a visit gives ytdAllowed",
    text: withVisit(1, visit("2026-01-07", { ytdAllowed: { PT_SLP: 10 } })),
    path: "/visits/1/ytdAllowed",
  },
  {
    name: "progressReport as text",
    text: withVisit(1, visit("2026-01-07", { progressReport: "yes" })),
    path: "/visits/1/progressReport",
  },
  {
    name: "a visit's date missing",
    text: withVisit(2, { services: [{ code: "97110", minutes: 20 }] }),
    path: "/visits/2/dateOfService",
  },
  { name: "episode setting unknown", text: episode({ setting: "hospital" }), path: "/setting" },
  { name: "episode locality path traversal", text: episode({ locality: "../../etc/passwd" }), path: "/locality" },
  { name: "episode options unknown key", text: episode({ options: { pooling: "all", x: 1 } }), path: "/options/x" },
  {
    name: "a visit with 101 services",
    text: withVisit(0, { dateOfService: "2026-01-05", services: Array(101).fill({ code: "97110", minutes: 1 }) }),
    path: "/visits/0/services",
  },
  { name: "carried spend past $1,000,000", text: episode({ priorSpend: { ptSlp: 999999 } }), path: "/visits/1" },
  { name: "lone surrogate escape", text: episode().replace('"97110"', '"\\ud800"'), path: "" },
  { name: "invalid UTF-8 byte", bytes: Buffer.from(episode().replace("97110", "97\u00ff10"), "latin1"), path: "" },
];
