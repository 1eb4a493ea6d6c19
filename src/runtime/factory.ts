/* eslint-disable prefer-rest-params, no-var */
import { pythonFunction } from "./arguments.js";
import { raise } from "./errors.js";
import { platform } from "./platform.js";
import { socketClass } from "./socket-class.js";
import type { FileRuntime } from "./types.js";

/** `__BRYTHON__.has_websocket`, Brython's module's `supported`. */
export function hasWebSocket(): boolean {
  return typeof platform.WebSocket == "function";
}

/** What `websocket(url)` checks first: NotImplementedError where the platform has no WebSocket. */
export function assertWebSocket(this: FileRuntime): void {
  if (!platform.WebSocket) raise(this, "NotImplementedError", "websocket(): WebSocket is not supported");
}

/**
 * `websocket(host, protocols)` with its arguments bound at build time: a socket of the runtime's class (see
 * socketClass), which carries Brython's API wherever the program takes it. (Where the plugin proves the socket never
 * leaves its variable, it writes `new WebSocket(url)` instead.)
 */
export function websocket(this: FileRuntime, host: string, protocols?: string | string[] | null): WebSocket {
  assertWebSocket.call(this);
  return platform.Reflect.construct(platform.WebSocket, protocols == null ? [host] : [host, protocols], socketClass(this));
}

/**
 * `websocket` (the old builtin, `name` left out) or Brython's `WebSocket` as a value, or called with arguments only
 * known at run time (`**kw`, `*args`): a Python function that binds its arguments and raises this file's classes.
 */
export function websocketFunction(this: FileRuntime, name?: string): (...args: unknown[]) => WebSocket {
  var file = this;
  var fname = name || "websocket";
  var names = name ? ["url", "protocols"] : ["host", "protocols"];
  return pythonFunction(file, fname, names, function (args: any[]) {
    if (args[0] === undefined) raise(file, "TypeError", fname + "() missing required argument '" + names[0] + "'");
    return websocket.call(file, args[0], args[1]);
  });
}

/**
 * Brython's module `browser.websocket` where the program uses it as a value (`module = websocket`): its `supported`
 * and its `WebSocket`, with this file's semantics. One per file, as a module is one object.
 */
export function websocketModule(this: FileRuntime): { supported: boolean; WebSocket: (...args: unknown[]) => WebSocket } {
  var file: any = this;
  return file.$module || (file.$module = { supported: hasWebSocket(), WebSocket: websocketFunction.call(file, "WebSocket") });
}
