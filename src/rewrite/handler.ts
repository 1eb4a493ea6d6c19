import type { NodePath, types as t } from "@babel/core";
import type { FileContext } from "../context.js";
import { EVENT_OF_HANDLER } from "../names.js";
import { boundMethods } from "./bound-methods.js";
import { runtimeMember } from "./runtime-binding.js";

/** How a handler assignment is written: see rewriteHandler. */
export type HandlerForm = "listener" | "runtime" | "attribute";

/**
 * `X.on_message = f`, where a method read off its object (`self.got`) is passed bound to it (`_pyws.bound(self, "got")`):
 * - "listener", on a native socket known to be fresh: `X.addEventListener("message", X.on_message = f)` (the attribute
 *   keeps the value, so reading `X.on_message` needs no rewrite);
 * - "runtime", on a native socket the plugin made: `_pyws.setHandler(X, "on_message", f)`, which keeps one listener per
 *   event;
 * - "attribute", anywhere else: the assignment as written. A socket of the runtime's class has accessors for its
 *   handlers; any other object gets a plain attribute.
 */
export function rewriteHandler(context: FileContext, assignment: NodePath<t.AssignmentExpression>, name: string, form: HandlerForm): void {
  const { t } = context;
  const left = assignment.node.left as t.MemberExpression;
  const value = boundMethods(context, assignment.node.right, assignment);
  if (form === "listener") {
    const add = t.memberExpression(t.cloneNode(left.object), t.identifier("addEventListener"));
    assignment.replaceWith(t.callExpression(add, [t.stringLiteral(EVENT_OF_HANDLER[name]!), assignment.node]));
  } else if (form === "runtime") {
    assignment.replaceWith(t.callExpression(runtimeMember(context, "setHandler", assignment), [left.object as t.Expression, t.stringLiteral(name), value]));
  } else if (value !== assignment.node.right) {
    assignment.get("right").replaceWith(value);
  }
}

/**
 * `delete X.on_message` (Python's `del`) → `_pyws.deleteHandler(X, "on_message")`: the listener goes too, and a socket
 * of the runtime's class, whose handlers are accessors, forgets the handler.
 */
export function rewriteHandlerDelete(context: FileContext, deletion: NodePath<t.UnaryExpression>, name: string): void {
  const { t } = context;
  const member = deletion.node.argument as t.MemberExpression;
  deletion.replaceWith(t.callExpression(runtimeMember(context, "deleteHandler", deletion), [member.object as t.Expression, t.stringLiteral(name)]));
}
