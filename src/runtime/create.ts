/* eslint-disable prefer-rest-params, no-var */
import type { PythonErrorClasses, PythonWebSocketRuntime } from "./types.js";

/**
 * The whole runtime, as one self-contained function.
 *
 * It is exported as it is for ES modules and CommonJS, and its source text
 * (Function.prototype.toString) is inlined into classic scripts, which cannot
 * import. So it references nothing outside itself but the global object it is
 * given, and it is written in ES5 syntax: code inserted into a user's file is
 * not lowered again by the user's other Babel plugins. It is written for size
 * too (it ships in every page): shared paths, no code a minifier cannot shrink.
 *
 * Bookkeeping: the Python attribute (`ws.on_message`) is an own property of the
 * socket, so reads need no rewriting; the listener actually registered for each
 * event lives under a registered symbol (`Symbol.for`), shared by every copy of
 * the runtime in the page (an inlined copy per classic script, an imported one).
 */
export function createPythonWebSocketRuntime(global: any): (errors?: PythonErrorClasses) => PythonWebSocketRuntime {
  var LISTENERS = global.Symbol.for("babel-plugin-python-websocket.listeners");
  var Obj = global.Object;

  // Python exception classes that work with and without `new` (RapydScript-ng
  // raises unknown classes without it) and are real Errors (`except Exception`
  // compiles to `instanceof Error` there).
  function defineError(name: string): any {
    function PythonError(message?: string): any {
      return Obj.setPrototypeOf(global.Error(message), PythonError.prototype);
    }
    PythonError.prototype = Obj.create(global.Error.prototype, { name: { value: name }, constructor: { value: PythonError } });
    return PythonError;
  }
  var NotImplementedError = defineError("NotImplementedError");
  var ConnectionError = defineError("ConnectionError");
  var ValueError = defineError("ValueError");

  function hasWebSocket(): boolean {
    return typeof global.WebSocket == "function";
  }
  function isSocket(value: unknown): boolean {
    return hasWebSocket() && value instanceof global.WebSocket;
  }
  function typeName(value: any): string {
    return value == null ? "NoneType"
      : global.Array.isArray(value) ? "list"
      : typeof value == "number" ? (value % 1 ? "float" : "int")
      : typeof value == "boolean" ? "bool"
      : typeof value;
  }

  // The listener for a handler. A handler that replaces itself while it runs must not
  // have its replacement see the same event: the DOM does not call listeners added
  // during a dispatch, but Node's EventTarget does, so events made before the listener
  // was added are skipped. A method read off its object (`self.got`) is a bound method
  // in Python: it is called with `owner` as `this`. Binary messages arrive as
  // ArrayBuffers (binaryType "arraybuffer"); Python code indexes bytes, so the handler
  // sees `evt.data` as a Uint8Array view of them.
  function guardedListener(handler: Function, owner: unknown): (event: Event) => unknown {
    // Without performance (a bare vm context, as scripts/demo.mjs runs the page in), nothing is skipped.
    var since = global.performance ? global.performance.now() : 0;
    return function (this: unknown, event: any): unknown {
      if (event.timeStamp < since) return;
      var data = event.data;
      return handler.call(
        owner === undefined ? this : owner,
        data instanceof global.ArrayBuffer
          ? new global.Proxy(event, {
              get: function (target: any, key: PropertyKey): unknown {
                var value = key == "data" ? new global.Uint8Array(data) : target[key];
                return typeof value == "function" ? value.bind(target) : value;
              },
            })
          : event,
      );
    };
  }

  return function pythonWebSocket(errors?: PythonErrorClasses): PythonWebSocketRuntime {
    errors = errors || {};
    var NotImplemented = errors.NotImplementedError || NotImplementedError;
    var Connection = errors.ConnectionError || errors.Exception || ConnectionError;
    var Value = errors.ValueError || ValueError;
    var Type = errors.TypeError || global.TypeError;
    // Raises with the program's class, with or without `new` (Transcrypt's classes take either).
    function raise(ErrorClass: any, message: string): never {
      throw new ErrorClass(message);
    }

    // Python-style arguments: positional ones, then an optional trailing
    // Transcrypt keyword object (marked by its own `__kwargtrans__` property).
    function pythonArguments(fname: string, names: string[], args: ArrayLike<any>): any[] {
      var values: any[] = [].slice.call(args);
      var last = values[values.length - 1];
      var keywords = last && typeof last == "object" && Obj.prototype.hasOwnProperty.call(last, "__kwargtrans__") && values.pop();
      var prefix = fname + "() ";
      if (values.length > names.length) {
        raise(Type, prefix + "takes at most " + names.length + " argument" + (names.length > 1 ? "s" : "") + " (" + values.length + " given)");
      }
      for (var key in keywords) {
        if (key == "__kwargtrans__" || key == "constructor") continue;
        var index = names.indexOf(key == "url" ? "host" : key);
        if (index < 0) raise(Type, prefix + "got an unexpected keyword argument '" + key + "'");
        if (index < values.length) raise(Type, prefix + "got multiple values for argument '" + key + "'");
        values[index] = keywords[key];
      }
      return values;
    }

    function assertWebSocket(): void {
      if (!hasWebSocket()) raise(NotImplemented, "websocket: this platform has no WebSocket");
    }

    // `websocket` used as a value; RapydScript-ng maps keywords through __argnames__.
    function websocket(): WebSocket {
      var args = pythonArguments("websocket", websocket.__argnames__, arguments);
      if (args[0] === undefined) raise(Type, "websocket() missing required argument 'host'");
      assertWebSocket();
      return args[1] == null ? new global.WebSocket(args[0]) : new global.WebSocket(args[0], args[1]);
    }
    websocket.__argnames__ = ["host", "protocols"];

    function setHandler(target: any, name: string, handler: unknown, owner?: unknown): unknown {
      if (!isSocket(target)) return (target[name] = handler);
      var type = name.slice(3); // on_open → open
      var registered = target[LISTENERS];
      if (!registered) {
        Obj.defineProperty(target, LISTENERS, { value: (registered = {}) });
        target.addEventListener("close", function (): void {
          // A closed socket has no more events: its listeners go once this close event,
          // the program's on_close included, has been dispatched.
          global.setTimeout(function (): void {
            for (var event in registered) target.removeEventListener(event, registered[event]), delete registered[event];
          });
        });
      }
      // A listener added by the plugin's direct form (addEventListener with the
      // value itself) has no entry yet: it is the attribute's value.
      var previous = type in registered ? registered[type] : target[name];
      if (previous && (typeof previous == "function" || typeof previous == "object")) target.removeEventListener(type, previous);
      delete registered[type];
      target[name] = handler;
      if (handler != null) {
        if (type == "message") target.binaryType = "arraybuffer";
        target.addEventListener(type, (registered[type] = typeof handler == "function" ? guardedListener(handler, owner) : handler));
      }
      return handler;
    }

    function sendOn(target: any, args: ArrayLike<any>): void {
      var data = pythonArguments("send", ["data"], args)[0];
      if (typeof data != "string" && !global.ArrayBuffer.isView(data) && !(data instanceof global.ArrayBuffer) && !(global.Blob && data instanceof global.Blob)) {
        raise(Type, "send() argument must be str or bytes-like, not " + typeName(data));
      }
      if (target.readyState != 1) {
        raise(Connection, target.readyState
          ? "send(): the WebSocket is closing or closed; the data was not sent"
          : "send(): the WebSocket is not open yet (send from on_open or later)");
      }
      target.send(data);
    }

    function closeOn(target: any, args: ArrayLike<any>): void {
      var values = pythonArguments("close", ["code", "reason"], args);
      var code = values[0];
      var reason = values[1];
      if (code != null && typeof code != "number") raise(Type, "close() code must be an int, not " + typeName(code));
      if (reason != null && typeof reason != "string") raise(Type, "close() reason must be a str, not " + typeName(reason));
      if (reason != null && code == null) raise(Value, "close(): a reason needs a code");
      if (code != null && code != 1000 && !(code >= 3000 && code < 5000 && code % 1 == 0)) {
        raise(Value, "close(): code must be 1000 or in 3000..4999, not " + code);
      }
      if (reason != null && new global.TextEncoder().encode(reason).length > 123) {
        raise(Value, "close(): reason must be at most 123 bytes of UTF-8");
      }
      // Only the arguments given: the platform treats an explicit undefined as a value.
      target.close.apply(target, values.slice(0, reason != null ? 2 : code != null ? 1 : 0));
    }

    // `X.send(...)` / `X.close(...)`: checked for a socket, the object's own method otherwise.
    function methodCall(name: "send" | "close", run: (target: any, args: ArrayLike<any>) => void) {
      return function (target: any): unknown {
        var args = [].slice.call(arguments, 1);
        if (!isSocket(target)) return target[name].apply(target, args);
        run(target, args);
        return null;
      };
    }

    return {
      NotImplementedError: NotImplemented,
      ConnectionError: Connection,
      hasWebSocket: hasWebSocket,
      assertWebSocket: assertWebSocket,
      websocket: websocket,
      setHandler: setHandler,
      // `del X.on_message`: for a socket, its listener goes with the attribute.
      deleteHandler: function (target: any, name: string): boolean {
        if (isSocket(target)) setHandler(target, name, null);
        return delete target[name];
      },
      // The listeners the runtime has registered on a socket, by event type (a copy).
      listeners: function (target: any): { [type: string]: unknown } {
        return Obj.assign({}, target[LISTENERS]);
      },
      send: methodCall("send", sendOn),
      close: methodCall("close", closeOn),
      // RapydScript-ng calls with keywords through `ρσ_interpolate_kwargs.call(ws,
      // ws.send, args)`, which maps keywords by the function's __argnames__.
      method: function (target: any, name: "send" | "close"): unknown {
        if (!isSocket(target)) return target[name];
        var send = name == "send";
        var bound: any = function (): void {
          (send ? sendOn : closeOn)(target, arguments);
        };
        bound.__argnames__ = send ? ["data"] : ["code", "reason"];
        return bound;
      },
    };
  };
}
