// The File view: a 2,000-visit CSV evaluated in the batch worker, listed problems first, filtered, a visit opened
// in the calculator, and the claim lines downloaded equal to `unitwise evaluate --csv`; column mapping for
// other headers, remembered; JSON Lines with KX. All without a foreign request, a CSP violation or an error.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { launch, openPage, root, screenshotPath, settled, siteDir } from "./browser.mjs";
import { CSV_HEADER, csvLines, csvVisits } from "../node/visits-csv.mjs";
import { generateVisits } from "../node/generate-visits.mjs";

const cliPath = resolve(root, process.env.UNITWISE_CLI ?? "build/native/bin/unitwise");
const cli = (text) =>
  spawnSync(cliPath, ["evaluate", "--csv", "-"], { input: text, encoding: "utf8", maxBuffer: 1 << 26 });

let env;
before(async () => {
  env = await launch(siteDir);
});
after(async () => {
  await env?.close();
});

// 2,000 generated visits (a fifth invalid on purpose), rows interleaved, then three rows of our own.
const visits = csvVisits(2000, 15);
const body = [...csvLines(visits, 16)];
const extra = [
  "BAD-1,2026-03-02,PT,97110,12.5,,national,",
  'BAD-2,2026-03-02,PT,97110,1"5,,national,',
  "V0000003,2026-03-02,PT,97140,15,,national,",
];
const bigCsv = CSV_HEADER + body.join("") + extra.map((r) => `${r}\r\n`).join("");
const badLine = body.length + 2; // the header is line 1

const foreign = (seen) =>
  seen.requests.filter((url) => !url.startsWith(`${env.origin}/`) && !url.startsWith(`blob:${env.origin}/`));
// The rows of the visits shown, every page of them (the list draws 200 at a time): from the first page to the last,
// where it stays.
async function rowsListed(page) {
  const rows = [];
  const previous = page.locator("#file-pager button[data-page='-1']");
  while ((await previous.count()) && (await previous.isEnabled())) await previous.click();
  for (;;) {
    rows.push(
      ...(await page.$$eval("table.file-visits tbody tr", (trs) =>
        trs.map((r) => ({
          id: r.cells[0].textContent,
          kinds: r.dataset.kinds,
          hidden: r.hidden,
          problems: r.cells[4].textContent,
        })),
      )),
    );
    const next = page.locator("#file-pager button[data-page='1']");
    if (!(await next.count()) || !(await next.isEnabled())) return rows;
    await next.click();
  }
}

// The page of the list that shows the visit `id`.
async function pageWith(page, id) {
  const previous = page.locator("#file-pager button[data-page='-1']");
  while ((await previous.count()) && (await previous.isEnabled())) await previous.click();
  while (!(await page.getByRole("button", { name: id, exact: true }).count()))
    await page.click("#file-pager button[data-page='1']");
}

async function openFileView(page) {
  await page.click("#tab-file");
  await page.waitForSelector("#file[data-ready=true]");
}

async function choose(page, name, text) {
  await page.setInputFiles("#file-input", {
    name,
    mimeType: name.endsWith(".csv") ? "text/csv" : "application/jsonl",
    buffer: Buffer.from(text),
  });
}

async function downloaded(page, button) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(button)]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), "utf8") };
}

