/**
 * The runtime helper, imported by rewritten ES modules and CommonJS files as `babel-plugin-python-websocket/runtime`:
 * one export per part, so that a bundler keeps only the parts a program uses.
 */
export type { FileRuntime, PythonErrorClass } from "./types.js";
export {
  assertWebSocket,
  bind,
  bound,
  call,
  close,
  deleteHandler,
  errorClass,
  eventMethod,
  hasWebSocket,
  method,
  send,
  setHandler,
  unbind,
  websocket,
  websocketFunction,
  websocketModule,
} from "./parts.js";
export { elementById } from "./document.js";
