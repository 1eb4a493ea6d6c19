// What the benchmark takes from the repository: the built plugin and runtime, Babel 7, RapydScript-ng.
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

export const REPO = fileURLToPath(new URL("../..", import.meta.url));
export const require = createRequire(import.meta.url);

export const babel = require("@babel/core");
export const plugin = require("../../dist/cjs/index.js").default;

export const RUNTIME_SPECIFIER = "babel-plugin-python-websocket/runtime";
export const BUILT_RUNTIME = join(REPO, "dist/esm/runtime/index.js");

const RAPYDSCRIPT = require.resolve("rapydscript-ng/bin/rapydscript");
const run = promisify(execFile);

/**
 * RapydScript-ng's output for a .pyj file, as test/support/programs.ts compiles it: one classic-script IIFE with
 * RapydScript-ng's runtime (its "baselib") included, or left out with `omitRuntime`; the package's python/ on the
 * import path, for programs of Brython's module API. The compiler caches the modules a program imports beside their
 * sources unless given a cache dir: `cacheDir` keeps it in a temp dir.
 */
export async function compileRapydScript(file, { cacheDir, omitRuntime = false }) {
  const flags = ["--import-path", join(REPO, "python"), "--cache-dir", cacheDir, ...(omitRuntime ? ["--omit-baselib"] : [])];
  const { stdout } = await run(process.execPath, [RAPYDSCRIPT, "compile", ...flags, file], { maxBuffer: 256 << 20 });
  return stdout;
}
