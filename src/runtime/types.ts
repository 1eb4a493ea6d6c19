/** A Python exception class of the user's program (Transcrypt's are callable with or without `new`). */
export type PythonErrorClass = new (message?: string) => unknown;

/** The program's own exception classes, where its file binds them; the runtime's are used otherwise. */
export interface PythonErrorClasses {
  NotImplementedError?: PythonErrorClass;
  /** Raised for send/close misuse; Transcrypt has no ConnectionError, so its `Exception` stands in. */
  ConnectionError?: PythonErrorClass;
  Exception?: PythonErrorClass;
  ValueError?: PythonErrorClass;
  TypeError?: PythonErrorClass;
}

/** What rewritten code calls: one such object per file, made by `pythonWebSocket(errors)`. */
export interface PythonWebSocketRuntime {
  /** The class `websocket()` raises where the platform has no WebSocket. */
  NotImplementedError: PythonErrorClass;
  /** The class send/close misuse raises (the program's Exception in Transcrypt files). */
  ConnectionError: PythonErrorClass;
  /** Whether the platform has WebSocket (`__BRYTHON__.has_websocket`). */
  hasWebSocket(): boolean;
  /** Raises NotImplementedError where the platform has no WebSocket. */
  assertWebSocket(): void;
  /** Brython's `websocket(host, protocols=None)`, keywords included. */
  websocket(...args: unknown[]): WebSocket;
  /** `target[name] = handler`, with single-listener semantics when target is a WebSocket. */
  setHandler(target: unknown, name: string, handler: unknown, owner?: unknown): unknown;
  /** The runtime's bookkeeping: the listeners it has registered on a socket, by event type (a copy). */
  listeners(target: unknown): Record<string, unknown>;
  /** `delete target[name]`, removing the listener too when target is a WebSocket. */
  deleteHandler(target: unknown, name: string): boolean;
  /** `target.send(...args)`, checked when target is a WebSocket. */
  send(target: unknown, ...args: unknown[]): unknown;
  /** `target.close(...args)`, checked when target is a WebSocket. */
  close(target: unknown, ...args: unknown[]): unknown;
  /** `target[name]`, or for a WebSocket a checked send/close that RapydScript-ng can pass keywords to. */
  method(target: unknown, name: "send" | "close"): unknown;
}
