import type { NodePath, types as t } from "@babel/core";
import { isSimpleReference } from "../analysis/references.js";
import type { FileContext } from "../context.js";
import { RAPYDSCRIPT_INTERPOLATE } from "../names.js";
import { OLD_BUILTIN, type WebSocketUse } from "../recognize/websocket-use.js";
import { runtimeMember } from "./runtime-binding.js";

/**
 * `websocket(url)` / `WebSocket(url)`:
 * - `_pyws.websocket(url)`: a socket of the runtime's class, which carries Brython's API wherever it goes;
 * - `new WebSocket(url)` after `_pyws.assertWebSocket();`, a plain native socket, where the plugin proves the socket
 *   stays in a variable whose every use it rewrites (`native`, see variableKeepingSocket), and the check can run first
 *   without reordering anything the program evaluates (see writesNewWebSocket).
 * Any other use (a value, arguments known only at run time) → the runtime's Python function,
 * `_pyws.websocketFunction()` (`_pyws.websocketFunction("WebSocket")` for the module's), which binds them when called.
 */
export function rewriteWebSocketUse(context: FileContext, use: WebSocketUse, native: boolean): void {
  const { t } = context;
  if (use.kind === "covered") return;
  if (use.kind !== "call") {
    const at = use.kind === "value" ? use.reference : use.call;
    const name = use.factory === OLD_BUILTIN ? [] : [t.stringLiteral(use.factory.name)];
    const python = t.callExpression(runtimeMember(context, "websocketFunction", at), name);
    if (use.kind === "value") {
      use.reference.replaceWith(python);
    } else {
      // RapydScript-ng's constructor helper with run-time arguments: what its call would have done, with the result kept.
      use.call.replaceWith(
        use.apply
          ? t.callExpression(t.memberExpression(python, t.identifier("apply")), [t.nullLiteral(), use.args])
          : t.callExpression(t.memberExpression(t.identifier(RAPYDSCRIPT_INTERPOLATE), t.identifier("call")), [t.nullLiteral(), python, use.args]),
      );
    }
    return;
  }
  const { call } = use;
  const args = creationArguments(use);
  const statement = native ? writesNewWebSocket(use) : null;
  if (!statement) {
    call.replaceWith(t.callExpression(runtimeMember(context, "websocket", call), args));
    return;
  }
  const check = t.expressionStatement(t.callExpression(runtimeMember(context, "assertWebSocket", call), []));
  // Source maps: the check's NotImplementedError points at the Python line of the websocket() call.
  check.loc = check.expression.loc = call.node.loc ?? null;
  // The statement's comment introduces the check too: keep it above both.
  check.leadingComments = statement.node.leadingComments ?? null;
  statement.node.leadingComments = null;
  statement.insertBefore(check);
  call.replaceWith(t.newExpression(t.identifier("WebSocket"), args));
}

/** `[url]` or `[url, protocols]`: protocols given as None are none. */
function creationArguments({ host, protocols }: Extract<WebSocketUse, { kind: "call" }>): t.Expression[] {
  return protocols && protocols.type !== "NullLiteral" ? [host, protocols] : [host];
}

/**
 * The statement before which `_pyws.assertWebSocket();` goes, where a native socket's creation can be written
 * `new WebSocket(url)`; null where it cannot.
 */
export function writesNewWebSocket(use: Extract<WebSocketUse, { kind: "call" }>): NodePath<t.Statement> | null {
  const { call, host } = use;
  const args = creationArguments(use);
  // Where the program binds `WebSocket` itself, only the runtime reaches the platform's.
  const statement = call.scope.getBinding("WebSocket") ? null : statementEvaluatingFirst(call);
  // Protocols only as literals: a name could hold None, which `new WebSocket` would send as "null".
  return statement && isLiteralOrPure(call, host) && (args.length === 1 || isLiteralProtocols(args[1]!)) ? statement : null;
}

/**
 * Arguments whose evaluation runs none of the program's code, so checking first changes nothing the
 * program could see: literals, names (`url`, a global `ECHO_URL`), attribute chains (`self.url`).
 */
function isLiteralOrPure(at: NodePath, node: t.Expression): boolean {
  return isSimpleReference(node) || at.scope.isPure(node);
}

function isLiteralProtocols(node: t.Expression): boolean {
  return node.type === "StringLiteral" || (node.type === "ArrayExpression" && node.elements.every((e) => e?.type === "StringLiteral"));
}

/**
 * The statement in a statement list whose first evaluation is this call:
 * `x = websocket(u);`, `var x = websocket(u);`, `export var x = ...`, `return websocket(u);`.
 */
function statementEvaluatingFirst(call: NodePath<t.CallExpression | t.NewExpression>): NodePath<t.Statement> | null {
  const parent = call.parentPath;
  let statement: NodePath | null = null;
  if (parent.isExpressionStatement() || parent.isReturnStatement()) {
    statement = parent;
  } else if (
    parent.isAssignmentExpression({ operator: "=" }) &&
    parent.node.right === call.node &&
    isSimpleReference(parent.node.left) &&
    parent.parentPath.isExpressionStatement()
  ) {
    statement = parent.parentPath;
  } else if (parent.isVariableDeclarator() && parent.node.init === call.node && parent.key === 0) {
    statement = parent.parentPath.parentPath?.isExportNamedDeclaration() ? parent.parentPath.parentPath : parent.parentPath;
  }
  return statement && Array.isArray(statement.container) ? (statement as NodePath<t.Statement>) : null;
}
