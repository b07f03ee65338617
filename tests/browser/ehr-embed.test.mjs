// examples/ehr-embed: served by its README's one command, the host page shows the element's claim lines under
// its own strict CSP; served without the package, it says what to do instead of waiting forever.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { resolve } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, launch, root, watchedPage } from "./browser.mjs";

// `node examples/ehr-embed/serve.mjs 0`, as the README says; resolves with its address.
async function serveExample() {
  const server = spawn(process.execPath, [resolve(root, "examples/ehr-embed/serve.mjs"), "0"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  for await (const chunk of server.stdout) {
    out += chunk;
    const address = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
    if (address) return { server, origin: address[0].slice(0, -1) };
  }
  throw new Error(`serve.mjs printed no address: ${out}`);
}

test("the EHR embed example, served by serve.mjs, shows its visit's claim lines with no foreign request or error", async () => {
  const { server, origin } = await serveExample();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  try {
    const { page, seen } = await watchedPage(await browser.newContext());
    await page.goto(`${origin}/`);
    await page.waitForSelector("body[data-ready=true]");
    const rows = await page.$eval("#review", (el) =>
      [...el.shadowRoot.querySelectorAll("tbody tr")].map((tr) => [...tr.cells].slice(0, 3).map((c) => c.textContent)),
    );
    // 38 + 12 = 50 timed minutes → 3 units; the PTA's 12 leftover minutes beat 97530's 8 (GP CQ).
    assert.deepEqual(rows, [
      ["97161", "1", "GP"],
      ["97530", "2", "GP"],
      ["97110", "1", "GP CQ"],
    ]);
    assert.match(await page.textContent("#status"), /^Charges ready for review: 3 claim lines, \$\d+\.\d\d to collect/);
    const claim = JSON.parse(await page.textContent("#claim")); // the element's detail.claim (docs/fhir.md)
    assert.equal(claim.resourceType, "Claim");
    assert.deepEqual(claim.patient, { reference: "Patient/example" });
    assert.deepEqual(
      claim.item.map((i) => [i.productOrService.coding[0].code, i.diagnosisSequence]),
      [
        ["97161", [1]],
        ["97530", [2, 1]],
        ["97110", [1]],
      ],
    );
    // The host gave the clinic's county; the fee is priced in its payment locality.
    assert.match(
      await page.$eval("#review", (el) => el.shadowRoot.querySelector("[part=fee]").textContent),
      /Medicare pays \$\d+\.\d\d.*\(AUSTIN, 2026\)/,
    );
    // The host's stylesheet reaches inside the element through ::part.
    assert.equal(
      await page.$eval("#review", (el) => getComputedStyle(el.shadowRoot.querySelector("[part=units]")).fontWeight),
      "600",
    );
    assert.deepEqual(
      seen.requests.filter((u) => !u.startsWith(origin)),
      [],
    );
    assert.deepEqual(seen.errors, []);
  } finally {
    await browser.close();
    server.kill();
    await once(server, "exit");
  }
});

test("served alone, without the package beside it, the example says how to serve it", async () => {
  const env = await launch(resolve(root, "examples/ehr-embed"));
  try {
    const { page } = await watchedPage(await env.browser.newContext());
    await page.goto(`${env.origin}/index.html`);
    await page.waitForSelector("body[data-ready=error]");
    assert.match(await page.textContent("#status"), /node examples\/ehr-embed\/serve\.mjs/);
  } finally {
    await env.close();
  }
});
