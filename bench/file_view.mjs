// The page's File view end to end: a biller's CSV chosen, read, evaluated in the batch worker and listed.
// node bench/file_view.mjs [ROWS, default 6000] [site dir, default build/web] [npm dir, default build/npm]
// Prints rows per second, the median of 3 runs, from the file's change event to the frame that says every visit was
// evaluated (the list shows the first 200);
// each run in a fresh browser context, so it pays for the worker and its wasm as a user's first file does.
// Exits 1 with the reason when the page fails, refuses the file or reports a visit with errors.
import { resolve } from "node:path";
import { launch, openPage, root } from "../tests/browser/browser.mjs";
import { billingCsv } from "./billing-csv.mjs";

const RUNS = 3;
const TIMEOUT_MS = 60_000;
const [rows = 6000, site = "build/web", npmDir = "build/npm"] = process.argv.slice(2);

// The file's dates are in the latest fee-schedule year the engine carries, so they follow the built-in data.
async function feeScheduleYear() {
  const { createEngine } = await import(resolve(root, npmDir, "index.node.js"));
  const years = (await createEngine())
    .dataVersions()
    .releases.filter((r) => r.kind === "rvu")
    .map((r) => r.year);
  return Math.max(...years);
}

// One run: milliseconds from choosing the file to the frame that shows all `visits`.
async function run(env, csv, visits) {
  const { context, page, seen } = await openPage(env);
  try {
    await page.click("#tab-file");
    await page.waitForSelector("#file[data-ready=true]");
    // Capture phase on window: runs before the page's own change listener on the input.
    await page.evaluate(() =>
      window.addEventListener(
        "change",
        () => {
          window.chosenAt = performance.now();
        },
        true,
      ),
    );
    await page.setInputFiles("#file-input", { name: "export.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    const outcome = await (
      await page.waitForFunction(
        (said) => {
          const $ = (id) => document.getElementById(id);
          const status = $("file-status").textContent;
          if (!$("file-results").hidden && status.includes(said)) {
            // Visits with errors are listed first, so the first page shows one if there is any.
            const withErrors = document.querySelectorAll("table.file-visits tbody tr[data-kinds~=errors]").length;
            return { ms: performance.now() - window.chosenAt, withErrors };
          }
          if (!$("file-mapping").hidden)
            return { failed: "the page asked for a column mapping: the header was refused" };
          if (status && $("file-progress-row").hidden) return { failed: `the page says: ${status}` };
          return null;
        },
        `: ${visits.toLocaleString("en-US")} visits evaluated`,
        { polling: "raf", timeout: TIMEOUT_MS },
      )
    ).jsonValue();
    if (outcome.failed) throw new Error(outcome.failed);
    if (outcome.withErrors)
      throw new Error(`visits with errors (${outcome.withErrors} on the first page): the generated CSV is wrong`);
    if (seen.errors.length) throw new Error(`errors on the page: ${seen.errors.join("; ")}`);
    return outcome.ms;
  } finally {
    await context.close();
  }
}

let env;
try {
  if (!(Number(rows) > 0 && Number.isInteger(Number(rows))))
    throw new Error(`ROWS must be a whole number above 0, not "${rows}"`);
  const { text, visits } = billingCsv(Number(rows), await feeScheduleYear());
  env = await launch(resolve(root, site));
  const times = [];
  for (let i = 0; i < RUNS; i++) times.push(await run(env, text, visits));
  times.sort((a, b) => a - b);
  console.error(
    `file view: ${rows} rows (${visits} visits) listed in ${times.map((t) => Math.round(t)).join(", ")} ms`,
  );
  console.log(Math.round(Number(rows) / (times[Math.floor(RUNS / 2)] / 1000)));
} catch (error) {
  console.error(`file view bench failed: ${error.message}`);
  process.exitCode = 1;
} finally {
  await env?.close();
}
