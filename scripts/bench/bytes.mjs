// Figure 3: the bytes the runtime adds to a page, minified by terser and gzipped (zlib level 9). Deterministic: no rounds.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { nodeResolve } from "@rollup/plugin-node-resolve";
import { rollup } from "rollup";
import { BUILT_RUNTIME, REPO, RUNTIME_SPECIFIER, babel, compileRapydScript, plugin } from "./repo.mjs";
import { shipped } from "./shipped.mjs";

const SEED = join(REPO, "fixtures/e2e/seed");
// The seed as Brython's current documentation writes it: the module browser.websocket, bind instead of on_ attributes.
const MODULE_SEED = join(REPO, "fixtures/e2e/module-seed");
const BABEL = { babelrc: false, configFile: false, inputSourceMap: false };
// The issue's figure: brython.js is not installed here, so it is quoted, not measured.
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

/** The runtime's parts, as the package exports them. */
const PARTS = Object.keys(await import(BUILT_RUNTIME)).sort();

// The runtime's module replaced by the smallest thing the rewritten program can call: every part a no-op.
const STUB = "\0runtime-stub";
const stubRuntime = {
  name: "stub-runtime",
  resolveId: (id) => (id === RUNTIME_SPECIFIER ? STUB : null),
  load: (id) => (id === STUB ? PARTS.map((part) => `export function ${part}() {}`).join("\n") : null),
};

// A string only the runtime contains: proves which bundle has it.
const RUNTIME_MARK = '"python-websocket"';

/**
 * (a) The seed's Transcrypt module rewritten and bundled: the runtime's share (the bundle minus the same bundle with
 * a stub runtime), and what the plugin adds to the page in all (minus the bundle of the program as Transcrypt wrote it).
 * The same for the seed written against Brython's module: its share, and the page against the one Transcrypt's output
 * makes with the module's stub (python/browser/websocket.js), which the plugin's output does not import.
 */
async function importedRuntime() {
  const seed = await rewrittenAndBundled(SEED);
  const moduleSeed = await rewrittenAndBundled(MODULE_SEED);
  return {
    esmShare: seed.share,
    esmPage: seed.page,
    seedParts: seed.parts,
    moduleEsmShare: moduleSeed.share,
    moduleEsmPage: moduleSeed.page,
    moduleSeedParts: moduleSeed.parts,
  };
}

/** Transcrypt's stub of Brython's module, where Transcrypt puts it: beside the program, as `browser.websocket.js`. */
const moduleStub = {
  name: "browser-websocket-stub",
  resolveId: (id) => (id === "./browser.websocket.js" ? "\0browser.websocket.js" : null),
  load: (id) => (id === "\0browser.websocket.js" ? readFileSync(join(REPO, "python/browser/websocket.js"), "utf8") : null),
};

async function rewrittenAndBundled(dir) {
  const program = readFileSync(join(dir, "program.js"), "utf8");
  const rewritten = babel.transformSync(program, { ...BABEL, sourceType: "module", plugins: [plugin] }).code;
  const withRuntime = await bundle(rewritten);
  const withStub = await bundle(rewritten, [stubRuntime]);
  if (!withRuntime.includes(RUNTIME_MARK) || withStub.includes(RUNTIME_MARK)) throw new Error("bytes: the runtime is not where expected");
  const module = { module: true };
  return {
    share: difference(await shipped(withRuntime, module), await shipped(withStub, module)),
    page: difference(await shipped(withRuntime, module), await shipped(await bundle(program, [moduleStub]), module)),
    parts: partsCalled(rewritten),
  };
}

/** The parts a rewritten file calls, read off its runtime object: `{ part: _part }` (imported), `{ part: _pythonWebSocket.part }`. */
function partsCalled(code) {
  return PARTS.filter((part) => new RegExp(`\\b${part}: (?:_${part}|_pythonWebSocket\\.${part})\\b`).test(code));
}

/**
 * The inlined runtime's statement, `var _pythonWebSocket = function (platform) {...}(globalThis);`, at the top of the
 * program or of the script's own IIFE (RapydScript-ng's): [start, end].
 */
function inlinedStatement(code) {
  const ast = babel.parseSync(code, { ...BABEL, sourceType: "script" });
  let statement = null;
  babel.traverse(ast, {
    VariableDeclaration(path) {
      if (path.node.declarations[0].init?.callee?.params?.[0]?.name === "platform") {
        statement = path.node;
        path.stop();
      }
    },
  });
  if (!statement) throw new Error("bytes: no inlined runtime in the rewritten classic script");
  return [statement.start, statement.end];
}

