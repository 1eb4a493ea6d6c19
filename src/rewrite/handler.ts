import type { NodePath, types as t } from "@babel/core";
import type { FileContext } from "../context.js";
import { EVENT_OF_HANDLER } from "../names.js";
import { boundMethods } from "./bound-methods.js";
import { runtimeMember } from "./runtime-binding.js";

/**
 * `X.on_message = f`:
 * - on a socket known to be fresh: `X.addEventListener("message", X.on_message = f)`
 *   (the attribute keeps the value, so reading `X.on_message` needs no rewrite);
 * - elsewhere: `_pyws.setHandler(X, "on_message", f)`, which keeps one listener per
 *   event for sockets and is a plain assignment for any other object. A method read
 *   off its object (`self.got`) is passed bound to it: `_pyws.bound(self.got, self)`.
 */
export function rewriteHandler(
  context: FileContext,
  assignment: NodePath<t.AssignmentExpression>,
  name: string,
  onFreshSocket: boolean,
): void {
  const { t } = context;
  const left = assignment.node.left as t.MemberExpression;
  if (onFreshSocket) {
    const add = t.memberExpression(t.cloneNode(left.object), t.identifier("addEventListener"));
    assignment.replaceWith(t.callExpression(add, [t.stringLiteral(EVENT_OF_HANDLER[name]!), assignment.node]));
    return;
  }
  const args = [left.object as t.Expression, t.stringLiteral(name), boundMethods(context, assignment.node.right, assignment, false)];
  assignment.replaceWith(t.callExpression(runtimeMember(context, "setHandler", assignment), args));
}

/** `delete X.on_message` (Python's `del`) → `_pyws.deleteHandler(X, "on_message")`: the listener goes too. */
export function rewriteHandlerDelete(context: FileContext, deletion: NodePath<t.UnaryExpression>, name: string): void {
  const { t } = context;
  const member = deletion.node.argument as t.MemberExpression;
  deletion.replaceWith(t.callExpression(runtimeMember(context, "deleteHandler", deletion), [member.object as t.Expression, t.stringLiteral(name)]));
}
