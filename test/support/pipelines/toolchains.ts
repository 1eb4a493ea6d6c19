// The two Babel worlds the examples are built in, as a user's install would have them.
//
// Babel 7: the repo's own node_modules (@babel/core 7, @babel/cli 7, babel-loader, babel-jest, @rolldown/plugin-babel),
// run by this machine's Node (20).
//
// Babel 8: a real npm install, made once into node_modules/.cache/ and reused, of the packages that load
// @babel/core themselves (so that they load Babel 8) and of a Node that Babel 8 declares (^22.18): @babel/core 8,
// @babel/cli 8, and the repo's own versions of babel-loader, babel-jest and @rolldown/plugin-babel. It cannot live in
// the repo's devDependencies: @babel/cli 8 has a peer @babel/core ^8 that conflicts with the root's @babel/core 7
// (npm ERESOLVE), and the `node` package installs a `node` bin that would replace Node 20 in every npm script.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = fileURLToPath(new URL("../../..", import.meta.url));
const REPO_MODULES = join(REPO, "node_modules");
const CACHE = join(REPO_MODULES, ".cache", "python-websocket-pipelines");

/**
 * The package as npm would ship it (package.json and its "files": the built dist/, README.md), copied once per run so
 * that a rebuild of dist/ while the suite runs (npm pack's prepack does one) cannot pull it away mid-build. The copy
 * lives under the repo's node_modules/.cache, so that it finds its dependency (@babel/helper-module-imports) there.
 */
export async function snapshotPackage(): Promise<string> {
  mkdirSync(CACHE, { recursive: true });
  const { files } = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { files: string[] };
  const built = ["dist/cjs/index.js", "dist/esm/index.js", "dist/cjs/runtime/index.js", "dist/esm/runtime/index.js", "dist/esm/index.d.ts"];
  for (let attempt = 1; ; attempt++) {
    const dir = mkdtempSync(join(CACHE, "package-"));
    try {
      // A "!pattern" of "files" (npm's negation, `!python/**/*.pyj-cached`) names no file to copy: it leaves some out.
      const shipped = files.filter((file) => !file.startsWith("!"));
      for (const file of ["package.json", ...shipped]) cpSync(join(REPO, file), join(dir, file), { recursive: true });
      const missing = built.filter((file) => !existsSync(join(dir, file)));
      if (missing.length === 0) return dir;
      throw new Error(`${missing.join(", ")} missing`);
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      // dist/ may be in the middle of a rebuild (npm pack's prepack in another test): wait for it, then give up.
      if (attempt === 5) throw new Error(`the built package is incomplete (${(error as Error).message}): run \`npm run build\` first (npm test does)`);
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }
  }
}

/** Packages that `require("@babel/core")` from where they are installed: each world has its own copy. */
export const BABEL_FACING = ["@babel/core", "@babel/cli", "babel-loader", "babel-jest", "@rolldown/plugin-babel"] as const;

export type Major = 7 | 8;

export interface Toolchain {
  major: Major;
  /** Where a package the examples depend on is installed in this world. */
  packageDir(name: string): string;
  /** PATH for build steps: Babel 8 steps run under the Node it declares. */
  path: string;
}

export function installedVersion(dir: string): string {
  return (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string }).version;
}

const repoVersion = (name: string): string => installedVersion(join(REPO_MODULES, name));

/** The Babel 7 world, with `plugin` (see snapshotPackage) as babel-plugin-python-websocket. */
export function babel7(plugin: string): Toolchain {
  return {
    major: 7,
    packageDir: (name) => (name === "babel-plugin-python-websocket" ? plugin : join(REPO_MODULES, name)),
    path: process.env.PATH ?? "",
  };
}

function run(command: string, args: string[], cwd: string, timeout: number): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(command, args, { cwd, timeout, maxBuffer: 16 << 20 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${command} ${args.join(" ")} failed: ${error.message}\n${stdout}\n${stderr}`)) : resolve(stdout),
    ),
  );
}

/**
 * Installs (once; later runs reuse it) the Babel 8 world, and returns it, with `plugin` as babel-plugin-python-websocket.
 * Needs the npm registry the first time.
 */
export async function babel8(plugin: string): Promise<Toolchain> {
  const dependencies = {
    node: "^22.18.0",
    "@babel/core": repoVersion("babel8"),
    "@babel/cli": "^8.0.0",
    "babel-loader": repoVersion("babel-loader"),
    "babel-jest": repoVersion("babel-jest"),
    "@rolldown/plugin-babel": repoVersion("@rolldown/plugin-babel"),
  };
  const manifest = JSON.stringify({ name: "python-websocket-babel8-world", private: true, dependencies }, null, 2);
  const hash = createHash("sha256").update(manifest).digest("hex").slice(0, 12);
  const home = join(CACHE, `babel8-${hash}`);
  if (!existsSync(join(home, "installed"))) {
    const staging = `${home}.${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    writeFileSync(join(staging, "package.json"), manifest);
    await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--omit=peer", "--loglevel=error"], staging, 300_000);
    writeFileSync(join(staging, "installed"), new Date().toISOString());
    try {
      renameSync(staging, home);
    } catch {
      rmSync(staging, { recursive: true, force: true }); // another run installed it meanwhile
    }
  }
  const modules = join(home, "node_modules");
  const nodeBin = join(modules, "node", "bin");
  return {
    major: 8,
    packageDir: (name) =>
      name === "babel-plugin-python-websocket" ? plugin : (BABEL_FACING as readonly string[]).includes(name) ? join(modules, name) : join(REPO_MODULES, name),
    path: `${nodeBin}:${process.env.PATH ?? ""}`,
  };
}

/** The version of @babel/core that a package installed in `dir` loads. */
export function babelCoreSeenFrom(dir: string): string {
  const resolved = createRequire(join(dir, "package.json")).resolve("@babel/core/package.json");
  return installedVersion(dirname(resolved));
}
