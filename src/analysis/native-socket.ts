import type { NodePath, types as t } from "@babel/core";
import type { Binding } from "@babel/traverse";
import { RAPYDSCRIPT_INTERPOLATE } from "../names.js";
import type { Delivery } from "../rewrite/runtime-delivery.js";
import { createdInto } from "./fresh-socket.js";
import { isNamedMember, staticPropertyName } from "./references.js";

/**
 * The variable that a socket made by `creation` stays in, where the plugin can prove the socket never leaves it: then
 * the socket may be a plain native WebSocket (`new WebSocket(url)`), and every use of it is one the plugin rewrites.
 * Null where the socket may go anywhere else, so that it must carry Brython's API itself (the runtime's class).
 *
 * The socket stays in its variable when the variable is the file's own (not exported, not a classic script's global,
 * which other scripts see) and every reference to it only reads or writes one of its attributes by name
 * (`ws.send(x)`, `ws.on_open = f`, `ws.readyState`), compares or tests it, or is RapydScript-ng's `this` of a keyword
 * call of one of its methods. Passed, returned, stored, aliased, or indexed by a computed name (`ws[name]`), it leaves.
 */
export function variableKeepingSocket(creation: NodePath<t.CallExpression | t.NewExpression>, delivery: Delivery): Binding | null {
  const created = createdInto(creation);
  const target = created?.[1];
  if (target?.type !== "Identifier") return null;
  const binding = creation.scope.getBinding(target.name);
  if (!binding || !["var", "let", "const", "param"].includes(binding.kind)) return null;
  // A classic script's top-level variable is a global of the page.
  if (binding.scope.path.isProgram() && delivery === "inline") return null;
  if (binding.path.parentPath?.parentPath?.isExportNamedDeclaration()) return null;
  if (!binding.referencePaths.every(isContainedUse)) return null;
  return binding.constantViolations.every(isContainedWrite) ? binding : null;
}

/** A reference that does not let the variable's value go anywhere. */
function isContainedUse(reference: NodePath): boolean {
  const { parent, node } = reference;
  switch (parent.type) {
    case "MemberExpression":
      return parent.object === node && (!parent.computed || staticPropertyName(parent) !== null);
    case "BinaryExpression":
      return ["==", "!=", "===", "!=="].includes(parent.operator) || (parent.operator === "instanceof" && parent.left === node);
    case "UnaryExpression":
      return parent.operator === "!" || parent.operator === "typeof";
    case "IfStatement":
    case "WhileStatement":
    case "DoWhileStatement":
    case "ForStatement":
    case "ConditionalExpression":
      return (parent as { test?: t.Node | null }).test === node;
    case "CallExpression":
      return isKeywordCallThis(parent, node);
    default:
      return false;
  }
}

/** RapydScript-ng's `ws.send(data=x)`: `ρσ_interpolate_kwargs.call(ws, ws.send, [...])`, where `ws` is only `this`. */
function isKeywordCallThis(call: t.CallExpression, node: t.Node): boolean {
  const [self, method] = call.arguments;
  return (
    isNamedMember(call.callee, RAPYDSCRIPT_INTERPOLATE, "call") &&
    self === node &&
    method?.type === "MemberExpression" &&
    method.object.type === "Identifier" &&
    method.object.name === (node as t.Identifier).name
  );
}

/** A write of the variable whose value, the socket, does not go on: `ws = websocket(url);`, `ws = None;`. */
function isContainedWrite(write: NodePath): boolean {
  return write.isAssignmentExpression({ operator: "=" }) && write.parentPath.isExpressionStatement();
}

/** The variables that keep native sockets (see variableKeepingSocket): the sites on them are rewritten to be checked. */
export class NativeSockets {
  private readonly variables = new Set<Binding>();

  add(variable: Binding): void {
    this.variables.add(variable);
  }

  /** Whether `reference`, read at `at`, is one of those variables. */
  holds(reference: t.Node, at: NodePath): boolean {
    if (reference.type !== "Identifier") return false;
    const binding = at.scope.getBinding(reference.name);
    return binding !== undefined && this.variables.has(binding);
  }
}
