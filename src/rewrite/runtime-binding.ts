import type { NodePath, types as t } from "@babel/core";
import { addNamed } from "@babel/helper-module-imports";
import type { FileContext } from "../context.js";
import { PROGRAM_ERROR_BINDINGS } from "../names.js";
import { createPythonWebSocketRuntime } from "../runtime/create.js";

/**
 * `_pyws.<member>`, declaring `_pyws` on first use in the file:
 * `var _pyws = _pythonWebSocket({...the program's exception classes})`, with
 * `_pythonWebSocket` imported (ES modules, CommonJS) or inlined (classic scripts).
 */
export function runtimeMember(context: FileContext, member: string): t.MemberExpression {
  const { t } = context;
  context.runtime ??= declareRuntime(context);
  return t.memberExpression(t.cloneNode(context.runtime), t.identifier(member));
}

function declareRuntime(context: FileContext): t.Identifier {
  const { t, program } = context;
  const id = program.scope.generateUidIdentifier("pyws");
  const errors = programErrorClasses(context);
  const factory = deliversInline(context) ? inlineFactory(context) : importFactory(context);
  const declaration = t.variableDeclaration("var", [
    t.variableDeclarator(id, t.callExpression(factory, errors.properties.length > 0 ? [errors] : [])),
  ]);
  const [inserted] = insertAfterImports(program, declaration);
  program.scope.registerDeclaration(inserted!);
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

/** `{ NotImplementedError: NotImplementedError, TypeError: py_TypeError, ... }` for the classes the file imports. */
function programErrorClasses(context: FileContext): t.ObjectExpression {
  const { t, program } = context;
  const properties: t.ObjectProperty[] = [];
  for (const [key, localNames] of PROGRAM_ERROR_BINDINGS) {
    // Imports only: they are bound before any statement runs, so no temporal dead zone.
    const local = localNames.find((name) => program.scope.getBinding(name)?.kind === "module");
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
