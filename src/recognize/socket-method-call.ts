import type { NodePath, types as t } from "@babel/core";
import { isNamedMember } from "../analysis/references.js";
import { RAPYDSCRIPT_INTERPOLATE } from "../names.js";
import type { Site } from "../sites.js";
import { type ArgumentsShape, rapydscriptArguments, transcryptArguments } from "./keywords.js";

/** The Python parameters of each method. */
export const METHOD_PARAMETERS = { send: ["data"], close: ["code", "reason"], bind: ["evt", "handler"], unbind: ["evt", "handler"] } as const;

/**
 * A `send`/`close`/`bind`/`unbind` call as Python wrote it: the object it is called on, and its arguments in the method's parameter
 * order, keywords (in either transpiler's form) bound to their places. Null where the arguments are only known at
 * run time, or cannot bind (the runtime raises TypeError for those when they run).
 */
export function socketMethodCall(
  site: Extract<Site, { kind: "method-call" | "method-reference" }>,
): { path: NodePath<t.CallExpression>; target: t.Node; args: Array<t.Node | undefined> } | null {
  let path: NodePath<t.CallExpression>;
  let shape: ArgumentsShape;
  if (site.kind === "method-call") {
    path = site.path;
    shape = transcryptArguments(path.node.arguments);
  } else {
    // RapydScript-ng's keyword call ρσ_interpolate_kwargs.call(X, X.send, [...]); any other read is no call.
    const parent = site.path.parentPath;
    if (!parent.isCallExpression() || !isNamedMember(parent.node.callee, RAPYDSCRIPT_INTERPOLATE, "call")) return null;
    if (parent.node.arguments.length !== 3 || parent.node.arguments[1] !== site.path.node) return null;
    path = parent;
    shape = rapydscriptArguments(parent.node.arguments[2]!);
  }
  if (shape.kind === "dynamic") return null;
  const names: readonly string[] = METHOD_PARAMETERS[site.method];
  const { positional, keywords } = shape.args;
  if (positional.length > names.length) return null;
  const args: Array<t.Node | undefined> = [...positional];
  for (const { name, value } of keywords ?? []) {
    const index = names.indexOf(name);
    if (index < 0 || args[index] !== undefined) return null;
    args[index] = value;
  }
  const callee = site.kind === "method-call" ? (path.node.callee as t.MemberExpression) : site.path.node;
  return { path, target: callee.object, args };
}
