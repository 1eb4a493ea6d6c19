// An example project (examples/<tool>/) set up as a user has it, in a temp folder: its own files, the Python programs
// it builds (fixtures/e2e/<name>/ copied to src/<name>/, with the Transcrypt runtime stand-in beside each), and a
// node_modules holding exactly the packages its package.json declares, each linked from one Babel world (see
// toolchains.ts) after checking that the installed version satisfies the declared range. The plugin itself is this
// repo, linked as node_modules/babel-plugin-python-websocket: Babel finds it by its short name there, and bundlers
// resolve its "./runtime" export (the built dist/) through the package's exports map.
import { execFile } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { expectedLines } from "../programs.js";
import { installedVersion, REPO, type Toolchain } from "./toolchains.js";

const FIXTURES = join(REPO, "fixtures/e2e");
const TRANSCRYPT_STAND_IN = join(REPO, "test/support/transcrypt-runtime.js");
const semver = createRequire(join(REPO, "package.json"))("semver") as { satisfies(version: string, range: string): boolean };

interface Manifest {
  scripts: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

export interface Project {
  dir: string;
  toolchain: Toolchain;
  /** name → version linked into node_modules. */
  linked: Record<string, string>;
}

export function manifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest;
}

export type Dialect = "py" | "pyj";

export interface Program {
  name: string;
  /** "py": Transcrypt's committed output (program.js + program.map) of program.py; "pyj": program.pyj, for RapydScript-ng. */
  dialect: Dialect;
}

/** The Python programs an example builds, copied from fixtures/e2e/<name>/ into src/<name>/. */
function addPrograms(dir: string, programs: Program[], withExpected: boolean): void {
  for (const { name, dialect } of programs) {
    const target = join(dir, "src", name);
    mkdirSync(target, { recursive: true });
    const files = dialect === "py" ? ["program.py", "program.js", "program.map"] : ["program.pyj"];
    for (const file of files) copyFileSync(join(FIXTURES, name, file), join(target, file));
    if (dialect === "py") copyFileSync(TRANSCRYPT_STAND_IN, join(target, "org.transcrypt.__runtime__.js"));
    if (withExpected) writeFileSync(join(target, "expected.txt"), expectedOutput(name, dialect).join("\n") + "\n");
  }
}

function link(dir: string, name: string, target: string): void {
  const at = join(dir, "node_modules", name);
  mkdirSync(dirname(at), { recursive: true });
  symlinkSync(target, at, "dir");
  const { bin } = JSON.parse(readFileSync(join(target, "package.json"), "utf8")) as { bin?: string | Record<string, string> };
  const bins = typeof bin === "string" ? { [basename(name)]: bin } : (bin ?? {});
  for (const [command, file] of Object.entries(bins)) symlinkSync(join(target, file), join(dir, "node_modules/.bin", command));
}

export function createProject(
  tool: string,
  toolchain: Toolchain,
  dir: string,
  programs: Program[],
  options: { expected?: boolean } = {},
): Project {
  cpSync(join(REPO, "examples", tool), dir, { recursive: true });
  addPrograms(dir, programs, options.expected ?? false);
  mkdirSync(join(dir, "node_modules/.bin"), { recursive: true });
  const { dependencies = {}, devDependencies = {} } = manifest(dir);
  const linked: Record<string, string> = {};
  for (const [name, range] of Object.entries({ ...dependencies, ...devDependencies })) {
    const target = toolchain.packageDir(name);
    if (!existsSync(join(target, "package.json"))) throw new Error(`${tool}: ${name} is not installed at ${target}`);
    const version = installedVersion(target);
    if (!semver.satisfies(version, range)) throw new Error(`${tool}: ${name}@${version} does not satisfy the declared "${range}"`);
    link(dir, name, target);
    linked[name] = version;
  }
  return { dir, toolchain, linked };
}

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command without blocking this process (which serves the echo server). */
export function spawn(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, timeout = 120_000): Promise<Ran> {
  return new Promise((resolve) =>
    execFile(command, args, { cwd, env, timeout, maxBuffer: 32 << 20 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr: stderr + (error && !stderr ? error.message : "") }),
    ),
  );
}

/** `npm run <script> -- args`, as the user types it, with the world's Node first on PATH. */
export async function npmRun(project: Project, script: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<Ran> {
  return spawn("npm", ["run", "--silent", script, ...(args.length ? ["--", ...args] : [])], project.dir, {
    ...process.env,
    ...env,
    PATH: project.toolchain.path,
  });
}

/**
 * Runs a built entry as the page would: Node (this machine's, 20) with its WHATWG WebSocket client. `page` is the
 * page's own script before the bundle (it defines the globals the program reads); stdout lines are returned.
 */
export async function runBuilt(project: Project, entry: string, page: string): Promise<string[]> {
  writeFileSync(join(project.dir, "page.mjs"), page);
  const ran = await spawn(process.execPath, ["--experimental-websocket", "--no-warnings", "--import", "./page.mjs", entry], project.dir, process.env, 20_000);
  if (ran.code !== 0) throw new Error(`${entry} failed (${ran.code})\n--- stdout\n${ran.stdout}\n--- stderr\n${ran.stderr}`);
  return ran.stdout.split("\n").filter((line) => line !== "");
}

/** A program's expected output in one dialect (fixtures/e2e/<name>/expected[.py|.pyj].txt). */
export function expectedOutput(name: string, dialect: Dialect): string[] {
  return expectedLines(join(FIXTURES, name), dialect)!;
}

export function pythonSource(name: string): string {
  return readFileSync(join(FIXTURES, name, "program.py"), "utf8");
}
