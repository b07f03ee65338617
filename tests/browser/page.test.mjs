// The page as a whole: only its own origin, no console error, a CSP that is enforced, offline after the
// first load, a one-page print, a phone-width layout; and screenshots of the main views.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { launch, openPage, screenshotPath, settled, siteDir, visitLink } from "./browser.mjs";

let env;
before(async () => {
  env = await launch(siteDir);
});
after(async () => {
  await env?.close();
});

test("every feature used: no request to any other origin, no console error, no CSP violation", async () => {
  const { context, page, seen } = await openPage(env);
  await page.check("#explain");
  await page.check("#compare");
  await page.click("summary:text('Year to date')");
  await page.fill("#ytd-pt-slp", "2450");
  await page.fill("#service-rows .service input.code >> nth=0", "gait");
  await page.keyboard.press("Enter");
  await settled(page);
  await page.click("#tab-practice");
  await page.click("#practice-answer");
  await page.click("#practice-next");
  await page.emulateMedia({ media: "print" });
  await settled(page);
  assert.deepEqual(
    seen.requests.filter((url) => !url.startsWith(`${env.origin}/`)),
    [],
  );
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test("the CSP is enforced: the header and the meta tag both forbid inline style and eval", async () => {
  const { context, page, seen } = await openPage(env);
  const response = await page.goto(`${env.origin}/`);
  assert.match(response.headers()["content-security-policy"], /script-src 'self' 'wasm-unsafe-eval'; style-src 'self'/);
  assert.match(await page.getAttribute("meta[http-equiv=Content-Security-Policy]", "content"), /default-src 'self'/);
  await page.waitForSelector("body[data-ready=true]");
  assert.deepEqual(seen.errors, []);
  // A string timer is eval; DevTools' own evaluation is exempt from CSP, a timer firing later is not.
  await page.evaluate(() => {
    setTimeout("window.evaluated = true");
    document.body.insertAdjacentHTML("beforeend", "<p id='probe' style='color: rgb(255, 0, 0)'>x</p>");
  });
  await page.waitForTimeout(50);
  assert.equal(await page.evaluate(() => window.evaluated), undefined);
  assert.notEqual(await page.$eval("#probe", (p) => getComputedStyle(p).color), "rgb(255, 0, 0)");
  assert.ok(
    seen.errors.some((e) => /CSP violation: script-src/.test(e)),
    seen.errors.join("\n"),
  );
  assert.ok(
    seen.errors.some((e) => /CSP violation: style-src/.test(e)),
    seen.errors.join("\n"),
  );
  await context.close();
});

// The service worker's list is the site: a file missing from it would break the first offline load.
test("works offline after the first load", async () => {
  const sw = readFileSync(join(siteDir, "sw.js"), "utf8");
  const shell = JSON.parse(/const SHELL = (\[[^\]]*\])/.exec(sw)[1]);
  const files = readdirSync(siteDir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(siteDir, join(d.parentPath, d.name)))
    .filter((f) => f !== "sw.js");
  assert.deepEqual(
    files.filter((f) => !shell.includes(f)),
    [],
  );

  const { context, page } = await openPage(
    env,
    visitLink({ dateOfService: "2026-05-04", discipline: "PT", services: [{ code: "97116", minutes: 38 }] }),
  );
  await page.evaluate(() => navigator.serviceWorker.ready);
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  await settled(page);
  assert.match(await page.textContent("#summary"), /^3 units on 1 line/);
  await context.close();
});

// A same-origin request for a file the build did not cache (none of the site's own: a stray request, or a cache the
// browser evicted) reaches the server, and gets its answer, here a 404, instead of a network error.
test("the service worker passes a request it has no cached file for to the network", async () => {
  const { context, page } = await openPage(env);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller);
  const status = await page.evaluate(() =>
    fetch("not-in-the-site.txt").then(
      (r) => r.status,
      (e) => String(e),
    ),
  );
  assert.equal(status, 404);
  await context.close();
});

// The viewport is a Letter page inside the 12 mm margins (shell/style.css @page), so the screenshot shows the printed page.
test("print gives a one-page summary without the inputs", async () => {
  const { context, page } = await openPage(env, "", { width: 725, height: 965 });
  await page.emulateMedia({ media: "print" });
  for (const hidden of ["#visit-form", "header.site nav", "#practice"])
    assert.equal(await page.isVisible(hidden), false, hidden);
  for (const shown of ["#summary", "table.claim-lines", "table.fee", ".checklist", ".visit-line"]) {
    assert.equal(await page.isVisible(shown), true, shown);
  }
  await page.screenshot({ path: screenshotPath("print"), fullPage: true });
  const pdf = (await page.pdf({ format: "Letter" })).toString("latin1");
  assert.equal(pdf.match(/\/Type\s*\/Page\b(?!s)/g).length, 1);
  await context.close();
});

test("on a phone-width screen nothing overflows sideways", async () => {
  const { context, page } = await openPage(env, "", { width: 375, height: 800 });
  await page.check("#compare");
  await settled(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `overflow ${overflow}px`);
  await page.screenshot({ path: screenshotPath("phone"), fullPage: true });
  await context.close();
});

test("desktop screenshot of the main view", async () => {
  const { context, page, seen } = await openPage(env);
  await page.click("#reset");
  await settled(page);
  await page.screenshot({ path: screenshotPath("desktop"), fullPage: true });
  assert.deepEqual(seen.errors, []);
  await context.close();
});
