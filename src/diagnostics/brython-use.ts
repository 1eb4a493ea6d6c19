import type { NodePath, types as t } from "@babel/core";
import { staticPropertyName } from "../analysis/references.js";
import { BRYTHON, HAS_WEBSOCKET } from "../names.js";
import type { FileDiagnostics } from "./report.js";

/** Only `__BRYTHON__.has_websocket`, read, has a meaning: any other use fails the build, before anything is rewritten. */
export function checkBrythonUse(diagnostics: FileDiagnostics, reference: NodePath<t.Identifier>): void {
  const member = reference.parentPath;
  const isFlagRead =
    member.isMemberExpression() &&
    member.node.object === reference.node &&
    staticPropertyName(member.node) === HAS_WEBSOCKET &&
    !isWrittenTo(member);
  if (!isFlagRead) {
    throw diagnostics.error(reference, `\`${BRYTHON}\` is only supported as \`${BRYTHON}.${HAS_WEBSOCKET}\` (read)`, BRYTHON);
  }
}

function isWrittenTo(member: NodePath): boolean {
  const parent = member.parentPath!;
  return (
    (parent.isAssignmentExpression() && parent.node.left === member.node) ||
    parent.isUpdateExpression() ||
    parent.isUnaryExpression({ operator: "delete" })
  );
}
