// An example set up as a user sets it up, outside the repo: its folder copied, then `npm install <the packed plugin>`,
// a real install of what its package.json declares (the npm cache makes repeats quick). A Babel 8 user then runs
// `npm install @babel/core@^8 ...` under Node 22. While a Transcrypt example runs, the stand-in python3 is first on
// PATH, with TRANSCRYPT_OUTPUT naming the committed output it lays out (see transcrypt-stand-in/python3).
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { REPO, type Ran, run } from "./processes.js";

const STAND_IN = join(REPO, "test/support/examples/transcrypt-stand-in");
const INSTALL = ["install", "--prefer-offline", "--no-audit", "--no-fund"];

export type Major = 7 | 8;

/** The environment an example's npm commands run in. */
export function environment(options: { node?: string; transcrypt?: string }): NodeJS.ProcessEnv {
  const path = [options.transcrypt ? STAND_IN : "", options.node ?? "", process.env.PATH ?? ""].filter(Boolean).join(":");
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: path };
  if (options.transcrypt) env.TRANSCRYPT_OUTPUT = options.transcrypt;
  return env;
}

/** Copies examples/<name>/ to `to` as a clone of this working tree has it (tracked or new files, not ignored ones). */
export async function copyExample(name: string, to: string): Promise<void> {
  const listed = await run("git", ["ls-files", "--cached", "--others", "--exclude-standard", "--", `examples/${name}`], REPO);
  const files = listed.stdout.split("\n").filter((file) => file && existsSync(join(REPO, file)));
  if (files.length === 0) throw new Error(`examples/${name} has no files`);
  for (const file of files) {
    const target = join(to, relative(`examples/${name}`, file));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(REPO, file), target);
  }
}

/** A copy of a folder, node_modules and all (its links kept as links). */
export async function copyFolder(from: string, to: string): Promise<void> {
  mkdirSync(dirname(to), { recursive: true });
  const copied = await run("cp", ["-a", from, to], REPO);
  if (copied.code !== 0) throw new Error(`cp -a ${from} ${to} failed: ${copied.stderr}`);
}

export function npmInstall(dir: string, packages: string[], env: NodeJS.ProcessEnv): Promise<Ran> {
  return run("npm", [...INSTALL, ...packages], dir, env, 600_000);
}

export function npmUninstall(dir: string, packages: string[], env: NodeJS.ProcessEnv): Promise<Ran> {
  return run("npm", ["uninstall", "--no-audit", "--no-fund", ...packages], dir, env);
}

/** `npm run <script> [-- args]` in `dir`, as the user types it. */
export function npmRun(dir: string, script: string, env: NodeJS.ProcessEnv, args: string[] = []): Promise<Ran> {
  return run("npm", ["run", script, ...(args.length ? ["--", ...args] : [])], dir, env);
}

export function installedVersion(dir: string): string {
  return (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string }).version;
}

/** The version of @babel/core that the package `name`, installed in project `dir`, loads. */
export function babelCoreSeenBy(dir: string, name: string): string {
  const from = join(dir, "node_modules", name, "package.json");
  return installedVersion(dirname(createRequire(from).resolve("@babel/core/package.json")));
}
