/* eslint-disable prefer-rest-params, no-var */
import { isSocket, platform } from "./platform.js";

/**
 * The method `name` read off `owner`, bound to it as Python binds methods (RapydScript-ng does not): a function that
 * calls it with `this` = owner, carrying `__self__` and `__func__` as a Python bound method does, and `__name__`, the
 * attribute it was read as (Transcrypt makes a new function at each read: unbind matches by name). `owner` is
 * evaluated once, whatever expression gives it (`peers[0]`, `peer_of(1)`). What is not a function (None), or is bound
 * already, is returned as it is.
 */
export function bound(owner: any, name: string): any {
  var value = owner[name];
  if (typeof value != "function" || value.__self__ !== undefined) return value;
  // (Not named after another part: the plugin reads which parts a part calls off the names it uses.)
  var wrapper: any = function (): unknown {
    return value.apply(owner, arguments);
  };
  wrapper.__self__ = owner;
  wrapper.__func__ = value;
  wrapper.__name__ = name;
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
 * A socket's bookkeeping: which handler attributes have the runtime's listener (by name, `on_open`), the handlers
 * bound to each event (by event, `open`), the values of the handler attributes of a socket of the runtime's class
 * (`values`), and its methods read as values (`methods`). Under a registered symbol (for-in, Object.keys and JSON do
 * not see it), shared by every copy of the runtime in a page.
 */
export function bookkeeping(target: any): any {
  var key = platform.Symbol.for("python-websocket");
  return target[key] || (target[key] = {});
}

/**
 * The runtime's one listener for the handler attribute `name` of a socket, added the first time: it calls whatever
 * the attribute holds when the event comes, so assigning again replaces the handler and None removes it.
 */
export function listen(target: any, name: string): void {
  var listening = bookkeeping(target);
  if (listening[name]) return;
  listening[name] = true;
  var type = name.slice(3); // on_open → open
  // The plugin's readable form for a fresh socket (`addEventListener("open", ws.on_open = f)`) registered the
  // attribute's value itself: that listener goes.
  target.removeEventListener(type, target[name]);
  target.binaryType = "arraybuffer";
  target.addEventListener(type, listenerOf(target, name));
}

/**
 * `target.on_open = handler` (on_error, on_message, on_close) on a socket the plugin made native: the runtime's
 * listener, then the attribute. On a socket of the runtime's class the attribute's accessor does the same; on any
 * other object, a plain assignment.
 */
export function setHandler(target: any, name: string, handler: unknown): unknown {
  if (isSocket(target)) listen(target, name);
  return (target[name] = handler);
}

/** `del target.on_message`: on a socket, the handler goes with the attribute. */
export function deleteHandler(target: any, name: string): boolean {
  if (isSocket(target)) setHandler(target, name, null);
  return delete target[name];
}
