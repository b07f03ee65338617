// Shared set-up for the browser suites: Debian's chromium driven by playwright-core, a static server
// on a free loopback port, and collectors for console errors, CSP violations and foreign requests.
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { chromium } from "playwright-core";
import { startServer } from "../../tools/static-server.mjs";

export const root = resolve(import.meta.dirname, "../..");
export const siteDir = resolve(root, process.env.UNITWISE_WEB_DIR ?? "build/web");
export const shots = resolve(root, "build/screenshots");

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
];

export async function launch(dir) {
  const server = await startServer(dir, 0);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  return {
    origin,
    browser,
    close: async () => {
      await browser.close();
      server.close();
    },
  };
}

// A page that records what the suites assert on: errors, CSP violations and every request's URL.
export async function watchedPage(context) {
  const page = await context.newPage();
  const seen = { errors: [], requests: [] };
  page.on("console", (m) => {
    if (m.type() === "error") seen.errors.push(m.text());
  });
  page.on("pageerror", (e) => seen.errors.push(e.message));
  page.on("request", (r) => seen.requests.push(r.url()));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective}`));
  });
  return { page, seen };
}

// The page in a fresh context (no service worker or storage from another test), ready for input.
export async function openPage(env, hash = "", viewport = { width: 1280, height: 900 }) {
  const context = await env.browser.newContext({ viewport });
  const { page, seen } = await watchedPage(context);
  await page.goto(`${env.origin}/${hash}`);
  await page.waitForSelector("body[data-ready=true]");
  await settled(page);
  return { context, page, seen };
}

// The page redraws in the frame after a change; two frames later the new result is on screen.
export const settled = (page) =>
  page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

// A person's click: the press takes focus from the field just typed in (its change event may redraw what is under
// the pointer), and the release comes a few frames later. page.click releases at once, which hides a lost click.
export async function pressAndRelease(page, selector) {
  // A redraw may replace the element while it is scrolled to: a person then presses the one on screen.
  for (let attempt = 1; ; attempt++) {
    try {
      await page.locator(selector).scrollIntoViewIfNeeded();
      break;
    } catch (error) {
      if (attempt === 3 || !/not attached/.test(String(error))) throw error;
      await settled(page);
    }
  }
  const box = await page.locator(selector).boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.evaluate(() => new Promise((done) => setTimeout(done, 150)));
  await page.mouse.up();
  await settled(page);
}

// The claim-lines table as a user reads it: {code, units, modifiers, allowed} per row, and on a denied row its
// reason (the cell reads "$0.00 denied: MUE", "denied: add-on alone"; the row keeps the engine's reason).
export async function tableLines(page) {
  await settled(page);
  return page.$$eval("table.claim-lines tbody tr", (rows) =>
    rows.map((r) => {
      const [code, units, modifiers, allowed] = [...r.cells].map((c) => c.textContent.trim());
      const line = {
        code,
        units: Number(units),
        modifiers: modifiers ? modifiers.split(" ") : [],
        allowed: Number(/^\$([\d,.]+)/.exec(allowed)?.[1].replace(/,/g, "")),
      };
      if (/denied: /.test(allowed)) line.denied = r.dataset.denied;
      return line;
    }),
  );
}

// The page's #v= link (web/shell/address.js: base64url of the visit's UTF-8 JSON), written for Node.
export const visitLink = (visit) => `#v=${Buffer.from(JSON.stringify(visit), "utf8").toString("base64url")}`;

export function screenshotPath(name) {
  mkdirSync(shots, { recursive: true });
  return resolve(shots, `${name}.png`);
}
