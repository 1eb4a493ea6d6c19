/** The Brython names this plugin gives meaning to. */

/** Brython's builtin that opens a socket. */
export const WEBSOCKET = "websocket";
/** Brython's global; only `__BRYTHON__.has_websocket` has a meaning here. */
export const BRYTHON = "__BRYTHON__";
export const HAS_WEBSOCKET = "has_websocket";

/** Handler attributes and the DOM events they stand for. */
export const EVENT_OF_HANDLER: Readonly<Record<string, string>> = {
  on_open: "open",
  on_error: "error",
  on_message: "message",
  on_close: "close",
};

/** `on_open` and the like; not names every object inherits (`toString`, `constructor`). */
export function isHandlerName(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(EVENT_OF_HANDLER, name);
}

/** Socket methods that go through the runtime. */
export type SocketMethod = "send" | "close";
export const SOCKET_METHODS: ReadonlySet<string> = new Set(["send", "close"]);

/**
 * Exception names the runtime defines for programs that leave them free
 * (RapydScript-ng has no NotImplementedError; neither transpiler has ConnectionError).
 */
export const RUNTIME_ERROR_NAMES: ReadonlySet<string> = new Set(["NotImplementedError", "ConnectionError"]);

/**
 * The exception classes a file's runtime object (`_pyws`) takes from the program, by key: the first of these names
 * the file binds (Transcrypt imports its whole runtime, and renames TypeError to py_TypeError; Transcrypt has no
 * ConnectionError, and its `except Exception` catches only its own classes, so its Exception stands in).
 */
export const PROGRAM_ERROR_BINDINGS: ReadonlyArray<readonly [key: string, localNames: readonly string[]]> = [
  ["NotImplementedError", ["NotImplementedError"]],
  ["ConnectionError", ["ConnectionError", "Exception"]],
  ["ValueError", ["ValueError"]],
  ["TypeError", ["py_TypeError", "TypeError"]],
];

/** Transcrypt's keyword-argument marker call: `f(a, __kwargtrans__({k: v}))`. */
export const TRANSCRYPT_KWARGS = "__kwargtrans__";
/** RapydScript-ng's keyword-argument call: `ρσ_interpolate_kwargs.call(self, f, [a].concat([ρσ_desugar_kwargs({k: v})]))`. */
export const RAPYDSCRIPT_INTERPOLATE = "ρσ_interpolate_kwargs";
export const RAPYDSCRIPT_DESUGAR = "ρσ_desugar_kwargs";

/** Free names that mark a script as CommonJS (so the runtime is required, not inlined). */
export const COMMONJS_NAMES: ReadonlySet<string> = new Set(["require", "module", "exports"]);

export const PACKAGE_NAME = "babel-plugin-python-websocket";
export const DEFAULT_RUNTIME_MODULE: string = `${PACKAGE_NAME}/runtime`;
