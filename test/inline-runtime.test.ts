// The runtime is inlined into classic scripts from its function's source text: that text must stand alone.
import { parseSync, traverse } from "@babel/core";
import plugin from "../src/index.js";
import { createPythonWebSocketRuntime } from "../src/runtime/create.js";
import { BABEL_CORES } from "./support/babel-cores.js";

test("the runtime's source refers to nothing outside itself but the global object it is given", () => {
  const ast = parseSync(`(${createPythonWebSocketRuntime.toString()})`, { babelrc: false, configFile: false })!;
  const free = new Set<string>();
  traverse(ast, {
    ReferencedIdentifier(path) {
      if (!path.scope.hasBinding(path.node.name, { noGlobals: true })) free.add(path.node.name);
    },
  });
  // `undefined` and `arguments` are the language's own.
  expect([...free].filter((name) => name !== "undefined" && name !== "arguments")).toEqual([]);
});

test("the runtime's source uses no eval or Function constructor", () => {
  expect(createPythonWebSocketRuntime.toString()).not.toMatch(/\beval\b|\bFunction\s*\(/);
});

describe.each(BABEL_CORES)("an inlined runtime under %s", (_label, core) => {
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

  test("is not walked again by the plugins after this one (it is final ES5), while the program is", () => {
    const { output, seen } = transformWithProbe("function on_open() {}\nvar ws = websocket('ws://127.0.0.1:1');\nws.on_open = on_open;");
    expect(output).toContain("function defineError(");
    expect(seen).toEqual(["on_open"]);
  });
});
