// A static file server for the benchmarks, as a host would answer (keep-alive, no per-request
// thread): `node bench/serve.mjs <folder> <port>`. Python's http.server (HTTP/1.0, one thread and
// one connection per request) costs tens of milliseconds per file on a loaded 2-core machine.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

const [root, port] = process.argv.slice(2);
const TYPES = {
  ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".json": "application/json", ".svg": "image/svg+xml", ".png": "image/png", ".webp": "image/webp",
  ".jpg": "image/jpeg", ".xml": "application/xml", ".txt": "text/plain; charset=utf-8",
};

createServer(async (request, response) => {
  const path = decodeURIComponent(new URL(request.url, "http://x").pathname);
  let file = join(root, normalize(path));
  try {
    if ((await stat(file)).isDirectory()) { file = join(file, "index.html"); }
    const body = await readFile(file);
    response.writeHead(200, { "Content-Type": TYPES[extname(file)] || "application/octet-stream" });
    response.end(body);
  } catch {
    response.writeHead(404);
    response.end();
  }
}).listen(Number(port), "127.0.0.1");
