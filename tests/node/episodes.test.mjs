// Episodes (docs/episodes.md) through the wasm package: the episode vectors (tests/vectors/episodes/, the same
// files the native suite runs), native and wasm byte-identical, and evaluateEpisode never throwing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { prng } from "./generate-visits.mjs";
import { cliPath, loadPackage, vectorsDir } from "./paths.mjs";

const { createEngine } = await loadPackage();
const engine = await createEngine();

const episodesDir = join(vectorsDir, "episodes");
const vectors = readdirSync(episodesDir)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => ({ file: f, ...JSON.parse(readFileSync(join(episodesDir, f), "utf8")) }));
const textOf = (v) => v.rawEpisode ?? JSON.stringify(v.episode);
const cents = (n) => Math.round(n * 100);

// What the native runner checks (tests/core/episode_vectors_test.cpp), as a list of failures.
function checkEpisodeVector({ expect }, result) {
  const fails = [];
  const eq = (a, b, what) => {
    if (JSON.stringify(a) !== JSON.stringify(b)) fails.push(`${what}: ${JSON.stringify(a)} != ${JSON.stringify(b)}`);
  };
  eq(result.ok, expect.ok, "ok");
  eq(result.ok, result.errors.length === 0, "ok means no errors");
  if (expect.errors)
    eq(
      result.errors.map((e) => e.path),
      expect.errors,
      "errors",
    );
  if (expect.alerts) {
    eq(
      result.alerts.map((a) => [a.visit, a.kind]),
      expect.alerts.map((a) => [a.visit, a.kind]),
      "alerts",
    );
    expect.alerts.forEach((want, i) => {
      if (want.sourceContains && !result.alerts[i]?.source.includes(want.sourceContains))
        fails.push(`alert ${i} source: ${result.alerts[i]?.source}`);
      if (!result.alerts[i]?.message) fails.push(`alert ${i} has no message`);
      if (want.messageContains && !result.alerts[i]?.message.includes(want.messageContains))
        fails.push(`alert ${i} message: ${result.alerts[i]?.message}`);
    });
  }
  for (const [visit, lines] of Object.entries(expect.lines ?? {})) {
    const actual = result.visits[Number(visit)]?.lines ?? [];
    eq(actual.length, lines.length, `visit ${visit} line count`);
    lines.forEach((line, i) => {
      for (const key of ["code", "units", "modifiers"])
        if (key in line) eq(actual[i]?.[key], line[key], `visit ${visit} line ${i} ${key}`);
    });
  }
  for (const group of ["kx", "review"]) {
    for (const [bucket, fields] of Object.entries(expect[group] ?? {})) {
      for (const [key, want] of Object.entries(fields)) {
        const got = result[group]?.[bucket]?.[key];
        if (want === null || key === "crossedAtVisit" || key === "year") eq(got, want, `${group}/${bucket}/${key}`);
        else eq(cents(got), cents(want), `${group}/${bucket}/${key}`);
      }
    }
  }
  return fails;
}

for (const vector of vectors) {
  test(`episodes/${vector.id}: ${vector.title}`, () => {
    const result = engine.evaluateEpisode(vector.episode ?? JSON.parse(vector.rawEpisode));
    assert.deepEqual(checkEpisodeVector(vector, result), [], JSON.stringify(result.alerts ?? result.errors));
    assert.equal(JSON.stringify(result), JSON.stringify(JSON.parse(engine.evaluateEpisodeJson(textOf(vector)))));
  });
}

function nativeEpisode(text) {
  const run = spawnSync(cliPath, ["episode", "-"], { input: text, maxBuffer: 1 << 30 });
  assert.ok(run.status === 0 || run.status === 1, `CLI exited ${run.status}: ${run.stderr}`);
  return run.stdout.toString("utf8").replace(/\n$/, "");
}

// Seeded episodes over the codes and localities of the differential corpus, some with errors on purpose.
function generateEpisodes(count, seed) {
  const rand = prng(seed);
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const codes = {
    PT: ["97110", "97112", "97140", "97530", "98977", "98980"],
    OT: ["97530", "97535", "97165", "97110"],
    SLP: ["92507", "92526", "97129", "92610"],
  };
  const out = [];
  for (let n = 0; n < count; n++) {
    const discipline = pick(["PT", "OT", "SLP"]);
    let day = Date.UTC(2025, 10, 1) + int(0, 120) * 86400000;
    const visits = [];
    for (let i = int(1, 40); i > 0; i--) {
      day += int(0, 6) * 86400000;
      const services = [];
      for (let k = int(1, 3); k > 0; k--) services.push({ code: pick(codes[discipline]), minutes: int(5, 50) });
      const visit = { dateOfService: new Date(day).toISOString().slice(0, 10), services };
      if (rand() < 0.1) visit.progressReport = true;
      visits.push(visit);
    }
    const start = visits[0].dateOfService;
    const episode = {
      planOfCare: { discipline, start },
      priorSpend: { ptSlp: int(0, 300000) / 100, ot: int(0, 300000) / 100 },
      locality: pick(["national", "13202-01", "01112-05"]),
      visits,
    };
    if (rand() < 0.5)
      episode.planOfCare.certifiedThrough = new Date(Date.parse(start) + int(30, 120) * 86400000)
        .toISOString()
        .slice(0, 10);
    if (rand() < 0.1) visits[int(0, visits.length - 1)].services[0].minutes = -1;
    out.push(episode);
  }
  return out;
}

test("native and wasm give byte-identical results on every episode vector and 60 generated episodes", () => {
  const texts = [...vectors.map(textOf), ...generateEpisodes(60, 20261123).map((e) => JSON.stringify(e))];
  let alerts = 0;
  let invalid = 0;
  for (const text of texts) {
    const wasm = engine.evaluateEpisodeJson(text);
    assert.equal(wasm, nativeEpisode(text), text.slice(0, 300));
    const result = JSON.parse(wasm);
    alerts += result.alerts.length;
    invalid += result.ok ? 0 : 1;
  }
  assert.ok(alerts > 50, `alerts: ${alerts}`);
  assert.ok(invalid > 2 && invalid < 30, `invalid: ${invalid}`);
});

test("evaluateEpisode never throws: anything that is not an episode is ok:false with an error", () => {
  const circular = {};
  circular.self = circular;
  for (const value of [undefined, null, 42, "text", [], {}, circular, 10n, () => 1, { visits: "x" }]) {
    const result = engine.evaluateEpisode(value);
    assert.equal(result.ok, false, String(value));
    assert.ok(result.errors.length > 0);
    assert.deepEqual(result.visits, []);
  }
  assert.equal(JSON.parse(engine.evaluateEpisodeJson(42)).ok, false);
});

test("an episode over 16 MiB is refused before it is copied into wasm memory, with the engine's own message", () => {
  const text = " ".repeat(16 * 1024 * 1024 + 1);
  const before = engine.memoryBytes();
  assert.deepEqual(JSON.parse(engine.evaluateEpisodeJson(text)).errors, [
    { path: "", message: `the episode is ${text.length} bytes; the limit is 16 MiB` },
  ]);
  assert.equal(engine.memoryBytes(), before);
  assert.equal(nativeEpisode(text), engine.evaluateEpisodeJson(text));
});
