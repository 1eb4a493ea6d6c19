// Builds dist/cjs (CommonJS) and dist/esm (ES modules) with tsc, each with a package.json naming its module type.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
rmSync("dist", { recursive: true, force: true });
for (const [config, dir, type] of [
  ["tsconfig.json", "dist/cjs", "commonjs"],
  ["tsconfig.esm.json", "dist/esm", "module"],
]) {
  execFileSync(process.execPath, [tsc, "-p", config], { stdio: "inherit" });
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/package.json`, JSON.stringify({ type }) + "\n");
}
