import type { NodePath, types as t } from "@babel/core";
import type { FileContext } from "../context.js";
import { runtimeClass, runtimeMember } from "./runtime-binding.js";

/** A free `NotImplementedError` (RapydScript-ng defines none) → the runtime's class, the one it raises. */
export function rewriteErrorName(context: FileContext, reference: NodePath<t.Identifier>): void {
  reference.replaceWith(runtimeClass(context, reference.node.name, reference));
}

/**
 * `__BRYTHON__.has_websocket` → `typeof WebSocket === "function"`, or `_pyws.hasWebSocket()` where the
 * program binds `WebSocket` itself.
 */
export function rewriteBrythonFlag(context: FileContext, reference: NodePath<t.Identifier>): void {
  const member = reference.parentPath!;
  member.replaceWith(hasWebSocket(context, member));
}

/** Whether the platform has WebSocket, read at `at`: `typeof WebSocket === "function"`, or the runtime's check where the program binds `WebSocket`. */
export function hasWebSocket(context: FileContext, at: NodePath): t.Expression {
  const { t } = context;
  return at.scope.getBinding("WebSocket")
    ? t.callExpression(runtimeMember(context, "hasWebSocket", at), [])
    : t.binaryExpression("===", t.unaryExpression("typeof", t.identifier("WebSocket")), t.stringLiteral("function"));
}
