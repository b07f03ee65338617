// How localities read on the page. Finding one by place ("Travis County, TX" → AUSTIN) is the engine's
// findLocality (core/src/reference/places.cpp), the same for the CLI, the package and the element. The field
// shows a locality's name; the visit and its link keep the id.
import { money } from "../lib/dom.js";

// State names, for showing: a state has one locality named after it, or a "REST OF <state>".
let states = { list: null, byName: new Map() };
function stateNames(list) {
  if (states.list !== list) {
    const byName = new Map([["DISTRICT OF COLUMBIA", "DC"]]);
    for (const l of list) {
      const alone = list.filter((x) => x.state === l.state).length === 1;
      if (alone || /^REST OF /.test(l.name)) byName.set(l.name.replace(/^REST OF /, "").split(",")[0], l.state);
    }
    states = { list, byName };
  }
  return states.byName;
}
const KEY = "unitwise.locality";

export const versusNational = (n) => (n == null ? "" : ` (${n < 0 ? "" : "+"}${money(n)} vs national)`);
export const placeName = (l) => (l.id === "national" ? "national" : `${l.name.replace(/\*$/, "")}, ${l.state}`);
export const stateName = (abbr, list) => [...stateNames(list)].find(([, a]) => a === abbr)?.[0] ?? abbr;

export const rememberedLocality = () => {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
};

export function rememberLocality(id) {
  try {
    if (localStorage.getItem(KEY) !== id) localStorage.setItem(KEY, id);
  } catch {
    // Private mode: the visit still holds its locality.
  }
}
