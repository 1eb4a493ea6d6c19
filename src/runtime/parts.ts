/* eslint-disable prefer-rest-params, no-var */
import type { FileRuntime, PythonErrorClass } from "./types.js";

/**
 * The runtime, one function per part, so that a page ships only the parts its program uses: a bundler drops the
 * exports a file does not import, and the plugin inlines into a classic script only the functions its rewrites call
 * (and those they call), each by its source text (Function.prototype.toString). Hence the rules of this file:
 * - its top level holds function declarations only, and `platform`; all are exported, for the plugin to read (the
 *   package's entry, index.ts, exports the parts rewritten files call);
 * - a function refers to nothing but `platform`, its parameters, `this` and the other functions here;
 * - ES5 syntax: code inserted into a user's file is not lowered again by the user's other Babel plugins;
 * - written for size (it ships in pages): shared paths, nothing a minifier cannot shrink.
 *
 * `this`, in the functions a rewritten file calls, is that file's runtime object (`_pyws`): the parts it uses and the
 * Python exception classes its program has (see FileRuntime).
 */

/** The global object; in an inlined copy, the parameter its wrapper is given `globalThis` by. */
var platform: any = globalThis;

/**
 * Raises the exception class `name` as the file's program knows it: its own class (`file[name]`), else what a free
 * reference to that name means (a global of the page; TypeError is the platform's), else an Error so named.
 */
export function raise(file: FileRuntime, name: keyof FileRuntime & string, message: string): never {
  var ErrorClass = file[name] || platform[name];
  if (ErrorClass) throw new ErrorClass(message);
  var error = platform.Error(message);
  error.name = name;
  throw error;
}

/**
 * The runtime's class `name` (NotImplementedError, ConnectionError, ValueError), for programs that do not define it:
 * one class per name, base and runtime copy. It is a real Error (`except Exception` is `instanceof Error` in
 * RapydScript-ng), a subclass of the program's `Exception` where it has one (so that `isinstance(e, Exception)` holds),
 * and works with and without `new` (RapydScript-ng calls classes it does not know without it).
 */
export function errorClass(name: string, base?: Function): PythonErrorClass {
  var Base: any = base || platform.Error;
  var classes = (errorClass as any).classes || ((errorClass as any).classes = []);
  for (var i = 0; i < classes.length; i++) if (classes[i].name == name && classes[i].base == Base) return classes[i].made;
  var PythonError: any = function (message?: string): Error {
    // The program's Exception may get its prototype after this class was made (RapydScript-ng's ρσ_extends runs
    // after the runtime object is declared): link to the one it has now.
    platform.Object.setPrototypeOf(PythonError.prototype, Base.prototype);
    return platform.Object.setPrototypeOf(platform.Error(message), PythonError.prototype);
  };
  platform.Object.defineProperty(PythonError, "name", { value: name });
  PythonError.prototype = platform.Object.create(Base.prototype, {
    name: { value: name, writable: true, configurable: true },
    constructor: { value: PythonError, writable: true, configurable: true },
  });
  classes.push({ name: name, base: Base, made: PythonError });
  return PythonError;
}

/** `__BRYTHON__.has_websocket`. */
export function hasWebSocket(): boolean {
  return typeof platform.WebSocket == "function";
}

export function isSocket(value: unknown): boolean {
  return platform.WebSocket && value instanceof platform.WebSocket;
}

/** What `websocket(url)` checks first: NotImplementedError where the platform has no WebSocket. */
export function assertWebSocket(this: FileRuntime): void {
  if (!platform.WebSocket) raise(this, "NotImplementedError", "websocket(): WebSocket is not supported");
}

/** What a value is, for TypeError messages: None, or its JavaScript type (number, boolean, object...). */
export function typeName(value: unknown): string {
  return value == null ? "None" : typeof value;
}

/**
 * Python's argument binding for `fname(*names)`: the positional values, then an optional trailing Transcrypt keyword
 * object (marked by its own `__kwargtrans__` property).
 */
