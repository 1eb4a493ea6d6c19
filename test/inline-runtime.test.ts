// The runtime is inlined into classic scripts function by function, from each function's source text: those texts
// must stand alone, and a file must get the functions it calls and no others.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createContext, runInContext } from "node:vm";
import { parseSync, traverse } from "@babel/core";
import plugin from "../src/index.js";
import * as parts from "../src/runtime/parts.js";
import { BABEL_CORES } from "./support/babel-cores.js";
import { compileRapydScript } from "./support/programs.js";
import { transform } from "./support/transform.js";

const REPO = fileURLToPath(new URL("..", import.meta.url));

/** `a.b.c` for a callee made of names and static members. */
function calleeName(node: any): string {
  return node.type === "MemberExpression" ? `${calleeName(node.object)}.${node.property.name}` : node.name;
}

const functions = Object.entries(parts as Record<string, unknown>).filter(([, value]) => typeof value === "function") as Array<[string, Function]>;

test("the runtime's files hold only function declarations, all exported, and `platform`", () => {
  const files = readdirSync(new URL("../src/runtime/", import.meta.url)).filter((name) => !["parts.ts", "index.ts", "types.ts"].includes(name));
  const topLevel = files.flatMap((name) => {
    const source = readFileSync(new URL(`../src/runtime/${name}`, import.meta.url), "utf8");
    return parseSync(source, { babelrc: false, configFile: false, filename: name, presets: ["@babel/preset-typescript"] })!.program.body;
  })
    // Imports of types and overload signatures are TypeScript's only: nothing of them is in the module's JavaScript.
    .filter((node) => node.type !== "ImportDeclaration" && !(node.type === "ExportNamedDeclaration" && node.declaration?.type === "TSDeclareFunction"))
    .map((node) =>
      node.type === "ExportNamedDeclaration" && node.declaration?.type === "FunctionDeclaration"
        ? `function ${node.declaration.id!.name}`
        : node.type === "ExportNamedDeclaration" && node.declaration?.type === "VariableDeclaration"
          ? `var ${(node.declaration.declarations[0]!.id as { name: string }).name}`
          : node.type,
    );
  expect(topLevel.filter((entry) => !entry.startsWith("function "))).toEqual(["var platform"]);
  expect(topLevel.filter((entry) => entry.startsWith("function ")).sort()).toEqual(functions.map(([name]) => `function ${name}`).sort());
});

