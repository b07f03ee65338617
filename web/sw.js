// Offline after the first visit: network first (so a new build shows at once), cache as the fallback.
const CACHE = "unitwise-v1";
// Every file of the site (the browser suite checks this list against build/web).
const SHELL = ["./", "index.html", "style.css", "manifest.webmanifest", "app.js", "address.js", "code-picker.js",
               "csv-reader.js", "dom.js", "explain-view.js", "file-batch.js", "file-view.js", "plan-view.js", "practice.js", "results-view.js", "units-picture.js", "visit-form.js",
               "unitwise/index.js", "unitwise/unitwise.js", "unitwise/unitwise.wasm",
               "unitwise/worker.js", "unitwise/worker-thread.js"];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin) return;
  event.respondWith(fetch(event.request)
    .then((response) => {
      if (response.ok) {
        const copy = response.clone();
        caches.open(CACHE).then((cache) => cache.put(event.request, copy));
      }
      return response;
    })
    .catch(() => caches.match(event.request, { ignoreSearch: true })
      .then((hit) => hit ?? caches.match("index.html"))));
});