test("2,000 visits: listed with progress, problems first, filtered, opened, downloaded as the CLI writes them", async () => {
  const { context, page, seen } = await openPage(env);
  await openFileView(page);
  // What the progress bar showed, and the longest the main thread was busy (frame to frame) while it ran.
  await page.evaluate(() => {
    window.seenProgress = [];
    new MutationObserver(() =>
      window.seenProgress.push({
        value: document.getElementById("file-progress").value,
        label: document.getElementById("file-progress-label").textContent,
      }),
    ).observe(document.getElementById("file-progress"), { attributes: true });
    window.longestFrame = 0;
    let last = performance.now();
    const tick = (now) => {
      window.longestFrame = Math.max(window.longestFrame, now - last);
      last = now;
      if (!document.querySelector("table.file-visits")) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const started = Date.now();
  await choose(page, "visits.csv", bigCsv);
  await page.waitForFunction(() => /2,002 shown/.test(document.getElementById("file-caption")?.textContent), null, {
    timeout: 120_000, // room for a loaded machine: how fast it lists is bench/file_view*.mjs's to measure
  });
  // 200 visits drawn at a time, with the next ones a button away.
  assert.equal(await page.$$eval("table.file-visits tbody tr", (r) => r.length), 200);
  assert.match(await page.textContent("#file-pager"), /Visits 1–200 of 2,002/);
  const elapsed = Date.now() - started;
  console.log(
    `2,000 visits (${body.length + 3} rows) listed in ${elapsed} ms; longest frame ${Math.round(await page.evaluate(() => window.longestFrame))} ms`,
  );
  await page.screenshot({ path: screenshotPath("file-view-desktop") });

  const progress = await page.evaluate(() => window.seenProgress);
  assert.ok(
    progress.some((p) => p.value > 0 && p.value < 1),
    JSON.stringify(progress.slice(0, 5)),
  );
  assert.match(progress.at(-1).label, /^Evaluating visits\.csv: 2,002 of 2,002 visits$/);
  assert.equal(await page.getAttribute("label[for=file-progress]", "id"), "file-progress-label");
  assert.equal(await page.isHidden("#file-progress-row"), true);

  // Problems first: errors, then edits, then KX, then warnings, then clean; file order within each.
  const rows = await rowsListed(page);
  const rank = (r) => {
    const k = ["errors", "edits", "kx", "warnings"].indexOf(r.kinds.split(" ")[0]);
    return k < 0 ? 4 : k;
  };
  assert.deepEqual(
    rows.map(rank),
    rows.map(rank).toSorted((a, b) => a - b),
  );
  const errors = rows.filter((r) => r.kinds.includes("errors"));
  assert.ok(
    errors.length > 300 &&
      rows.filter((r) => r.kinds.startsWith("edits")).length > 100 &&
      rows.some((r) => r.kinds === ""),
  );
  assert.match(await page.textContent("table.file-visits caption"), /file visits\.csv/);
  assert.match(
    rows.find((r) => r.id === "BAD-1").problems,
    new RegExp(`^Error line ${badLine}: minutes must be a whole number of minutes`),
  );
  assert.match(
    rows.find((r) => r.id === "BAD-2").problems,
    new RegExp(`^Error line ${badLine + 1}: malformed CSV quoting`),
  );
  assert.match(rows.find((r) => r.id === "V0000003").problems, /./);

  // The filter.
  for (const [value, keep] of [
    ["errors", (r) => r.kinds.includes("errors")],
    ["edits", (r) => r.kinds.includes("edits")],
    ["kx", () => false],
    ["problems", (r) => r.kinds !== ""],
    ["all", () => true],
  ]) {
    await page.selectOption("#file-filter", value);
    const shown = (await rowsListed(page)).filter((r) => !r.hidden);
    assert.deepEqual(
      shown.map((r) => r.id),
      rows.filter(keep).map((r) => r.id),
      value,
    );
    assert.match(
      await page.textContent("table.file-visits caption"),
      new RegExp(`${shown.length.toLocaleString("en-US")} shown`),
    );
  }

  // The claim lines and the summary, downloaded: the CLI's bytes.
  const expected = cli(bigCsv);
  assert.equal(expected.status, 1);
  const claims = await downloaded(page, "#file-claims");
  assert.equal(claims.name, "visits-claims.csv");
  assert.equal(claims.text, expected.stdout);
  const summary = await downloaded(page, "#file-summary");
  assert.match(
    summary.text,
    /^measure,value\nfile,visits\.csv\nvisits,2002\nclaim lines,\d+\nunits,\d+\nallowed,\d+\.\d\d\n/,
  );
  assert.match(summary.text, new RegExp(`visits with errors,${errors.length}\n`));

  // A clean visit opens in the calculator with its codes; the file stays listed behind it.
  const clean = rows.find((r) => r.kinds === "" && visits.find((v) => v.id === r.id)?.visit.services.length >= 2);
  const codes = visits.find((v) => v.id === clean.id).visit.services.map((s) => s.code);
  await pageWith(page, clean.id);
  const opener = page.getByRole("button", { name: clean.id, exact: true });
  await opener.focus();
  await page.keyboard.press("Enter");
  await settled(page);
  assert.equal(await page.isVisible("#calculator"), true);
  assert.equal(await page.isHidden("#file"), true);
  assert.deepEqual(await page.$$eval("#service-rows input.code", (inputs) => inputs.map((i) => i.value)), codes);
  assert.match(await page.textContent("#from-file"), new RegExp(`Visit ${clean.id} of visits\\.csv`));
  assert.match(await page.textContent("#summary"), /unit/);
  await page.click("#back-to-file");
  assert.equal(await page.isVisible("#file"), true);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), clean.id);
  assert.equal((await rowsListed(page)).length, 2002);

  const phone = await context.newPage();
  await phone.setViewportSize({ width: 390, height: 844 });
  await phone.goto(env.origin);
  await phone.waitForSelector("body[data-ready=true]");
  await openFileView(phone);
  await choose(phone, "visits.csv", bigCsv);
  await phone.waitForSelector("table.file-visits");
  await phone.locator("#file-totals").evaluate((p) => p.scrollIntoView());
  await phone.screenshot({ path: screenshotPath("file-view-phone") });
  assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth <= 390), "no sideways scroll of the page");

  assert.deepEqual(foreign(seen), []);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test("renamed columns: a mapping form, only known names filled in; the mapping is remembered for the same header", async () => {
  const small = csvVisits(40, 3);
  const lines = [...csvLines(small, 4)];
  const renamed = "Visit #,DOS,Discipline,CPT,Mins,Assistant mins,Locality,Place\n" + lines.join("");
  const { context, page, seen } = await openPage(env);
  await openFileView(page);
  await choose(page, "export.csv", renamed);
  await page.waitForSelector("#file-mapping:not([hidden])");
  assert.match(await page.textContent("#file-mapping"), /unknown column "Visit #"/);
  // Only names the CLI knows are filled in (DOS, CPT, Mins and Assistant mins are EHR names for its columns);
  // "Visit #" and "Place" wait for the user.
  assert.deepEqual(await page.$$eval("#file-mapping select", (s) => s.map((x) => x.value)), [
    "",
    "1",
    "2",
    "3",
    "4",
    "5",
    "6",
    "",
  ]);
  await page.click("#file-mapping button[type=submit]");
  assert.match(await page.textContent("#file-mapping [role=alert]"), /Choose a column for visit_id\./);
  assert.equal(await page.$$eval("table.file-visits", (t) => t.length), 0);
  for (const [field, column] of [
    ["visit_id", "Visit #"],
    ["setting", "Place"],
  ]) {
    await page.selectOption(`#map-${field}`, { label: column });
  }
  await page.click("#file-mapping button[type=submit]");
  await page.waitForSelector("table.file-visits");
  assert.equal(await page.isHidden("#file-mapping"), true);
  assert.equal((await rowsListed(page)).length, 40);
  // Mapped, the claim lines are the CLI's for the same file with its header renamed back.
  const standard = CSV_HEADER + lines.join("");
  assert.equal((await downloaded(page, "#file-claims")).text, cli(standard).stdout);

  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  await openFileView(page);
  await choose(page, "export.csv", renamed);
  await page.waitForSelector("table.file-visits");
  assert.equal(await page.isHidden("#file-mapping"), true);
  assert.match(
    await page.textContent("#file-table"),
    /Columns as you mapped them for this header: Visit # → visit_id, Place → setting\./,
  );
  assert.equal((await rowsListed(page)).length, 40);
  // The mapping can be changed: the form comes back with it.
  await page.click("#file-remap");
  assert.deepEqual(await page.$$eval("#file-mapping select", (s) => s.map((x) => x.value)), [
    "0",
    "1",
    "2",
    "3",
    "4",
    "5",
    "6",
    "7",
  ]);
  // Another header is asked about again.
  await choose(page, "other.csv", renamed.replace("Mins", "Time (min)"));
  await page.waitForSelector("#file-mapping:not([hidden])");
  assert.equal(await page.$eval("#map-minutes", (s) => s.value), "");
  assert.deepEqual(foreign(seen), []);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

// Issue 29: a file as an EHR exports it (tests/fixtures/ehr-export.csv: Visit ID,DOS,Disc,CPT,Mins; 04/16/2026;
// Physical Therapy, ST) is read at once, without the mapping step, and billed as the CLI bills it.
test("an EHR export with US dates and its own header names: every visit billed, the date order shown and changed", async () => {
  const text = readFileSync(resolve(root, "tests/fixtures/ehr-export.csv"), "utf8");
  const { context, page, seen } = await openPage(env);
  await openFileView(page);
  await choose(page, "ehr-export.csv", text);
  await page.waitForSelector("table.file-visits");
  assert.equal(await page.isHidden("#file-mapping"), true);
  const rows = await rowsListed(page);
  assert.equal(rows.length, 8);
  assert.deepEqual(
    rows.filter((r) => /Error/.test(r.problems)),
    [],
  );
  assert.match(await page.textContent("#file-totals"), /^8 visits, 14 claim lines, 20 units/);
  assert.equal(await page.textContent("#file-date-order-reads"), "04/16/2026 reads as April 16, 2026.");
  assert.equal((await downloaded(page, "#file-claims")).text, cli(text).stdout);
  // Read day first, 04/16/2026 has no month 16: each visit is an error naming its row and its text.
  await page.selectOption("#file-date-order", "dmy");
  await page.waitForFunction(() =>
    [...document.querySelectorAll("table.file-visits tbody tr")].every((r) => r.dataset.kinds === "errors"),
  );
  assert.equal(
    await page.textContent("#file-date-order-reads"),
    "04/16/2026 reads as not a real date (read day first (D/M/Y), its month would be 16).",
  );
  assert.match((await rowsListed(page))[0].problems, /line 2: date_of_service "04\/16\/2026" is not a real date/);
  await page.selectOption("#file-date-order", "mdy");
  await page.waitForFunction(() => !document.querySelector("table.file-visits tbody tr[data-kinds=errors]"));
  assert.equal((await rowsListed(page)).length, 8);
  assert.deepEqual(foreign(seen), []);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

// Issue 29: problems in plain words; an engine id (add-on-without-primary) only in the words' title. A denied line's
// units and money count in no total.
test("a denied line: said in words, its id only in their title, its units and money in no total", async () => {
  const text = "Visit ID,DOS,Disc,CPT,Mins\nD1,04/15/2026,OT,97130,30\nD1,04/15/2026,OT,97535,15\n";
  const { context, page, seen } = await openPage(env);
  await openFileView(page);
  await choose(page, "denied.csv", text);
  await page.waitForSelector("table.file-visits");
  assert.match(await page.textContent("#file-totals"), /^1 visits, 1 claim lines, 1 units, \$32\.40 allowed/);
  const problems = page.locator("table.file-visits tbody tr td").nth(4);
  assert.match(await problems.innerText(), /^Warning 97130 is an add-on code: bill it with 97129/);
  assert.doesNotMatch(await problems.innerText(), /add-on-without-primary/);
  assert.equal(
    await problems.locator(".problem-words").first().getAttribute("title"),
    "unitwise id: add-on-without-primary",
  );
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test("JSON Lines: one visit a line; KX visits come after edits and before warnings, and filter", async () => {
  const lines = generateVisits(300, 9).map((v) => JSON.stringify(v));
  lines.splice(5, 0, "{not json", "null");
  const { context, page, seen } = await openPage(env);
  await openFileView(page);
  // Dropped on the drop zone this time.
  await page.evaluate(
    (text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], "visits.jsonl"));
      document
        .getElementById("file-drop")
        .dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
    },
    lines.join("\n") + "\n",
  );
  await page.waitForSelector("table.file-visits");
  const rows = await rowsListed(page);
  assert.equal(rows.length, 302);
  assert.match(rows.find((r) => r.id === "7").problems, /^Error line 7: a visit must be a JSON object/);
  assert.match(rows.find((r) => r.id === "6").problems, /^Error line 6: not valid JSON/);
  const firstKind = rows.map((r) => r.kinds.split(" ")[0] || "clean");
  const order = ["errors", "edits", "kx", "warnings", "clean"];
  assert.deepEqual(
    firstKind,
    firstKind.toSorted((a, b) => order.indexOf(a) - order.indexOf(b)),
  );
  assert.ok(firstKind.includes("kx"), "some visits pass the KX threshold");
  await page.selectOption("#file-filter", "kx");
  const shown = (await rowsListed(page)).filter((r) => !r.hidden);
  assert.ok(shown.length > 0 && shown.every((r) => r.kinds.split(" ").includes("kx")));
  assert.match(shown[0].problems, /KX/);
  // A line that is not a visit opens as an empty calculator, not a crash.
  await page.selectOption("#file-filter", "all");
  await pageWith(page, "7");
  await page.getByRole("button", { name: "7", exact: true }).click();
  await settled(page);
  assert.equal(await page.isVisible("#calculator"), true);
  assert.equal(
    await page.$$eval("#result-body table.claim-lines", (t) => t.length),
    0,
    "no figures of the visit before",
  );
  assert.deepEqual(foreign(seen), []);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

// axe-core, injected with the CSP bypassed (only for this check), on the File view at desktop and phone widths.
test("axe finds no serious or critical accessibility violation in the File view, wide or narrow", async () => {
  for (const viewport of [
    { width: 1280, height: 900 },
    { width: 390, height: 844 },
  ]) {
    const context = await env.browser.newContext({ viewport, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(env.origin);
    await page.waitForSelector("body[data-ready=true]");
    await openFileView(page);
    await choose(
      page,
      "export.csv",
      "Visit #,DOS,discipline,CPT,minutes,assistant_minutes\nA,2026-03-02,PT,97110,30,\n",
    );
    await page.waitForSelector("#file-mapping:not([hidden])");
    await page.addScriptTag({ path: resolve(root, "node_modules/axe-core/axe.min.js") });
    const audit = () =>
      page.evaluate(async () =>
        (await window.axe.run(document.getElementById("file"))).violations
          .filter((v) => ["serious", "critical"].includes(v.impact))
          .map((v) => `${v.id}: ${v.nodes.length}`),
      );
    assert.deepEqual(await audit(), [], "the mapping form");
    await choose(
      page,
      "visits.csv",
      CSV_HEADER + body.slice(0, 300).join("") + "BAD-1,2026-03-02,PT,97110,12.5,,national,\n",
    );
    await page.waitForSelector("table.file-visits");
    assert.deepEqual(await audit(), [], `the listed file at ${viewport.width} px`);
    await context.close();
  }
});
