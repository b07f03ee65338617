// examples/ehr-embed: a host page that imports the package runs under its own strict CSP.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { launch, watchedPage } from "./browser.mjs";

const root = resolve(import.meta.dirname, "../..");
const npmDir = resolve(root, process.env.UNITWISE_NPM_DIR ?? "build/npm");

test("the EHR embed example shows its visit's claim lines with no foreign request or error", async () => {
  const site = mkdtempSync(join(tmpdir(), "unitwise-embed-"));
  cpSync(join(root, "examples/ehr-embed"), site, { recursive: true });
  mkdirSync(join(site, "unitwise"));
  for (const f of ["index.js", "unitwise.js", "unitwise.wasm"]) cpSync(join(npmDir, f), join(site, "unitwise", f));
  const env = await launch(site);
  try {
    const { page, seen } = await watchedPage(await env.browser.newContext());
    await page.goto(`${env.origin}/index.html`);
    await page.waitForSelector("body[data-ready=true]");
    const rows = await page.$$eval("#charges tbody tr", (trs) => trs.map((tr) => [...tr.cells].slice(0, 3).map((c) => c.textContent)));
    // 38 + 12 = 50 timed minutes → 3 units; the PTA's 12 leftover minutes beat 97530's 8 (GP CQ).
    assert.deepEqual(rows, [["97161", "1", "GP"], ["97530", "2", "GP"], ["97110", "1", "GP CQ"]]);
    assert.match(await page.textContent("#status"), /Medicare pays \$\d+\.\d\d/);
    assert.deepEqual(seen.requests.filter((u) => !u.startsWith(env.origin)), []);
    assert.deepEqual(seen.errors, []);
  } finally {
    await env.close();
  }
});
