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
 * the file binds (Transcrypt imports its whole runtime, and renames TypeError to py_TypeError). A class the program
 * lacks is the runtime's, a subclass of the first of PROGRAM_ERROR_BASES the program has (neither transpiler has a
 * ConnectionError: it is then a subclass of OSError, or of Exception, distinct from ValueError and TypeError).
 */
export const PROGRAM_ERROR_BINDINGS: ReadonlyArray<readonly [key: string, localNames: readonly string[]]> = [
  ["NotImplementedError", ["NotImplementedError"]],
  ["ConnectionError", ["ConnectionError"]],
  ["ValueError", ["ValueError"]],
  ["TypeError", ["py_TypeError", "TypeError"]],
  ["KeyError", ["KeyError"]],
];

/** The program's classes that the runtime's own exception classes derive from, the first the program has. */
export const PROGRAM_ERROR_BASES: readonly string[] = ["OSError", "Exception"];

/** Brython's module `browser.websocket`: its socket factory and its flag. */
export const MODULE_FACTORY_NAME = "WebSocket";
export const MODULE_SUPPORTED_NAME = "supported";
/** RapydScript-ng's table of a script's modules (`ρσ_modules.browser`, `ρσ_modules["browser.websocket"]`). */
export const RAPYDSCRIPT_MODULES = "ρσ_modules";
/** Transcrypt's `import a.b`: `__nest__ (a, 'b', __module_a_b__)`. */
export const TRANSCRYPT_NEST = "__nest__";

/** Brython's methods of a socket that bind and unbind event handlers. */
export type EventMethod = "bind" | "unbind";
export const EVENT_METHODS: ReadonlySet<string> = new Set(["bind", "unbind"]);
/** The events a socket dispatches. */
export const SOCKET_EVENTS: readonly string[] = ["open", "error", "message", "close"];

/** Transcrypt's keyword-argument marker call: `f(a, __kwargtrans__({k: v}))`. */
export const TRANSCRYPT_KWARGS = "__kwargtrans__";
/** RapydScript-ng's keyword-argument call: `ρσ_interpolate_kwargs.call(self, f, [a].concat([ρσ_desugar_kwargs({k: v})]))`. */
export const RAPYDSCRIPT_INTERPOLATE = "ρσ_interpolate_kwargs";
export const RAPYDSCRIPT_DESUGAR = "ρσ_desugar_kwargs";
/** RapydScript-ng's keyword or `*args` call of a capitalised name: `ρσ_interpolate_kwargs_constructor.call(Object.create(F.prototype), apply, F, args)`. */
export const RAPYDSCRIPT_INTERPOLATE_CONSTRUCTOR = "ρσ_interpolate_kwargs_constructor";

/** Free names that mark a script as CommonJS (so the runtime is required, not inlined). */
export const COMMONJS_NAMES: ReadonlySet<string> = new Set(["require", "module", "exports"]);

export const PACKAGE_NAME = "babel-plugin-python-websocket";
export const DEFAULT_RUNTIME_MODULE: string = `${PACKAGE_NAME}/runtime`;
