import type { NodePath, types as t } from "@babel/core";
import { isHandlerName } from "../names.js";

const BYTES_HANDLER = "on_message";
import { isInertHandlerValue } from "./inert.js";
import { isSimpleReference, sameReference, staticPropertyName } from "./references.js";

/**
 * The seed's shape: a socket made, then its handlers assigned in the statements
 * right after, in the same block:
 *
 *     ws = websocket(url);  ws.on_open = on_open;  ws.on_message = on_message;
 *
 * There the socket is new and has no listener yet, so each first assignment of an
 * event can be a plain `addEventListener`, but on_message's. Returns those assignments.
 */
export function handlersOfFreshSocket(creation: NodePath<t.CallExpression>): t.AssignmentExpression[] {
  const target = createdInto(creation);
  if (!target) return [];
  const [statement, socket] = target;
  const found: t.AssignmentExpression[] = [];
  const seen = new Set<string>();
  for (let key = (statement.key as number) + 1; ; key += 1) {
    const next = statement.getSibling(key);
    const assignment = next.node?.type === "ExpressionStatement" ? next.node.expression : null;
    if (assignment?.type !== "AssignmentExpression" || assignment.operator !== "=") break;
    const { left, right } = assignment;
    if (left.type !== "MemberExpression" || !sameReference(left.object, socket)) break;
    const name = staticPropertyName(left);
    if (name === null || !isHandlerName(name) || seen.has(name) || !isInertHandlerValue(right)) break;
    seen.add(name);
    // on_message always goes through the runtime, which hands binary data over as bytes.
    if (name !== BYTES_HANDLER) found.push(assignment);
  }
  return found;
}

/** `[statement, target]` for `target = CREATION;` or `var target = CREATION;` in a statement list. */
export function createdInto(creation: NodePath<t.CallExpression>): [NodePath, t.Node] | null {
  const parent = creation.parentPath;
  let statement: NodePath | null = null;
  let target: t.Node | null = null;
  // Asked of the nodes, not the paths: narrowing a NodePath (isAssignmentExpression()) costs tsc seconds here.
  const { node } = parent;
  if (node.type === "AssignmentExpression" && node.operator === "=" && parent.parentPath?.node.type === "ExpressionStatement") {
    statement = parent.parentPath;
    target = node.left;
  } else if (node.type === "VariableDeclarator" && parent.parentPath?.node.type === "VariableDeclaration") {
    const declaration = parent.parentPath;
    if ((declaration.node as t.VariableDeclaration).declarations.length !== 1) return null;
    statement = declaration.parentPath?.node.type === "ExportNamedDeclaration" ? declaration.parentPath : declaration;
    target = node.id;
  }
  if (!statement || !target || !isSimpleReference(target) || !Array.isArray(statement.container)) return null;
  return [statement, target];
}
