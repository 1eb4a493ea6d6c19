import type { NodePath, types as t } from "@babel/core";
import { isNamedMember, sameReference, staticPropertyName } from "./analysis/references.js";
import {
  BRYTHON,
  EVENT_OF_HANDLER,
  isHandlerName,
  RAPYDSCRIPT_INTERPOLATE,
  RUNTIME_ERROR_NAMES,
  SOCKET_METHODS,
  type SocketMethod,
  WEBSOCKET,
} from "./names.js";

/** A place in the file that the rewrite may change. */
export type Site =
  | { kind: "websocket"; path: NodePath<t.Identifier> }
  | { kind: "brython"; path: NodePath<t.Identifier> }
  | { kind: "error-name"; path: NodePath<t.Identifier> }
  | { kind: "handler"; path: NodePath<t.AssignmentExpression>; name: string }
  | { kind: "handler-delete"; path: NodePath<t.UnaryExpression>; name: string }
  /** `X.on_mesage = f`, `X.onmessage = f`: a misspelt handler if X turns out to be a socket. */
  | { kind: "unknown-handler"; path: NodePath<t.AssignmentExpression>; name: string }
  | { kind: "method-call"; path: NodePath<t.CallExpression>; method: SocketMethod }
  | { kind: "method-reference"; path: NodePath<t.MemberExpression>; method: SocketMethod };

/** What the traversal learns of a file. */
export interface FileSites {
  sites: Site[];
  /** The file uses the API (a free `websocket` or `__BRYTHON__`, a handler assignment): only then is it rewritten. */
  usesApi: boolean;
  commonjs: boolean;
}

/** An attribute that reads as an event handler: `on_mesage`, `onmessage`, `on_connect`. */
const HANDLER_LIKE = /^on_?[a-z]+$/;

const NAMES_OF_INTEREST = new Set([WEBSOCKET, BRYTHON, ...RUNTIME_ERROR_NAMES]);

/**
 * Records `node` if it is a site; `pathOf` makes its path, which is made only then (few nodes are sites).
 * Returns false where no site can be under `node` either (an identifier's children are types).
 */
export function visitNode(node: t.Node, pathOf: <T extends t.Node>() => NodePath<T>, file: FileSites): boolean {
  switch (node.type) {
    case "Identifier":
      if (NAMES_OF_INTEREST.has(node.name)) visitIdentifier(pathOf(), file);
      return false;
    case "AssignmentExpression":
      if (node.left.type === "MemberExpression" && HANDLER_LIKE.test(staticPropertyName(node.left) ?? "")) visitAssignment(pathOf(), file);
      return true;
    case "UnaryExpression":
      if (node.operator === "delete" && node.argument.type === "MemberExpression" && isHandlerName(staticPropertyName(node.argument) ?? "")) {
        visitDelete(pathOf(), file);
      }
      return true;
    case "CallExpression":
      if (isCallOfInterest(node)) visitCall(pathOf(), file);
      return true;
    default:
      return true;
  }
}

/** `X.send(...)`, `X.close(...)`, and RapydScript-ng's keyword calls `ρσ_interpolate_kwargs.call(X, X.send, [...])`. */
function isCallOfInterest(call: t.CallExpression): boolean {
  const { callee } = call;
  return callee.type === "MemberExpression" && (SOCKET_METHODS.has(staticPropertyName(callee) ?? "") || isNamedMember(callee, RAPYDSCRIPT_INTERPOLATE, "call"));
}

function visitIdentifier(path: NodePath<t.Identifier>, file: FileSites): void {
  const { name } = path.node;
  if (!NAMES_OF_INTEREST.has(name) || path.scope.getBinding(name) || !path.isReferencedIdentifier()) return;
  const parent = path.parent;
  if (parent.type === "AssignmentExpression" && parent.left === path.node) return;
  if (name === WEBSOCKET) {
    file.sites.push({ kind: "websocket", path });
    file.usesApi = true;
  } else if (name === BRYTHON) {
    file.sites.push({ kind: "brython", path });
    file.usesApi = true;
  } else {
    file.sites.push({ kind: "error-name", path });
  }
}

function visitAssignment(path: NodePath<t.AssignmentExpression>, file: FileSites): void {
  const { left, operator } = path.node;
  if (operator !== "=" || left.type !== "MemberExpression") return;
  const name = staticPropertyName(left);
  if (name === null) return;
  if (!isHandlerName(name)) {
    if (HANDLER_LIKE.test(name)) file.sites.push({ kind: "unknown-handler", path, name });
    return;
  }
  if (isDirectFormOutput(path, name)) return;
  file.sites.push({ kind: "handler", path, name });
  file.usesApi = true;
}

function visitDelete(path: NodePath<t.UnaryExpression>, file: FileSites): void {
  const { argument, operator } = path.node;
  if (operator !== "delete" || argument.type !== "MemberExpression") return;
  const name = staticPropertyName(argument);
  if (name === null || !isHandlerName(name)) return;
  file.sites.push({ kind: "handler-delete", path, name });
  file.usesApi = true;
}

function visitCall(path: NodePath<t.CallExpression>, file: FileSites): void {
  const { callee, arguments: args } = path.node;
  if (callee.type !== "MemberExpression" || callee.object.type === "Super") return;
  const method = staticPropertyName(callee);
  if (method !== null && SOCKET_METHODS.has(method)) {
    file.sites.push({ kind: "method-call", path, method: method as SocketMethod });
    return;
  }
  const passed = args[1];
  if (isNamedMember(callee, RAPYDSCRIPT_INTERPOLATE, "call") && args.length === 3 && passed?.type === "MemberExpression") {
    const name = staticPropertyName(passed);
    if (name !== null && SOCKET_METHODS.has(name)) {
      file.sites.push({ kind: "method-reference", path: path.get("arguments.1") as NodePath<t.MemberExpression>, method: name as SocketMethod });
    }
  }
}

/** This plugin's own output `X.addEventListener("open", X.on_open = f)`: left alone, so a second run changes nothing. */
function isDirectFormOutput(path: NodePath<t.AssignmentExpression>, name: string): boolean {
  const call = path.parent;
  if (call.type !== "CallExpression" || call.arguments[1] !== path.node || call.callee.type !== "MemberExpression") return false;
  const [event] = call.arguments;
  return (
    staticPropertyName(call.callee) === "addEventListener" &&
    sameReference(call.callee.object, (path.node.left as t.MemberExpression).object) &&
    event?.type === "StringLiteral" &&
    event.value === EVENT_OF_HANDLER[name]
  );
}
