// Embedding (issue 14): a small app bundled by esbuild for the browser imports "unitwise", "unitwise/element" and
// "unitwise/worker" with no configuration, and runs in Chromium under the strict CSP (tools/static-server.mjs).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { launch, root, watchedPage } from "./browser.mjs";

const npmDir = resolve(root, process.env.UNITWISE_NPM_DIR ?? "build/npm");
const visit30 = { dateOfService: "2026-03-02", discipline: "PT", services: [{ code: "97110", minutes: 30 }] };

const MAIN = `
import { createEngine } from "unitwise";
import "unitwise/element";
import { createBatchEngine } from "unitwise/worker";

window.results = [];
document.addEventListener("unitwise-result", (event) => window.results.push({ id: event.target.id, result: event.detail }));
const engine = await createEngine();
const result = engine.evaluate(${JSON.stringify(visit30)});
document.querySelector("#api").textContent = result.lines.map((l) => l.code + " " + l.units + " " + l.modifiers.join(" ")).join("; ");
document.querySelector("#by-property").visit = {
  dateOfService: "2026-04-15", discipline: "PT",
  services: [{ code: "97530", minutes: 30 }, { code: "97750", minutes: 30 }, { code: "97110", minutes: 23 }],
};
window.engine = engine;
window.createBatchEngine = createBatchEngine;
document.body.dataset.ready = "true";
`;

const HTML = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>A host app bundled with esbuild</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="app.css">
  <script src="axe.min.js"></script>
  <script type="module" src="main.js"></script>
</head>
<body>
  <main>
    <h1>Charge review</h1>
    <p id="api">…</p>
    <unitwise-visit id="by-attributes" date-of-service="2026-03-02" discipline="PT" services="97110:30"></unitwise-visit>
    <unitwise-visit id="by-property"></unitwise-visit>
  </main>
</body>
</html>
`;

// Vite's dev server serves a dependency pre-bundled by esbuild from node_modules/.vite/deps/, without the files
// beside it (vitejs/vite#8427); the package itself stays at node_modules/unitwise/.
const VITE_DEV = `
import { createEngine } from "/node_modules/.vite/deps/unitwise.js";
import { createBatchEngine } from "/node_modules/.vite/deps/unitwise_worker.js";
const engine = await createEngine();
const visit = ${JSON.stringify(visit30)};
const batch = createBatchEngine();
const [fromWorker] = await batch.evaluateMany([visit]);
batch.terminate();
document.body.dataset.units = [engine.evaluate(visit).lines[0].units, fromWorker.lines[0].units].join(" ");
`;

let env, site, bundle;

before(async () => {
  const app = mkdtempSync(join(tmpdir(), "unitwise-app-"));
  mkdirSync(join(app, "node_modules"));
  symlinkSync(npmDir, join(app, "node_modules", "unitwise"));
  writeFileSync(join(app, "main.js"), MAIN);
  site = join(app, "site");
  // The recipe of docs/embedding.md: bundle, then copy the .wasm (and the worker) beside the bundle.
  await build({
    entryPoints: [join(app, "main.js")],
    bundle: true,
    platform: "browser",
    format: "esm",
    outdir: site,
    logLevel: "silent",
  });
  for (const f of ["unitwise.wasm", "unitwise-worker.js"]) cpSync(join(app, "node_modules/unitwise", f), join(site, f));
  cpSync(join(root, "node_modules/axe-core/axe.min.js"), join(site, "axe.min.js"));
  writeFileSync(join(site, "app.css"), "unitwise-visit::part(units) { font-weight: 700; }\n");
  writeFileSync(join(site, "index.html"), HTML);
  bundle = readFileSync(join(site, "main.js"), "utf8");
  cpSync(npmDir, join(site, "node_modules/unitwise"), { recursive: true });
  for (const [name, entry] of [
    ["unitwise", "unitwise"],
    ["unitwise_worker", "unitwise/worker"],
  ]) {
    await build({
      stdin: { contents: `export * from "${entry}";`, resolveDir: app },
      bundle: true,
      platform: "browser",
      format: "esm",
      outfile: join(site, "node_modules/.vite/deps", `${name}.js`),
      logLevel: "silent",
    });
  }
  writeFileSync(join(site, "vite-dev.js"), VITE_DEV);
  writeFileSync(
    join(site, "vite-dev.html"),
    '<!doctype html><html lang="en"><title>dev</title><link rel="icon" href="data:,"><script type="module" src="vite-dev.js"></script></html>',
  );
  env = await launch(site);
});
after(() => env?.close());

async function open() {
  const context = await env.browser.newContext();
  const { page, seen } = await watchedPage(context);
  await page.goto(`${env.origin}/index.html`);
  await page.waitForSelector("body[data-ready=true]");
  await page.waitForFunction(() => window.results.length >= 2);
  return { context, page, seen };
}

const shadowRows = (page, id) =>
  page.$eval(`#${id}`, (el) =>
    [...el.shadowRoot.querySelectorAll("tbody tr")].map((tr) => [...tr.cells].map((c) => c.textContent)),
  );

