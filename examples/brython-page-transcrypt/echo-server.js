// A local server on 127.0.0.1, on a free port: a WebSocket echo at /echo (each message comes back as it was
// sent), and this project's files over HTTP (the page and its scripts).
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, resolve, sep } from "node:path";
import { WebSocketServer } from "ws";

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".map": "application/json" };

export async function startServer(root = process.cwd()) {
  const http = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, "http://127.0.0.1").pathname);
    const file = resolve(join(root, path.endsWith("/") ? `${path}index.html` : path));
    if (!file.startsWith(resolve(root) + sep)) return response.writeHead(404).end();
    try {
      const body = await readFile(file);
      response.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      // Chromium asks for /favicon.ico: no content, rather than an error in the page's console.
      response.writeHead(path === "/favicon.ico" ? 204 : 404).end();
    }
  });
  const echo = new WebSocketServer({ server: http, path: "/echo" });
  echo.on("connection", (socket) => {
    socket.on("message", (data, isBinary) => socket.send(data, { binary: isBinary }));
  });
  await new Promise((done) => http.listen(0, "127.0.0.1", done));
  return {
    host: `127.0.0.1:${http.address().port}`,
    close: () => {
      for (const client of echo.clients) client.terminate();
      http.closeAllConnections();
      return new Promise((done) => http.close(done));
    },
  };
}
