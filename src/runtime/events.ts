/* eslint-disable prefer-rest-params, no-var */
import { pythonFunction } from "./arguments.js";
import { raise, typeName } from "./errors.js";
import { bookkeeping, bound, listenerOf } from "./handlers.js";
import { isSocket } from "./platform.js";
import type { FileRuntime } from "./types.js";

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

/**
 * `target.bind` / `target.unbind` as a value, or to call with keywords or an unknown number of arguments: for a
 * socket, Brython's method with Python's argument binding; the object's own otherwise, bound to it.
 */
export function eventMethod(this: FileRuntime, target: any, name: "bind" | "unbind"): unknown {
  if (!isSocket(target)) return bound(target, name);
  var file = this;
  return pythonFunction(file, name, ["evt", "handler"], function (values: any[]) {
    if (values[0] === undefined) raise(file, "TypeError", name + "() missing required argument 'evt'");
    return (name == "bind" ? bind : unbind).call(file, target, values[0], values[1]);
  });
}
