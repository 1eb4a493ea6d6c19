import type { NodePath, types as t } from "@babel/core";
import type { FileContext } from "../context.js";
import { isAcceptedCloseCode, isAcceptedCloseReason } from "../diagnostics/literal-arguments.js";
import { TRANSCRYPT_KWARGS, type SocketMethod } from "../names.js";
import { runtimeMember } from "./runtime-binding.js";

/**
 * `X.send(data)` → `_pyws.send(X, data)` and `X.close(code, reason)` → `_pyws.close(X, code, reason)`: checked for
 * sockets, unchanged for other objects. A close the platform cannot refuse (no arguments, or valid literals) stays as
 * written where its value is not used. Keywords and other argument lists → `_pyws.call(X, "send", ...)`, which binds
 * them the Python way.
 */
export function rewriteMethodCall(context: FileContext, call: NodePath<t.CallExpression>, method: SocketMethod): void {
  const { t } = context;
  const target = (call.node.callee as t.MemberExpression).object as t.Expression;
  const args = call.node.arguments;
  const positional = args.every((arg) => arg.type !== "SpreadElement" && !isTranscryptKeywords(arg));
  if (method === "close" && positional && call.parentPath.isExpressionStatement() && isAcceptedClose(args)) return;
  const direct = positional && (method === "send" ? args.length === 1 : args.length <= 2);
  call.replaceWith(
    direct
      ? t.callExpression(runtimeMember(context, method, call), [target, ...args])
      : t.callExpression(runtimeMember(context, "call", call), [target, t.stringLiteral(method), ...args]),
  );
}

function isTranscryptKeywords(node: t.Node): boolean {
  return node.type === "CallExpression" && node.callee.type === "Identifier" && node.callee.name === TRANSCRYPT_KWARGS;
}

/** `close()`, `close(1000)`, `close(4000, "bye")`: literals the platform accepts (what the runtime would check). */
function isAcceptedClose(args: t.CallExpression["arguments"]): boolean {
  const [code, reason] = args;
  if (args.length > 2) return false;
  if (code && !(code.type === "NumericLiteral" && isAcceptedCloseCode(code.value))) return false;
  return !reason || (reason.type === "StringLiteral" && isAcceptedCloseReason(reason.value));
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