test("the bundle holds nothing from node: and loads the .wasm from beside itself", () => {
  assert.doesNotMatch(bundle, /["']node:/);
  assert.match(bundle, /new URL\("\.\/unitwise\.wasm", import\.meta\.url\)/);
});

test("under the strict CSP, the API and the element both give 97110 for 30 minutes as 2 units", async () => {
  const { context, page, seen } = await open();
  assert.equal(await page.textContent("#api"), "97110 2 GP");
  assert.deepEqual(
    (await shadowRows(page, "by-attributes")).map((row) => row.slice(0, 3)),
    [["97110", "2", "GP"]],
  );
  const fromEvent = await page.evaluate(() => window.results.find((r) => r.id === "by-attributes").result);
  assert.deepEqual(
    fromEvent.lines.map((l) => [l.code, l.units]),
    [["97110", 2]],
  );
  assert.deepEqual(seen.errors, []);
  assert.deepEqual(
    seen.requests.filter((u) => !u.startsWith(env.origin)),
    [],
  );
  await context.close();
});

test("the element renders a visit set as a property, with its edits, fee and the engine's exact result", async () => {
  const { context, page, seen } = await open();
  const expected = await page.evaluate(() => window.engine.evaluate(document.querySelector("#by-property").visit));
  assert.deepEqual(await page.evaluate(() => document.querySelector("#by-property").result), expected);
  // The element's claim (detail.claim, el.claim) is the package's toFhirClaim of the same result and visit.
  const claims = await page.evaluate(() => {
    const el = document.querySelector("#by-property");
    return { element: el.claim, event: el.result.claim, engine: window.engine.toFhirClaim(el.result, el.visit) };
  });
  assert.equal(claims.element.resourceType, "Claim");
  assert.deepEqual(claims.element, claims.engine);
  assert.deepEqual(claims.event, claims.engine);
  assert.deepEqual(
    (await shadowRows(page, "by-property")).map((r) => r.slice(0, 3)),
    expected.lines.map((l) => [l.code, String(l.units), l.modifiers.join(" ")]),
  );
  const shown = await page.$eval("#by-property", (el) => ({
    edits: [...el.shadowRoot.querySelectorAll("[part~=edit]")].map((li) => li.textContent),
    fee: el.shadowRoot.querySelector("[part=fee]").textContent,
  }));
  assert.equal(shown.edits.length, expected.edits.length);
  assert.ok(expected.edits.length > 0, "97530 + 97750 is an NCCI pair");
  assert.match(shown.fee, new RegExp(`Medicare pays \\$${expected.fee.medicarePays.toFixed(2)}`));
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test("the element follows its attributes, names the field of an invalid visit, and can be styled by ::part", async () => {
  const { context, page, seen } = await open();
  const weight = await page.$eval(
    "#by-attributes",
    (el) => getComputedStyle(el.shadowRoot.querySelector("[part=units]")).fontWeight,
  );
  assert.equal(weight, "700");
  await page.evaluate(() => document.querySelector("#by-attributes").setAttribute("services", "97110:38 97161"));
  await page.waitForFunction(() => window.results.length >= 3);
  assert.deepEqual(
    (await shadowRows(page, "by-attributes")).map((r) => r.slice(0, 2)),
    [
      ["97110", "3"],
      ["97161", "1"],
    ],
  );
  await page.evaluate(() => document.querySelector("#by-attributes").setAttribute("services", "97110:-5"));
  await page.waitForFunction(() => window.results.length >= 4);
  const shown = await page.$eval("#by-attributes", (el) => ({
    errors: [...el.shadowRoot.querySelectorAll("[part=error]")].map((li) => li.textContent),
    tableHidden: el.shadowRoot.querySelector("[part=lines]").hidden,
  }));
  assert.match(shown.errors[0], /^\/services\/0\/minutes: /);
  assert.equal(shown.tableHidden, true);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test("axe finds no serious or critical accessibility violation in the element", async () => {
  const { context, page, seen } = await open();
  const violations = await page.evaluate(async () => {
    const { violations } = await window.axe.run(document);
    return violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
  assert.deepEqual(violations, []);
  assert.deepEqual(seen.errors, []); // axe itself runs under the CSP
  await context.close();
});

test("the worker evaluates a batch off the main thread with progress, as the engine would on it", async () => {
  const { context, page, seen } = await open();
  const run = await page.evaluate(async () => {
    const visits = Array.from({ length: 300 }, (_, i) => ({
      dateOfService: "2026-03-02",
      discipline: i % 3 === 0 ? "OT" : "PT",
      services: [
        { code: "97110", minutes: 5 + (i % 40) },
        { code: "97530", minutes: i % 17 },
      ],
    }));
    visits[7] = { dateOfService: "2026-03-02", discipline: "PT", services: [{ code: "97110", minutes: -1 }] };
    const batch = window.createBatchEngine();
    const progress = [];
    const results = await batch.evaluateMany(visits, { onProgress: (p) => progress.push(p) });
    const same = results.every((r, i) => JSON.stringify(r) === JSON.stringify(window.engine.evaluate(visits[i])));
    const second = await batch.evaluateMany([visits[0]]);
    batch.terminate();
    return { count: results.length, same, progress, invalid: results[7].errors[0].path, second: second.length };
  });
  assert.equal(run.count, 300);
  assert.equal(run.same, true);
  assert.equal(run.invalid, "/services/0/minutes");
  assert.equal(run.second, 1);
  assert.ok(run.progress.length >= 10);
  assert.deepEqual(run.progress.at(-1), { done: 300, total: 300 });
  assert.ok(run.progress.every((p, i) => i === 0 || p.done >= run.progress[i - 1].done));
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test("a batch that names result fields gets only those, with ok and errors, and a wrong name is refused by name", async () => {
  const { context, page, seen } = await open();
  const run = await page.evaluate(async () => {
    const visits = [
      {
        dateOfService: "2026-03-02",
        discipline: "PT",
        services: [
          { code: "97110", minutes: 38 },
          { code: "97140", minutes: 12 },
        ],
      },
      { dateOfService: "2026-03-02", discipline: "PT", services: [{ code: "97110", minutes: -1 }] },
    ];
    const full = visits.map((v) => window.engine.evaluate(v));
    const batch = window.createBatchEngine();
    const slim = await batch.evaluateMany(visits, { fields: ["lines", "edits"] });
    const every = await batch.evaluateMany(visits, { fields: Object.keys(full[0]) });
    const refusals = [];
    for (const fields of [["lines", "checklists"], "lines", [7], ["lines", undefined]]) {
      refusals.push(
        await batch.evaluateMany(visits, { fields }).then(
          () => "resolved",
          (e) => e.message,
        ),
      );
    }
    batch.terminate();
    return { full, slim, every, refusals };
  });
  assert.deepEqual(
    run.slim.map((r) => Object.keys(r)),
    [
      ["ok", "lines", "edits", "errors"],
      ["ok", "lines", "edits", "errors"],
    ],
  );
  assert.deepEqual(run.slim[0].lines, run.full[0].lines);
  assert.equal(run.slim[0].lines.length, 2);
  assert.deepEqual(run.slim[1], { ok: false, lines: [], edits: [], errors: run.full[1].errors });
  assert.deepEqual(run.every, run.full, "asking for every field a result has gives the whole result");
  assert.match(
    run.refusals[0],
    /^fields must be an array of result field names \(ok, ruleSet, .*\); "checklists" is not one$/,
  );
  assert.match(run.refusals[1], /\), not "lines"$/);
  assert.match(run.refusals[2], /; 7 is not one$/);
  assert.match(run.refusals[3], /; undefined is not one$/);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test("a visit that cannot be copied to the worker gets an error result in its own slot; the batch goes on", async () => {
  const { context, page, seen } = await open();
  const run = await page.evaluate(async () => {
    const good = { dateOfService: "2026-03-02", discipline: "PT", services: [{ code: "97110", minutes: 30 }] };
    const proxy = new Proxy({ ...good }, {});
    const getter = {
      ...good,
      get discipline() {
        throw new Error("no discipline today");
      },
    };
    const batch = window.createBatchEngine();
    const results = await batch.evaluateMany([good, proxy, getter, good]);
    const slim = await batch.evaluateMany([proxy, good], { fields: ["lines"] });
    batch.terminate();
    return { results, slim, direct: window.engine.evaluate(good) };
  });
  assert.equal(run.results.length, 4);
  assert.deepEqual(run.results[0], run.direct);
  assert.deepEqual(run.results[3], run.direct);
  for (const bad of [run.results[1], run.results[2]]) {
    assert.equal(bad.ok, false);
    assert.deepEqual(bad.lines, []);
    assert.match(bad.errors[0].message, /^the visit cannot be copied to the worker: /);
  }
  assert.match(run.results[2].errors[0].message, /no discipline today/);
  assert.deepEqual(Object.keys(run.slim[0]), ["ok", "lines", "errors"]);
  assert.equal(run.slim[1].ok, true);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test("the worker protocol answers an unknown kind (such as a future one) with an error, not silence", async () => {
  const { context, page } = await open();
  const reply = await page.evaluate(
    () =>
      new Promise((done) => {
        const worker = new Worker("unitwise-worker.js", { type: "module" });
        worker.onmessage = ({ data }) => {
          worker.terminate();
          done(data);
        };
        worker.postMessage({ id: 9, kind: "claims", claims: {} });
      }),
  );
  assert.deepEqual({ id: reply.id, type: reply.type }, { id: 9, type: "error" });
  assert.match(reply.message, /unknown kind "claims"; this worker knows: visits, episode/);
  await context.close();
});

test("the worker's episode kind gives the engine's episode result (docs/episodes.md)", async () => {
  const { context, page, seen } = await open();
  const run = await page.evaluate(async () => {
    const episode = {
      planOfCare: { discipline: "PT", start: "2026-01-05" },
      priorSpend: { ptSlp: 2400 },
      visits: [
        { dateOfService: "2026-01-05", services: [{ code: "97110", minutes: 30 }] },
        { dateOfService: "2026-01-07", services: [{ code: "97110", minutes: 30 }] },
      ],
    };
    const batch = window.createBatchEngine();
    const result = await batch.evaluateEpisode(episode);
    const bad = await batch.evaluateEpisode({ visits: [] });
    batch.terminate();
    return {
      same: JSON.stringify(result) === JSON.stringify(window.engine.evaluateEpisode(episode)),
      alerts: result.alerts.map((a) => `${a.visit}:${a.kind}`),
      bad: bad.errors.map((e) => e.path),
    };
  });
  assert.equal(run.same, true);
  assert.deepEqual(run.alerts, ["1:kx-threshold"]);
  assert.deepEqual(run.bad, ["/planOfCare", "/visits"]);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test("pre-bundled as Vite's dev server does, the engine and the worker still find their files", async () => {
  const context = await env.browser.newContext();
  const { page, seen } = await watchedPage(context);
  await page.goto(`${env.origin}/vite-dev.html`);
  await page.waitForSelector("body[data-units]", { state: "attached" });
  assert.equal(await page.getAttribute("body", "data-units"), "2 2");
  assert.ok(seen.requests.some((u) => u.endsWith("/node_modules/unitwise/unitwise.wasm")));
  assert.deepEqual(seen.errors, []);
  await context.close();
});
