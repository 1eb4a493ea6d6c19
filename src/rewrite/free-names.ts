import type { NodePath, types as t } from "@babel/core";
import { staticPropertyName } from "../analysis/references.js";
import type { FileContext } from "../context.js";
import { BRYTHON, HAS_WEBSOCKET } from "../names.js";
import { runtimeClass, runtimeMember } from "./runtime-binding.js";

/** A free `NotImplementedError` (RapydScript-ng defines none) → the runtime's class, the one it raises. */
export function rewriteErrorName(context: FileContext, reference: NodePath<t.Identifier>): void {
  reference.replaceWith(runtimeClass(context, reference.node.name, reference));
}

/** Only `__BRYTHON__.has_websocket`, read, has a meaning: any other use fails the build, before anything is rewritten. */
export function checkBrythonUse(reference: NodePath<t.Identifier>): void {
  const member = reference.parentPath;
  const isFlagRead =
    member.isMemberExpression() &&
    member.node.object === reference.node &&
    staticPropertyName(member.node) === HAS_WEBSOCKET &&
    !isWrittenTo(member);
  if (!isFlagRead) {
    throw reference.buildCodeFrameError(`\`${BRYTHON}\` is only supported as \`${BRYTHON}.${HAS_WEBSOCKET}\` (read)`);
  }
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

function isWrittenTo(member: NodePath): boolean {
  const parent = member.parentPath!;
  return (
    (parent.isAssignmentExpression() && parent.node.left === member.node) ||
    parent.isUpdateExpression() ||
    parent.isUnaryExpression({ operator: "delete" })
  );
}
