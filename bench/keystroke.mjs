// Keystroke redraw time of the calculator: types into a minutes field 50 times and prints the time from each
// input event to the end of the next animation frame's callbacks (the page redraws in that frame), and the part
// of it spent in that frame (the redraw itself; the rest is waiting for the frame).
// node bench/keystroke.mjs [site dir, default build/web]. A measurement, not a test: the number varies by machine.
import { resolve } from "node:path";
import { launch, root } from "../tests/browser/browser.mjs";

const site = resolve(root, process.argv[2] ?? "build/web");
const env = await launch(site);
const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
await page.goto(`${env.origin}/`);
await page.waitForSelector("body[data-ready=true]");
// Bubbling to window, after the form's listener: this frame callback runs after the page's redraw.
await page.evaluate(() => {
  window.keystrokes = [];
  window.addEventListener("input", (e) => {
    requestAnimationFrame((frame) =>
      window.keystrokes.push([performance.now() - e.timeStamp, performance.now() - frame]),
    );
  });
});
const minutes = page.locator("#service-rows .service input.minutes").first();
await minutes.click();
await page.keyboard.press("End");
for (let i = 0; i < 50; i++) {
  await page.keyboard.press(i % 2 ? "Backspace" : String(i % 10));
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}
const samples = await page.evaluate(() => window.keystrokes);
const report = (name, values) => {
  const sorted = values.sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)].toFixed(1);
  console.log(`${name}: p50 ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${at(1)} ms`);
};
console.log(`${samples.length} keystrokes`);
report(
  "input event to next frame",
  samples.map((s) => s[0]),
);
report(
  "redraw within the frame",
  samples.map((s) => s[1]),
);
await env.close();
