// The runtime's part for Brython's `document` (src/runtime/document.ts), inlined into a classic script as the rest of
// the runtime is: its text stands alone, and a RapydScript-ng program's `document[id]` gets the element, or raises the
// program's own KeyError. (A page runs it in Chromium too: examples/brython-page-*.)
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createContext, runInContext } from "node:vm";
import { parseSync, traverse } from "@babel/core";
import * as documentParts from "../src/runtime/document.js";
import * as parts from "../src/runtime/parts.js";
import { BABEL_CORES } from "./support/babel-cores.js";
import { compileRapydScript } from "./support/programs.js";
import { transform } from "./support/transform.js";

const PROGRAM = fileURLToPath(new URL("../fixtures/document/lookup/program.pyj", import.meta.url));
const functions = Object.entries(documentParts).filter(([, value]) => typeof value === "function") as Array<[string, Function]>;

test.each(functions)("%s refers to nothing but `platform`, its own names and the runtime's other functions", (_name, fn) => {
  const ast = parseSync(fn.toString(), { babelrc: false, configFile: false })!;
  const free = new Set<string>();
  traverse(ast, {
    ReferencedIdentifier(path) {
      if (!path.scope.hasBinding(path.node.name, { noGlobals: true })) free.add(path.node.name);
    },
  });
  const allowed = new Set(["platform", "undefined", ...Object.keys(parts), ...functions.map(([name]) => name)]);
  expect([...free].filter((name) => !allowed.has(name))).toEqual([]);
});

describe.each(BABEL_CORES)("under %s", (_label, core) => {
  test("a RapydScript-ng program's document[id] is the element with that id, else the program's KeyError", () => {
    const script = transform(core, compileRapydScript(PROGRAM), { sourceType: "script" });
    expect(script).toContain("function elementById(");
    const printed: string[] = [];
    // The page's document, as far as the lookup reads it: the element whose id is "here".
    const elements: Record<string, { id: string }> = { here: { id: "here" } };
    const document = { getElementById: (id: string) => elements[id] ?? null };
    runInContext(script, createContext({ document, console: { log: (...args: unknown[]) => printed.push(args.join(" ")) } }));
    expect(printed).toEqual(["caught KeyError: no element with id 'missing'", "found: here"]);
  });
});
