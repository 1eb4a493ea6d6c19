/* eslint-disable prefer-rest-params, no-var */
import type { PythonErrorClasses, PythonWebSocketRuntime } from "./types.js";

/**
 * The whole runtime, as one self-contained function.
 *
 * It is exported as it is for ES modules and CommonJS, and its source text
 * (Function.prototype.toString) is inlined into classic scripts, which cannot
 * import. So it references nothing outside itself but the global object it is
 * given, and it is written in ES5 syntax: code inserted into a user's file is
 * not lowered again by the user's other Babel plugins.
 *
 * Bookkeeping: the Python attribute (`ws.on_message`) is an own property of the
 * socket, so reads need no rewriting; the listener actually registered for each
 * event lives under a registered symbol (`Symbol.for`), shared by every copy of
 * the runtime in the page (an inlined copy per classic script, an imported one).
 */
export function createPythonWebSocketRuntime(global: any): (errors?: PythonErrorClasses) => PythonWebSocketRuntime {
  var EVENT_OF: { [name: string]: string } = { on_open: "open", on_error: "error", on_message: "message", on_close: "close" };
  var LISTENERS = global.Symbol.for("babel-plugin-python-websocket.listeners");
  var hasOwn = global.Object.prototype.hasOwnProperty;

  // Python exception classes that work with and without `new` (RapydScript-ng
  // raises unknown classes without it) and are real Errors (`except Exception`
  // compiles to `instanceof Error` there).
  function defineError(name: string): any {
    function PythonError(message?: string): any {
      var error = new global.Error(message === undefined ? "" : message);
      global.Object.setPrototypeOf(error, PythonError.prototype);
      return error;
    }
    PythonError.prototype = global.Object.create(global.Error.prototype, {
      constructor: { value: PythonError, writable: true, configurable: true },
      name: { value: name, writable: true, configurable: true },
    });
    global.Object.defineProperty(PythonError, "name", { value: name });
    return PythonError;
  }
  var NotImplementedError = defineError("NotImplementedError");
  var ConnectionError = defineError("ConnectionError");
  var ValueError = defineError("ValueError");

  function hasWebSocket(): boolean {
    return typeof global.WebSocket === "function";
  }
  function isSocket(value: unknown): boolean {
    return hasWebSocket() && value instanceof global.WebSocket;
  }
  function typeName(value: unknown): string {
    if (value === null || value === undefined) return "NoneType";
    if (global.Array.isArray(value)) return "list";
    if (typeof value === "number") return global.Number.isInteger(value) ? "int" : "float";
    if (typeof value === "boolean") return "bool";
    if (typeof value === "object" && value.constructor && value.constructor.name) return value.constructor.name;
    return typeof value;
  }
  function isBytesLike(value: any): boolean {
    return (
      global.ArrayBuffer.isView(value) ||
      value instanceof global.ArrayBuffer ||
      (typeof global.Blob === "function" && value instanceof global.Blob)
    );
  }

  // The listener for a handler. A handler that replaces itself while it runs must not
  // have its replacement see the same event: the DOM does not call listeners added
  // during a dispatch, but Node's EventTarget does, so events made before the listener
  // was added are skipped. A method read off its object (`self.got`) is a bound method
  // in Python: it is called with `owner` as `this`.
  function guardedListener(handler: Function, owner: unknown): (event: Event) => unknown {
    var since = global.performance ? global.performance.now() : 0;
    return function (this: unknown, event: Event): unknown {
      if (event.timeStamp < since) return undefined;
      return handler.call(owner === undefined ? this : owner, withBytes(event));
    };
  }

  // Binary messages arrive as ArrayBuffers (binaryType "arraybuffer"); Python code
  // indexes bytes, so the handler sees `evt.data` as a Uint8Array view of them.
  function withBytes(event: any): Event {
    if (!(event.data instanceof global.ArrayBuffer)) return event;
    var bytes = new global.Uint8Array(event.data);
    return new global.Proxy(event, {
      get: function (target: any, key: PropertyKey): unknown {
        if (key === "data") return bytes;
        var value = global.Reflect.get(target, key);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  }

  return function pythonWebSocket(errors?: PythonErrorClasses): PythonWebSocketRuntime {
    var classes = errors || {};
    var NotImplemented = classes.NotImplementedError || NotImplementedError;
    var Connection = classes.ConnectionError || classes.Exception || ConnectionError;
    var Value = classes.ValueError || ValueError;
    var Type = classes.TypeError || global.TypeError;

    // Python-style arguments: positional ones, then an optional trailing
    // Transcrypt keyword object (marked by its own `__kwargtrans__` property).
    function pythonArguments(fname: string, names: string[], args: ArrayLike<any>): any[] {
      var values: any[] = global.Array.prototype.slice.call(args);
      var last = values[values.length - 1];
      var keywords = last !== null && typeof last === "object" && hasOwn.call(last, "__kwargtrans__") ? values.pop() : null;
      if (values.length > names.length) {
        throw new Type(fname + "() takes at most " + names.length + " argument" + (names.length === 1 ? "" : "s") + " (" + values.length + " given)");
      }
      if (keywords) {
        for (var key in keywords) {
          if (!hasOwn.call(keywords, key) || key === "__kwargtrans__" || key === "constructor") continue;
          var index = names.indexOf(key === "url" && fname === "websocket" ? "host" : key);
          if (index < 0) throw new Type(fname + "() got an unexpected keyword argument '" + key + "'");
          if (index < values.length) throw new Type(fname + "() got multiple values for argument '" + key + "'");
          values[index] = keywords[key];
        }
      }
      return values;
    }

    function assertWebSocket(): void {
      if (!hasWebSocket()) throw new NotImplemented("websocket: this platform has no WebSocket");
    }

    function openWebSocket(): WebSocket {
      var args = pythonArguments("websocket", ["host", "protocols"], arguments);
      if (args[0] === undefined) throw new Type("websocket() missing required argument 'host'");
      assertWebSocket();
      return args[1] === undefined || args[1] === null ? new global.WebSocket(args[0]) : new global.WebSocket(args[0], args[1]);
    }
    // `websocket` used as a value; RapydScript-ng maps keywords through __argnames__.
    (openWebSocket as any).__argnames__ = ["host", "protocols"];

    function setHandler(target: any, name: string, handler: unknown, owner?: unknown): unknown {
      if (!isSocket(target)) return (target[name] = handler);
      var type = EVENT_OF[name] as string;
      var registered = target[LISTENERS];
      if (!registered) {
        registered = {};
        global.Object.defineProperty(target, LISTENERS, { value: registered });
        target.addEventListener("close", function (): void {
          // A closed socket has no more events: its listeners go once this close event,
          // the program's on_close included, has been dispatched.
          global.setTimeout(function (): void {
            for (var event in registered) target.removeEventListener(event, registered[event]);
            for (var key in registered) delete registered[key];
          }, 0);
        });
      }
      // A listener added by the plugin's direct form (addEventListener with the
      // value itself) has no entry yet: it is the attribute's value.
      var previous = hasOwn.call(registered, type) ? registered[type] : target[name];
      if (typeof previous === "function" || (previous !== null && typeof previous === "object")) {
        target.removeEventListener(type, previous);
      }
      target[name] = handler;
      if (handler === null || handler === undefined) {
        delete registered[type];
      } else {
        var listener = typeof handler === "function" ? guardedListener(handler, owner) : handler;
        if (type === "message" && target.binaryType === "blob") target.binaryType = "arraybuffer";
        registered[type] = listener;
        target.addEventListener(type, listener);
      }
      return handler;
    }

    // The listeners the runtime has registered on a socket, by event type (a copy).
    function listeners(target: any): { [type: string]: unknown } {
      return global.Object.assign({}, target[LISTENERS]);
    }

    // `del X.on_message`: for a socket, its listener goes with the attribute.
    function deleteHandler(target: any, name: string): boolean {
      if (isSocket(target)) setHandler(target, name, null);
      return delete target[name];
    }

    function checkOpen(target: any, fname: string): void {
      if (target.readyState === 0) {
        throw new Connection(fname + "(): the WebSocket is not open yet (send from on_open or later)");
      }
      if (target.readyState !== 1) {
        throw new Connection(fname + "(): the WebSocket is closing or closed; the data was not sent");
      }
    }

    function sendOn(target: any, args: ArrayLike<any>): void {
      var data = pythonArguments("send", ["data"], args)[0];
      if (typeof data !== "string" && !isBytesLike(data)) {
        throw new Type("send() argument must be str or bytes-like, not " + typeName(data));
      }
      checkOpen(target, "send");
      target.send(data);
    }

    function closeOn(target: any, args: ArrayLike<any>): void {
      var values = pythonArguments("close", ["code", "reason"], args);
      var code = values[0] === null ? undefined : values[0];
      var reason = values[1] === null ? undefined : values[1];
      if (code !== undefined && typeof code !== "number") throw new Type("close() code must be an int, not " + typeName(code));
      if (reason !== undefined && typeof reason !== "string") throw new Type("close() reason must be a str, not " + typeName(reason));
      if (reason !== undefined && code === undefined) throw new Value("close(): a reason needs a code");
      if (code !== undefined && code !== 1000 && !(code >= 3000 && code <= 4999 && code % 1 === 0)) {
        throw new Value("close(): code must be 1000 or in 3000..4999, not " + code);
      }
      if (reason !== undefined && new global.TextEncoder().encode(reason).length > 123) {
        throw new Value("close(): reason must be at most 123 bytes of UTF-8");
      }
      if (code === undefined) target.close();
      else if (reason === undefined) target.close(code);
      else target.close(code, reason);
    }

    function send(target: any): unknown {
      var args = global.Array.prototype.slice.call(arguments, 1);
      if (!isSocket(target)) return target.send.apply(target, args);
      sendOn(target, args);
      return null;
    }

    function close(target: any): unknown {
      var args = global.Array.prototype.slice.call(arguments, 1);
      if (!isSocket(target)) return target.close.apply(target, args);
      closeOn(target, args);
      return null;
    }

    // RapydScript-ng calls with keywords through `ρσ_interpolate_kwargs.call(ws,
    // ws.send, args)`, which maps keywords by the function's __argnames__.
    function method(target: any, name: "send" | "close"): unknown {
      if (!isSocket(target)) return target[name];
      var bound: any =
        name === "send"
          ? function (): void { sendOn(target, arguments); }
          : function (): void { closeOn(target, arguments); };
      bound.__argnames__ = name === "send" ? ["data"] : ["code", "reason"];
      return bound;
    }

    return {
      NotImplementedError: NotImplemented,
      ConnectionError: Connection,
      hasWebSocket: hasWebSocket,
      assertWebSocket: assertWebSocket,
      websocket: openWebSocket,
      setHandler: setHandler,
      deleteHandler: deleteHandler,
      listeners: listeners,
      send: send,
      close: close,
      method: method,
    };
  };
}
