import type { NodePath, types as t } from "@babel/core";
import { staticPropertyName } from "../analysis/references.js";
import { BRYTHON, HAS_WEBSOCKET } from "../names.js";
import type { FileDiagnostics } from "./report.js";

/**
 * Only `__BRYTHON__.has_websocket`, read, has a meaning: any other use fails the build, before anything is rewritten,
 * whatever the option raisingCalls says. `__BRYTHON__` is not Python but the Brython interpreter's own object, which the
 * plugin replaces: it has no meaning to keep, and no Python exception to raise in its place (where the page has no
 * Brython the name does not exist). Left as written, the output would still use the API, and a second run change it.
 */
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
