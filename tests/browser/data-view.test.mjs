// The Data view (issue 26): the tables in force for the calculator's date with their age, CMS's files taken in
// (dropped or chosen, imported in a worker), kept in IndexedDB, applied in every view, exported and removed; and the
// claim card saying when its fee is an estimate or a table may be out of date.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { launch, openPage, pressAndRelease, root, screenshotPath, settled, siteDir, visitLink } from "./browser.mjs";

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
// CMS-shaped files of a made-up CY2027 release (tests/fixtures/cms-like.mjs), written where the file chooser reads them.
const cms = mkdtempSync(join(tmpdir(), "unitwise-cms-"));

let env;
before(async () => {
  const made = spawnSync(process.execPath, [join(root, "tests/fixtures/cms-like.mjs"), cms], { encoding: "utf8" });
  assert.equal(made.status, 0, made.stderr);
  env = await launch(siteDir);
});
after(async () => {
  await env?.close();
});

const openVisit = (date, viewport = DESKTOP) =>
  openPage(
    env,
    visitLink({
      dateOfService: date,
      discipline: "PT",
      services: [
        { code: "97110", minutes: 38 },
        { code: "97140", minutes: 15 },
      ],
    }),
    viewport,
  );

// The tables in force as a person reads them: { kind: "Relative values (RVU)", name, when, tag }.
const inForce = (page) =>
  page.$$eval("#data-in-force li", (items) =>
    items.map((li) => ({
      kind: li.querySelector(".kind").textContent,
      name: li.querySelector(".name").textContent,
      when: li.querySelector(".when").textContent,
      tag: li.querySelector(".tag").textContent,
    })),
  );

async function openData(page) {
  await page.click("#tab-data");
  await page.waitForSelector("#data[data-ready=true] #data-in-force li");
}

test("the Data view lists the tables in force on the calculator's date, how old each is, and which may be out of date", async () => {
  const { context, page, seen } = await openVisit("2026-11-02");
  await openData(page);
  assert.equal(await page.inputValue("#data-date"), "2026-11-02");
  const rows = await inForce(page);
  const row = (kind) => rows.find((r) => r.kind === kind);
  for (const kind of [
    "Relative values (RVU)",
    "Geographic practice cost indices (GPCI)",
    "Conversion factor",
    "NCCI pair edits (PTP)",
    "Unit limits (MUE)",
    "KX and review thresholds",
    "Telehealth list",
  ]) {
    assert.ok(row(kind), `${kind} is listed: ${JSON.stringify(rows)}`);
  }
  assert.match(row("Relative values (RVU)").name, /CY2026/);
  assert.equal(row("Relative values (RVU)").when, "in force from 2026-01-01, 10 months old");
  assert.equal(row("NCCI pair edits (PTP)").when, "in force from 2024-07-01, 2 years 4 months old");
  assert.equal(row("NCCI pair edits (PTP)").tag, "May be out of date: CMS's next one was due by 2024-10-01");
  assert.equal(row("Geographic practice cost indices (GPCI)").tag, "Current");
  assert.match(row("Relative values (RVU)").name, /built in$/);
  // Another date: a 2027 visit has only 2026's fee tables, the nearest.
  await page.fill("#data-date", "2027-02-01");
  await settled(page);
  assert.match(
    (await inForce(page)).find((r) => r.kind === "Relative values (RVU)").tag,
    /^Only the nearest: no 2027 table is held, so 2026's is used and fees are estimates$/,
  );
  assert.match(await page.textContent("#data-kept"), /None yet/);
  // Reachable from the footer too (from any view).
  await page.click("#tab-file");
  await page.click("#footer-data");
  assert.equal(await page.isVisible("#data"), true);
  // The view's code loads on first use, so the heading takes focus once it has (a loaded machine takes longer).
  await page.waitForFunction(() => document.activeElement?.id === "data-title", null, { timeout: 10000 });
  assert.deepEqual(seen.errors, []);
  await context.close();
});

const card = (page) => page.textContent("#claim-card .card-body");
// The card's allowed amount, without the word "estimated" beside it.
const allowed = (page) => page.$eval("#claim-card .figures div:nth-child(2) dd", (dd) => dd.firstChild.textContent);
const ready = async (page) => {
  await page.waitForSelector("body[data-ready=true]");
  await settled(page);
};

// A drop as a browser makes one: the files in a DataTransfer, dropped on the zone.
async function dropFiles(page, names) {
  const files = names.map((name) => ({ name, base64: readFileSync(join(cms, name)).toString("base64") }));
  const transfer = await page.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name));
    return dt;
  }, files);
  await page.dispatchEvent("#data-drop", "dragover", { dataTransfer: transfer });
  await page.dispatchEvent("#data-drop", "drop", { dataTransfer: transfer });
}

