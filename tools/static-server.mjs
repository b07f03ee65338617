// A small static file server for the built site: node tools/static-server.mjs DIR PORT
// Loopback only; the headers match what a strict production host would send. Prints nothing but errors.
import { createServer } from "node:http";
import { readFile, realpath } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
};
// The same policy as the page's meta tag, plus frame-ancestors, which only a header can carry.
export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; worker-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; " +
  "object-src 'none'; frame-ancestors 'none'";
const HEADERS = {
  "Content-Security-Policy": CSP,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-cache",
};

// The file a request names, or null when the path is malformed or leads out of the site folder.
function fileFor(base, url) {
  let path;
  try {
    path = decodeURIComponent(new URL(url, "http://x").pathname);
  } catch {
    return null; // "%E0%A4%A" and the like
  }
  const file = normalize(join(base, path.endsWith("/") ? `${path}index.html` : path));
  return file.startsWith(base + sep) && !path.includes("\0") ? file : null;
}

// The file itself, after every link in its path is followed, when it is still inside the site folder: a link in
// the folder (say build/web/x -> /etc) must not serve what lies outside it. null otherwise, or when it is absent.
async function insideReal(realBase, file) {
  try {
    const real = await realpath(file);
    return real.startsWith(realBase + sep) ? real : null;
  } catch {
    return null;
  }
}

export async function startServer(siteDir, listenPort, host = "127.0.0.1") {
  const base = resolve(siteDir);
  const realBase = await realpath(base);
  const server = createServer(async (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    const file = fileFor(base, req.url);
    if (!file) {
      res.writeHead(400, HEADERS).end();
      return;
    }
    let body;
    try {
      const real = await insideReal(realBase, file);
      if (real === null) throw new Error("outside the site folder, or absent");
      body = await readFile(real);
    } catch {
      res.writeHead(404, { ...HEADERS, "Content-Type": "text/plain; charset=utf-8" }).end("not found");
      return;
    }
    res.writeHead(200, {
      ...HEADERS,
      "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
      "Content-Length": body.length,
    });
    res.end(req.method === "HEAD" ? undefined : body);
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(Number(listenPort), host, () => ok(server));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dir = "build/web", port = "8080"] = process.argv.slice(2);
  try {
    await startServer(dir, port);
  } catch (error) {
    console.error(`static-server: ${error.message}`);
    process.exit(1);
  }
}
