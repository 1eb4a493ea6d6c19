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

/** Bindings usable before any statement runs (imports, function declarations): no temporal dead zone. */
function earlyBinding(scope: Scope, name: string): Binding | undefined {
  const binding = scope.getBinding(name);
  return binding && (binding.kind === "module" || binding.kind === "hoisted") ? binding : undefined;
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
  const { t, program } = context;
  const id = home.generateUidIdentifier("pyws");
  const errors = programErrorClasses(context, home);
  const factory = deliversInline(context) ? inlineFactory(context) : importFactory(context);
  const declaration = t.variableDeclaration("var", [
    t.variableDeclarator(id, t.callExpression(factory, errors.properties.length > 0 ? [errors] : [])),
  ]);
  const body = home.path.isFunction() ? (home.path.get("body") as NodePath<t.BlockStatement>) : null;
  const [inserted] = body ? body.unshiftContainer("body", declaration) : insertAfterImports(program, declaration);
  home.registerDeclaration(inserted!);
  return id;
}

function deliversInline(context: FileContext): boolean {
  const { runtime } = context.options;
  if (runtime !== "auto") return runtime === "inline";
  return context.program.node.sourceType !== "module" && !context.commonjs;
}

/** The runtime's source, as one function expression called with the global object. */
function inlineFactory(context: FileContext): t.Expression {
  const { t } = context;
  const source = `(${createPythonWebSocketRuntime.toString()})`;
  return t.callExpression(context.api.template.expression.ast(source), [t.identifier("globalThis")]);
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
