import type { NodePath, types as t } from "@babel/core";
import { staticPropertyName } from "../analysis/references.js";
import { BRYTHON, HAS_WEBSOCKET } from "../names.js";
import type { Diagnostic } from "../options.js";
import { reportRaisingCall } from "./raising-call.js";
import type { FileDiagnostics } from "./report.js";

/**
 * Whether this use of a free `__BRYTHON__` is the flag read, `__BRYTHON__.has_websocket`, the one use with a meaning
 * outside Brython. Any other is valid Python that a page without Brython cannot run (the name is not defined there):
 * it is reported as the option raisingCalls says, and left as written.
 */
export function checkBrythonUse(diagnostics: FileDiagnostics, level: Diagnostic, reference: NodePath<t.Identifier>): boolean {
  const member = reference.parentPath;
  const isFlagRead =
    member.isMemberExpression() &&
    member.node.object === reference.node &&
    staticPropertyName(member.node) === HAS_WEBSOCKET &&
    !isWrittenTo(member);
  if (!isFlagRead) {
    const message = `\`${BRYTHON}\` is only supported as \`${BRYTHON}.${HAS_WEBSOCKET}\` (read); this use is left as written`;
    reportRaisingCall(diagnostics, level, reference, message, "ReferenceError", BRYTHON, "where the page has no Brython, this use");
  }
  return isFlagRead;
}

function isWrittenTo(member: NodePath): boolean {
  const parent = member.parentPath!;
  return (
    (parent.isAssignmentExpression() && parent.node.left === member.node) ||
    parent.isUpdateExpression() ||
    parent.isUnaryExpression({ operator: "delete" })
  );
}