/**
 * (b) The seed as RapydScript-ng's classic script without RapydScript-ng's own runtime, so the page holds just the
 * program and this plugin's inlined runtime: the runtime's share (the page minus the same page with a stub of the
 * inlined statement, the parts it returns as no-ops), the statement on its own, and what the plugin adds to the page
 * in all. For scale, RapydScript-ng's runtime (its full output minus the bare one).
 */
async function inlinedRuntime(cacheDir) {
  const pyj = join(SEED, "program.pyj");
  const bare = await compileRapydScript(pyj, { cacheDir, omitRuntime: true });
  const full = await compileRapydScript(pyj, { cacheDir });
  const script = { ...BABEL, sourceType: "script" };
  const rewritten = babel.transformSync(bare, { ...script, plugins: [plugin] }).code;
  const plain = babel.transformSync(bare, script).code;
  const [start, end] = inlinedStatement(rewritten);
  const parts = partsCalled(rewritten);
  const stub = `var _pythonWebSocket = { ${parts.map((part) => `${part}: function () {}`).join(", ")} };`;
  const withStub = rewritten.slice(0, start) + stub + rewritten.slice(end);
  const classic = { module: false };
  return {
    inlinedShare: difference(await shipped(rewritten, classic), await shipped(withStub, classic)),
    inlinedStatement: await shipped(rewritten.slice(start, end), classic),
    inlinedPage: difference(await shipped(rewritten, classic), await shipped(plain, classic)),
    rapydscriptRuntime: difference(await shipped(full, classic), await shipped(bare, classic)),
  };
}

/** What each part of the runtime gives a Python program, for the table of what each costs. */
const PURPOSES = {
  assertWebSocket: "`websocket(url)`: NotImplementedError where the platform has no WebSocket, before `new WebSocket`",
  bind: "Brython's `ws.bind(evt, handler)` where it cannot be `addEventListener`: handlers in bind order, bytes, kept for unbind",
  bound: "a method read off its object (`self.got`, `a if c else b`, `getattr`), bound as in Python",
  call: "send/close with keywords or other argument lists: Python's argument binding, then send's or close's checks",
  close: "`close(code, reason)` checked the Python way (ValueError, TypeError); `close()` and valid literals need no part",
  deleteHandler: "`del ws.on_message`",
  errorClass: "NotImplementedError, ConnectionError, ValueError for a program that does not define one (a subclass of its Exception)",
  eventMethod: "`ws.bind`/`ws.unbind` as values, or with keywords or `*args`: Python's argument binding",
  hasWebSocket: "`__BRYTHON__.has_websocket` where the program binds its own `WebSocket`",
  method: "`ws.send`/`ws.close` as values (`send = ws.send`), and RapydScript-ng's keyword calls of them",
  send: "`send(data)` checked: str or bytes-like, on an open socket (ConnectionError)",
  setHandler: "handler attributes: one listener per event, replaced and removed like an attribute; bytes",
  unbind: "Brython's `ws.unbind(evt)` and `ws.unbind(evt, handler)` (a bound method equals another read of it)",
  websocket: "`websocket(url)` where `new WebSocket` cannot be written in place (a url with side effects)",
  websocketFunction: "`websocket` / `WebSocket` as a value, or with arguments known only at run time (`**kw`, `*args`)",
  websocketModule: "Brython's module `browser.websocket` used as a value (`module = websocket`)",
};

/** What a program pays for each part on its own (with the functions it calls), and for all of them. */
async function partSizes() {
  const imported = (parts) => bundle(`import * as r from "${RUNTIME_SPECIFIER}";\nexport default [${parts.map((p) => `r.${p}`).join(", ")}];`);
  const none = await shipped(await imported([]), { module: true });
  const rows = [];
  for (const part of PARTS) {
    if (!PURPOSES[part]) throw new Error(`bytes: say what the runtime's part ${part} is for (PURPOSES)`);
    rows.push({ part, purpose: PURPOSES[part], ...difference(await shipped(await imported([part]), { module: true }), none) });
  }
  return { rows, all: difference(await shipped(await imported(PARTS), { module: true }), none) };
}

export async function measureBytes({ cacheDir }) {
  return {
    ...(await importedRuntime()),
    ...(await inlinedRuntime(cacheDir)),
    parts: await partSizes(),
    brythonJs: BRYTHON_JS_BYTES,
  };
}
