// tools/static-server.mjs: the types, the CSP header, and no way out of the site folder.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CSP, startServer } from "../../tools/static-server.mjs";

let server;
let port;
before(async () => {
  const parent = mkdtempSync(join(tmpdir(), "unitwise-server-"));
  writeFileSync(join(parent, "secret.txt"), "outside the site");
  const site = join(parent, "site");
  mkdirSync(join(site, "unitwise"), { recursive: true });
  writeFileSync(join(site, "index.html"), "<!doctype html><title>t</title>");
  writeFileSync(join(site, "unitwise", "unitwise.wasm"), Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]));
  // Links a careless build (or a hostile checkout) could leave in the site: to a file and to a folder outside it.
  symlinkSync(join(parent, "secret.txt"), join(site, "linked.txt"));
  symlinkSync(parent, join(site, "up"));
  server = await startServer(site, 0);
  port = server.address().port;
});
after(() => server?.close());

// Raw paths, as an attacker would send them (fetch and URL would normalise the dots away).
const get = (path, method = "GET") =>
  new Promise((done, fail) => {
    request({ host: "127.0.0.1", port, path, method }, (res) => {
      let body = "";
      res.on("data", (chunk) => {
        body += chunk;
      });
      res.on("end", () => done({ status: res.statusCode, headers: res.headers, body }));
    })
      .on("error", fail)
      .end();
  });

test("serves the page and the wasm with their types and the CSP", async () => {
  const page = await get("/");
  assert.equal(page.status, 200);
  assert.equal(page.headers["content-type"], "text/html; charset=utf-8");
  assert.equal(page.headers["content-security-policy"], CSP);
  assert.match(CSP, /frame-ancestors 'none'/);
  const wasm = await get("/unitwise/unitwise.wasm");
  assert.equal(wasm.headers["content-type"], "application/wasm");
  assert.equal((await get("/", "HEAD")).body, "");
  assert.equal((await get("/", "POST")).status, 405);
});

test("no request reaches a file outside the site folder", async () => {
  for (const path of [
    "/linked.txt",
    "/up/secret.txt",
    "/../secret.txt",
    "/..%2fsecret.txt",
    "/%2e%2e/secret.txt",
    "/unitwise/..%2f..%2fsecret.txt",
    "/..\\secret.txt",
    "/%00",
    "/%E0%A4%A",
  ]) {
    const { status, body } = await get(path);
    assert.ok([400, 404].includes(status), `${path} → ${status}`);
    assert.doesNotMatch(body, /outside the site/, path);
  }
});
