// The visit lives in the address (#v= + base64url of its UTF-8 JSON) and in localStorage,
// so a link reproduces a visit and a reload keeps it.

import { fieldWords } from "../lib/words.js";

const STORAGE_KEY = "unitwise:last-visit";

// A link may hold anything (cut short, edited, crafted): what the page fills its form from is checked first,
// and a link over these bounds is refused before it is decoded. 64 KB of link is about 900 services; a visit
// has a handful, an episode a few hundred visits at most (the engine's own limit is 400).
export const LINK_LIMIT = 65536;
const SERVICE = {
  code: "string",
  minutes: "number",
  assistantMinutes: "number",
  discipline: "string",
  abn: "boolean",
  distinctService: "string",
};
const SERVICES = [SERVICE, 100, "service"];
const SHAPES = {
  v: {
    dateOfService: "string",
    discipline: "string",
    locality: "string",
    setting: "string",
    ruleSet: "string",
    placeOfService: "string",
    deductibleRemaining: "number",
    ytdAllowed: { PT_SLP: "number", OT: "number" },
    options: {},
    services: SERVICES,
  },
  e: {
    planOfCare: { discipline: "string", start: "string", certifiedThrough: "string" },
    locality: "string",
    priorSpend: { ptSlp: "number", ot: "number" },
    visits: [{ dateOfService: "string", progressReport: "boolean", services: SERVICES }, 400, "visit"],
  },
};
const TYPE_NAMES = { string: "text", number: "a number", boolean: "true or false" };

// The first thing wrong with value against shape ("" when nothing is): a type name, [item shape, most, noun], or fields.
function problem(value, shape, name) {
  if (typeof shape === "string") return typeof value === shape ? "" : `${name} should be ${TYPE_NAMES[shape]}`;
  if (Array.isArray(shape)) {
    const [item, most, noun] = shape;
    if (!Array.isArray(value)) return `${name} should be a list`;
    if (value.length > most)
      return `it has ${value.length.toLocaleString("en-US")} ${noun}s, more than the ${most} a link may hold`;
    for (let i = 0; i < value.length; i++) {
      const found = problem(value[i], item, `${noun} ${i + 1}`);
      if (found) return found;
    }
    return "";
  }
  if (!value || typeof value !== "object" || Array.isArray(value))
    return `${name} is ${value === null ? "empty" : "not readable"}`;
  for (const [key, inner] of Object.entries(shape)) {
    // Said in words ("date", "OT in allowed this year"), not as the JSON's keys (issue 29 item 6).
    const field = fieldWords(key);
    const found =
      value[key] === undefined ? "" : problem(value[key], inner, name === "it" ? field : `${field} in ${name}`);
    if (found) return found;
  }
  return "";
}

// The address's #v= (kind "v") or #e= (kind "e") link: null when there is none, else {visit} or {error}.
/** @returns {{ visit?: any, error?: string } | null} */
export function readLink(hash = location.hash, kind = "v") {
  if (!hash.startsWith(`#${kind}=`)) return null;
  if (hash.length > LINK_LIMIT) {
    return {
      error: `the link is ${Math.round(hash.length / 1024).toLocaleString("en-US")} KB long, more than the 64 KB this page reads`,
    };
  }
  const visit = decodeVisit(hash.slice(3));
  if (!visit) return { error: "the link is incomplete or damaged" };
  const found = problem(visit, SHAPES[kind], "it");
  return found ? { error: found } : { visit };
}

// A stored value the form can show, or null (a visit saved before these checks may be too large or malformed).
export const checked = (value, kind = "v") => (value && !problem(value, SHAPES[kind], "it") ? value : null);

export function encodeVisit(visit) {
  const bytes = new TextEncoder().encode(JSON.stringify(visit));
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function decodeVisit(text) {
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(text)) return null;
    const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
    const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const visit = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    return visit && typeof visit === "object" && !Array.isArray(visit) ? visit : null;
  } catch {
    return null;
  }
}

export const visitFromAddress = (hash = location.hash) => readLink(hash)?.visit ?? null;

export function saveVisit(visit) {
  const link = `#v=${encodeVisit(visit)}`;
  if (location.hash !== link) history.replaceState(null, "", link);
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(visit));
  } catch {
    // Private mode or a full quota: the address still holds the visit.
  }
}

export const stored = (key, kind = "v") => {
  try {
    return checked(JSON.parse(localStorage.getItem(key) ?? "null"), kind);
  } catch {
    return null;
  }
};
export const lastVisit = () => stored(STORAGE_KEY);
