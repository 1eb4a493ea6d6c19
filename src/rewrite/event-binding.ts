import type { NodePath, types as t } from "@babel/core";
import type { FileContext } from "../context.js";
import type { EventMethod } from "../names.js";
import { boundMethods } from "./bound-methods.js";
import { runtimeMember } from "./runtime-binding.js";

/**
 * Brython's `X.bind(evt, handler)` / `X.unbind(evt)` / `X.unbind(evt, handler)` on a native socket the plugin made:
 * - `direct`, a bind of the seed's shape on a fresh socket (see handlersOfFreshSocket): `X.addEventListener(evt, handler)`;
 * - with its arguments in Python's order (`args`, keywords bound): `_pyws.bind(X, evt, handler)`, which keeps the
 *   socket's handlers for unbind, and hands binary data over as bytes;
 * - with arguments only known at run time (`args` null): `_pyws.eventMethod(X, "bind")(...)`, which binds them.
 * A method read off its object is passed bound, with its name (`_pyws.bound(self, "got")`), so that unbind knows it again.
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
  const [evt, handler] = args ?? [];
  if (direct) {
    boundMethods(context, handler as t.Expression, call);
    call.replaceWith(t.callExpression(t.memberExpression(target, t.identifier("addEventListener")), call.node.arguments));
    return;
  }
  if (!args || !evt || (method === "bind" && !handler)) {
    call.replaceWith(t.callExpression(eventMethod(context, call, target, method), call.node.arguments));
    return;
  }
  const passed = [evt as t.Expression, ...(handler ? [boundMethods(context, handler as t.Expression, call)] : [])];
  call.replaceWith(t.callExpression(runtimeMember(context, method, call), [target, ...passed]));
}

/**
 * `X.bind(evt, handler)` / `X.unbind(evt, handler)` anywhere else (a socket of the runtime's class has these methods;
 * any other object has its own): the call as written, with a method read off its object passed bound, as Python passes
 * it (`_pyws.bound(self, "got")`). `handler` is the argument, in whichever form the call passes it.
 */
export function bindHandlerArgument(context: FileContext, call: NodePath<t.CallExpression>, handler: t.Node | undefined): void {
  if (!handler) return;
  const value = boundMethods(context, handler as t.Expression, call);
  if (value === handler) return;
  call.traverse({
    enter(path) {
      if (path.node !== handler) return;
      path.replaceWith(value);
      path.stop();
    },
  });
}

/** `X.bind` / `X.unbind` as a value (RapydScript-ng's keyword calls read it so) → `_pyws.eventMethod(X, "bind")`. */
export function rewriteEventMethodRead(context: FileContext, member: NodePath<t.MemberExpression>, method: EventMethod): void {
  member.replaceWith(eventMethod(context, member, member.node.object as t.Expression, method));
}

function eventMethod(context: FileContext, at: NodePath, target: t.Expression, method: EventMethod): t.CallExpression {
  const { t } = context;
  return t.callExpression(runtimeMember(context, "eventMethod", at), [target, t.stringLiteral(method)]);
}
