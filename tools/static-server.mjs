// A small static file server for the built site: node tools/static-server.mjs DIR PORT
// Loopback only; the headers match what a strict production host would send.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";

const [dir = "build/web", port = "8080"] = process.argv.slice(2);
const root = resolve(dir);
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
                ".css": "text/css; charset=utf-8", ".wasm": "application/wasm", ".json": "application/json",
                ".webmanifest": "application/manifest+json", ".png": "image/png", ".svg": "image/svg+xml" };
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
            "connect-src 'self'; worker-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; " +
            "object-src 'none'; frame-ancestors 'none'";

export function startServer(siteDir, listenPort, host = "127.0.0.1") {
  const base = resolve(siteDir);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const file = normalize(join(base, path.endsWith("/") ? `${path}index.html` : path));
    if (file !== base && !file.startsWith(base + sep)) {  // no way out of the site folder
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
                           "Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
                           "Referrer-Policy": "no-referrer", "Cache-Control": "no-cache" });
      res.end(body);
    } catch {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
    }
  });
  return new Promise((ok) => server.listen(Number(listenPort), host, () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) await startServer(root, port);
