// A Python program of fixtures/ laid out as its transpiler leaves it, in a temp folder, with its source map: for the
// tests of messages that point at the .py/.pyj line (diagnostics, porting).
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RAPYDSCRIPT } from "./programs.js";

export interface Built {
  dir: string;
  /** The .py/.pyj the user wrote. */
  python: string;
  /** The generated JavaScript Babel is given. */
  generated: string;
}

/**
 * Transcrypt: `python3 -m transcrypt -b -n -m program.py` wrote __target__/program.js, .map, and a copy of the .py;
 * `programDir` holds program.py and the committed program.js and program.map.
 */
export function transcryptBuilt(programDir: string): Built {
  const dir = mkdtempSync(join(tmpdir(), "python-websocket-built-"));
  const target = join(dir, "__target__");
  mkdirSync(target);
  for (const file of ["program.js", "program.map"]) copyFileSync(join(programDir, file), join(target, file));
  for (const at of [dir, target]) copyFileSync(join(programDir, "program.py"), join(at, "program.py"));
  return { dir, python: join(dir, "program.py"), generated: join(target, "program.js") };
}

/**
 * RapydScript-ng: `rapydscript compile [-p python -C cache] program.pyj --output program.js --source-map program.js.map`,
 * run in the folder, on `programDir`'s program.py. `python`: the package's python/, for a program that imports it.
 */
export function rapydscriptBuilt(programDir: string, python?: string): Built {
  const dir = mkdtempSync(join(tmpdir(), "python-websocket-built-"));
  copyFileSync(join(programDir, "program.py"), join(dir, "program.pyj"));
  const modules = python ? ["-p", python, "-C", join(dir, "cache")] : [];
  execFileSync(process.execPath, [RAPYDSCRIPT, "compile", ...modules, "program.pyj", "--output", "program.js", "--source-map", "program.js.map"], { cwd: dir });
  return { dir, python: join(dir, "program.pyj"), generated: join(dir, "program.js") };
}
