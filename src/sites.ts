import type { NodePath, types as t } from "@babel/core";
import { sameReference, staticPropertyName } from "./analysis/references.js";
import {
  BRYTHON,
  EVENT_METHODS,
  EVENT_OF_HANDLER,
  type EventMethod,
  isHandlerName,
  RAPYDSCRIPT_MODULES,
  RUNTIME_ERROR_NAMES,
  SOCKET_METHODS,
  type SocketMethod,
  WEBSOCKET,
} from "./names.js";
import { type ModuleSite, TRANSCRYPT_MODULE_SOURCE } from "./recognize/brython-module.js";

/** A method of a socket that a call or a read of it may be: `send`, `close`, or Brython's `bind`, `unbind`. */
export type Method = SocketMethod | EventMethod;

/** A place in the file that the rewrite may change. */
export type Site =
  | { kind: "websocket"; path: NodePath<t.Identifier> }
  | { kind: "brython"; path: NodePath<t.Identifier> }
  | { kind: "error-name"; path: NodePath<t.Identifier> }
  | { kind: "handler"; path: NodePath<t.AssignmentExpression>; name: string }
  | { kind: "handler-delete"; path: NodePath<t.UnaryExpression>; name: string }
  /** `X.on_mesage = f`, `X.onmessage = f`: a misspelt handler if X turns out to be a socket. */
  | { kind: "unknown-handler"; path: NodePath<t.AssignmentExpression>; name: string }
  /** `X.send(...)`, `X.bind(...)`. */
  | { kind: "method-call"; path: NodePath<t.CallExpression>; method: Method }
  /** `X.send` / `X.bind` as a value. */
  | { kind: "method-reference"; path: NodePath<t.MemberExpression>; method: Method }
  /** Brython's module `browser.websocket`: Transcrypt's import of it, RapydScript-ng's read of its module table. */
  | ModuleSite;

/** What the plugin learns of a file. */
export interface FileSites {
  sites: Site[];
  /**
   * The file uses the API (a free `websocket` or `__BRYTHON__`, a handler assignment, Brython's module): only then is
   * it rewritten.
   */
  usesApi: boolean;
  commonjs: boolean;
}

/** An attribute that reads as an event handler: `on_mesage`, `onmessage`, `on_connect`. */
const HANDLER_LIKE = /^on_?[a-z]+$/;

const NAMES_OF_INTEREST = new Set([WEBSOCKET, BRYTHON, ...RUNTIME_ERROR_NAMES]);

/**
 * Records `node` if it is a site. Only the node is looked at first: `pathOf` makes its path, which is done only for a
 * site (few nodes are). Returns false where no site can be under `node` either (an identifier's children are types).
 */
export function visitNode(node: t.Node, pathOf: <T extends t.Node>() => NodePath<T>, file: FileSites): boolean {
  switch (node.type) {
    case "Identifier":
      if (NAMES_OF_INTEREST.has(node.name)) visitIdentifier(pathOf(), file);
      return false;
    case "AssignmentExpression": {
      const name = node.operator === "=" && node.left.type === "MemberExpression" ? staticPropertyName(node.left) : null;
      if (name !== null && HANDLER_LIKE.test(name) && !isOfClass(node.left as t.MemberExpression)) visitAssignment(pathOf(), name, file);
      return true;
    }
    case "UnaryExpression": {
      const name = node.operator === "delete" && node.argument.type === "MemberExpression" ? staticPropertyName(node.argument) : null;
      if (name !== null && isHandlerName(name)) {
        file.sites.push({ kind: "handler-delete", path: pathOf(), name });
        file.usesApi = true;
      }
      return true;
    }
    case "CallExpression":
      visitCall(node, pathOf, file);
      return true;
    case "MemberExpression": {
      const name = node.object.type === "Super" ? null : staticPropertyName(node);
      if (name !== null && isMethod(name)) visitMethodRead(pathOf(), name, file);
      if (node.object.type === "Identifier" && node.object.name === RAPYDSCRIPT_MODULES && (name === "browser" || name === "browser.websocket")) {
        file.sites.push({ kind: "module-object", path: pathOf() });
        file.usesApi = true;
      }
      return true;
    }
    case "ImportDeclaration":
      if (TRANSCRYPT_MODULE_SOURCE.test(node.source.value)) {
        file.sites.push({ kind: "module-import", path: pathOf() });
        file.usesApi = true;
      }
      return false;
    default:
      return true;
  }
}

function visitIdentifier(path: NodePath<t.Identifier>, file: FileSites): void {
  const { name } = path.node;
  if (path.scope.getBinding(name) || !path.isReferencedIdentifier()) return;
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

/** `X.<name> = value` where the name reads as a handler's. */
function visitAssignment(path: NodePath<t.AssignmentExpression>, name: string, file: FileSites): void {
  if (!isHandlerName(name)) {
    file.sites.push({ kind: "unknown-handler", path, name });
    return;
  }
  if (isDirectFormOutput(path, name)) return;
  file.sites.push({ kind: "handler", path, name });
  file.usesApi = true;
}

/** `X.send(...)`, `X.close(...)`, `X.bind(...)`, `X.unbind(...)`. */
function visitCall(call: t.CallExpression, pathOf: <T extends t.Node>() => NodePath<T>, file: FileSites): void {
  const { callee } = call;
  if (callee.type !== "MemberExpression" || callee.object.type === "Super") return;
  const method = staticPropertyName(callee);
  if (method === null || !isMethod(method)) return;
  file.sites.push({ kind: "method-call", path: pathOf(), method });
  // Brython's bind/unbind of a handler (an event and a handler), on whatever socket: a method passed to it is bound
  // with its name (see EVENT_METHOD_TEXT in collect.ts), so the file is one that uses the API.
  if (EVENT_METHODS.has(method) && call.arguments.length === 2) file.usesApi = true;
}

function isMethod(name: string): name is Method {
  return SOCKET_METHODS.has(name) || EVENT_METHODS.has(name);
}

/**
 * `X.send` / `X.close` / `X.bind` / `X.unbind` read as a value (`send = ws.send`, `setTimeout(ws.close, 100)`,
 * RapydScript-ng's keyword call `ρσ_interpolate_kwargs.call(ws, ws.send, [...])`): in Python, the bound method. Not a
 * call's callee (a method call), a place written to, or a class's own method (`Chat.prototype.send`, RapydScript-ng's
 * class definitions).
 */
function visitMethodRead(path: NodePath<t.MemberExpression>, method: Method, file: FileSites): void {
  const { parent, node } = path;
  const called = (parent.type === "CallExpression" || parent.type === "NewExpression") && parent.callee === node;
  const written =
    (parent.type === "AssignmentExpression" && parent.left === node) ||
    parent.type === "UpdateExpression" ||
    (parent.type === "UnaryExpression" && parent.operator === "delete") ||
    ((parent.type === "ForInStatement" || parent.type === "ForOfStatement") && parent.left === node);
  if (!called && !written && !isOfClass(node)) file.sites.push({ kind: "method-reference", path, method });
}

/**
 * `Chat.prototype.on_message`, `Chat.prototype.send`: a method of a class, as RapydScript-ng defines and reads them
 * (`Chat.prototype.on_message = function on_message(evt) {...}`), not an attribute of a socket.
 */
function isOfClass(member: t.MemberExpression): boolean {
  return member.object.type === "MemberExpression" && staticPropertyName(member.object) === "prototype";
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
