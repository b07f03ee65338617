// Offline updates are atomic: each build caches all its files under a name carrying their content hash, and
// a page is served only the files of the build it was loaded with, while a newer build waits for a reload.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { launch, root, siteDir, watchedPage } from "./browser.mjs";

const MARK = ".build-b-marker { color: inherit; }";
const MARK_NAME = "build-b-marker"; // what of MARK survives the site's minified style sheet
const work = mkdtempSync(join(tmpdir(), "unitwise-sw-"));

// A site assembled as scripts/build assembles the one under test: from a copy of web/ (changed by change) beside
// the package's worker thread, and the package. (The site's own runtime files are minified already, and minifying
// them again would rename their locals anew.)
function assembleSite(name, change = () => {}) {
  const web = join(work, `${name}-src`, "web");
  cpSync(join(root, "web"), web, { recursive: true });
  cpSync(
    join(root, "wasm", "package", "worker-thread.js"),
    join(work, `${name}-src`, "wasm", "package", "worker-thread.js"),
  );
  change(web);
  const site = join(work, name);
  const run = spawnSync(process.execPath, [join(web, "assemble.mjs"), join(root, "build", "npm"), site], {
    encoding: "utf8",
  });
  assert.equal(run.status, 0, run.stderr);
  return site;
}
const swOf = (site) => readFileSync(join(site, "sw.js"), "utf8");
const cacheOf = (site) => /const CACHE = "([^"]+)"/.exec(swOf(site))[1];
const shellOf = (site) => JSON.parse(/const SHELL = (\[[^\]]*\])/.exec(swOf(site))[1]);

let siteA;
let siteB;
let live;
let env;
before(async () => {
  siteA = assembleSite("a");
  siteB = assembleSite("b", (web) => appendFileSync(join(web, "shell", "style.css"), `\n${MARK}\n`));
  live = join(work, "live");
  cpSync(siteA, live, { recursive: true });
  env = await launch(live);
});
after(async () => {
  await env?.close();
  rmSync(work, { recursive: true, force: true });
});

test("the cache name carries a hash of every file; the same files give the same name, one changed byte another", () => {
  assert.match(cacheOf(siteA), /^unitwise-[0-9a-f]{16}$/);
  assert.equal(cacheOf(siteA), cacheOf(siteDir));
  assert.notEqual(cacheOf(siteB), cacheOf(siteA));
  const files = readdirSync(siteA, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(siteA, join(d.parentPath, d.name)))
    .filter((f) => f !== "sw.js")
    .sort();
  assert.deepEqual([...shellOf(siteA)].sort(), ["./", ...files].sort());
  assert.deepEqual(shellOf(siteB), shellOf(siteA));
});

const text = (page, url) => page.evaluate((u) => fetch(u).then((r) => r.text()), url);
const ready = (page) => page.waitForSelector("body[data-ready=true]");

test("a new build waits for a reload; until then every page gets only its own build's files, offline too", async () => {
  const context = await env.browser.newContext();
  const { page: one, seen } = await watchedPage(context);
  await one.goto(`${env.origin}/`);
  await ready(one);
  await one.evaluate(() => navigator.serviceWorker.ready);
  await one.waitForFunction(() => navigator.serviceWorker.controller);
  // All of build A in one cache, named by its hash.
  const cached = await one.evaluate(
    async (name) => ({
      names: await caches.keys(),
      urls: (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname),
    }),
    cacheOf(siteA),
  );
  assert.ok(cached.names.includes(cacheOf(siteA)), cached.names.join());
  assert.equal(cached.names.filter((n) => /^unitwise-[0-9a-f]{16}$/.test(n)).length, 1);
  assert.deepEqual(
    cached.urls.sort(),
    shellOf(siteA)
      .map((f) => (f === "./" ? "/" : `/${f}`))
      .sort(),
  );

  const { page: two } = await watchedPage(context);
  await two.goto(`${env.origin}/`);
  await ready(two);

  // Build B is deployed: it installs beside A, and both open pages still get A's files.
  cpSync(siteB, live, { recursive: true });
  await one.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  await one.waitForSelector("#notice button:text('Reload')");
  assert.match(await one.textContent("#notice"), /A new version of this page is ready/);
  await context.setOffline(true);
  for (const page of [one, two]) assert.ok(!(await text(page, "shell/style.css")).includes(MARK_NAME));
  assert.equal(await text(one, "shell/style.css"), readFileSync(join(siteA, "shell", "style.css"), "utf8"));

  // Reload in one page: it gets B (offline, from B's cache); the other page, still open, keeps getting A.
  await Promise.all([one.waitForEvent("load"), one.click("#notice button:text('Reload')")]);
  await ready(one);
  assert.equal(await text(one, "shell/style.css"), readFileSync(join(siteB, "shell", "style.css"), "utf8"));
  // The form is ready before the engine (the first result waits for the warm worker): wait for the result itself.
  await one.waitForFunction(() => /^\d+ units? on/.test(document.getElementById("summary")?.textContent ?? ""));
  assert.match(await one.textContent("#summary"), /^\d+ units? on/);
  assert.equal(await text(two, "shell/style.css"), readFileSync(join(siteA, "shell", "style.css"), "utf8"));
  assert.equal(await text(two, "shell/app.js"), readFileSync(join(siteA, "shell", "app.js"), "utf8"));
  assert.deepEqual(
    (await one.evaluate(() => caches.keys())).filter((n) => n !== "unitwise-pages").sort(),
    [cacheOf(siteA), cacheOf(siteB)].sort(),
  );

  // Once no page uses build A, the next page load deletes its cache.
  await two.close();
  const { page: three } = await watchedPage(context);
  await three.goto(`${env.origin}/`);
  await ready(three);
  await three.waitForFunction((a) => caches.keys().then((names) => !names.includes(a)), cacheOf(siteA));
  assert.ok((await text(three, "shell/style.css")).includes(MARK_NAME));
  assert.deepEqual(seen.errors, []);
  await context.close();
});
