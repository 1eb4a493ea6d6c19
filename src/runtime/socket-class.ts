/* eslint-disable prefer-rest-params, no-var */
import { eventMethod } from "./events.js";
import { bookkeeping, listen } from "./handlers.js";
import { method } from "./methods.js";
import { platform } from "./platform.js";
import type { FileRuntime } from "./types.js";

/**
 * The class of the sockets a program makes, so that a socket carries Brython's API wherever it goes: another module,
 * a parameter, a list or a dict, `getattr` and `setattr` by name, code the plugin never rewrote. It is a subclass of
 * the platform's WebSocket (its instances are native sockets: `instanceof WebSocket`, readyState, binaryType, every
 * native method and event) with:
 * - `on_open`, `on_error`, `on_message`, `on_close`: accessors with the contract's semantics. Setting one adds the
 *   runtime's one listener of the event, the first time; assigning again replaces the handler, None removes it, and
 *   reading gives what was last assigned (None before);
 * - `send`, `close`, `bind`, `unbind`: read off the socket, each is its bound, checked Python method, which takes
 *   keywords in either transpiler's form; the same function at each read. Assigning one gives the socket an
 *   attribute of its own, as in Python.
 * One class per file runtime object: its methods raise the exception classes of the program that made the socket.
 */
export function socketClass(file: FileRuntime): Function {
  var made = (file as any).$socket;
  if (made) return made;
  var Native = platform.WebSocket;
  // Never called: websocket() makes its instances with Reflect.construct, from the platform's constructor. Their
  // `constructor` stays the platform's (Node's EventTarget knows its own objects by it).
  var Socket: any = function (): void {};
  var prototype = (Socket.prototype = platform.Object.create(Native.prototype));
  ["on_open", "on_error", "on_message", "on_close"].forEach(function (name) {
    platform.Object.defineProperty(prototype, name, {
      get: function (this: any): unknown {
        var values = bookkeeping(this).values;
        return values && values[name] !== undefined ? values[name] : null;
      },
      set: function (this: any, handler: unknown): void {
        var book = bookkeeping(this);
        listen(this, name);
        (book.values || (book.values = {}))[name] = handler;
      },
      configurable: true,
    });
  });
  ["send", "close", "bind", "unbind"].forEach(function (name) {
    platform.Object.defineProperty(prototype, name, {
      get: function (this: any): unknown {
        var methods = bookkeeping(this).methods || (bookkeeping(this).methods = {});
        return methods[name] || (methods[name] = ((name == "send" || name == "close" ? method : eventMethod) as Function).call(file, this, name));
      },
      set: function (this: any, value: unknown): void {
        platform.Object.defineProperty(this, name, { value: value, writable: true, enumerable: true, configurable: true });
      },
      configurable: true,
    });
  });
  return ((file as any).$socket = Socket);
}
