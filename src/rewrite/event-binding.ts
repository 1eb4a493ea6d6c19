import type { NodePath, types as t } from "@babel/core";
import type { FileContext } from "../context.js";
import type { EventMethod } from "../names.js";
import { boundMethods } from "./bound-methods.js";
import { runtimeMember } from "./runtime-binding.js";

/**
 * Brython's `X.bind(evt, handler)` / `X.unbind(evt)` / `X.unbind(evt, handler)`:
 * - `direct`, a bind of the seed's shape on a fresh socket (see handlersOfFreshSocket): `X.addEventListener(evt, handler)`;
 * - with its arguments in Python's order (`args`, keywords bound): `_pyws.bind(X, evt, handler)`, which keeps the
 *   socket's handlers for unbind, and hands binary data over as bytes; a method read off its object passed bound,
 *   with its name (`_pyws.bound(self.got, self, "got")`), so that unbind knows it again;
 * - with arguments only known at run time (`args` null): `_pyws.eventMethod(X, "bind")(...)`, which binds them.
 * On objects that are not sockets, each is the object's own method, called unchanged.
 */
export function rewriteEventCall(
  context: FileContext,
  call: NodePath<t.CallExpression>,
  method: EventMethod,
  args: Array<t.Node | undefined> | null,
  direct: boolean,
): void {
  const { t } = context;
  const target = (call.node.callee as t.MemberExpression).object as t.Expression;
  if (direct) {
    call.replaceWith(t.callExpression(t.memberExpression(target, t.identifier("addEventListener")), call.node.arguments));
    return;
  }
  const [evt, handler] = args ?? [];
  if (!args || !evt || (method === "bind" && !handler)) {
    call.replaceWith(t.callExpression(eventMethod(context, call, target, method), call.node.arguments));
    return;
  }
  const passed = [evt as t.Expression, ...(handler ? [boundMethods(context, handler as t.Expression, call, true)] : [])];
  call.replaceWith(t.callExpression(runtimeMember(context, method, call), [target, ...passed]));
}

/** `X.bind` / `X.unbind` as a value (RapydScript-ng's keyword calls read it so) → `_pyws.eventMethod(X, "bind")`. */
export function rewriteEventMethodRead(context: FileContext, member: NodePath<t.MemberExpression>, method: EventMethod): void {
  member.replaceWith(eventMethod(context, member, member.node.object as t.Expression, method));
}

function eventMethod(context: FileContext, at: NodePath, target: t.Expression, method: EventMethod): t.CallExpression {
  const { t } = context;
  return t.callExpression(runtimeMember(context, "eventMethod", at), [target, t.stringLiteral(method)]);
}
