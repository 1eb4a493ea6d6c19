/**
 * The runtime helper, imported by rewritten ES modules and CommonJS files as `babel-plugin-python-websocket/runtime`:
 * one export per part, so that a bundler keeps only the parts a program uses.
 */
export type { FileRuntime, PythonErrorClass } from "./types.js";
export {
  assertWebSocket,
  bound,
  call,
  close,
  deleteHandler,
  errorClass,
  hasWebSocket,
  method,
  send,
  setHandler,
  websocket,
  websocketFunction,
} from "./parts.js";
