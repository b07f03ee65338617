// The File view's memory on a large export (issue 29: a 25 MB file took the tab to 2.7 GB and froze it for 40 s).
// node bench/file_view_memory.mjs [MB, default 5] [site dir, default build/web] [npm dir, default build/npm]
// Generates a biller's CSV of about MB megabytes (bench/billing-csv.mjs), chooses it in the page's File view in
// Chromium and waits for the page to say every visit was evaluated. Meanwhile it samples, every 50 ms, the resident
// memory of the tab's renderer processes (the page and its batch worker live there), read from /proc for the
// processes this run started. Prints one JSON object:
//   {"mb", "rows", "visits", "seconds", "peak_mb", "base_mb", "longest_task_ms"}
// seconds: from the file's change event to the status line that counts every visit; peak_mb: the renderer's peak
// RSS; base_mb: its RSS just before choosing the file; longest_task_ms: the page's longest main-thread task
// (PerformanceObserver "longtask"), what a user feels as a freeze.
// Exits 1 with the reason when the page fails or times out.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { launch, openPage, root } from "../tests/browser/browser.mjs";
import { billingCsv } from "./billing-csv.mjs";

const TIMEOUT_MS = Number(process.env.UNITWISE_BENCH_TIMEOUT_MS ?? 300_000);
const [mb = "5", site = "build/web", npmDir = "build/npm"] = process.argv.slice(2);

async function feeScheduleYear() {
  const { createEngine } = await import(resolve(root, npmDir, "index.node.js"));
  const years = (await createEngine())
    .dataVersions()
    .releases.filter((r) => r.kind === "rvu")
    .map((r) => r.year);
  return Math.max(...years);
}

// The renderer processes descending from this process (Chromium's, not another user's), and their RSS in MB.
function rendererMb() {
  const parent = new Map(),
    renderer = new Set();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
      if (readFileSync(`/proc/${name}/cmdline`, "utf8").includes("--type=renderer")) renderer.add(Number(name));
    } catch {
      // the process ended meanwhile
    }
  }
  const ours = (pid) => {
    for (let p = pid, hops = 0; p > 1 && hops < 20; p = parent.get(p) ?? 0, hops++) if (p === process.pid) return true;
    return false;
  };
  let kb = 0;
  for (const pid of renderer) {
    if (!ours(pid)) continue;
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // ended
    }
  }
  return kb / 1024;
}

// A CSV of about `megabytes` MB: the row count from a sample's bytes per row.
function csvOf(megabytes, year) {
  const sample = billingCsv(2000, year).text;
  const rows = Math.max(1, Math.round((megabytes * 1e6) / (sample.length / 2000)));
  return { rows, ...billingCsv(rows, year) };
}

let env;
try {
  if (!(Number(mb) > 0)) throw new Error(`MB must be a number above 0, not "${mb}"`);
  const { rows, text, visits } = csvOf(Number(mb), await feeScheduleYear());
  mkdirSync(resolve(root, "build/bench"), { recursive: true });
  const path = resolve(root, `build/bench/export-${mb}mb.csv`);
  writeFileSync(path, text);
  env = await launch(resolve(root, site));
  const { context, page, seen } = await openPage(env);
  await page.click("#tab-file");
  await page.waitForSelector("#file[data-ready=true]");
  await page.evaluate(() => {
    window.longestTask = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.longestTask = Math.max(window.longestTask, e.duration);
    }).observe({ type: "longtask" });
    window.addEventListener("change", () => (window.chosenAt = performance.now()), true);
  });
  const base = rendererMb();
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, rendererMb())), 50);
  await page.setInputFiles("#file-input", path);
  const said = `${visits.toLocaleString("en-US")} visits evaluated`;
  const outcome = await (
    await page.waitForFunction(
      (said) => {
        const $ = (id) => document.getElementById(id);
        const status = $("file-status").textContent;
        if (!$("file-results").hidden && status.includes(said))
          return { ms: performance.now() - window.chosenAt, longest: window.longestTask };
        if (status && $("file-progress-row").hidden && !status.includes("evaluated")) return { failed: status };
        return null;
      },
      said,
      { polling: 200, timeout: TIMEOUT_MS },
    )
  ).jsonValue();
  clearInterval(sampler);
  peak = Math.max(peak, rendererMb());
  if (outcome.failed) throw new Error(`the page says: ${outcome.failed}`);
  if (seen.errors.length) throw new Error(`errors on the page: ${seen.errors.join("; ")}`);
  await context.close();
  const round = (x) => Math.round(x);
  console.log(
    JSON.stringify({
      mb: Number(mb),
      rows,
      visits,
      seconds: Math.round(outcome.ms / 100) / 10,
      peak_mb: round(peak),
      base_mb: round(base),
      longest_task_ms: round(outcome.longest),
    }),
  );
} catch (error) {
  console.error(`file view memory bench failed: ${error.message}`);
  process.exitCode = 1;
} finally {
  await env?.close();
}
