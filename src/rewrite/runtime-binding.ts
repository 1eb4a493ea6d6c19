import type { NodePath, types as t } from "@babel/core";
import type { Binding, Scope } from "@babel/traverse";
import { addNamed } from "@babel/helper-module-imports";
import type { FileContext } from "../context.js";
import { PROGRAM_ERROR_BINDINGS } from "../names.js";
import { createPythonWebSocketRuntime } from "../runtime/create.js";

/**
 * `_pyws.<member>` for code at `at`, declaring `_pyws` on first use:
 * `var _pyws = _pythonWebSocket({...the program's exception classes})`, with
 * `_pythonWebSocket` imported (ES modules, CommonJS) or inlined (classic scripts).
 *
 * `_pyws` is declared where the program's exception classes are: at the top of the
 * file for Transcrypt (which imports them), at the top of the function that declares
 * them for RapydScript-ng (its runtime lives inside its IIFE), so that the runtime
 * raises the very classes the program's `except` clauses name.
 */
export function runtimeMember(context: FileContext, member: string, at: NodePath): t.MemberExpression {
  const { t } = context;
  const home = homeScope(context, at);
  let id = context.runtimes.get(home.block);
  if (!id) {
    id = declareRuntime(context, home);
    context.runtimes.set(home.block, id);
  }
  return t.memberExpression(t.cloneNode(id), t.identifier(member));
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

function homeScope(context: FileContext, at: NodePath): Scope {
  for (const [, localNames] of PROGRAM_ERROR_BINDINGS) {
    for (const name of localNames) {
      const binding = earlyBinding(at.scope, name);
      if (binding) return binding.scope;
    }
  }
  return context.program.scope;
}

function declareRuntime(context: FileContext, home: Scope): t.Identifier {
  const { t } = context;
  const id = home.generateUidIdentifier("pyws");
  const errors = programErrorClasses(context, home);
  const factory = runtimeFactory(context);
  const declaration = t.variableDeclaration("var", [
    t.variableDeclarator(id, t.callExpression(t.cloneNode(factory.callee), errors.properties.length > 0 ? [errors] : [])),
  ]);
  const container = home.path.isFunction() ? (home.path.get("body") as NodePath<t.BlockStatement>) : home.path;
  const [inserted] = container.isBlockStatement()
    ? container.unshiftContainer("body", declaration)
    : factory.statement
      ? factory.statement.insertAfter(declaration)
      : insertAfterImports(context.program, declaration);
  home.registerDeclaration(inserted!);
  return id;
}

/** `pythonWebSocket`, the runtime's per-file factory: imported, or inlined once at the top of the file. */
function runtimeFactory(context: FileContext): NonNullable<FileContext["factory"]> {
  context.factory ??= deliversInline(context) ? inlineFactory(context) : { callee: importFactory(context), statement: null };
  return context.factory;
}

function deliversInline(context: FileContext): boolean {
  const { runtime } = context.options;
  if (runtime !== "auto") return runtime === "inline";
  return context.program.node.sourceType !== "module" && !context.commonjs;
}

/** The runtime's source parsed once per Babel (its template function); each file gets a copy. */
const parsedRuntime = new WeakMap<object, t.Expression>();

/**
 * Inlined runtimes: already ES5 and final, so no plugin needs to walk them again. Babel would
 * otherwise traverse each inserted copy with every plugin of the pass (about 1,500 nodes a file).
 */
const inlinedRuntimes = new WeakSet<t.Node>();

export function isInlinedRuntime(node: t.Node): boolean {
  return inlinedRuntimes.has(node);
}

/** `var _pythonWebSocket = (function createPythonWebSocketRuntime(global) {...})(globalThis);` */
function inlineFactory(context: FileContext): NonNullable<FileContext["factory"]> {
  const { t, program, api } = context;
  const shadow = program.scope.getBinding("globalThis");
  if (shadow) {
    throw shadow.path.buildCodeFrameError(
      "this file binds `globalThis`: the inlined runtime of babel-plugin-python-websocket needs the platform's own",
    );
  }
  let source = parsedRuntime.get(api.template);
  if (!source) {
    source = api.template.expression.ast(`(${createPythonWebSocketRuntime.toString()})`);
    parsedRuntime.set(api.template, source);
  }
  const id = program.scope.generateUidIdentifier("pythonWebSocket");
  const declaration = t.variableDeclaration("var", [
    t.variableDeclarator(id, t.callExpression(t.cloneNode(source, true), [t.identifier("globalThis")])),
  ]);
  inlinedRuntimes.add(declaration);
  const [statement] = insertAfterImports(program, declaration);
  program.scope.registerDeclaration(statement!);
  return { callee: id, statement: statement! };
}

function importFactory(context: FileContext): t.Expression {
  return addNamed(context.program, "pythonWebSocket", context.options.runtimeModule, {
    nameHint: "pythonWebSocket",
  }) as t.Expression;
}

/** `{ NotImplementedError: NotImplementedError, TypeError: py_TypeError, ... }` for the classes seen at `home`. */
function programErrorClasses(context: FileContext, home: Scope): t.ObjectExpression {
  const { t } = context;
  const properties: t.ObjectProperty[] = [];
  for (const [key, localNames] of PROGRAM_ERROR_BINDINGS) {
    const local = localNames.find((name) => {
      const binding = earlyBinding(home, name);
      // Exception stands in for ConnectionError only where exceptions are not JS Errors (Transcrypt's
      // imports): RapydScript-ng's `except Exception` is `instanceof Error`, which catches the runtime's own.
      return binding !== undefined && (key !== "Exception" || binding.kind === "module");
    });
    if (local) properties.push(t.objectProperty(t.identifier(key), t.identifier(local)));
  }
  return t.objectExpression(properties);
}

/** Inserts after the file's leading imports and requires, where the runtime's import went. */
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
