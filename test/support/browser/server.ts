// A small static http server on 127.0.0.1 that serves each page's files from memory, every response with the
// strict Content-Security-Policy of fixtures/browser/csp.txt: scripts only from this origin (no inline script,
// no eval), WebSockets only to ws://127.0.0.1.
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname } from "node:path";
import { fileURLToPath } from "node:url";

export const CSP = readFileSync(fileURLToPath(new URL("../../../fixtures/browser/csp.txt", import.meta.url)), "utf8").trim();

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
};

/** A page's files by path relative to the page's folder, e.g. { "index.html": ..., "program.js": ... }. */
export type Site = Record<string, string>;

export interface StaticServer {
  origin: string;
  /** Serves the files under a fresh folder; returns the folder's URL (ending in "/"). */
  mount(site: Site): string;
  /** Paths requested that were not there (a test may assert there were none). */
  missing: string[];
  close(): Promise<void>;
}

export async function startStaticServer(): Promise<StaticServer> {
  const files = new Map<string, string>();
  const missing: string[] = [];
  let folders = 0;
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
    const name = path.endsWith("/") ? path + "index.html" : path;
    const file = files.get(name);
    const headers = { "Content-Security-Policy": CSP, "Cache-Control": "no-store" };
    if (file === undefined) {
      // Engines ask for /favicon.ico on their own: answer it with no content rather than with an error page.
      if (path !== "/favicon.ico") missing.push(path);
      response.writeHead(path === "/favicon.ico" ? 204 : 404, headers).end();
      return;
    }
    response.writeHead(200, { ...headers, "Content-Type": TYPES[extname(name)] ?? "application/octet-stream" }).end(file);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    missing,
    mount(site) {
      const folder = `/page-${++folders}/`;
      for (const [name, content] of Object.entries(site)) files.set(folder + name, content);
      return origin + folder;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
