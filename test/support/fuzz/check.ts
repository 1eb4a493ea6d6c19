// Checks on the plugin's output AST: what its references resolve to, and whether any API site was left unrewritten.
import type { NodePath, types as t } from "@babel/core";
import type { BabelCore } from "../babel-cores.js";

/** The parts of @babel/core (7 and 8 alike) these checks use beyond transformSync. */
interface FullCore {
  transformSync(code: string, options: Record<string, unknown>): { code?: string | null; ast?: t.File | null } | null;
  parseSync(code: string, options: Record<string, unknown>): t.File | null;
  traverse(ast: t.Node, visitors: Record<string, (path: NodePath<never>) => void>): void;
  types: { cloneNode<T extends t.Node>(node: T, deep?: boolean, withoutLoc?: boolean): T };
}

export function full(core: BabelCore): FullCore {
  return core as unknown as FullCore;
}

// No colours in code frames: Babel colours them where it thinks the terminal can (CI=true), and the tests read them.
const ISOLATED = { babelrc: false, configFile: false, highlightCode: false } as const;

/** Parses code as Babel would read the file; throws Babel's error if it does not parse. */
export function parse(core: BabelCore, code: string, sourceType: "module" | "script"): t.File {
  const ast = full(core).parseSync(code, { ...ISOLATED, sourceType });
  if (!ast) throw new Error("parseSync returned null");
  return ast;
}

/** The plugin's output as code and as the AST it printed (nodes the plugin made have no `loc`). */
export function transformWithAst(
  core: BabelCore,
  plugin: unknown,
  code: string,
  sourceType: "module" | "script",
  pluginOptions: Record<string, unknown>,
): { code: string; ast: t.File } {
  const result = full(core).transformSync(code, {
    ...ISOLATED,
    sourceType,
    inputSourceMap: false,
    ast: true,
    plugins: [[plugin, pluginOptions]],
  });
  if (!result?.ast || typeof result.code !== "string") throw new Error("transformSync returned no code or AST");
  return { code: result.code, ast: result.ast };
}

const HANDLERS = new Set(["on_open", "on_error", "on_message", "on_close"]);
/** The inlined runtime: the plugin's `function (platform) {...}`, called with `globalThis`. */
function isInlinedRuntime(path: NodePath): boolean {
  return path.isFunctionExpression() && madeByPlugin(path.node) && path.node.params.length === 1 && (path.node.params[0] as t.Identifier).name === "platform";
}
/** Names the inlined runtime leaves free: the language's own values. */
const LANGUAGE_VALUES = ["undefined", "Infinity", "NaN"];
/**
 * Free names that are API sites: the first two mark a file as using the API, the others are rewritten in such a file.
 * The generated programs' names for Brython's module (MODULE_NAMES) are the module's bindings: none may be left free.
 */
const API_NAMES = new Set(["websocket", "__BRYTHON__", "NotImplementedError", "ConnectionError", "wsmod", "Socket", "supported"]);
const ALWAYS_API = new Set(["websocket", "__BRYTHON__"]);
/** The keys of the classes a runtime object takes from the program. */
const CLASS_KEYS = new Set(["NotImplementedError", "ConnectionError", "ValueError", "TypeError"]);
/** Globals the plugin's code refers to: they must stay free (the platform's), never the program's. */
const PLATFORM_NAMES = new Set(["globalThis", "WebSocket", "require"]);

/**
 * `X.close()`, `X.close(1000)`, `X.close(4000, "bye")` as a statement: the platform accepts those arguments (a code
 * of 1000 or 3000–4999, a reason of at most 123 UTF-8 bytes, a reason only with a code), so no check is needed.
 */
function isUnrefusableClose(path: NodePath<t.CallExpression>, method: string): boolean {
  const [code, reason, ...more] = path.node.arguments;
  const codeOk = !code || (code.type === "NumericLiteral" && (code.value === 1000 || (Number.isInteger(code.value) && code.value >= 3000 && code.value <= 4999)));
  const reasonOk = !reason || (reason.type === "StringLiteral" && new TextEncoder().encode(reason.value).length <= 123);
  return method === "close" && path.parentPath.isExpressionStatement() && more.length === 0 && codeOk && reasonOk;
}

function staticName(member: t.MemberExpression): string | null {
  if (!member.computed && member.property.type === "Identifier") return member.property.name;
  if (member.computed && member.property.type === "StringLiteral") return member.property.value;
  return null;
}

function madeByPlugin(node: t.Node): boolean {
  return !node.loc;
}

function where(node: t.Node): string {
  return node.loc ? `line ${node.loc.start.line}` : "plugin code";
}

/** A fresh copy of the AST with its `loc`s, so scopes are crawled anew (not the plugin run's cached ones). */
function freshCopy(core: BabelCore, ast: t.File): t.File {
  return full(core).types.cloneNode(ast, true, false);
}

interface Findings {
  captures: string[];
  leftovers: string[];
}