export function pythonArguments(file: FileRuntime, fname: string, names: string[], args: ArrayLike<unknown>): any[] {
  var values: any[] = [].slice.call(args);
  var last = values[values.length - 1];
  var keywords = last && typeof last == "object" && platform.Object.prototype.hasOwnProperty.call(last, "__kwargtrans__") && values.pop();
  var prefix = fname + "() ";
  if (values.length > names.length) {
    raise(file, "TypeError", prefix + "takes at most " + names.length + " argument" + (names.length > 1 ? "s" : "") + " (" + values.length + " given)");
  }
  // Keywords come in any order: each is checked against the positional values given, and against the keywords before it.
  var given = values.length;
  var named: boolean[] = [];
  for (var key in keywords) {
    if (key == "__kwargtrans__" || key == "constructor") continue;
    // url= and host= both name the first parameter of websocket(host) and WebSocket(url).
    var index = names.indexOf(key == "url" && names[0] == "host" ? "host" : key == "host" && names[0] == "url" ? "url" : key);
    if (index < 0) raise(file, "TypeError", prefix + "got an unexpected keyword argument '" + key + "'");
    if (index < given || named[index]) raise(file, "TypeError", prefix + "got multiple values for argument '" + key + "'");
    named[index] = true;
    values[index] = keywords[key];
  }
  return values;
}

/** `websocket(host, protocols)` with its arguments bound at build time, where `new WebSocket` cannot be written directly. */
export function websocket(this: FileRuntime, host: string, protocols?: string | string[] | null): WebSocket {
  assertWebSocket.call(this);
  return protocols == null ? new platform.WebSocket(host) : new platform.WebSocket(host, protocols);
}

/**
 * `websocket` (the old builtin, `name` left out) or Brython's `WebSocket` as a value, or called with arguments only
 * known at run time (`**kw`, `*args`): a function that binds Python arguments and raises this file's classes.
 * RapydScript-ng maps keywords through its __argnames__.
 */
export function websocketFunction(this: FileRuntime, name?: string): (...args: unknown[]) => WebSocket {
  var file = this;
  var fname = name || "websocket";
  var names = name ? ["url", "protocols"] : ["host", "protocols"];
  var python: any = function (): WebSocket {
    var args = pythonArguments(file, fname, names, arguments);
    if (args[0] === undefined) raise(file, "TypeError", fname + "() missing required argument '" + names[0] + "'");
    return websocket.call(file, args[0], args[1]);
  };
  python.__argnames__ = names;
  return python;
}

/**
 * Brython's module `browser.websocket` where the program uses it as a value (`module = websocket`): its `supported`
 * and its `WebSocket`, with this file's semantics. One per file, as a module is one object.
 */
export function websocketModule(this: FileRuntime): { supported: boolean; WebSocket: (...args: unknown[]) => WebSocket } {
  var file: any = this;
  return file.$module || (file.$module = { supported: hasWebSocket(), WebSocket: websocketFunction.call(file, "WebSocket") });
}

/**
 * A method read off `owner`, bound to it as Python binds methods (RapydScript-ng does not): a function that calls
 * `value` with `this` = owner, carrying `__self__` and `__func__` as a Python bound method does, and `__name__`, the
 * attribute it was read as, where given (Transcrypt makes a new function at each read: unbind matches by name).
 * What is not a function (None), or is bound already, is returned as it is.
 */
export function bound(value: any, owner: unknown, name?: string): any {
  if (typeof value != "function" || value.__self__ !== undefined || owner == null) return value;
  // (Not named after another part: the plugin reads which parts a part calls off the names it uses.)
  var wrapper: any = function (): unknown {
    return value.apply(owner, arguments);
  };
  wrapper.__self__ = owner;
  wrapper.__func__ = value;
  if (name) wrapper.__name__ = name;
  return wrapper;
}

/**
 * A listener of the runtime's on `target` that calls, with the event, the handler the attribute `name` holds when the
 * event comes (`name` null: `handler`):
 * - only for events made from now on: the DOM does not call a listener added while its event is being dispatched,
 *   Node's EventTarget does;
 * - binary messages as bytes (Python code indexes them): a Uint8Array view of the ArrayBuffer (the callers set
 *   `binaryType` to "arraybuffer").
 */
