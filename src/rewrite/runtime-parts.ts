import type { types as t } from "@babel/core";
import type { BabelApi } from "../context.js";
import * as documentParts from "../runtime/document.js";
import * as parts from "../runtime/parts.js";

/** A function of the runtime (src/runtime/parts.ts), as the plugin reads it off its source text. */
interface Part {
  declaration: t.FunctionDeclaration;
  /** The other functions it calls. */
  calls: Set<string>;
  /** The exception classes it raises by name (`raise(file, "ValueError", ...)`). */
  raises: Set<string>;
}

/** The runtime's functions, parsed once per Babel (its template function): every file that inlines some gets copies. */
const partsByBabel = new WeakMap<object, Map<string, Part>>();

function runtimeParts(api: BabelApi): Map<string, Part> {
  let found = partsByBabel.get(api.template);
  if (!found) {
    found = new Map();
    // Every function of the runtime module (all of them are exported), by name: a module namespace lists its exports
    // so, a CommonJS exports object in its own order, and the inlined copy must be the same from either build.
    const functions = Object.entries({ ...parts, ...documentParts } as Record<string, unknown>)
      .filter((entry): entry is [string, Function] => typeof entry[1] === "function")
      .sort(([a], [b]) => (a < b ? -1 : 1));
    const names = new Set(functions.map(([name]) => name));
    for (const [name, fn] of functions) {
      // (A part of another file of the runtime calls one of parts.ts as CommonJS compiles it, `(0, parts_js_1.raise)(...)`.)
      const declaration = api.template.statement.ast(fn.toString().replace(/\(0, [\w$]+\.([\w$]+)\)/g, "$1")) as t.FunctionDeclaration;
      const calls = new Set<string>();
      const raises = new Set<string>();
      visit(api.types, declaration.body, (node) => {
        if (node.type === "Identifier" && names.has(node.name) && node.name !== name) calls.add(node.name);
        if (node.type === "CallExpression" && node.callee.type === "Identifier" && node.callee.name === "raise") {
          const raised = node.arguments[1];
          if (raised?.type === "StringLiteral") raises.add(raised.value);
        }
      });
      found.set(name, { declaration, calls, raises });
    }
    partsByBabel.set(api.template, found);
  }
  return found;
}

/** Calls `enter` on every node under `node` but property names (`a.b`'s `b`, `{b: 1}`'s `b`), which are not references. */
function visit(types: BabelApi["types"], node: t.Node, enter: (node: t.Node) => void): void {
  enter(node);
  for (const key of types.VISITOR_KEYS[node.type] ?? []) {
    if ((key === "property" && node.type === "MemberExpression" && !node.computed) || (key === "key" && node.type === "ObjectProperty" && !node.computed)) continue;
    const child = (node as unknown as Record<string, t.Node | Array<t.Node | null> | null>)[key];
    for (const each of Array.isArray(child) ? child : [child]) if (each) visit(types, each, enter);
  }
}

/** `names` and every function they call, by name. */
function withCallees(api: BabelApi, names: Iterable<string>): string[] {
  const all = runtimeParts(api);
  const needed = new Set<string>();
  const add = (name: string): void => {
    if (needed.has(name)) return;
    const part = all.get(name);
    if (!part) throw new Error(`babel-plugin-python-websocket: the runtime has no function ${name}`);
    needed.add(name);
    part.calls.forEach(add);
  };
  for (const name of names) add(name);
  return [...all.keys()].filter((name) => needed.has(name));
}

/** The exception classes that the parts `names` may raise, by name. */
export function raisedBy(api: BabelApi, names: Iterable<string>): Set<string> {
  const all = runtimeParts(api);
  const raised = new Set<string>();
  for (const name of withCallees(api, names)) all.get(name)!.raises.forEach((each) => raised.add(each));
  return raised;
}

/**
 * The runtime's parts `names`, inlined: `function (platform) { ...those functions and the ones they call...;
 * return { name: name, ... }; }(globalThis)`.
 */
export function inlinedParts(api: BabelApi, names: string[]): t.CallExpression {
  const t = api.types;
  const all = runtimeParts(api);
  const body: t.Statement[] = withCallees(api, names).map((name) => t.cloneNode(all.get(name)!.declaration, true));
  body.push(t.returnStatement(t.objectExpression(names.map((name) => t.objectProperty(t.identifier(name), t.identifier(name))))));
  const wrapper = t.functionExpression(null, [t.identifier("platform")], t.blockStatement(body));
  return t.callExpression(wrapper, [t.identifier("globalThis")]);
}
