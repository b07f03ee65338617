// Offline after the first visit, one build at a time. assemble.mjs writes the build's content hash into CACHE and
// every file of the site into SHELL. A new build installs all its files into its own cache or none (addAll), and
// waits: each open page keeps being served from the cache of the build it was loaded with, so no page ever mixes
// files of two builds. The page offers a reload, which swaps every file at once.
const CACHE = "unitwise-dev";
const SHELL = [];
// Which build each open page (and its workers) was loaded with: kept in a cache, as the worker may be stopped.
const BOOK = "unitwise-pages";
const entry = (id) => `./?page=${encodeURIComponent(id)}`;
// tsc types a worker's self as any worker's (tsconfig.sw.json); this one is a service worker.
const scope = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));

scope.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(SHELL.map((url) => new Request(url, { cache: "reload" })))),
  );
});

scope.addEventListener("message", (event) => {
  if (event.data === "activate") scope.skipWaiting();
});

// Builds no open page uses are deleted, on activation and at each page load (loading: the page being loaded).
// A page open before this worker took control (the first visit) is booked with this build, just fetched.
async function prune(loading) {
  const open = (await scope.clients.matchAll({ includeUncontrolled: true, type: "all" })).map((c) => c.id);
  if (loading) open.push(loading);
  const book = await caches.open(BOOK);
  const keep = new Set([CACHE, BOOK]);
  for (const id of open) {
    const booked = await book.match(entry(id));
    if (booked) keep.add(await booked.text());
    else await book.put(entry(id), new Response(CACHE));
  }
  for (const request of await book.keys()) {
    if (!open.includes(new URL(request.url).searchParams.get("page") ?? "")) await book.delete(request);
  }
  for (const name of await caches.keys())
    if (name.startsWith("unitwise-") && !keep.has(name)) await caches.delete(name);
}

scope.addEventListener("activate", (event) => {
  event.waitUntil(prune().then(() => scope.clients.claim()));
});

async function respond(event) {
  const navigate = event.request.mode === "navigate";
  let build = CACHE;
  if (!navigate && event.clientId) {
    const booked = await (await caches.open(BOOK)).match(entry(event.clientId));
    if (booked && (await caches.has(await booked.clone().text()))) build = await booked.text();
  }
  if (event.resultingClientId) {
    await (await caches.open(BOOK)).put(entry(event.resultingClientId), new Response(build));
    if (navigate) event.waitUntil(prune(event.resultingClientId));
  }
  const cache = await caches.open(build);
  // Only a navigation falls back to the cached page; any other request this build did not cache goes to the network.
  return (
    (await cache.match(event.request, { ignoreSearch: true })) ??
    (navigate ? await cache.match("./") : undefined) ??
    fetch(event.request)
  );
}

scope.addEventListener("fetch", (event) => {
  if (event.request.method !== "GET" || new URL(event.request.url).origin !== scope.location.origin) return;
  event.respondWith(respond(event));
});
