import type { NodePath, types as t } from "@babel/core";
import { isSimpleReference } from "../analysis/references.js";
import type { FileContext } from "../context.js";
import { EVENT_OF_HANDLER } from "../names.js";
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
  const args = [left.object as t.Expression, t.stringLiteral(name), boundMethods(context, assignment.get("right"))];
  assignment.replaceWith(t.callExpression(runtimeMember(context, "setHandler", assignment), args));
}

/**
 * The object a method is read off, where the value is such a read that can be evaluated again: `self` of `self.got`,
 * and of `getattr(self, "got")` (not `self.handlers[k]`: Python's subscription binds nothing).
 */
function ownerOf(value: t.Node): t.Expression | null {
  const object =
    value.type === "MemberExpression" && !value.computed
      ? value.object
      : value.type === "CallExpression" && value.callee.type === "Identifier" && value.callee.name === "getattr"
        ? value.arguments[0]
        : undefined;
  return object && isSimpleReference(object) ? object : null;
}

/**
 * The value with each method it may yield bound to its object (`_pyws.bound(self.fast, self)`): the branches of
 * `a if c else b`, the operands of `a or b` / `a and b`, the last of a sequence. Python binds a method whatever
 * expression reads it; RapydScript-ng binds none.
 */
function boundMethods(context: FileContext, value: NodePath<t.Expression>): t.Expression {
  const { t } = context;
  if (value.isConditionalExpression()) {
    return t.conditionalExpression(value.node.test, boundMethods(context, value.get("consequent")), boundMethods(context, value.get("alternate")));
  }
  if (value.isLogicalExpression()) {
    return t.logicalExpression(value.node.operator, boundMethods(context, value.get("left")), boundMethods(context, value.get("right")));
  }
  if (value.isSequenceExpression()) {
    const expressions = value.get("expressions");
    return t.sequenceExpression([...value.node.expressions.slice(0, -1), boundMethods(context, expressions[expressions.length - 1]!)]);
  }
  const owner = ownerOf(value.node);
  return owner ? t.callExpression(runtimeMember(context, "bound", value), [value.node, t.cloneNode(owner)]) : value.node;
}

/** `delete X.on_message` (Python's `del`) → `_pyws.deleteHandler(X, "on_message")`: the listener goes too. */
export function rewriteHandlerDelete(context: FileContext, deletion: NodePath<t.UnaryExpression>, name: string): void {
  const { t } = context;
  const member = deletion.node.argument as t.MemberExpression;
  deletion.replaceWith(t.callExpression(runtimeMember(context, "deleteHandler", deletion), [member.object as t.Expression, t.stringLiteral(name)]));
}
