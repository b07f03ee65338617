// One message above the views, with its buttons: why a link could not be opened, or how to get back a visit
// that Start over or a link replaced.
import { el } from "./dom.js";

export function notice(text, actions = [], onDismiss = null) {
  const box = document.getElementById("notice");
  if (!text) return box.replaceChildren();
  box.replaceChildren(el("p", {}, text),
    ...actions.map(([label, run]) => el("button", { type: "button", onclick: run }, label)),
    el("button", { type: "button", class: "quiet", onclick: () => { notice(""); onDismiss?.(); } }, "Dismiss"));
}
