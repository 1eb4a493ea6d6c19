/* eslint-disable prefer-rest-params, no-var */
import { pythonFunction } from "./arguments.js";
import { raise, typeName } from "./errors.js";
import { isSocket, platform } from "./platform.js";
import type { FileRuntime } from "./types.js";

/** A socket's send, checked: str or bytes-like data, on an open socket (the platform would drop it silently). */
export function checkSend(file: FileRuntime, target: WebSocket, data: any): void {
  if (typeof data != "string" && !platform.ArrayBuffer.isView(data) && !(data instanceof platform.ArrayBuffer) && !(data instanceof platform.Blob)) {
    raise(file, "TypeError", "send() takes str or bytes, not " + typeName(data));
  }
  if (target.readyState != 1) {
    raise(file, "ConnectionError", "send(): the WebSocket is " + (target.readyState ? "closed" : "not open yet"));
  }
}

/**
 * A socket's close, checked the Python way: ValueError/TypeError, where the platform would throw DOMExceptions. The
 * arguments to give the platform's close: only those given (the platform treats an explicit undefined as a value).
 */
export function checkClose(file: FileRuntime, code: any, reason: any): unknown[] {
  if (code != null && typeof code != "number") raise(file, "TypeError", "close() code must be an int, not " + typeName(code));
  if (reason != null && typeof reason != "string") raise(file, "TypeError", "close() reason must be a str, not " + typeName(reason));
  if (reason != null && code == null) raise(file, "ValueError", "close(): a reason needs a code");
  if (code != null && code != 1000 && !(code >= 3000 && code < 5000 && code % 1 == 0)) {
    raise(file, "ValueError", "close(): code must be 1000 or in 3000..4999, not " + code);
  }
  if (reason != null && new platform.TextEncoder().encode(reason).length > 123) {
    raise(file, "ValueError", "close(): reason must be at most 123 bytes of UTF-8");
  }
  return reason != null ? [code, reason] : code != null ? [code] : [];
}

/**
 * `target.send(data)`: checked for a socket, then its own send (a native socket's, or the checked one of a socket of
 * the runtime's class); the object's own method otherwise.
 */
export function send(this: FileRuntime, target: any, data: unknown): unknown {
  if (!isSocket(target)) return target.send(data);
  checkSend(this, target, data);
  target.send(data);
  return null;
}

/** `target.close(code, reason)` with positional arguments: checked for a socket, the object's own method otherwise. */
export function close(this: FileRuntime, target: any, code?: unknown, reason?: unknown): unknown {
  if (!isSocket(target)) return target.close.apply(target, [].slice.call(arguments, 1));
  target.close.apply(target, checkClose(this, code, reason));
  return null;
}

/**
 * `target.send` / `target.close` as a value: for a socket, its checked method with Python's argument binding
 * (keywords: Transcrypt's marker object, or RapydScript-ng's); the object's own otherwise.
 */
export function method(this: FileRuntime, target: any, name: "send" | "close"): unknown {
  if (!isSocket(target)) return target[name];
  var file = this;
  return pythonFunction(file, name, name == "send" ? ["data"] : ["code", "reason"], function (values: any[]) {
    // The platform's own methods: this may be the socket class's checked send/close itself.
    var native = platform.WebSocket.prototype;
    if (name == "close") {
      native.close.apply(target, checkClose(file, values[0], values[1]));
    } else {
      if (values[0] === undefined) raise(file, "TypeError", "send() missing required argument 'data'");
      checkSend(file, target, values[0]);
      native.send.call(target, values[0]);
    }
    return null;
  });
}

/** `target.send(...)` / `target.close(...)` with keywords or an unknown number of arguments. */
export function call(this: FileRuntime, target: any, name: "send" | "close", ...args: unknown[]): unknown;
export function call(this: FileRuntime, target: any, name: "send" | "close"): unknown {
  return (method.call(this, target, name) as Function).apply(target, [].slice.call(arguments, 2));
}
