// <unitwise-visit>'s `data` (issue 26): packs given to the element price its visit with them, elements given the
// same packs share one engine, null goes back to the built-in data, a refused pack fires unitwise-error. The
// package folder served as is (no bundler) under the strict CSP of tools/static-server.mjs.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { launch, root, watchedPage } from "./browser.mjs";
import { pathToFileURL } from "node:url";
import { cmsLikeRelease } from "../fixtures/cms-like.mjs";

const npmDir = resolve(root, process.env.UNITWISE_NPM_DIR ?? "build/npm");

const MAIN = `
import "./unitwise/element.js";
window.errors = [];
document.addEventListener("unitwise-error", (event) => window.errors.push({ id: event.target.id, detail: event.detail }));
window.pack = await (await fetch("pack.json")).json();
document.body.dataset.ready = "true";
`;
const HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>element data</title><link rel="icon" href="data:,">
<script type="module" src="main.js"></script></head>
<body>
  <unitwise-visit id="a" date-of-service="2027-02-01" discipline="PT" services="97110:30"></unitwise-visit>
  <unitwise-visit id="b" date-of-service="2027-02-01" discipline="PT" services="97110:30"></unitwise-visit>
</body></html>`;

let env;
before(async () => {
  const site = mkdtempSync(join(tmpdir(), "unitwise-element-"));
  cpSync(npmDir, join(site, "unitwise"), { recursive: true });
  // The pack of the made-up CY2027 RVU zip, as engine.importCms gives it.
  const { createEngine } = await import(pathToFileURL(join(npmDir, "index.node.js")).href);
  const engine = await createEngine();
  const { pack } = await engine.importCms(cmsLikeRelease(2027).zips.filter((z) => z.name === "rvu27a.zip"));
  writeFileSync(join(site, "pack.json"), JSON.stringify(pack));
  writeFileSync(join(site, "main.js"), MAIN);
  writeFileSync(join(site, "index.html"), HTML);
  env = await launch(site);
});
after(() => env?.close());

// The element's fee line once it has evaluated (its result's fee year and warnings, as a host reads them).
const shown = (page, id) =>
  page
    .waitForFunction((id) => {
      const el = document.getElementById(id);
      const fee = el.shadowRoot.querySelector("[part=fee]");
      return (
        el.result &&
        !fee.hidden && { year: el.result.fee.year, codes: el.result.warnings.map((w) => w.code), fee: fee.textContent }
      );
    }, id)
    .then((handle) => handle.jsonValue());

test("an element given a pack as `data` prices its 2027 visit at 2027 rates; null goes back to the built-in estimate", async () => {
  const { page, seen } = await watchedPage(await env.browser.newContext());
  await page.goto(`${env.origin}/index.html`);
  await page.waitForSelector("body[data-ready=true]");
  const before = await shown(page, "a");
  assert.equal(before.year, 2026);
  assert.ok(before.codes.includes("fee-schedule-nearest"));

  await page.evaluate(() => {
    for (const id of ["a", "b"]) document.getElementById(id).data = [window.pack];
  });
  await page.waitForFunction(() => document.getElementById("a").result?.fee.year === 2027);
  const a = await shown(page, "a");
  assert.ok(!a.codes.includes("fee-schedule-nearest"));
  assert.match(a.fee, /\(NATIONAL, 2027\)/);
  // One array given to two elements: they show the same.
  await page.waitForFunction(() => document.getElementById("b").result?.fee.year === 2027);
  assert.equal((await shown(page, "b")).fee, a.fee);

  await page.evaluate(() => {
    document.getElementById("a").data = null;
  });
  await page.waitForFunction(() => document.getElementById("a").result?.fee.year === 2026);
  assert.equal((await shown(page, "b")).year, 2027);
  assert.deepEqual(seen.errors, []);
  await page.context().close();
});

test("a pack the engine refuses: the element says so and fires unitwise-error with the problems", async () => {
  const { page } = await watchedPage(await env.browser.newContext());
  await page.goto(`${env.origin}/index.html`);
  await page.waitForSelector("body[data-ready=true]");
  await page.evaluate(() => {
    const broken = { ...window.pack, "rvu-2027-01-01.csv": "code,status\n97110,A\n" };
    document.getElementById("a").data = broken;
  });
  await page.waitForFunction(() => window.errors.length > 0);
  const [error] = await page.evaluate(() => window.errors);
  assert.equal(error.id, "a");
  assert.ok(Array.isArray(error.detail.errors) && error.detail.errors.length > 0, JSON.stringify(error));
  const status = await page.$eval("#a", (el) => el.shadowRoot.querySelector("[part=status]").textContent);
  assert.match(status, /^The data packs given to this element were refused: /);
  assert.equal(await page.$eval("#a", (el) => el.shadowRoot.querySelector("[part=lines]").hidden), true);
  // Given good packs again, it evaluates.
  await page.evaluate(() => {
    document.getElementById("a").data = window.pack;
  });
  await page.waitForFunction(() => document.getElementById("a").result?.fee.year === 2027);
  await page.context().close();
});
