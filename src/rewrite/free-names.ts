import type { NodePath, types as t } from "@babel/core";
import { staticPropertyName } from "../analysis/references.js";
import type { FileContext } from "../context.js";
import { BRYTHON, HAS_WEBSOCKET } from "../names.js";
import { nativeWebSocket } from "./websocket.js";
import { runtimeMember } from "./runtime-binding.js";

/** A free `NotImplementedError` (RapydScript-ng defines none) → the runtime's class, the one it raises. */
export function rewriteErrorName(context: FileContext, reference: NodePath<t.Identifier>): void {
  reference.replaceWith(runtimeMember(context, reference.node.name, reference));
}

/** `__BRYTHON__.has_websocket` → `typeof WebSocket === "function"`; any other use of `__BRYTHON__` is an error. */
export function rewriteBrythonFlag(context: FileContext, reference: NodePath<t.Identifier>): void {
  const { t } = context;
  const member = reference.parentPath;
  const isFlagRead =
    member.isMemberExpression() &&
    member.node.object === reference.node &&
    staticPropertyName(member.node) === HAS_WEBSOCKET &&
    !isWrittenTo(member);
  if (!isFlagRead) {
    throw reference.buildCodeFrameError(`\`${BRYTHON}\` is only supported as \`${BRYTHON}.${HAS_WEBSOCKET}\` (read)`);
  }
  member.replaceWith(
    t.binaryExpression("===", t.unaryExpression("typeof", nativeWebSocket(context, member)), t.stringLiteral("function")),
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
