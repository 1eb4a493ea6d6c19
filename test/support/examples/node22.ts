// Node 22, which Babel 8 declares (^22.18), installed from npm's `node` package once into node_modules/.cache and
// reused: the examples' Babel 8 steps run under it, their Babel 7 steps under this machine's Node (20).
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO, run } from "./processes.js";

const CACHE = join(REPO, "node_modules/.cache/python-websocket-examples");

/** The folder of Node 22's `node`, to put first on PATH. Needs the npm registry (or its cache) the first time. */
export async function node22(): Promise<string> {
  const manifest = JSON.stringify({ name: "python-websocket-node22", private: true, dependencies: { node: "^22.18.0" } });
  const home = join(CACHE, `node22-${createHash("sha256").update(manifest).digest("hex").slice(0, 12)}`);
  if (!existsSync(join(home, "installed"))) {
    const staging = `${home}.${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    writeFileSync(join(staging, "package.json"), manifest);
    const installed = await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], staging);
    if (installed.code !== 0) throw new Error(`installing Node 22 failed:\n${installed.stderr}`);
    writeFileSync(join(staging, "installed"), new Date().toISOString());
    try {
      renameSync(staging, home);
    } catch {
      rmSync(staging, { recursive: true, force: true }); // another run installed it meanwhile
    }
  }
  return join(home, "node_modules/node/bin");
}