function staticCallee(call: t.CallExpression): string | null {
  return call.callee.type === "Identifier" ? call.callee.name : null;
}

/** `Chat.prototype.on_open`: a method of a program's class (RapydScript-ng), not an attribute of a socket. */
function isClassMember(member: t.MemberExpression): boolean {
  return member.object.type === "MemberExpression" && staticName(member.object) === "prototype";
}

/**
 * Where a reference in the output resolves to the wrong thing:
 * - a name the plugin wrote (`_pyws`, `_pythonWebSocket`, `globalThis`, `WebSocket`, `require`) must resolve to the
 *   plugin's own declaration, or stay free for the platform's globals; the program's exception classes handed to
 *   the runtime (`{NotImplementedError: NotImplementedError}`) must resolve to the program's declarations;
 * - a name the program wrote must resolve to what it did in the input: never to a declaration the plugin added;
 * - an inlined runtime refers to nothing outside itself but `globalThis` (test/inline-runtime.test.ts) and the
 *   language's own values (`undefined`...), which the program must not bind around it.
 */
export function captures(core: BabelCore, output: t.File): string[] {
  return inspect(core, output).captures;
}

/**
 * API sites left as they were in a file the plugin rewrote (half-rewritten output): a free `websocket`,
 * `__BRYTHON__`, `NotImplementedError` or `ConnectionError`; a handler `delete` not through the runtime; and, on a
 * variable the plugin gave a plain native socket (`ws = new WebSocket(url)`), a handler assignment not in the
 * plugin's direct form `X.addEventListener("open", X.on_open = f)`, or a `send`/`close`/`bind`/`unbind` not through
 * the runtime, but for a close the platform cannot refuse, whose value is unused. (Anywhere else the sockets are of
 * the runtime's class, which carries the API: those sites stay as written.)
 * In a file the plugin left alone, only the sites that mark a file as using the API count.
 */
export function leftovers(core: BabelCore, output: t.File): string[] {
  return inspect(core, output).leftovers;
}

