// Places by name (issue 30): the package's findLocality, a visit's locality, the CLI and the CSV batch answer
// from the one lookup in core, so they agree on every place.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cliPath, loadPackage } from "./paths.mjs";

const { createEngine } = await loadPackage();
const engine = await createEngine();
const date = "2026-04-15";
const places = [
  "Miami, FL",
  "Travis County, TX",
  "Manhattan NY",
  "Brooklyn",
  "Texas",
  "Kings County",
  "St. Louis County, MO",
  "Ft Worth",
  "Prince George's County, MD",
  "Springfield",
  "national",
  "13202-01",
];

test("findLocality gives the CLI's answer for every place", () => {
  for (const place of places) {
    const cli = spawnSync(cliPath, ["localities", date, place], { encoding: "utf8" });
    assert.equal(cli.status, 0, cli.stderr);
    assert.deepEqual(engine.findLocality(place, date), JSON.parse(cli.stdout), place);
  }
});

test("findLocality returns each match with its code, state, name and counties", () => {
  assert.deepEqual(engine.findLocality("Travis County, TX", date), [
    { id: "04412-31", state: "TX", name: "AUSTIN", counties: "TRAVIS" },
  ]);
  assert.equal(engine.findLocality("Texas", date).length, 8);
  assert.deepEqual(engine.findLocality("Atlantis", date), []);
  assert.equal(engine.findLocality("Miami, FL")[0].id, "09102-04"); // today's tables when no date is given
});

test("findLocality refuses a bad date or a text that is not one", () => {
  assert.throws(() => engine.findLocality("Miami, FL", "2026-02-30"), TypeError);
  assert.throws(() => engine.findLocality(42, date), TypeError);
});

test("a visit may name its locality by place, and the fee names the code", () => {
  const visit = (locality) => ({
    dateOfService: date,
    discipline: "PT",
    locality,
    services: [{ code: "97530", minutes: 15 }],
  });
  const byPlace = engine.evaluate(visit("Miami, FL"));
  const byCode = engine.evaluate(visit("09102-04"));
  assert.equal(byPlace.fee.locality, "09102-04");
  assert.equal(byPlace.fee.allowed, byCode.fee.allowed);
  assert.ok(byPlace.trace.some((t) => t.rule === "locality" && t.text.includes("09102-04")));
  const several = engine.evaluate(visit("Kings County"));
  assert.equal(several.ok, false);
  assert.equal(several.errors[0].path, "/locality");
  assert.match(
    several.errors[0].message,
    /HANFORD-CORCORAN, CA \(01112-57\).*NYC SUBURBS\/LONG ISLAND, NY \(13202-02\)/,
  );
});

test("the CLI's CSV batch takes places in its locality column, as the visit does", () => {
  const csv = [
    "visit_id,date_of_service,discipline,code,minutes,assistant_minutes,locality",
    `a,${date},PT,97530,15,0,"Miami, FL"`,
    `b,${date},PT,97530,15,0,09102-04`,
    `c,${date},PT,97530,15,0,Texas`,
  ].join("\n");
  const run = spawnSync(cliPath, ["evaluate", "--csv", "-"], { input: `${csv}\n`, encoding: "utf8" });
  const rows = run.stdout.trim().split("\n");
  const line = (id) => rows.find((r) => r.startsWith(`${id},`));
  assert.equal(line("a").replace(/^a,/, ""), line("b").replace(/^b,/, ""));
  assert.match(run.stdout + run.stderr, /Texas.*could be any of 8/);
});
