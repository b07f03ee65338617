// A clinician's day (issue 29 item 2), as an auditor does it: choose an export with a Provider column, see the
// impossible day and the day over the shift first, lengthen the shift to 10 hours and see the 9-hour day unflagged,
// download the days and get what `unitwise evaluate --csv --clinician-days` writes.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { launch, openPage, root, screenshotPath, siteDir } from "./browser.mjs";

const cliPath = resolve(root, process.env.UNITWISE_CLI ?? "build/native/bin/unitwise");
const fixture = readFileSync(resolve(root, "tests/fixtures/clinician-days.csv"), "utf8");
const dir = mkdtempSync(join(tmpdir(), "unitwise-days-browser-"));
// The CLI's days for the fixture under `hours`.
const cliDays = (hours) => {
  const path = join(dir, `days-${hours}.csv`);
  const run = spawnSync(cliPath, ["evaluate", "--csv", "-", "--clinician-days", path, "--shift-hours", hours], {
    input: fixture,
    encoding: "utf8",
  });
  assert.equal(run.status, 1, run.stderr); // the fixture holds one invalid visit
  return readFileSync(path, "utf8");
};

let env;
before(async () => {
  env = await launch(siteDir);
});
after(async () => {
  await env?.close();
  rmSync(dir, { recursive: true, force: true });
});

// The rows of a table named `name`, each as its cells' texts.
const rowsOf = (page, name) =>
  page
    .getByRole("table", { name })
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));

test("an auditor sees the 25-hour and 9-hour days first, lengthens the shift, and downloads the days", async () => {
  const { context, page, seen } = await openPage(env);
  await page.getByRole("button", { name: "File", exact: true }).click();
  await page.waitForSelector("#file[data-ready=true]");
  await page.getByLabel("Choose a CSV or JSON Lines file, or drop it here").setInputFiles({
    name: "march.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(fixture),
  });
  const section = page.getByRole("region", { name: "Clinicians' days" });
  await section.waitFor();
  assert.equal(
    await page.locator("#file-clinicians-verdict").textContent(),
    "2 days of 6 to look at first: 1 over the 8-hour shift, 1 impossible (over 24 hours).",
  );
  assert.deepEqual(await rowsOf(page, "Days over the 8-hour shift or over 24 hours, longest first"), [
    ["1234567890", "2026-03-02", "25", "1,500 (25 h 00 min)", "Impossible: over 24 hours"],
    ["Dana Reyes, PT", "2026-03-02", "9", "540 (9 h 00 min)", "Over the 8-hour shift"],
  ]);
  assert.deepEqual(await rowsOf(page, "Each clinician"), [
    ["Dana Reyes, PT", "2", "12", "595", "1"],
    ["1234567890", "3", "27", "1,570", "1"],
    ["@Lee", "1", "1", "15", "0"],
  ]);
  await section.screenshot({ path: screenshotPath("clinician-days") });

  // A 10-hour shift: the 9-hour day is no longer flagged, the 25-hour one still is; nothing is evaluated again.
  const shift = page.getByLabel("Shift length (hours)");
  assert.equal(await shift.inputValue(), "8");
  await shift.fill("10");
  assert.deepEqual(await rowsOf(page, "Days over the 10-hour shift or over 24 hours, longest first"), [
    ["1234567890", "2026-03-02", "25", "1,500 (25 h 00 min)", "Impossible: over 24 hours"],
  ]);
  assert.equal(
    await page.locator("#file-clinicians-verdict").textContent(),
    "1 day of 6 to look at first: 0 over the 10-hour shift, 1 impossible (over 24 hours).",
  );
  assert.equal(await page.isHidden("#file-progress-row"), true);

  // A shift that is no number of hours is said, and the last good one stays.
  await shift.fill("abc");
  assert.match(
    await page.getByRole("alert").filter({ hasText: "shift" }).textContent(),
    /^A shift is a number of hours/,
  );
  assert.equal(await shift.getAttribute("aria-invalid"), "true");
  assert.equal(await page.getByRole("button", { name: "Download clinicians' days (CSV)" }).isDisabled(), true);
  await shift.fill("10");
  assert.equal(await page.locator("#file-shift-error").textContent(), "");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download clinicians' days (CSV)" }).click(),
  ]);
  assert.equal(download.suggestedFilename(), "march-clinician-days.csv");
  assert.equal(readFileSync(await download.path(), "utf8"), cliDays("10"));

  // A file without a clinician column has no such section.
  await page.getByLabel("Choose a CSV or JSON Lines file, or drop it here").setInputFiles({
    name: "plain.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("visit_id,date_of_service,discipline,code,minutes\nA,2026-03-02,PT,97110,23\n"),
  });
  await page.waitForFunction(() =>
    /plain\.csv: 1 visits evaluated/.test(document.getElementById("file-status").textContent),
  );
  assert.equal(await page.isHidden("#file-clinicians"), true);
  assert.deepEqual(seen.errors, []);
  await context.close();
});