/** Both checks in one traversal of a fresh copy of the output (the inlined runtime's body is not walked). */
export function inspect(core: BabelCore, output: t.File): Findings {
  const problems: string[] = [];
  // Leftovers by kind: "api" ones always count; "rewritten-only" ones only if the plugin changed the file.
  const found: Array<{ always: boolean; text: string }> = [];
  let rewritten = false;
  const isRuntimeObject = (node: t.Node, path: NodePath): boolean => {
    if (node.type !== "Identifier" || !madeByPlugin(node)) return false;
    const binding = path.scope.getBinding(node.name);
    return !!binding && madeByPlugin(binding.identifier);
  };
  const copy = freshCopy(core, output);
  // The variables the plugin gave a plain native socket (`ws = new WebSocket(url)`): their declarations, or the
  // names of globals.
  const natives = new Set<t.Node | string>();
  full(core).traverse(copy, {
    NewExpression(p: NodePath<never>) {
      const path = p as unknown as NodePath<t.NewExpression>;
      const { callee } = path.node;
      if (callee.type !== "Identifier" || callee.name !== "WebSocket" || path.scope.getBinding("WebSocket")) return;
      const parent = path.parent;
      const target = parent.type === "VariableDeclarator" ? parent.id : parent.type === "AssignmentExpression" ? parent.left : null;
      if (target?.type === "Identifier") natives.add(path.scope.getBinding(target.name)?.identifier ?? target.name);
    },
  });
  const isNative = (node: t.Node, path: NodePath): boolean =>
    node.type === "Identifier" && natives.has(path.scope.getBinding(node.name)?.identifier ?? node.name);
  full(core).traverse(copy, {
    enter(p: NodePath<never>) {
      const path = p as unknown as NodePath;
      if (madeByPlugin(path.node)) rewritten = true;
      if (isInlinedRuntime(path)) {
        for (const name of LANGUAGE_VALUES) {
          const binding = path.scope.getBinding(name);
          if (binding) problems.push(`the inlined runtime's \`${name}\` is captured by the program's ${binding.kind} binding at ${where(binding.identifier)}`);
        }
        path.skip();
      }
    },
    ReferencedIdentifier(p: NodePath<never>) {
      const path = p as unknown as NodePath<t.Identifier>;
      if (path.node.type !== "Identifier") return;
      const { name } = path.node;
      const binding = path.scope.getBinding(name);
      if (API_NAMES.has(name) && !binding) found.push({ always: ALWAYS_API.has(name), text: `free \`${name}\` at ${where(path.node)}` });
      if (madeByPlugin(path.node)) {
        // The runtime object's classes (`{ NotImplementedError: NotImplementedError }`); its parts are the plugin's imports.
        // The program's Exception, as the base of one of the runtime's classes: `errorClass("ConnectionError", Exception)`.
        const property = path.parentPath.node;
        const [key, base] = property.type === "CallExpression" ? property.arguments : [];
        const isErrorClass =
          (property.type === "ObjectProperty" && property.value === path.node && property.key.type === "Identifier" && CLASS_KEYS.has(property.key.name)) ||
          (base === path.node && key?.type === "StringLiteral" && CLASS_KEYS.has(key.value));
        if (isErrorClass) {
          if (!binding || madeByPlugin(binding.identifier) || (binding.kind !== "module" && binding.kind !== "hoisted")) {
            problems.push(`the program's exception class \`${name}\` handed to the runtime resolves to ${binding ? binding.kind : "nothing"}`);
          }
        } else if (PLATFORM_NAMES.has(name)) {
          if (binding) problems.push(`the plugin's \`${name}\` is captured by the program's ${binding.kind} binding at ${where(binding.identifier)}`);
        } else if (!binding || !madeByPlugin(binding.identifier)) {
          problems.push(`the plugin's \`${name}\` resolves to ${binding ? `the program's ${binding.kind} binding at ${where(binding.identifier)}` : "nothing"}`);
        }
      } else if (binding && madeByPlugin(binding.identifier)) {
        problems.push(`the program's \`${name}\` (${where(path.node)}) is captured by the plugin's declaration`);
      }
    },
    AssignmentExpression(p: NodePath<never>) {
      const path = p as unknown as NodePath<t.AssignmentExpression>;
      const { left, operator } = path.node;
      if (operator !== "=" || left.type !== "MemberExpression" || !HANDLERS.has(staticName(left) ?? "") || isClassMember(left)) return;
      const call = path.parent;
      const direct =
        call.type === "CallExpression" &&
        call.arguments[1] === path.node &&
        call.callee.type === "MemberExpression" &&
        staticName(call.callee) === "addEventListener";
      if (!direct && isNative(left.object, path)) found.push({ always: true, text: `handler assignment \`.${staticName(left)} =\` at ${where(path.node)}` });
    },
    UnaryExpression(p: NodePath<never>) {
      const path = p as unknown as NodePath<t.UnaryExpression>;
      const { argument, operator } = path.node;
      if (operator === "delete" && argument.type === "MemberExpression" && HANDLERS.has(staticName(argument) ?? "")) {
        found.push({ always: true, text: `\`delete .${staticName(argument)}\` at ${where(path.node)}` });
      }
    },
    CallExpression(p: NodePath<never>) {
      const path = p as unknown as NodePath<t.CallExpression>;
      const { callee } = path.node;
      if (callee.type !== "MemberExpression") return;
      const method = staticName(callee);
      if (!isNative(callee.object, path)) return;
      if ((method === "send" || method === "close") && !isRuntimeObject(callee.object, path) && !isUnrefusableClose(path, method)) {
        found.push({ always: false, text: `\`.${method}(...)\` not through the runtime at ${where(path.node)}` });
      }
      // Brython's bind/unbind (an event name, Transcrypt's keywords, *args): the runtime's, but for a fresh socket's binds.
      const [first] = path.node.arguments;
      const brython =
        first?.type === "StringLiteral" || first?.type === "SpreadElement" || (first?.type === "CallExpression" && staticCallee(first) === "__kwargtrans__");
      if ((method === "bind" || method === "unbind") && brython && !isRuntimeObject(callee.object, path)) {
        found.push({ always: false, text: `\`.${method}(...)\` not through the runtime at ${where(path.node)}` });
      }
    },
    ImportDeclaration(p: NodePath<never>) {
      const path = p as unknown as NodePath<t.ImportDeclaration>;
      if (/browser\.websocket\.js$/.test(path.node.source.value)) found.push({ always: true, text: `import of Brython's module at ${where(path.node)}` });
    },
    MemberExpression(p: NodePath<never>) {
      // `send = ws.send`, `setTimeout(ws.close)`, RapydScript-ng's keyword calls: Python's bound method, from the runtime.
      const path = p as unknown as NodePath<t.MemberExpression>;
      const method = staticName(path.node);
      // RapydScript-ng's module table, read for Brython's module: its modules go from the page.
      if (path.node.object.type === "Identifier" && path.node.object.name === "ρσ_modules" && (method === "browser" || method === "browser.websocket")) {
        found.push({ always: true, text: `RapydScript-ng's inlined module \`${method}\` at ${where(path.node)}` });
      }
      if (!["send", "close", "bind", "unbind"].includes(method ?? "") || !isNative(path.node.object, path)) return;
      const { parent, node } = path;
      const called = (parent.type === "CallExpression" || parent.type === "NewExpression") && parent.callee === node;
      const written = (parent.type === "AssignmentExpression" && parent.left === node) || parent.type === "UpdateExpression" || (parent.type === "UnaryExpression" && parent.operator === "delete");
      if (!called && !written) found.push({ always: false, text: `\`.${method}\` read as a value not through the runtime at ${where(node)}` });
    },
  });
  return { captures: problems, leftovers: found.filter((f) => f.always || rewritten).map((f) => f.text) };
}
