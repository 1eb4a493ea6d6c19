import type { NodePath, types as t } from "@babel/core";
import type { Binding, Scope } from "@babel/traverse";
import { addNamed } from "@babel/helper-module-imports";
import type { FileContext, FileRuntimeObject } from "../context.js";
import { PROGRAM_ERROR_BASES, PROGRAM_ERROR_BINDINGS } from "../names.js";
import { inlinedParts, raisedBy } from "./runtime-parts.js";

/**
 * `_pyws.<part>` for code at `at`: a part of the runtime, called as a method of the file's runtime object. `_pyws` is
 * declared on first use, `var _pyws = {}`, and filled in by `completeRuntimes` once the file is rewritten.
 *
 * `_pyws` is declared where the program's exception classes are: at the top of the file for Transcrypt (which imports
 * them), at the top of the function that declares them for RapydScript-ng (its runtime lives inside its IIFE), so that
 * the runtime raises the very classes the program's `except` clauses name.
 */
export function runtimeMember(context: FileContext, part: string, at: NodePath): t.MemberExpression {
  const runtime = fileRuntime(context, at);
  runtime.parts.add(part);
  return context.t.memberExpression(context.t.cloneNode(runtime.id), context.t.identifier(part));
}

/** `_pyws.NotImplementedError` for a program's free reference to a class it does not define: the class the runtime raises. */
export function runtimeClass(context: FileContext, name: string, at: NodePath): t.MemberExpression {
  const runtime = fileRuntime(context, at);
  runtime.classes.add(name);
  return context.t.memberExpression(context.t.cloneNode(runtime.id), context.t.identifier(name));
}

function fileRuntime(context: FileContext, at: NodePath): FileRuntimeObject {
  const home = homeScope(context, at);
  let runtime = context.runtimes.get(home.block);
  if (!runtime) {
    runtime = declareRuntime(context, home);
    context.runtimes.set(home.block, runtime);
  }
  return runtime;
}

/**
 * Bindings usable before any statement of their scope runs, so with no temporal dead zone:
 * imports, and function declarations at the top of a program, function or block.
 */
function earlyBinding(scope: Scope, name: string): Binding | undefined {
  const binding = scope.getBinding(name);
  if (binding?.kind === "module") return binding;
  const holder = binding?.scope.path;
  return binding?.kind === "hoisted" && (holder!.isProgram() || holder!.isFunction() || holder!.isBlockStatement())
    ? binding
    : undefined;
}

/**
 * The scope of the program's exception classes, where they are declared in a function or block; else the file's home
 * (see runtimeHome), which sees classes declared at the top of the program too.
 */
function homeScope(context: FileContext, at: NodePath): Scope {
  for (const name of [...PROGRAM_ERROR_BINDINGS.flatMap(([, localNames]) => localNames), ...PROGRAM_ERROR_BASES]) {
    const binding = earlyBinding(at.scope, name);
    if (binding && !binding.scope.path.isProgram()) return binding.scope;
  }
  return context.home.scope;
}

function declareRuntime(context: FileContext, home: Scope): FileRuntimeObject {
  const { t } = context;
  const id = home.generateUidIdentifier("pyws");
  const object = t.objectExpression([]);
  const declaration = t.variableDeclaration("var", [t.variableDeclarator(id, object)]);
  const [inserted] = insertAtTop(home.path, declaration);
  home.registerDeclaration(inserted!);
  return { id, scope: home, object, parts: new Set(), classes: new Set() };
}

/**
 * Fills in every `_pyws` of the file: the parts its rewrites call, taken from the runtime (imported, or the parts
 * inlined at the top of the file), and the exception classes those parts raise, as the program has them.
 */
export function completeRuntimes(context: FileContext): void {
  if (context.runtimes.size === 0) return;
  const { t } = context;
  const runtimes = [...context.runtimes.values()].map((runtime) => ({ runtime, classes: exceptionClasses(context, runtime) }));
  const parts = new Set<string>();
  for (const { runtime, classes } of runtimes) {
    runtime.parts.forEach((part) => parts.add(part));
    if (classes.some(({ local }) => local === null)) parts.add("errorClass");
  }
  const part = runtimeParts(context, [...parts].sort());
  for (const { runtime, classes } of runtimes) {
    for (const name of [...runtime.parts].sort()) runtime.object.properties.push(t.objectProperty(t.identifier(name), part(name)));
    for (const { key, local, base } of classes) {
      const made = () => t.callExpression(part("errorClass"), [t.stringLiteral(key), ...(base ? [t.identifier(base)] : [])]);
      runtime.object.properties.push(t.objectProperty(t.identifier(key), local ? t.identifier(local) : made()));
    }
  }
}

/** A class of a runtime object: the program's own (`local`), or the runtime's, made on the program's `base` if any. */
interface ProgramClass {
  key: string;
  local: string | null;
  base: string | null;
}

