// The runtime is inlined into classic scripts from its function's source text: that text must stand alone.
import { parseSync, traverse } from "@babel/core";
import { createPythonWebSocketRuntime } from "../src/runtime/create.js";

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
