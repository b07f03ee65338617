// Localities by place: "Travis County, TX" → AUSTIN, "Manhattan NY" → MANHATTAN, "Texas" → its localities,
// from the engine's list (names and counties from CMS's LOCCO file). The field shows a locality's name;
// the visit and its link keep the id.
import { money } from "../lib/dom.js";

// State names come from the list itself: a state has one locality named after it, or a "REST OF <state>".
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

const namesOf = (l) =>
  [l.name.replace(/\*$/, ""), ...l.name.split(/[-/()]/)].map((n) => n.replace(/ CNTYS?$/, "").trim());
const BOROUGHS = { BROOKLYN: "KINGS", "STATEN ISLAND": "RICHMOND", "THE BRONX": "BRONX" };
const items = (text) => text.split(/,\s*(?:AND\s+)?| AND /).map((c) => c.trim());

// Whether CMS's county list names the county (true), excludes it ("ALL COUNTIES, EXCEPT ..."), or says nothing.
// A list may name counties of another state: "...; MONTGOMERY AND PRINCE GEORGE'S IN MARYLAND".
function listsCounty(l, county, state) {
  for (const part of l.counties.split(";")) {
    const other = / IN ([A-Z ]+)$/.exec(part);
    const partState = other ? states.byName.get(other[1]) : l.state;
    if (state && partState !== state) continue;
    const [named, except = ""] = part.slice(0, other?.index).split(/,? EXCEPT /);
    if (items(except).includes(county)) return false;
    if (items(named).includes(county)) return true;
  }
  return undefined;
}

// The localities the text may mean: one is a choice, several a list to pick from, none nothing found.
export function findLocalities(text, list) {
  const typed = text.trim();
  if (!typed || /^national$/i.test(typed)) return list.filter((l) => l.id === "national");
  const byId = list.filter((l) => l.id === typed);
  if (byId.length) return byId;
  const byState = stateNames(list);
  let place = typed.toUpperCase().replace(/[.]/g, "").replace(/\s+/g, " ");
  let state = null;
  const tail = /(?:^|[, ]+)([A-Z]{2})$/.exec(place);
  if (tail && list.some((l) => l.state === tail[1])) {
    state = tail[1];
    place = place.slice(0, tail.index);
  } else {
    const named = [...byState].find(
      ([name]) => place === name || place.endsWith(` ${name}`) || place.endsWith(`,${name}`),
    );
    if (named) {
      state = named[1];
      place = place.slice(0, -named[0].length);
    }
  }
  place = place.replace(/[, ]+$/, "");
  const county = / (COUNTY|CNTY|PARISH|BOROUGH)$/.test(place);
  place = place.replace(/ (COUNTY|CNTY|PARISH|BOROUGH)$/, "");
  if (BOROUGHS[place]) {
    place = BOROUGHS[place];
    state ??= "NY";
  }
  const all = list.filter((l) => l.id !== "national");
  const inState = all.filter((l) => !state || l.state === state);
  if (!place) return state ? inState : [];
  const byName = inState.filter((l) => namesOf(l).includes(place));
  const byCounty = all.filter((l) => listsCounty(l, place, state));
  const found = county ? (byCounty.length ? byCounty : byName) : byName.length ? byName : byCounty;
  if (found.length || !state) return found;
  // Any place in a one-locality state is in it; a county CMS does not list is in the state's "all other counties".
  if (inState.length === 1) return inState;
  return county ? inState.filter((l) => /^ALL /.test(l.counties) && listsCounty(l, place, state) !== false) : [];
}

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
