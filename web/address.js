// The visit lives in the address (#v= + base64url of its UTF-8 JSON) and in localStorage,
// so a link reproduces a visit and a reload keeps it.

const STORAGE_KEY = "unitwise:last-visit";

export function encodeVisit(visit) {
  const bytes = new TextEncoder().encode(JSON.stringify(visit));
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function decodeVisit(text) {
  try {
    const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
    const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const visit = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    return visit && typeof visit === "object" && !Array.isArray(visit) ? visit : null;
  } catch {
    return null;
  }
}

export function visitFromAddress(hash = location.hash) {
  const match = /^#v=([A-Za-z0-9_-]+)$/.exec(hash);
  return match ? decodeVisit(match[1]) : null;
}

export function saveVisit(visit) {
  const link = `#v=${encodeVisit(visit)}`;
  if (location.hash !== link) history.replaceState(null, "", link);
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(visit));
  } catch {
    // Private mode or a full quota: the address still holds the visit.
  }
}

export function lastVisit() {
  try {
    const visit = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "null");
    return visit && typeof visit === "object" ? visit : null;
  } catch {
    return null;
  }
}
