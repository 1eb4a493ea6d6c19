import type { NodePath, types as t } from "@babel/core";
import { isHandlerName, SOCKET_EVENTS } from "../names.js";
import { isInertHandlerValue } from "./inert.js";
import { isSimpleReference, sameReference, staticPropertyName } from "./references.js";

/** Binary messages reach handlers as bytes through the runtime: a message handler always goes through it. */
const BYTES_EVENT = "message";

/** What of a fresh socket's handlers can be native code: handler assignments and Brython binds. */
export interface FreshSocketHandlers {
  /** `ws.on_open = f` → `ws.addEventListener("open", ws.on_open = f)`. */
  assignments: t.AssignmentExpression[];
  /** `ws.bind("open", f)` → `ws.addEventListener("open", f)`. */
  binds: t.CallExpression[];
}

/**
 * The seed's shape: a socket made, then its handlers assigned or bound in the statements right after, in the same
 * block:
 *
 *     ws = websocket(url);  ws.on_open = on_open;  ws.on_message = on_message;
 *     ws = websocket.WebSocket(url);  ws.bind("open", on_open);  ws.bind("close", on_close);
 *
 * There the socket is new and has no listener yet, so each first assignment of an event can be a plain
 * `addEventListener`, and so can each bind of a handler not bound to that event before (a listener added twice is
 * called once), but on_message's. Binds stay with the runtime where the file unbinds (`unbindsAnywhere`): its
 * `unbind(evt)` removes only the handlers it bound.
 */
export function handlersOfFreshSocket(creation: NodePath<t.CallExpression | t.NewExpression>, unbindsAnywhere: boolean): FreshSocketHandlers {
  const found: FreshSocketHandlers = { assignments: [], binds: [] };
  const target = createdInto(creation);
  if (!target) return found;
  const [statement, socket] = target;
  const assigned = new Set<string>();
  const bound = new Set<string>();
  for (let key = (statement.key as number) + 1; ; key += 1) {
    const next = statement.getSibling(key);
    const expression = next.node?.type === "ExpressionStatement" ? next.node.expression : null;
    if (expression?.type === "AssignmentExpression" && expression.operator === "=") {
      const { left, right } = expression;
      if (left.type !== "MemberExpression" || !sameReference(left.object, socket)) break;
      const name = staticPropertyName(left);
      if (name === null || !isHandlerName(name) || assigned.has(name) || !isInertHandlerValue(right)) break;
      assigned.add(name);
      if (name.slice(3) !== BYTES_EVENT) found.assignments.push(expression);
    } else if (expression?.type === "CallExpression" && expression.callee.type === "MemberExpression") {
      const { callee, arguments: args } = expression;
      const [event, handler] = args;
      if (!sameReference(callee.object, socket) || staticPropertyName(callee) !== "bind" || args.length !== 2) break;
      if (event?.type !== "StringLiteral" || !SOCKET_EVENTS.includes(event.value) || !handler || !isInertHandlerValue(handler)) break;
      const key = handler.type === "Identifier" ? `${event.value} ${handler.name}` : null;
      if (key !== null && bound.has(key)) break;
      if (key !== null) bound.add(key);
      if (event.value !== BYTES_EVENT && !unbindsAnywhere) found.binds.push(expression);
    } else {
      break;
    }
  }
  return found;
}

/** `[statement, target]` for `target = CREATION;` or `var target = CREATION;` in a statement list. */
export function createdInto(creation: NodePath<t.CallExpression | t.NewExpression>): [NodePath, t.Node] | null {
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
