// What a cold first visit to the calculator transfers before its first result (issue 31's first goal).
// node bench/first_view.mjs [site dir, default build/web]
// Loads the site in a fresh Chromium context (no cache, no service worker), waits until the calculator shows its
// first result, and sums the gzip sizes (gzip -9, each file on its own, as a server compressing them would send
// them) of every file the page and its workers requested until then, each file once. Prints that sum in bytes on stdout and the
// files with their sizes on stderr. Then, once the service worker has installed, loads the page again and says on
// stderr what went to the network that time (a repeat visit should transfer nothing but the browser's check of
// sw.js itself). Exits 1 with the reason when the page fails.
import { existsSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { execFileSync } from "node:child_process";
import { launch, root, watchedPage } from "../tests/browser/browser.mjs";

const TIMEOUT_MS = 60_000;
const [site = "build/web"] = process.argv.slice(2);
const siteDir = resolve(root, site);

// The file of the site a URL names ("/" is index.html); null for anything else (data: URLs, other origins).
function fileOf(origin, url) {
  if (!url.startsWith(`${origin}/`)) return null;
  const path = decodeURIComponent(new URL(url).pathname);
  const file = join(siteDir, path.endsWith("/") ? `${path}index.html` : path);
  return existsSync(file) && statSync(file).isFile() ? file : null;
}
// gzip -9 itself, as scripts/bench measures the other sizes (Node's zlib gives about 1% more for the .wasm).
const gzipBytes = (file) => execFileSync("gzip", ["-9c", file], { maxBuffer: 1 << 28 }).length;

// The first result: the summary line leaves "Loading the calculator…" and the claim card or the result is drawn.
const firstResult = (page) =>
  page.waitForFunction(
    () => {
      const summary = document.getElementById("summary")?.textContent ?? "";
      return (
        summary !== "" &&
        !summary.startsWith("Loading") &&
        (document.getElementById("result-body")?.hasChildNodes() ||
          document.getElementById("claim-card")?.hasChildNodes())
      );
    },
    null,
    { polling: "raf", timeout: TIMEOUT_MS },
  );

let env;
try {
  env = await launch(siteDir);
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, seen } = await watchedPage(context);
  const requested = []; // in order, each request (a file the page and a worker both ask for is named twice)
  page.on("request", (r) => requested.push(r.url()));
  // The main thread's long tasks until the first result: Lighthouse's total blocking time without its CPU
  // slowdown (each task's time over 50 ms, summed), steadier on these shared VMs than Lighthouse itself.
  await page.addInitScript(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => {
      for (const task of list.getEntries()) window.longTasks.push(task.duration);
    }).observe({ type: "longtask", buffered: true });
  });
  // A dedicated worker's requests are reported on the page in Chromium; the service worker's (its precache) are
  // not, and they come after the first result anyway (the page registers it then).
  await page.goto(`${env.origin}/`);
  await firstResult(page);
  const before = [...new Set(requested)];
  const repeated = requested.length - before.length;
  const longTasks = await page.evaluate(() => window.longTasks);
  if (seen.errors.length) throw new Error(`errors on the page: ${seen.errors.join("; ")}`);

  let total = 0;
  const rows = [];
  for (const url of before) {
    const file = fileOf(env.origin, url);
    if (!file) continue;
    const bytes = gzipBytes(file);
    total += bytes;
    rows.push(`${(bytes / 1000).toFixed(1).padStart(7)} KB  ${new URL(url).pathname}`);
  }
  console.error(`first view: ${rows.length} files before the first result, ${(total / 1000).toFixed(1)} KB gzip`);
  for (const row of rows) console.error(row);
  if (repeated) console.error(`(${repeated} of them requested twice, by the page and a worker: counted once)`);
  const blocking = longTasks.reduce((sum, ms) => sum + Math.max(0, ms - 50), 0);
  console.error(
    `main thread until then: ${longTasks.length} long tasks, longest ${Math.round(Math.max(0, ...longTasks))} ms, ` +
      `${Math.round(blocking)} ms over 50 ms in all (blocking time, no CPU slowdown)`,
  );

  // The repeat visit: once the service worker is active and controls the page, a reload.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  const network = [];
  const onResponse = (response) => {
    if (!response.fromServiceWorker() && fileOf(env.origin, response.url())) network.push(response.url());
  };
  page.on("response", onResponse);
  await page.reload();
  await firstResult(page);
  page.off("response", onResponse);
  const paths = network.map((url) => new URL(url).pathname);
  const other = paths.filter((path) => path !== "/sw.js");
  console.error(
    `repeat visit: ${other.length ? `${other.length} files from the network: ${other.join(", ")}` : "nothing from the network"}` +
      (paths.includes("/sw.js") ? " (and the browser's update check of sw.js)" : ""),
  );
  await context.close();
  console.log(total);
} catch (error) {
  console.error(`first view bench failed: ${error.message}`);
  process.exitCode = 1;
} finally {
  await env?.close();
}