/**
 * The classes a runtime object holds, for the classes its parts raise and those the program names: the program's own
 * where it has one. Where it has none, the runtime's: a subclass of the program's OSError or Exception where it has
 * one (Transcrypt's, made as Transcrypt makes classes, so that its `isinstance` and `except` know it; RapydScript-ng's,
 * so that `isinstance(e, Exception)` holds, as in Python), or, for a class the program names, an Error. A class
 * raised but neither defined nor named is left to the runtime (see raise in the runtime); so is TypeError, which
 * RapydScript-ng's programs have as the platform's.
 */
function exceptionClasses(context: FileContext, runtime: FileRuntimeObject): ProgramClass[] {
  const raised = raisedBy(context.api, runtime.parts);
  const base = PROGRAM_ERROR_BASES.find((name) => earlyBinding(runtime.scope, name)) ?? null;
  const found: ProgramClass[] = [];
  for (const [key, localNames] of PROGRAM_ERROR_BINDINGS) {
    if (!raised.has(key) && !runtime.classes.has(key)) continue;
    const local = localNames.find((name) => earlyBinding(runtime.scope, name));
    if (local) found.push({ key, local, base: null });
    else if (base && key !== "TypeError") found.push({ key, local: null, base });
    else if (runtime.classes.has(key)) found.push({ key, local: null, base: null });
  }
  return found;
}

/**
 * The runtime's parts `parts`, each as an expression for the file to read it by: an ES module imports them by name
 * (`import { send as _send } from ...`, which a bundler tree-shakes, and which a later CommonJS transform turns into
 * member reads with no interop helper); a CommonJS script requires the module once (`_pythonWebSocket.send`); a
 * classic script gets the parts inlined (`_pythonWebSocket.send` too).
 */
function runtimeParts(context: FileContext, parts: string[]): (part: string) => t.Expression {
  const { t, program, options } = context;
  if (context.delivery === "import") {
    const imported = new Map(parts.map((part) => [part, addNamed(program, part, options.runtimeModule, { nameHint: part }) as t.Identifier]));
    return (part) => t.cloneNode(imported.get(part)!);
  }
  const id = context.home.scope.generateUidIdentifier("pythonWebSocket");
  // A plain `require`: the runtime is CommonJS there, with no interop to go through.
  const value =
    context.delivery === "inline"
      ? inlinedRuntime(context, parts)
      : t.callExpression(t.identifier("require"), [t.stringLiteral(options.runtimeModule)]);
  const declaration = t.variableDeclaration("var", [t.variableDeclarator(id, value)]);
  if (context.delivery === "inline") inlinedRuntimes.add(declaration);
  const [statement] = insertAtTop(context.home, declaration);
  context.home.scope.registerDeclaration(statement!);
  return (part) => t.memberExpression(t.cloneNode(id), t.identifier(part));
}

/**
 * Inlined runtimes: already ES5 and final, so no plugin needs to walk them again. Babel would
 * otherwise traverse each inserted copy with every plugin of the pass.
 */
const inlinedRuntimes = new WeakSet<t.Node>();

export function isInlinedRuntime(node: t.Node): boolean {
  return inlinedRuntimes.has(node);
}

/** `function (platform) {...the parts...}(globalThis)`, once the file is known not to bind `globalThis` itself. */
function inlinedRuntime(context: FileContext, parts: string[]): t.CallExpression {
  const shadow = context.home.scope.getBinding("globalThis");
  if (shadow) {
    throw context.diagnostics.error(
      shadow.path,
      "this file binds `globalThis`: the inlined runtime of babel-plugin-python-websocket needs the platform's own",
      "globalThis",
    );
  }
  return inlinedParts(context.api, parts);
}

/** Inserts at the top of a function's body, or of a program after its leading imports and requires. */
function insertAtTop(home: NodePath, statement: t.Statement): NodePath[] {
  if (home.isFunction()) {
    // (An arrow function's expression body becomes a block that returns it.)
    home.ensureBlock();
    return (home.get("body") as NodePath<t.BlockStatement>).unshiftContainer("body", statement);
  }
  if (home.isBlockStatement()) return home.unshiftContainer("body", statement);
  return insertAfterImports(home as NodePath<t.Program>, statement);
}

/** Inserts after the file's leading imports and requires, where the runtime's import goes. */
function insertAfterImports(program: NodePath<t.Program>, statement: t.Statement): NodePath[] {
  const body = program.get("body");
  let last: NodePath<t.Statement> | undefined;
  for (const path of body) {
    if (path.isImportDeclaration() || isRequireDeclaration(path.node)) last = path;
    else if (last) break;
  }
  return last ? last.insertAfter(statement) : program.unshiftContainer("body", statement);
}

function isRequireDeclaration(node: t.Statement): boolean {
  return (
    node.type === "VariableDeclaration" &&
    node.declarations.some(
      (d) => d.init?.type === "CallExpression" && d.init.callee.type === "Identifier" && d.init.callee.name === "require",
    )
  );
}
