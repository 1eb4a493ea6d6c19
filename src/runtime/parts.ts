/**
 * The runtime, one function per part, so that a page ships only the parts its program uses: a bundler drops the
 * exports a file does not import, and the plugin inlines into a classic script only the functions its rewrites call
 * (and those they call), each by its source text (Function.prototype.toString). Hence the rules of the runtime's
 * files, which this module gathers (the plugin reads every function it exports):
 * - their top level holds function declarations only, all exported, and `platform` (platform.ts);
 * - a function refers to nothing but `platform`, its parameters, `this` and the other functions of the runtime
 *   (imported by name: the plugin reads a CommonJS build's `(0, x_js_1.name)` as `name`);
 * - ES5 syntax: code inserted into a user's file is not lowered again by the user's other Babel plugins;
 * - written for size (it ships in pages): shared paths, nothing a minifier cannot shrink.
 *
 * `this`, in the functions a rewritten file calls, is that file's runtime object (`_pyws`): the parts it uses and the
 * Python exception classes its program has (see FileRuntime).
 *
 * One file per thing a part gives a program: platform.ts (the global object; what is a socket), errors.ts (Python's
 * exceptions and type names), arguments.ts (Python's argument binding), factory.ts (making sockets; Brython's
 * module), socket-class.ts (the sockets' class, which carries the API), handlers.ts (on_* attributes, bound
 * methods), events.ts (bind, unbind), methods.ts (send, close), document.ts (Brython's `document[id]`).
 */
export * from "./arguments.js";
export * from "./document.js";
export * from "./errors.js";
export * from "./events.js";
export * from "./factory.js";
export * from "./handlers.js";
export * from "./methods.js";
export * from "./platform.js";
export * from "./socket-class.js";
