// A new build of the page installs in the background while this page keeps the files of its own build; the page
// offers a reload, and the reload changes every file at once.
import { notice } from "./notice.js";

export function watchForUpdates() {
  const sw = navigator.serviceWorker;
  if (!sw) return;
  let asked = false;
  sw.addEventListener("controllerchange", () => { if (asked) location.reload(); });
  const offer = (worker) => notice("A new version of this page is ready.", [["Reload", () => {
    if (worker.state !== "installed") return location.reload();  // another tab already switched to it
    asked = true;
    worker.postMessage("activate");
  }]]);
  sw.register("./sw.js").then((registration) => {
    if (registration.waiting && sw.controller) offer(registration.waiting);
    registration.addEventListener("updatefound", () => {
      const worker = registration.installing;
      worker.addEventListener("statechange", () => { if (worker.state === "installed" && sw.controller) offer(worker); });
    });
  }).catch(() => {});
}
