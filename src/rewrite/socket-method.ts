import type { NodePath, types as t } from "@babel/core";
import type { FileContext } from "../context.js";
import type { SocketMethod } from "../names.js";
import { runtimeMember } from "./runtime-binding.js";

/** `X.send(data)` → `_pyws.send(X, data)`: checked for sockets, unchanged for other objects. */
export function rewriteMethodCall(context: FileContext, call: NodePath<t.CallExpression>, method: SocketMethod): void {
  const { t } = context;
  const callee = call.node.callee as t.MemberExpression;
  call.replaceWith(t.callExpression(runtimeMember(context, method, call), [callee.object as t.Expression, ...call.node.arguments]));
}

/**
 * RapydScript-ng's keyword call `ρσ_interpolate_kwargs.call(X, X.send, [...])`:
 * `X.send` → `_pyws.method(X, "send")`, a checked send that takes keywords for sockets.
 */
export function rewriteMethodReference(context: FileContext, member: NodePath<t.MemberExpression>, method: SocketMethod): void {
  const { t } = context;
  member.replaceWith(
    t.callExpression(runtimeMember(context, "method", member), [member.node.object as t.Expression, t.stringLiteral(method)]),
  );
}
