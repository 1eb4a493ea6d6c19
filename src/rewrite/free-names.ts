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
  const { t } = context;
  const member = reference.parentPath!;
  member.replaceWith(
    member.scope.getBinding("WebSocket")
      ? t.callExpression(runtimeMember(context, "hasWebSocket", member), [])
      : t.binaryExpression("===", t.unaryExpression("typeof", t.identifier("WebSocket")), t.stringLiteral("function")),
  );
}
