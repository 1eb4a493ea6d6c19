// Figure 3: the bytes the runtime adds to a page, minified by terser and gzipped (zlib level 9). Deterministic: no rounds.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { nodeResolve } from "@rollup/plugin-node-resolve";
import { rollup } from "rollup";
import { REPO, RUNTIME_SPECIFIER, babel, compileRapydScript, plugin } from "./repo.mjs";
import { runtimeBreakdown } from "./runtime-breakdown.mjs";
import { shipped } from "./shipped.mjs";

const SEED = join(REPO, "fixtures/e2e/seed");
const BABEL = { babelrc: false, configFile: false, inputSourceMap: false };
// The figure: brython.js is not installed here, so it is quoted, not measured.
const BRYTHON_JS_BYTES = 1.38e6;

const difference = (a, b) => ({ minified: a.minified - b.minified, gzip: a.gzip - b.gzip });

/**
 * Bundles `code` as an app would: Rollup, with @rollup/plugin-node-resolve finding the runtime through the package's
 * "exports" (the entry's id is placed at the repo's root, so the package resolves its own name). Transcrypt's runtime
 * is left external: it is the same with and without the plugin.
 */
async function bundle(code, plugins = []) {
  const entry = join(REPO, "bench-entry.js");
  const build = await rollup({
    input: entry,
    external: (id) => id.endsWith("/org.transcrypt.__runtime__.js"),
    plugins: [
      { name: "entry", resolveId: (id) => (id === entry ? id : null), load: (id) => (id === entry ? code : null) },
      ...plugins,
      nodeResolve(),
    ],
    onwarn(warning) {
      // Transcrypt imports its whole runtime whatever a module uses.
      if (warning.code !== "UNUSED_EXTERNAL_IMPORT") throw new Error(`rollup: ${warning.message}`);
    },
  });
  try {
    return (await build.generate({ format: "es" })).output[0].code;
  } finally {
    await build.close();
  }
}

// The runtime's module replaced by the smallest thing the rewritten program can call.
const STUB = "\0runtime-stub";
const stubRuntime = {
  name: "stub-runtime",
  resolveId: (id) => (id === RUNTIME_SPECIFIER ? STUB : null),
  load: (id) => (id === STUB ? "export const pythonWebSocket = () => ({});" : null),
};

// A string only the runtime contains: proves which bundle has it.
const RUNTIME_MARK = "babel-plugin-python-websocket.listeners";

/** (a) The seed's Transcrypt module rewritten and bundled: the runtime's share, and the runtime module alone. */
async function importedRuntime() {
  const program = readFileSync(join(SEED, "program.js"), "utf8");
  const rewritten = babel.transformSync(program, { ...BABEL, sourceType: "module", plugins: [plugin] }).code;
  const withRuntime = await bundle(rewritten);
  const withStub = await bundle(rewritten, [stubRuntime]);
  if (!withRuntime.includes(RUNTIME_MARK) || withStub.includes(RUNTIME_MARK)) throw new Error("bytes: the runtime is not where expected");
  const alone = await bundle(`export * from "${RUNTIME_SPECIFIER}";`);
  return {
    share: difference(await shipped(withRuntime, { module: true }), await shipped(withStub, { module: true })),
    moduleAlone: await shipped(alone, { module: true }),
    runtimeSource: alone,
  };
}

/** The inlined runtime's statement, `var _pythonWebSocket = function createPythonWebSocketRuntime(global) {...}(globalThis);`. */
function inlinedFactory(code) {
  const ast = babel.parseSync(code, { ...BABEL, sourceType: "script" });
  const statement = ast.program.body.find(
    (node) =>
      node.type === "VariableDeclaration" &&
      node.declarations[0].init?.type === "CallExpression" &&
      node.declarations[0].init.callee.id?.name === "createPythonWebSocketRuntime",
  );
  if (!statement) throw new Error("bytes: no inlined runtime in the rewritten classic script");
  return code.slice(statement.start, statement.end);
}

/**
 * (b) The seed as RapydScript-ng's classic script without RapydScript-ng's own runtime, so the page holds just the
 * program and this plugin's inlined runtime; and, for scale, RapydScript-ng's runtime (full output minus bare).
 */
async function inlinedRuntime(cacheDir) {
  const pyj = join(SEED, "program.pyj");
  const bare = await compileRapydScript(pyj, { cacheDir, omitRuntime: true });
  const full = await compileRapydScript(pyj, { cacheDir });
  const script = { ...BABEL, sourceType: "script" };
  const rewritten = babel.transformSync(bare, { ...script, plugins: [plugin] }).code;
  const plain = babel.transformSync(bare, script).code;
  return {
    factory: await shipped(inlinedFactory(rewritten), { module: false }),
    fileDifference: difference(await shipped(rewritten, { module: false }), await shipped(plain, { module: false })),
    rapydscriptRuntime: difference(await shipped(full, { module: false }), await shipped(bare, { module: false })),
  };
}

export async function measureBytes({ cacheDir }) {
  const { share, moduleAlone, runtimeSource } = await importedRuntime();
  return {
    esmShare: share,
    runtimeModule: moduleAlone,
    ...(await inlinedRuntime(cacheDir)),
    breakdown: await runtimeBreakdown(runtimeSource),
    brythonJs: BRYTHON_JS_BYTES,
  };
}
