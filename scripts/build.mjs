// Builds dist/cjs (CommonJS, from tsconfig.json) and dist/esm (ES modules, from tsconfig.esm.json), each with a
// package.json naming its module type. Each source file is compiled on its own, its .js by TypeScript's
// transpileModule and its .d.ts by transpileDeclaration: tsconfig.json sets isolatedModules and isolatedDeclarations,
// so that this gives what tsc gives, in a second or two instead of a whole program's type check (15 s and more here).
// Type checking is `npm run typecheck`'s job: npm test runs it first, and so does npm publish (prepublishOnly).
//
// `node scripts/build.mjs --if-stale` builds only when dist/ lacks a file or is older than what it is built from
// (src/, the tsconfigs, this script, TypeScript's version), and says so when it builds: npm run demo, demo:browser
// and bench start with it. It does not load TypeScript when there is nothing to build.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SRC = join(ROOT, "src");
const require = createRequire(import.meta.url);
const OUTPUTS = [
  { config: "tsconfig.json", dir: join(ROOT, "dist/cjs"), type: "commonjs" },
  { config: "tsconfig.esm.json", dir: join(ROOT, "dist/esm"), type: "module" },
];

/** src/x/y.ts → <dir>/x/y (to which .js and .d.ts are added). */
const stemIn = (dir, source) => join(dir, source.slice(SRC.length)).replace(/\.ts$/, "");

/** What src/x/y.ts is built into: x/y.js and x/y.d.ts in each of dist/cjs and dist/esm. */
const builtFrom = (source) => OUTPUTS.flatMap(({ dir }) => [`${stemIn(dir, source)}.js`, `${stemIn(dir, source)}.d.ts`]);

function sources() {
  return readdirSync(SRC, { recursive: true })
    .map((name) => join(SRC, name))
    .filter((path) => path.endsWith(".ts") && !path.endsWith(".d.ts") && statSync(path).isFile());
}

/** dist/ lacks a file that the sources make, or one of its files is older than one of them. */
function isStale() {
  const inputs = [...sources(), ...OUTPUTS.map(({ config }) => join(ROOT, config)), fileURLToPath(import.meta.url), require.resolve("typescript/package.json")];
  const newestInput = Math.max(...inputs.map((path) => statSync(path).mtimeMs));
  const outputs = [...OUTPUTS.map(({ dir }) => join(dir, "package.json")), ...sources().flatMap(builtFrom)];
  return outputs.some((path) => {
    try {
      return statSync(path).mtimeMs < newestInput;
    } catch {
      return true; // missing
    }
  });
}

/** Every file the build writes, with its text; exits with TypeScript's messages where a file cannot be compiled alone. */
function compile(ts) {
  const files = new Map();
  const problems = [];
  for (const { config, dir, type } of OUTPUTS) {
    const parsed = ts.getParsedCommandLineOfConfigFile(join(ROOT, config), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => fail(ts, [d]) });
    problems.push(...parsed.errors);
    const { options, fileNames } = parsed;
    if (options.rootDir !== SRC || options.outDir !== dir) throw new Error(`${config} must compile src/ into ${dir}`);
    for (const fileName of fileNames) {
      const source = readFileSync(fileName, "utf8");
      // transpileModule emits no declarations, and so refuses isolatedDeclarations (the .d.ts side's check).
      const js = ts.transpileModule(source, { fileName, compilerOptions: { ...options, isolatedDeclarations: false }, reportDiagnostics: true });
      const dts = ts.transpileDeclaration(source, { fileName, compilerOptions: options, reportDiagnostics: true });
      problems.push(...js.diagnostics, ...dts.diagnostics);
      const stem = stemIn(dir, fileName);
      files.set(`${stem}.js`, js.outputText);
      files.set(`${stem}.d.ts`, dts.outputText);
    }
    files.set(join(dir, "package.json"), JSON.stringify({ type }) + "\n");
  }
  if (problems.length > 0) fail(ts, problems);
  return files;
}

function fail(ts, diagnostics) {
  const host = { getCanonicalFileName: (name) => name, getCurrentDirectory: () => ROOT, getNewLine: () => "\n" };
  process.stderr.write(ts.formatDiagnostics(diagnostics, host));
  process.exit(1);
}

function build() {
  const started = new Date();
  const files = compile(require("typescript"));
  rmSync(join(ROOT, "dist"), { recursive: true, force: true });
  for (const [path, text] of files) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    // Dated when the build began: a source saved while it ran is then newer than dist/, and the next run rebuilds.
    utimesSync(path, started, started);
  }
}

if (!process.argv.includes("--if-stale")) {
  build();
} else if (isStale()) {
  console.log("Building the plugin into dist/ (first run, or src/ changed)…");
  build();
}