// What this browser's storage holds: the number of kept packs.
const keptCount = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open("unitwise-data", 1);
        request.onupgradeneeded = () =>
          request.result.createObjectStore("packs", { keyPath: "id", autoIncrement: true });
        request.onsuccess = () => {
          const count = request.result.transaction("packs").objectStore("packs").count();
          count.onsuccess = () => {
            resolve(count.result);
            request.result.close();
          };
        };
        request.onerror = () => reject(request.error);
      }),
  );

test("CMS's 2027 RVU zip dropped on the Data view prices a 2027 visit at 2027 rates, after a reload too, until it is removed", async () => {
  const { context, page, seen } = await openVisit("2027-02-01");
  // Before: the card says the fee is an estimate at 2026 rates, and points to the Data view.
  assert.match(await card(page), /estimated at 2026 rates/);
  const estimated = await allowed(page);
  await page.screenshot({ path: screenshotPath("card-estimated-desktop") });
  await page.click("#claim-card .data-note.estimated button");
  assert.equal(await page.isVisible("#data"), true);
  await page.waitForSelector("#data-in-force li");

  await dropFiles(page, ["rvu27a.zip"]);
  await page.waitForSelector("#data-status .ok-note");
  assert.match(
    await page.textContent("#data-status .ok-note"),
    /^Added CMS PFS relative values CY2027, January release .* \+ CMS CY2027 GPCIs/,
  );
  assert.match(await page.textContent("#data-status"), /What was read:.*PPRRVU2027_Jan\.csv.*Left out:.*RVU27A\.pdf/s);
  const rvu = await page.textContent('#data-in-force li[data-kind="rvu"]');
  assert.match(rvu, /CY2027.*added in this browser/);
  assert.match(rvu, /in force from 2027-01-01, 1 month old/);
  assert.match(await page.textContent("#data-kept .kept-pack"), /Relative values \(RVU\) from 2027-01-01 \(87 rows\)/);
  assert.equal(await keptCount(page), 1);
  await page.screenshot({ path: screenshotPath("data-view-desktop"), fullPage: true });

  // The calculator: 2027 rates, no estimate.
  await page.click("#tab-calculator");
  await settled(page);
  assert.doesNotMatch(await card(page), /estimated/);
  const priced = await allowed(page);
  assert.notEqual(priced, estimated);
  assert.match(await page.textContent("#result-body"), /Medicare fee \(2027 schedule.*Conversion factor \$34\.1234/s);

  // The File view's worker has the pack too: a 2027 visit is not flagged as estimated there.
  await page.click("#tab-file");
  await page.waitForSelector("#file[data-ready=true]");
  await page.setInputFiles("#file-input", {
    name: "v.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(
      "visit_id,date_of_service,discipline,code,minutes,assistant_minutes\nA,2027-02-01,PT,97110,38,\n",
    ),
  });
  await page.waitForSelector("table.file-visits tbody tr");
  assert.doesNotMatch(
    await page.textContent("table.file-visits tbody"),
    /No Medicare fee schedule for 2027 is loaded: the fee is an estimate/,
  );

  // The plan of care too: its 2027 visit is allowed what the calculator allows.
  await page.click("#tab-plan");
  await page.waitForSelector("#plan-visit-0-date");
  await page.fill("#plan-visit-0-date", "2027-02-01");
  await page.fill("#plan-visit-0-services", "97110 38, 97140 15");
  await settled(page);
  assert.equal(await page.textContent("table.plan-table tbody tr td:nth-child(4)"), priced);

  // A reload: still applied (kept in IndexedDB), before the first result.
  await page.reload();
  await ready(page);
  assert.doesNotMatch(await card(page), /estimated/);
  assert.equal(await allowed(page), priced);

  // Exported as a zip of the pack's own files.
  await page.click("#tab-data");
  await page.waitForSelector("#data-kept .kept-pack");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#data-kept .export")]);
  assert.equal(
    download.suggestedFilename(),
    "unitwise-data-rvu-2027-01-01+conversion-factor-2027-01-01+gpci-2027-01-01.zip",
  );
  const exported = join(cms, "exported.zip");
  await download.saveAs(exported);
  const listing = spawnSync("unzip", ["-l", exported], { encoding: "utf8" });
  if (listing.status === 0) assert.match(listing.stdout, /manifest\.json[\s\S]*rvu-2027-01-01\.csv/);

  // Removed: the card says estimated again; Undo brings it back; removed again, and the exported zip taken back.
  await page.click("#data-kept .remove");
  await page.waitForSelector("#data-undo");
  assert.match(await page.textContent("#data-status"), /^Removed CMS PFS relative values CY2027.*Undo$/);
  assert.equal(await page.evaluate(() => document.activeElement.id), "data-undo");
  assert.equal(await keptCount(page), 0);
  await page.click("#tab-calculator");
  await settled(page);
  assert.match(await card(page), /estimated at 2026 rates/);
  assert.equal(await allowed(page), estimated);
  await page.click("#tab-plan");
  await settled(page);
  assert.equal(await page.textContent("table.plan-table tbody tr td:nth-child(4)"), estimated);
  await page.click("#tab-data");
  await page.click("#data-undo");
  await page.waitForSelector("#data-status :text('is back')");
  assert.equal(await keptCount(page), 1);
  await page.click("#tab-calculator");
  await settled(page);
  assert.doesNotMatch(await card(page), /estimated/);
  await page.click("#tab-data");
  await page.click("#data-kept .remove");
  await page.waitForSelector("#data-undo");
  await page.setInputFiles("#data-input", exported);
  await page.waitForSelector("#data-status .ok-note");
  assert.match(await page.textContent("#data-status"), /exported\.zip: a data pack exported from this page/);
  assert.equal(await keptCount(page), 1);
  await page.click("#tab-calculator");
  await settled(page);
  assert.doesNotMatch(await card(page), /estimated/);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test("a 2026-11 visit's card says a table may be out of date instead of the all-clear, and points to the Data view", async () => {
  const { context, page, seen } = await openVisit("2026-11-02");
  const status = await page.textContent("#claim-card .card-body > .status");
  assert.equal(status, "No NCCI or MUE edit found, but a table may be out of date");
  assert.equal(await page.locator("#claim-card .status.ok").count(), 0);
  const note = await page.textContent("#claim-card .data-note.out-of-date");
  assert.match(
    note,
    /^May be out of date: the relative values of 2026-01-01 \(a newer one was due by 2026-10-01\), the MUE table of 2026-04-01 \(a newer one was due by 2026-07-01\), the NCCI pair table of 2024-07-01 \(a newer one was due by 2024-10-01\)\. See the data$/,
  );
  await pressAndRelease(page, "#claim-card .data-note.out-of-date button");
  assert.equal(await page.isVisible("#data"), true);
  // The view's code loads on first use, so the heading takes focus once it has (a loaded machine takes longer).
  await page.waitForFunction(() => document.activeElement?.id === "data-title", null, { timeout: 10000 });
  // On a phone the card's bar says it too.
  await page.setViewportSize(PHONE);
  await page.click("#tab-calculator");
  await settled(page);
  assert.match(await page.textContent("#card-toggle"), /No NCCI or MUE edit found, but a table may be out of date/);
  await page.screenshot({ path: screenshotPath("card-out-of-date-phone") });
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test("a file that is not CMS's (a random .txt, an empty zip) gives a plain error, and nothing is kept", async () => {
  const { context, page, seen } = await openVisit("2026-11-02");
  await openData(page);
  await page.setInputFiles("#data-input", {
    name: "notes.txt",
    mimeType: "text/plain",
    buffer: Buffer.from("groceries: milk, eggs\n"),
  });
  await page.waitForSelector("#data-status .import-error");
  assert.match(
    await page.textContent("#data-status .import-error"),
    /^notes\.txt was not taken in, and nothing was kept:notes\.txt: not a CMS file unitwise reads/,
  );
  const empty = Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);
  await page.setInputFiles("#data-input", { name: "empty.zip", mimeType: "application/zip", buffer: empty });
  await page.waitForFunction(() =>
    /empty\.zip was not taken in/.test(document.querySelector("#data-status").textContent),
  );
  assert.match(await page.textContent("#data-status .import-error li"), /empty\.zip/);
  assert.equal(await keptCount(page), 0);
  assert.match(await page.textContent("#data-kept"), /None yet/);
  await page.click("#tab-calculator");
  await settled(page);
  assert.match(await card(page), /May be out of date/);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test("a kept pack the engine refuses (damaged storage) is reported, listed as not used, and can be removed", async () => {
  const { context, page, seen } = await openVisit("2026-11-02");
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        const request = indexedDB.open("unitwise-data", 1);
        request.onupgradeneeded = () =>
          request.result.createObjectStore("packs", { keyPath: "id", autoIncrement: true });
        request.onsuccess = () => {
          const tx = request.result.transaction("packs", "readwrite");
          tx.objectStore("packs").add({
            name: "My damaged pack",
            added: "2026-11-01",
            files: ["x.zip"],
            pack: { "manifest.json": '{"format":"unitwise-data-pack","formatVersion":1,"tables":[' },
          });
          tx.oncomplete = () => {
            request.result.close();
            resolve();
          };
        };
      }),
  );
  await page.reload();
  await ready(page);
  assert.match(
    await page.textContent("#notice"),
    /Data you added to this browser could not be used: My damaged pack\. The built-in data is used instead\./,
  );
  assert.match(await page.textContent("#data-versions"), /A data pack you added was refused: see Data\./);
  await page.click("#notice button:text('Open Data')");
  await page.waitForSelector("#data-kept .kept-pack.refused");
  assert.match(await page.textContent("#data-kept .refused"), /My damaged pack.*Not used: the engine refused it\./s);
  await page.click("#data-kept .refused .remove");
  await page.waitForSelector("#data-undo");
  assert.equal(await keptCount(page), 0);
  assert.match(await page.textContent("#data-kept"), /None yet/);
  assert.deepEqual(
    seen.errors.filter((e) => !/refused/.test(e)),
    [],
  );
  await context.close();
});

test("the Data view on a phone: one column, the file chooser reachable by keyboard; fresh edit tables give the all-clear", async () => {
  const { context, page, seen } = await openVisit("2027-02-01", PHONE);
  await openData(page);
  await page.setInputFiles(
    "#data-input",
    ["mcr-mue-practitioner-2027-q1.zip", "medicare-ncci-2027q1-practitioner-ptp-edits-f4.zip"].map((n) => join(cms, n)),
  );
  await page.waitForSelector("#data-status .ok-note");
  assert.equal(
    await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth),
    true,
    "no sideways scroll",
  );
  // From the date field, Tab leaves its day, month and year parts and comes to the file chooser.
  await page.focus("#data-date");
  for (let i = 0; i < 4 && (await page.evaluate(() => document.activeElement.id)) !== "data-input"; i++)
    await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.id), "data-input");
  await page.screenshot({ path: screenshotPath("data-view-phone-full"), fullPage: true });
  await page.locator("#data-in-force").scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath("data-view-phone") });
  // The 2027 PTP and MUE tables are in force and current on 2027-02-01: the card's green all-clear is back.
  await page.click("#tab-calculator");
  await settled(page);
  assert.match(await page.textContent("#card-toggle .status.ok"), /^No NCCI or MUE edit$/);
  assert.match(await page.textContent("#card-toggle"), /estimated at 2026 rates/);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test("a pack added in one tab applies in the other tab open on the page, without a reload", async () => {
  const { context, page } = await openVisit("2027-02-01");
  const other = await context.newPage();
  await other.goto(page.url());
  await other.waitForSelector("body[data-ready=true]");
  assert.match(await card(other), /estimated at 2026 rates/);
  // The other tab's File view has evaluated a 2027 visit at the estimate already: its worker takes the pack too.
  const csv = {
    name: "v.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(
      "visit_id,date_of_service,discipline,code,minutes,assistant_minutes\nA,2027-02-01,PT,97110,38,\n",
    ),
  };
  await other.click("#tab-file");
  await other.waitForSelector("#file[data-ready=true]");
  await other.setInputFiles("#file-input", csv);
  await other.waitForSelector("table.file-visits tbody tr");
  assert.match(
    await other.textContent("table.file-visits tbody"),
    /No Medicare fee schedule for 2027 is loaded: the fee is an estimate/,
  );
  await openData(page);
  await page.setInputFiles("#data-input", join(cms, "rvu27a.zip"));
  await page.waitForSelector("#data-status .ok-note");
  await other.click("#tab-calculator");
  await other.waitForFunction(() => !/estimated/.test(document.querySelector("#claim-card .card-body").textContent));
  await other.click("#tab-file");
  await other.setInputFiles("#file-input", { ...csv, name: "w.csv" });
  await other.waitForSelector("table.file-visits caption:text('w.csv')");
  assert.doesNotMatch(
    await other.textContent("table.file-visits tbody"),
    /No Medicare fee schedule for 2027 is loaded: the fee is an estimate/,
  );
  // What was read stays with the kept pack.
  await page.click("#data-kept details.read summary");
  assert.match(await page.textContent("#data-kept details.read"), /PPRRVU2027_Jan\.csv/);
  await context.close();
});

// axe-core, injected with the CSP bypassed (only for this check), on the Data view with a pack kept, wide and narrow.
test("axe finds no serious or critical accessibility violation in the Data view, wide or narrow", async () => {
  for (const viewport of [DESKTOP, PHONE]) {
    const context = await env.browser.newContext({ viewport, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${env.origin}/`);
    await page.waitForSelector("body[data-ready=true]");
    await openData(page);
    await page.setInputFiles("#data-input", join(cms, "rvu27a.zip"));
    await page.waitForSelector("#data-status .ok-note");
    await page.addScriptTag({ path: resolve(root, "node_modules/axe-core/axe.min.js") });
    const violations = await page.evaluate(async () =>
      (await window.axe.run(document.getElementById("data"))).violations
        .filter((v) => ["serious", "critical"].includes(v.impact))
        .map((v) => `${v.id}: ${v.nodes.length}`),
    );
    assert.deepEqual(violations, [], `at ${viewport.width} px`);
    await context.close();
  }
});