export function listenerOf(target: any, name: string | null, handler?: any): (event: any) => void {
  var since = platform.performance.now();
  return function (event: any): void {
    var current = name ? target[name] : handler;
    var data = event.data;
    if (event.timeStamp < since || !current) return;
    if (data instanceof platform.ArrayBuffer) platform.Object.defineProperty(event, "data", { value: new platform.Uint8Array(data) });
    current.call(target, event);
  };
}

/**
 * A socket's bookkeeping: which handler attributes have the runtime's listener (by name, `on_open`), and the handlers
 * bound to each event (by event, `open`). Under a registered symbol (for-in, Object.keys and JSON do not see it),
 * shared by every copy of the runtime in a page.
 */
export function bookkeeping(target: any): any {
  var key = platform.Symbol.for("python-websocket");
  return target[key] || (target[key] = {});
}

/**
 * `target.on_open = handler` (on_error, on_message, on_close). On a socket, the event gets one listener of the
 * runtime's, added the first time, that calls whatever the attribute holds when the event comes: so assigning again
 * replaces the handler and None removes it, and reading the attribute gives what was assigned. On any other object,
 * a plain assignment. (A method read off its object comes bound: see bound.)
 */
export function setHandler(target: any, name: string, handler: unknown): unknown {
  if (isSocket(target)) {
    var listening = bookkeeping(target);
    if (!listening[name]) {
      listening[name] = true;
      var type = name.slice(3); // on_open → open
      // The plugin's readable form for a fresh socket (`addEventListener("open", ws.on_open = f)`) registered the
      // attribute's value itself: that listener goes.
      target.removeEventListener(type, target[name]);
      target.binaryType = "arraybuffer";
      target.addEventListener(type, listenerOf(target, name));
    }
  }
  return (target[name] = handler);
}

/**
 * Brython's `target.bind(evt, handler)`: on a socket, one more handler of the event, called after those bound before
 * it, with the event (binary messages as bytes); returns None. On any other object, the object's own bind.
 */
export function bind(this: FileRuntime, target: any, evt: string, handler: any): unknown {
  if (!isSocket(target)) return target.bind.apply(target, [].slice.call(arguments, 1));
  if (typeof handler != "function") raise(this, "TypeError", "bind() handler must be callable, not " + typeName(handler));
  var listener = listenerOf(target, null, handler);
  var book = bookkeeping(target);
  (book[evt] || (book[evt] = [])).push([handler, listener]);
  target.binaryType = "arraybuffer";
  target.addEventListener(evt, listener);
  return null;
}

/**
 * Brython's `target.unbind(evt, handler)`: on a socket, the handler goes, each time it was bound (a bound method
 * equals another of the same object and function, as in Python); `unbind(evt)` removes every handler of the event.
 * Returns None. On any other object, the object's own unbind.
 */
export function unbind(this: FileRuntime, target: any, evt: string, handler?: any): unknown {
  if (!isSocket(target)) return target.unbind.apply(target, [].slice.call(arguments, 1));
  var bindings = bookkeeping(target)[evt] || [];
  for (var i = bindings.length - 1; i >= 0; i--) {
    var each = bindings[i][0];
    var same =
      handler == null ||
      each === handler ||
      (each.__self__ !== undefined && each.__self__ === handler.__self__ && (each.__func__ === handler.__func__ || (each.__name__ && each.__name__ === handler.__name__)));
    if (same) {
      target.removeEventListener(evt, bindings[i][1]);
      bindings.splice(i, 1);
    }
  }
  // A handler the plugin bound in its readable form (`ws.addEventListener("open", on_open)`).
  if (handler != null) target.removeEventListener(evt, handler);
  return null;
}

/** `del target.on_message`: on a socket, the handler goes with the attribute. */
export function deleteHandler(target: any, name: string): boolean {
  if (isSocket(target)) setHandler(target, name, null);
  return delete target[name];
}

