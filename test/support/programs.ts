// Runs a transformed Python program in a fresh Node process, as a user's page would: Transcrypt output as
// an ES module beside a runtime stand-in, RapydScript-ng output as a classic script. Returns its stdout lines.
import { execFile, execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
const TRANSCRYPT_STAND_IN = join(REPO, "test/support/transcrypt-runtime.js");
export const RAPYDSCRIPT = join(REPO, "node_modules/rapydscript-ng/bin/rapydscript");

/** The built runtime, imported by transformed ES modules in these runs. */
export const BUILT_RUNTIME = join(REPO, "dist/esm/runtime/index.js");

export type Dialect = "transcrypt" | "rapydscript";

export interface Run {
  dialect: Dialect;
  /** The transformed program (Transcrypt: its main module, program.js). */
  code: string;
  /** Transcrypt: the program's other modules, transformed, by file name ("helper.js"), written beside program.js. */
  modules?: Record<string, string>;
  /** Start Node with its WHATWG WebSocket client, or leave the platform without WebSocket. */
  websocket: boolean;
  globals: Record<string, string>;
}

/** Lines of a file, blank ones left out; null where there is no such file. */
export function fileLines(file: string): string[] | null {
  return existsSync(file) ? readFileSync(file, "utf8").split("\n").filter((line) => line !== "") : null;
}

/**
 * What the program in `dir` prints, in one dialect: `<stem><variant>.<dialect>.txt` where the two dialects print
 * differently, else `<stem><variant>.txt`; null where neither exists. `variant` is "" or "-no-websocket".
 */
export function expectedLines(dir: string, dialect: "py" | "pyj", variant = "", stem = "expected"): string[] | null {
  return fileLines(join(dir, `${stem}${variant}.${dialect}.txt`)) ?? fileLines(join(dir, `${stem}${variant}.txt`));
}

/**
 * Transcrypt's committed output of a program in `dir`: program.js, and one `<module>.js` for each other `<module>.py`
 * beside program.py (the modules it imports, which Transcrypt writes beside it in __target__), by file name. A bundler
 * or a page gets them all, each transformed on its own, as a user's build does.
 */
export function transcryptModules(dir: string): Record<string, string> {
  const modules: Record<string, string> = {};
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith(".py")) continue;
    const output = join(dir, file.replace(/\.py$/, ".js"));
    if (!existsSync(output)) throw new Error(`${output} (Transcrypt's committed output of ${file}) is missing`);
    modules[file.replace(/\.py$/, ".js")] = readFileSync(output, "utf8");
  }
  if (!("program.js" in modules)) throw new Error(`${dir} has no program.py`);
  return modules;
}

/** The package's modules for the transpilers (python/browser/...), as a user passes them: `-p` / `-xp`. */
const PYTHON_MODULES = join(REPO, "python");

/**
 * What python/ ships, listed: RapydScript-ng's modules (.pyj), Transcrypt's (.py including the .js beside it), and the
 * type stubs for editors (.pyi). No RapydScript-ng cache file.
 */
export const PYTHON_FILES: readonly string[] = [
  "__builtins__.pyi",
  "browser",
  "browser/__init__.js",
  "browser/__init__.py",
  "browser/__init__.pyi",
  "browser/__init__.pyj",
  "browser/websocket.js",
  "browser/websocket.py",
  "browser/websocket.pyi",
  "browser/websocket.pyj",
];

/**
 * RapydScript-ng's full output (its runtime included) for a .pyj file: one classic-script IIFE. Compiled with the
 * package's modules on the import path, as a user does (`rapydscript compile -p <package>/python`), so that
 * `from browser import websocket` resolves; and with a cache folder of its own (`-C`), since RapydScript-ng
 * otherwise writes `.pyj-cached` files beside the modules it imports, into python/. A program's own modules
 * (`import helper` of helper.pyj beside it) are found beside it, and inlined into the same script.
 */
export function compileRapydScript(file: string): string {
  const cache = mkdtempSync(join(tmpdir(), "python-websocket-rapydscript-cache-"));
  try {
    return execFileSync(process.execPath, [RAPYDSCRIPT, "compile", "-p", PYTHON_MODULES, "-C", cache, file], { encoding: "utf8" });
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}

/**
 * The page around the program: the globals the seed expects (`doc`, `alert`), and the seed's
 * buttons, pressed in turn: `_test()` once loaded, `close_connection()` once the echo is seen.
 */
function driver(dialect: Dialect, globals: Record<string, string>): string {
  const load =
    dialect === "transcrypt"
      ? `await import("./program.js")`
      : `(runInThisContext(readFileSync("program.js", "utf8"), { filename: "program.js" }), {})`;
  return `
import { readFileSync } from "node:fs";
import { runInThisContext } from "node:vm";
Object.assign(globalThis, ${JSON.stringify(globals)});
const button = (name) => program[name] ?? globalThis[name];
globalThis.doc = { data: { value: "hello" } };
globalThis.alert = (text) => {
  console.log("alert: " + text);
  if (String(text).startsWith("Message received")) setTimeout(() => button("close_connection")(), 0);
};
const program = ${load};
button("_test")?.();
`;
}

export async function runProgram(run: Run): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "python-websocket-e2e-"));
  try {
    writeFileSync(join(dir, "program.js"), run.code);
    for (const [file, code] of Object.entries(run.modules ?? {})) writeFileSync(join(dir, file), code);
    writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
    if (run.dialect === "transcrypt") copyFileSync(TRANSCRYPT_STAND_IN, join(dir, "org.transcrypt.__runtime__.js"));
    writeFileSync(join(dir, "main.js"), driver(run.dialect, run.globals));
    // Node 22 has WebSocket without the flag (npm test's Babel 8 run): the platform without it is asked for.
    const flags = [run.websocket ? "--experimental-websocket" : "--no-experimental-websocket"];
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, [...flags, "--no-warnings", "main.js"], { cwd: dir, timeout: 20_000 }, (error, out, err) =>
        error ? reject(new Error(`program failed (${error.message})\n--- stdout\n${out}\n--- stderr\n${err}`)) : resolve(out),
      );
    });
    return stdout.split("\n").filter((line) => line !== "");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
