// One message above the views, with its buttons: why a link could not be opened, how to get back a visit
// that Start over or a link replaced, or that a new version of the page is ready.
import { $, el } from "../lib/dom.js";

/**
 * @param {string} text
 * @param {[string, () => void][]} [actions]
 * @param {(() => void) | null} [onDismiss]
 */
export function notice(text, actions = [], onDismiss = null) {
  const box = $("notice");
  if (!text) return box.replaceChildren();
  box.replaceChildren(
    el("p", {}, text),
    ...actions.map(([label, run]) => el("button", { type: "button", onclick: run }, label)),
    el(
      "button",
      {
        type: "button",
        class: "quiet",
        onclick: () => {
          notice("");
          onDismiss?.();
        },
      },
      "Dismiss",
    ),
  );
}

// A new build of the page installs in the background while this page keeps the files of its own build (sw.js);
// the reload offered changes every file at once.
export function watchForUpdates() {
  const sw = navigator.serviceWorker;
  if (!sw) return;
  let asked = false;
  sw.addEventListener("controllerchange", () => {
    if (asked) location.reload();
  });
  const offer = (/** @type {ServiceWorker} */ worker) =>
    notice("A new version of this page is ready.", [
      [
        "Reload",
        () => {
          if (worker.state !== "installed") return location.reload(); // another tab already switched to it
          asked = true;
          worker.postMessage("activate");
        },
      ],
    ]);
  sw.register("./sw.js")
    .then((registration) => {
      if (registration.waiting && sw.controller) offer(registration.waiting);
      registration.addEventListener("updatefound", () => {
        const worker = /** @type {ServiceWorker} */ (registration.installing);
        worker.addEventListener("statechange", () => {
          if (worker.state === "installed" && sw.controller) offer(worker);
        });
      });
    })
    .catch(() => {});
}
