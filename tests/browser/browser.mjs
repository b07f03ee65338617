// Shared set-up for the browser suites: Debian's chromium driven by playwright-core, a static server
// on a free loopback port, and collectors for console errors, CSP violations and foreign requests.
import { chromium } from "playwright-core";
import { startServer } from "../../tools/static-server.mjs";

export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                              "--disable-component-update", "--no-first-run", "--disable-sync"];

export async function launch(siteDir) {
  const server = await startServer(siteDir, 0);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  return { origin, browser, close: async () => { await browser.close(); server.close(); } };
}

// A page that records what the suites assert on: errors, CSP violations and every request's origin.
export async function watchedPage(context) {
  const page = await context.newPage();
  const seen = { errors: [], requests: [] };
  page.on("console", (m) => { if (m.type() === "error") seen.errors.push(m.text()); });
  page.on("pageerror", (e) => seen.errors.push(e.message));
  page.on("request", (r) => seen.requests.push(r.url()));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective}`));
  });
  return { page, seen };
}