test.each(functions)("%s refers to nothing but `platform`, its own names and the runtime's other functions", (_name, fn) => {
  const ast = parseSync(fn.toString(), { babelrc: false, configFile: false })!;
  const free = new Set<string>();
  traverse(ast, {
    ReferencedIdentifier(path) {
      if (!path.scope.hasBinding(path.node.name, { noGlobals: true })) free.add(path.node.name);
    },
  });
  const allowed = new Set(["platform", "undefined", "arguments", ...functions.map(([name]) => name)]);
  expect([...free].filter((name) => !allowed.has(name))).toEqual([]);
  expect(fn.toString()).not.toMatch(/\beval\b|\bFunction\s*\(/);
});

test.each(functions)("%s declares no name of another part (the plugin reads which parts a part calls off the names it uses)", (name, fn) => {
  const ast = parseSync(fn.toString(), { babelrc: false, configFile: false })!;
  const declared: string[] = [];
  traverse(ast, {
    Scope(path) {
      declared.push(...Object.keys(path.scope.bindings));
    },
  });
  const parts = new Set(functions.map(([part]) => part).filter((part) => part !== name));
  expect(declared.filter((local) => parts.has(local))).toEqual([]);
});

// Syntax newer than ES5, which no plugin after this one lowers in the inlined copy.
const AFTER_ES5 = new Set([
  "ArrowFunctionExpression", "ClassDeclaration", "ClassExpression", "TemplateLiteral", "RestElement", "SpreadElement",
  "AssignmentPattern", "ObjectPattern", "ArrayPattern", "ForOfStatement", "ObjectMethod", "OptionalMemberExpression",
  "OptionalCallExpression", "YieldExpression", "AwaitExpression",
]);

test.each(functions)("%s is ES5", (_name, fn) => {
  const ast = parseSync(fn.toString(), { babelrc: false, configFile: false })!;
  const newer: string[] = [];
  traverse(ast, {
    enter(path) {
      const { node } = path;
      if (AFTER_ES5.has(node.type)) newer.push(node.type);
      if (node.type === "VariableDeclaration" && node.kind !== "var") newer.push(node.kind);
      if (node.type === "LogicalExpression" && node.operator === "??") newer.push("??");
      if (node.type === "BinaryExpression" && node.operator === "**") newer.push("**");
      if (node.type === "ObjectProperty" && (node.shorthand || node.computed)) newer.push("ObjectProperty shorthand/computed");
      if (node.type === "FunctionDeclaration" && (node.generator || node.async)) newer.push("generator/async");
    },
  });
  expect(newer).toEqual([]);
});

describe.each(BABEL_CORES)("an inlined runtime under %s", (_label, core) => {
  test("is the same from the package's CommonJS and ES builds: plain names, whatever each build makes of its imports", async () => {
    const code = "function f(u) { var ws = websocket(u); g(); ws.send('x'); ws.on_message = h; }\nfunction open(u) { return websocket(u); }";
    const built = [createRequire(import.meta.url)(join(REPO, "dist/cjs/index.js")).default, (await import(join(REPO, "dist/esm/index.js"))).default];
    const [fromCommonJs, fromEs] = built.map(
      (built) => core.transformSync(code, { babelrc: false, configFile: false, sourceType: "script", plugins: [built] })!.code!,
    );
    expect(fromCommonJs).toBe(fromEs);
    expect(fromCommonJs).toContain("function socketClass(file)");
    expect(fromCommonJs).not.toMatch(/\bexports\b|_js_\d/);
  });

  const inlinedFunctions = (code: string): string[] => [...code.matchAll(/^ {2}function (\w+)\(/gm)].map((m) => m[1]!);

  test("holds the functions the file's rewrites call and those they call, no others", () => {
    // A socket that stays in its function's variable is native: only the check before `new WebSocket`.
    const opensOnly = transform(core, "function f() { var ws = websocket('ws://127.0.0.1:1'); }", { sourceType: "script" });
    expect(inlinedFunctions(opensOnly)).toEqual(["assertWebSocket", "raise"]);
    const handlers = transform(core, "function f(g) { var ws = websocket(u); log(); ws.on_message = g; }", { sourceType: "script" });
    expect(inlinedFunctions(handlers)).toEqual(["assertWebSocket", "bookkeeping", "isSocket", "listen", "listenerOf", "raise", "setHandler"]);
    const named = transform(core, "function f() { try { var ws = websocket(u); } catch (e) { if (e instanceof NotImplementedError) no(); } }", { sourceType: "script" });
    expect(inlinedFunctions(named)).toEqual(["assertWebSocket", "errorClass", "raise"]);
    // One that leaves it is of the runtime's class, which brings the whole API with it.
    const leaves = transform(core, "function open(u) { return websocket(u); }", { sourceType: "script" });
    expect(inlinedFunctions(leaves)).toEqual([
      "assertWebSocket", "bind", "bookkeeping", "bound", "checkClose", "checkSend", "eventMethod", "isSocket", "listen",
      "listenerOf", "method", "pythonArguments", "pythonFunction", "raise", "socketClass", "typeName", "unbind", "websocket",
    ]);
    // A handler set on what the plugin does not see being made needs no runtime at all.
    expect(transform(core, "function f(ws, g) { ws.on_message = g; }", { sourceType: "script" })).not.toContain("platform");
  });

  // A later plugin of the same pass, recording the functions it is run on.
  function transformWithProbe(code: string): { output: string; seen: string[] } {
    const seen: string[] = [];
    const probe = () => ({
      visitor: {
        FunctionDeclaration(path: { node: { id: { name: string } | null } }) {
          if (path.node.id) seen.push(path.node.id.name);
        },
      },
    });
    const result = core.transformSync(code, {
      babelrc: false,
      configFile: false,
      sourceType: "script",
      plugins: [plugin, probe],
    });
    return { output: result!.code!, seen };
  }

  test("the plugins after this one visit the program once, and each statement the rewrite inserts once", () => {
    const seen: string[] = [];
    const probe = () => ({
      visitor: {
        "CallExpression|NewExpression"(path: { node: { callee: unknown } }) {
          seen.push(calleeName(path.node.callee));
        },
      },
    });
    core.transformSync("function start() {\n  var ws = websocket('ws://127.0.0.1:1');\n  ws.on_message = got;\n  ws.send('hi');\n}", {
      babelrc: false,
      configFile: false,
      sourceType: "script",
      plugins: [plugin, probe],
    });
    // The program as written, as the pass goes through it; then the check the rewrite inserted, requeued once.
    expect(seen).toEqual(["websocket", "ws.send", "_pyws.assertWebSocket"]);
  });

  test("lives inside RapydScript-ng's IIFE: running the script declares no global name but the program's own", () => {
    const source = join(REPO, "fixtures/e2e/seed/program.pyj");
    // A config that names only the plugin: Babel parses the script as a module.
    const script = core.transformSync(compileRapydScript(source), { babelrc: false, configFile: false, plugins: [plugin] })!.code!;
    const page = createContext({ alert() {}, doc: { data: { value: "" } }, ECHO_URL: "ws://127.0.0.1:9/" });
    page.globalThis = page;
    const before = new Set(Object.getOwnPropertyNames(page));
    runInContext(script, page);
    // The seed's buttons, which the program itself puts on globalThis (see program.pyj).
    expect(Object.getOwnPropertyNames(page).filter((name) => !before.has(name))).toEqual(["_test", "close_connection"]);
    page._test(); // the page has no WebSocket: the program alerts, through the runtime's check
  });

  test("is not walked again by the plugins after this one (it is final ES5), while the program is", () => {
    const { output, seen } = transformWithProbe("function on_open() {}\nvar ws = websocket('ws://127.0.0.1:1');\nws.on_open = on_open;");
    expect(output).toContain("function assertWebSocket(");
    expect(seen).toEqual(["on_open"]);
  });
});
