/**
 * The runtime helper, imported by rewritten ES modules and CommonJS files as
 * `babel-plugin-python-websocket/runtime`.
 */
import { createPythonWebSocketRuntime } from "./create.js";

export type { PythonErrorClass, PythonErrorClasses, PythonWebSocketRuntime } from "./types.js";
export { createPythonWebSocketRuntime };

/** Makes the per-file runtime object; `errors` are the file's own Python exception classes. */
export const pythonWebSocket = createPythonWebSocketRuntime(globalThis);