/** A socket's send, checked: str or bytes-like data, on an open socket (the platform would drop it silently). */
export function sendOn(file: FileRuntime, target: WebSocket, data: any): null {
  if (typeof data != "string" && !platform.ArrayBuffer.isView(data) && !(data instanceof platform.ArrayBuffer) && !(data instanceof platform.Blob)) {
    raise(file, "TypeError", "send() takes str or bytes, not " + typeName(data));
  }
  if (target.readyState != 1) {
    raise(file, "ConnectionError", "send(): the WebSocket is " + (target.readyState ? "closed" : "not open yet"));
  }
  target.send(data);
  return null;
}

/** A socket's close, checked the Python way: ValueError/TypeError, where the platform would throw DOMExceptions. */
export function closeOn(file: FileRuntime, target: WebSocket, code: any, reason: any): null {
  if (code != null && typeof code != "number") raise(file, "TypeError", "close() code must be an int, not " + typeName(code));
  if (reason != null && typeof reason != "string") raise(file, "TypeError", "close() reason must be a str, not " + typeName(reason));
  if (reason != null && code == null) raise(file, "ValueError", "close(): a reason needs a code");
  if (code != null && code != 1000 && !(code >= 3000 && code < 5000 && code % 1 == 0)) {
    raise(file, "ValueError", "close(): code must be 1000 or in 3000..4999, not " + code);
  }
  if (reason != null && new platform.TextEncoder().encode(reason).length > 123) {
    raise(file, "ValueError", "close(): reason must be at most 123 bytes of UTF-8");
  }
  // Only the arguments given: the platform treats an explicit undefined as a value.
  target.close.apply(target, reason != null ? [code, reason] : code != null ? [code] : []);
  return null;
}

/** `target.send(data)`: checked for a socket, the object's own method otherwise. */
export function send(this: FileRuntime, target: any, data: unknown): unknown {
  return isSocket(target) ? sendOn(this, target, data) : target.send(data);
}

/** `target.close(code, reason)` with positional arguments: checked for a socket, the object's own method otherwise. */
export function close(this: FileRuntime, target: any, code?: unknown, reason?: unknown): unknown {
  return isSocket(target) ? closeOn(this, target, code, reason) : target.close.apply(target, [].slice.call(arguments, 1));
}

/**
 * `target.send` / `target.close` as a value: for a socket, its checked method with Python's argument binding
 * (keywords: Transcrypt's marker object, or RapydScript-ng's mapping by __argnames__); the object's own otherwise.
 */
export function method(this: FileRuntime, target: any, name: "send" | "close"): unknown {
  if (!isSocket(target)) return target[name];
  var file = this;
  var names = name == "send" ? ["data"] : ["code", "reason"];
  var python: any = function (): null {
    var values = pythonArguments(file, name, names, arguments);
    return name == "send" ? sendOn(file, target, values[0]) : closeOn(file, target, values[0], values[1]);
  };
  python.__argnames__ = names;
  return python;
}

/** `target.send(...)` / `target.close(...)` with keywords or an unknown number of arguments. */
export function call(this: FileRuntime, target: any, name: "send" | "close", ...args: unknown[]): unknown;
export function call(this: FileRuntime, target: any, name: "send" | "close"): unknown {
  return (method.call(this, target, name) as Function).apply(target, [].slice.call(arguments, 2));
}

/**
 * `target.bind` / `target.unbind` as a value, or to call with keywords or an unknown number of arguments: for a
 * socket, Brython's method with Python's argument binding; the object's own otherwise, bound to it.
 */
export function eventMethod(this: FileRuntime, target: any, name: "bind" | "unbind"): unknown {
  if (!isSocket(target)) return bound(target[name], target);
  var file = this;
  var python: any = function (): unknown {
    var values = pythonArguments(file, name, ["evt", "handler"], arguments);
    if (values[0] === undefined) raise(file, "TypeError", name + "() missing required argument 'evt'");
    return (name == "bind" ? bind : unbind).call(file, target, values[0], values[1]);
  };
  python.__argnames__ = ["evt", "handler"];
  return python;
}
