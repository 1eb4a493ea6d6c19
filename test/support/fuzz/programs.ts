// fast-check generators of JavaScript programs in the shapes Transcrypt and RapydScript-ng emit, mixing
// Brython's WebSocket API with unrelated code. Every generated program is valid JavaScript; "api" programs use
// the API only in valid ways (a call the plugin must accept), "plain" programs use none of it.
import fc from "fast-check";

/** Names a program may bind, so that the API's names are not free there. */
export const SHADOWABLE = ["websocket", "WebSocket", "NotImplementedError", "__BRYTHON__", "ValueError", "ConnectionError"] as const;
/** The program's exception classes the plugin hands to the runtime when the file declares them. */
type Shadowable = (typeof SHADOWABLE)[number];

/**
 * Names the helper code uses or might use, bound by the program so a capture would show: the runtime object and
 * the runtime's namespace (and Babel's numbered variants of both), CommonJS's `require`, the inlined runtime's
 * parameter and some of its functions, and `globalThis` (which an inlined runtime refuses: a documented build error).
 */
export const HELPER_LIKE_NAMES: readonly string[] = [
  "_pyws",
  "_pyws2",
  "_pythonWebSocket",
  "_pythonWebSocket2",
  "require",
  "platform",
  "raise",
  "setHandler",
  "globalThis",
];

export type Dialect = "transcrypt" | "rapydscript" | "commonjs" | "module";

export interface Program {
  dialect: Dialect;
  sourceType: "module" | "script";
  code: string;
}

interface Ctx {
  /** How many more levels of nested statements may be made. */
  depth: number;
  /** Inside a function body (so `return` is allowed). */
  inFunction: boolean;
  /** API names the program binds around this point. */
  shadowed: ReadonlySet<Shadowable>;
  /** Whether the API may be used here; false for programs that must come out untouched. */
  api: boolean;
  /**
   * The program has Brython's module `browser.websocket` (see MODULE_NAMES): Transcrypt imported it, RapydScript-ng
   * inlined it and read it into `var`s.
   */
  module: boolean;
}

/** The program's names for Brython's module, its factory (also as an alias) and its flag, in both transpilers. */
export const MODULE_NAMES = ["wsmod", "WebSocket", "Socket", "supported"] as const;

/** A placeholder made unique per program, so that declarations never clash (`function g1`, `export var w2`). */
const ID = "__ID__";

const lit = (s: string) => JSON.stringify(s);

// ---------- building blocks ----------

const urls = fc.constantFrom(
  lit("wss://echo.websocket.org"),
  lit("ws://127.0.0.1:8080/chat"),
  lit("/relative/path"),
  lit("https://example.org/socket?x=1&y=é"),
  "'ws://ünïcode.example/ça'",
  "url",
  "self.url",
  "this.url",
  "config['url']",
  '"ws://127.0.0.1:" + port',
  "`wss://${host}/chat`",
  "get_url()",
);

const protocols = fc.constantFrom(
  lit("chat"),
  '["chat", "superchat"]',
  "[]",
  "null",
  "protos",
  '["v1." + version]',
  "self.protocols",
);

const handlerNames = fc.constantFrom("on_open", "on_error", "on_message", "on_close");

/** Expressions that may hold a socket: identifiers, member chains, computed members, calls. */
const targets = fc.constantFrom(
  "ws",
  "ws",
  "sock",
  "self.ws",
  "this.ws",
  "self.conn.ws",
  "socks[0]",
  "socks[i]",
  "get_socket()",
  "(ws || sock)",
  "ρσ_self.ws",
);

/** Simple references only: where a socket is stored by `T = websocket(...)`. */
const storeTargets = fc.constantFrom("ws", "sock", "self.ws", "this.ws", "self.conn.ws", "ρσ_self.ws");

const misspelt = fc.constantFrom("on_mesage", "onmessage", "onopen", "on_opne", "on_connect", "onClose", "on_closed");

const sendData = fc.constantFrom(
  lit("hello"),
  "data",
  "new Uint8Array([1, 2, 3])",
  "evt.data",
  "__kwargtrans__({data: 'hi'})",
  lit("ünïcode ☃ \"quoted\" it's"),
);

const closeArgs = fc.constantFrom("", "1000", '3000, "bye"', "4999, ''", "code, reason", "__kwargtrans__({code: 1000, reason: 'done'})");

/** A `websocket(...)` call in plain, Transcrypt and RapydScript-ng spellings, always with valid arguments. */
const websocketCall = fc.oneof(
  urls.map((u) => `websocket(${u})`),
  fc.tuple(urls, protocols).map(([u, p]) => `websocket(${u}, ${p})`),
  urls.map((u) => `websocket(__kwargtrans__({url: ${u}}))`),
  fc.tuple(urls, protocols).map(([u, p]) => `websocket(__kwargtrans__({host: ${u}, protocols: ${p}}))`),
  fc.tuple(urls, protocols).map(([u, p]) => `websocket(${u}, __kwargtrans__({"protocols": ${p}}))`),
  fc.constant("websocket(__kwargtrans__(kwargs))"),
  fc.constant("websocket(url, __kwargtrans__({}))"),
  urls.map((u) => `ρσ_interpolate_kwargs.call(this, websocket, [ρσ_desugar_kwargs({url: ${u}})])`),
  fc.tuple(urls, protocols).map(([u, p]) => `ρσ_interpolate_kwargs.call(this, websocket, [${u}].concat([ρσ_desugar_kwargs({protocols: ${p}})]))`),
  fc.tuple(urls, protocols).map(([u, p]) => `ρσ_interpolate_kwargs.call(self, websocket, [ρσ_desugar_kwargs({host: ${u}, protocols: ${p}})])`),
  urls.map((u) => `ρσ_interpolate_kwargs.call(this, websocket, [${u}].concat([ρσ_desugar_kwargs(kw)]))`),
);

/** Brython's `WebSocket(...)` through the module, in each transpiler's spellings, always with valid arguments. */
const moduleWebSocketCall = fc.oneof(
  urls.map((u) => `wsmod.WebSocket(${u})`),
  fc.tuple(urls, protocols).map(([u, p]) => `WebSocket(${u}, ${p})`),
  urls.map((u) => `new WebSocket(${u})`),
  urls.map((u) => `Socket(${u})`),
  fc.tuple(urls, protocols).map(([u, p]) => `wsmod.WebSocket(__kwargtrans__({url: ${u}, protocols: ${p}}))`),
  fc.constant("WebSocket(...args)"),
  fc.constant("wsmod.WebSocket.apply(wsmod, args)"),
  urls.map((u) => `ρσ_interpolate_kwargs.call(wsmod, wsmod.WebSocket, [ρσ_desugar_kwargs({url: ${u}})])`),
  fc.tuple(urls, protocols).map(
    ([u, p]) => `ρσ_interpolate_kwargs_constructor.call(Object.create(WebSocket.prototype), false, WebSocket, [${u}].concat([ρσ_desugar_kwargs({protocols: ${p}})]))`,
  ),
  fc.constant("ρσ_interpolate_kwargs_constructor.call(Object.create(WebSocket.prototype), true, WebSocket, args)"),
);

const events = fc.constantFrom(lit("open"), lit("error"), lit("message"), lit("close"), "'open'", "evt_name");

/**
 * Brython's bind/unbind in each transpiler's spellings, and JavaScript's own bind beside them. A bind or unbind of a
 * handler (`ws.bind(evt, f)`) is a use of the API wherever it stands (the plugin binds a method passed to it): only
 * in programs that use the API (`api`).
 */
function bindings(handler: fc.Arbitrary<string>, api: boolean): fc.Arbitrary<string> {
  // A literal None bound raises TypeError when it runs: the program binds only callables.
  const callable = handler.filter((h) => h !== "null" && h !== "undefined");
  const ofHandlers = [
    fc.tuple(targets, events, callable).map(([t, e, h]) => `${t}.bind(${e}, ${h});`),
    fc.tuple(targets, events, handler).map(([t, e, h]) => `${t}.unbind(${e}, ${h});`),
  ];
  return fc.oneof(
    ...(api ? ofHandlers : []),
    fc.tuple(targets, events).map(([t, e]) => `${t}.unbind(${e});`),
    fc.tuple(targets, events, callable).map(([t, e, h]) => `${t}.bind(__kwargtrans__({evt: ${e}, handler: ${h}}));`),
    fc.tuple(storeTargets, events).map(([t, e]) => `ρσ_interpolate_kwargs.call(${t}, ${t}.bind, [ρσ_desugar_kwargs({evt: ${e}, handler: on_open})]);`),
    fc.tuple(targets, fc.constantFrom("bind", "unbind")).map(([t, m]) => `var b${ID} = ${t}.${m};`),
    targets.map((t) => `${t}.bind(...pair);`),
    fc.constant(`var late${ID} = handler.bind(self);`),
  );
}

/** Code that touches none of the API, with the odd corners a printer or a scope analysis might trip on. */
const unrelated = fc.oneof(
  fc.integer({ min: 0, max: 99 }).map((n) => `var a${ID} = ${n} * 2 + 1;`),
  fc.constantFrom(
    `var total${ID} = [1, 2, 3].map(function (x) { return x * 2; }).reduce(function (a, b) { return a + b; }, 0);`,
    `for (var i = 0; i < 3; i++) { count += i; }`,
    `obj.onclick = function () { return false; };`,
    `door.on_knock = knock;`,
    `el.onopen_later = 1;`,
    `var s${ID} = "ws.on_open = f; websocket('x')";`,
    `var r${ID} = /on_message|websocket\\(/g;`,
    `/* websocket("wss://x"); ws.on_open = f; */ noop();`,
    `var o${ID} = { on_open: f, "on_message": g, websocket: 1, "on-close": 2, "é": 3 };`,
    `o.websocket = o.WebSocket;`,
    // Names every object inherits (RapydScript-ng's runtime assigns these): not handlers.
    `Klass.prototype.toString = function () { return "k"; }; child.prototype.constructor = child;`,
    `delete o.valueOf;`,
    `var t${ID} = \`line \${count} "q" 'q' ☃\`;`,
    `label${ID}: for (var j = 0; j < 2; j++) { if (j) break label${ID}; }`,
    `var café${ID} = "ünïcode", ρσ_tmp${ID} = café${ID}.length;`,
    `queue.sendAll(); queue.closeAll(); sendMessage("x");`,
    `var got${ID} = doc["on_open"];`,
    `switch (mode) { case 1: count++; break; default: count--; }`,
    `var obj${ID} = { get value() { return 1; }, set value(v) {} };`,
    `if (typeof WebSocket === "undefined") { alert("none"); }`,
    `print(__name__ === "__main__" ? "main" : "lib");`,
    `var [first${ID}, ...rest${ID}] = items;`,
    `new Date().getTime();`,
    `x = y = z = 0;`,
  ),
);

// ---------- statements ----------

const memo = new Map<string, fc.Arbitrary<string>>();

function key(ctx: Ctx): string {
  return `${ctx.depth}|${ctx.inFunction}|${ctx.api}|${ctx.module}|${[...ctx.shadowed].sort().join(",")}`;
}

function shadow(ctx: Ctx, name: Shadowable): Ctx {
  return { ...ctx, depth: ctx.depth - 1, shadowed: new Set([...ctx.shadowed, name]) };
}

function inner(ctx: Ctx, inFunction = ctx.inFunction): Ctx {
  return { ...ctx, depth: ctx.depth - 1, inFunction };
}

/** A block of 0..4 statements for the given context. */
export function statements(ctx: Ctx): fc.Arbitrary<string> {
  return fc.array(statement(ctx), { maxLength: ctx.depth > 0 ? 4 : 3 }).map((list) => list.join("\n"));
}

function statement(ctx: Ctx): fc.Arbitrary<string> {
  const k = key(ctx);
  let arbitrary = memo.get(k);
  if (!arbitrary) {
    arbitrary = makeStatement(ctx);
    memo.set(k, arbitrary);
  }
  return arbitrary;
}

function makeStatement(ctx: Ctx): fc.Arbitrary<string> {
  const canCall = ctx.api || ctx.shadowed.has("websocket");
  const options: Array<fc.WeightedArbitrary<string>> = [{ arbitrary: unrelated, weight: 3 }];

  // Sockets: made, stored, returned, passed on; `websocket` as a value.
  if (canCall) {
    options.push(
      { arbitrary: fc.tuple(storeTargets, websocketCall).map(([t, c]) => `${t} = ${c};`), weight: 4 },
      { arbitrary: fc.tuple(fc.constantFrom("ws", "sock"), websocketCall).map(([t, c]) => `var ${t} = ${c};`), weight: 2 },
      {
        arbitrary: fc.tuple(websocketCall, fc.constantFrom("socks.push(%);", "connect(%);", "pair = [%, other];", "ws = flag ? % : null;")).map(
          ([c, shape]) => shape.replace("%", c),
        ),
        weight: 1,
      },
      {
        arbitrary: fc.constantFrom(
          `var open${ID} = websocket;`,
          `schedule(websocket, url);`,
          `var api${ID} = { websocket, NotImplementedError };`,
          `var connect${ID} = (open = websocket) => open(url);`,
          "var text__ID__ = `${websocket}`;",
        ),
        weight: 1,
      },
    );
    if (ctx.inFunction) options.push({ arbitrary: websocketCall.map((c) => `return ${c};`), weight: 1 });
  }

  // Brython's module: sockets made, the flag read, the module and its factory as values, the seed's shape with bind.
  if (ctx.module) {
    options.push(
      { arbitrary: fc.tuple(storeTargets, moduleWebSocketCall).map(([t, c]) => `${t} = ${c};`), weight: 4 },
      {
        arbitrary: fc
          .tuple(storeTargets, moduleWebSocketCall, fc.uniqueArray(fc.constantFrom("open", "error", "message", "close"), { minLength: 1, maxLength: 4 }))
          .map(([t, c, names]) => [`${t} = ${c};`, ...names.map((n) => `${t}.bind("${n}", on_${n});`)].join("\n")),
        weight: 2,
      },
      {
        arbitrary: fc.constantFrom(
          `if (!wsmod.supported) { alert("no WebSocket"); }`,
          `var ok${ID} = supported && ready;`,
          `var m${ID} = wsmod;`,
          `var factory${ID} = wsmod.WebSocket;`,
          `var s${ID} = [WebSocket, Socket];`,
          `wsmod.extra = 1;`,
        ),
        weight: 1,
      },
    );
  }

  // The seed's shape: a socket made, then its handlers assigned right after.
  if (ctx.api) {
    options.push({
      arbitrary: fc
        .tuple(storeTargets, websocketCall, fc.uniqueArray(handlerNames, { minLength: 1, maxLength: 4 }), fc.constantFrom("on_", "self.got_", "handle_"))
        .map(([t, c, names, prefix]) => [`${t} = ${c};`, ...names.map((n) => `${t}.${n} = ${prefix}${n.slice(3)};`)].join("\n")),
      weight: 3,
    });
  }

  // Handlers: assigned (plain and keyed), chained, reassigned, set to null, deleted.
  if (ctx.api) {
    options.push(
      { arbitrary: fc.tuple(targets, handlerNames, handlerValue(ctx)).map(([t, n, v]) => `${t}.${n} = ${v};`), weight: 5 },
      { arbitrary: fc.tuple(targets, handlerNames, handlerValue(ctx)).map(([t, n, v]) => `${t}["${n}"] = ${v};`), weight: 1 },
      { arbitrary: fc.tuple(targets, handlerNames, handlerNames).map(([t, a, b]) => `${t}.${a} = ${t}.${b} = on_${a.slice(3)};`), weight: 1 },
      { arbitrary: fc.tuple(targets, handlerNames).map(([t, n]) => `${t}.${n} = null;`), weight: 1 },
      { arbitrary: fc.tuple(targets, handlerNames).map(([t, n]) => `delete ${t}.${n};`), weight: 1 },
      { arbitrary: fc.tuple(targets, handlerNames).map(([t, n]) => `delete ${t}["${n}"];`), weight: 1 },
      { arbitrary: fc.tuple(targets, handlerNames).map(([t, n]) => `previous = (${t}.${n} = replacement);`), weight: 1 },
      {
        arbitrary: fc.constantFrom(
          `if (!(__BRYTHON__.has_websocket)) { alert("WebSocket is not supported by your browser"); }`,
          `var ok${ID} = __BRYTHON__.has_websocket && ready;`,
          `supported = __BRYTHON__["has_websocket"];`,
        ),
        weight: 1,
      },
    );
  }
  // Misspelt handlers: a warning at most, never a failure (unknownHandlers is "warn" or "off" in these runs).
  options.push({ arbitrary: fc.tuple(targets, misspelt).map(([t, n]) => `${t}.${n} = handler;`), weight: 1 });
  if (ctx.shadowed.has("__BRYTHON__")) {
    options.push({ arbitrary: fc.constant(`__BRYTHON__.debug = __BRYTHON__.version;`), weight: 1 });
  }

  // Reads of handlers, send and close, and bind/unbind calls: fine in any file.
  options.push(
    { arbitrary: bindings(ctx.depth > 0 ? handlerValue(ctx) : fc.constantFrom("on_open", "self.got", "handler"), ctx.api), weight: 2 },
    {
      arbitrary: fc.tuple(targets, handlerNames, fc.constantFrom(`var h${ID} = %;`, "log(%);", "if (%) { %(evt); }", "same = % === handler;")).map(
        ([t, n, shape]) => shape.replaceAll("%", `${t}.${n}`),
      ),
      weight: 2,
    },
    { arbitrary: fc.tuple(targets, sendData).map(([t, d]) => `${t}.send(${d});`), weight: 2 },
    { arbitrary: fc.tuple(targets, closeArgs).map(([t, a]) => `${t}.close(${a});`), weight: 2 },
    {
      arbitrary: storeTargets.map((t) => `ρσ_interpolate_kwargs.call(${t}, ${t}.send, [ρσ_desugar_kwargs({data: "hi"})]);`),
      weight: 1,
    },
    {
      arbitrary: storeTargets.map((t) => `ρσ_interpolate_kwargs.call(${t}, ${t}.close, [1000].concat([ρσ_desugar_kwargs({reason: "bye"})]));`),
      weight: 1,
    },
    { arbitrary: fc.constantFrom(`var later${ID} = ws.send;`, `(self.ws.close.bind(self.ws))();`), weight: 1 },
    // send and close as values (Python's bound methods); a class's own methods of those names (RapydScript-ng).
    {
      arbitrary: fc.tuple(targets, fc.constantFrom("send", "close"), fc.constantFrom(`var m${ID} = %;`, "setTimeout(%, 100);", "items.map(%);", "f(%, %);")).map(
        ([t, m, shape]) => shape.replaceAll("%", `${t}.${m}`),
      ),
      weight: 1,
    },
    {
      arbitrary: fc.tuple(fc.constantFrom("send", "close", "on_open", "on_message"), fc.constantFrom("Chat", "ρσ_Client")).map(
        ([m, c]) => `${c}.prototype.${m} = function ${m}(x) { log(x); };\nif (!${c}.prototype.${m}.__argnames__) log(${c}.prototype.${m});`,
      ),
      weight: 1,
    },
    {
      arbitrary: fc.constantFrom(
        `var E${ID} = NotImplementedError;`,
        `if (err instanceof NotImplementedError) { alert(err); }`,
        `if (err instanceof ConnectionError) { retry(); }`,
      ),
      weight: 1,
    },
  );
  if (ctx.inFunction) {
    options.push({ arbitrary: fc.constantFrom(`throw NotImplementedError("no sockets");`, `throw new NotImplementedError("no sockets");`), weight: 1 });
  }

  if (ctx.depth > 0) options.push(...compound(ctx));
  return fc.oneof(...options).map(fresh);
}

/** The value a handler is set to: names, functions (with bodies using the API), methods, RapydScript's anonymous def. */
function handlerValue(ctx: Ctx): fc.Arbitrary<string> {
  const simple = fc.constantFrom(
    "on_open", "handler", "null", "undefined", "self.got", "this.got", "self.handlers.got", "make_handler()", "flag ? f : null",
    // Methods read by any expression (Python binds each), and a handler read back off another socket.
    "flag ? self.fast : self.slow", "self.handler || self.fallback", "getattr(self, 'got')", "(log(), self.got)", "self.other.on_message",
    "self.handlers[k]",
  );
  if (ctx.depth <= 0) return simple;
  const body = statements(inner(ctx, true));
  return fc.oneof(
    { arbitrary: simple, weight: 3 },
    { arbitrary: body.map((b) => `function (evt) {\n${b}\n}`), weight: 1 },
    { arbitrary: body.map((b) => `function () {\n${b}\n}`), weight: 1 },
    { arbitrary: body.map((b) => `(evt) => {\n${b}\n}`), weight: 1 },
    {
      arbitrary: body.map(
        (b) =>
          `(function() {\nvar ρσ_anonfunc = function (evt) {\n${b}\n};\n` +
          `if (!ρσ_anonfunc.__argnames__) Object.defineProperties(ρσ_anonfunc, {\n__argnames__ : {value: ["evt"]}\n});\nreturn ρσ_anonfunc;\n})()`,
      ),
      weight: 1,
    },
  );
}

/** Nested code: functions, classes, blocks, try/catch, and a binding of an API name at every kind of scope. */
function compound(ctx: Ctx): Array<fc.WeightedArbitrary<string>> {
  const fnBody = statements(inner(ctx, true));
  const blockBody = statements(inner(ctx));
  const out: Array<fc.WeightedArbitrary<string>> = [
    { arbitrary: fnBody.map((b) => `function g${ID}(url, self) {\n${b}\n}`), weight: 2 },
    { arbitrary: fnBody.map((b) => `var f${ID} = function (evt) {\n${b}\n};`), weight: 1 },
    { arbitrary: fc.tuple(blockBody, blockBody).map(([a, b]) => `if (cond) {\n${a}\n} else {\n${b}\n}`), weight: 1 },
    {
      arbitrary: fc
        .tuple(blockBody, blockBody)
        .map(([a, b]) => `try {\n${a}\n} catch (e${ID}) {\nif (e${ID} instanceof NotImplementedError) {\n${b}\n} else {\nthrow e${ID};\n}\n}`),
      weight: 1,
    },
    {
      arbitrary: fc.tuple(fnBody, fnBody).map(([a, b]) => `class Chat${ID} {\nconstructor(url) {\n${a}\n}\ngot(evt) {\n${b}\n}\n}`),
      weight: 1,
    },
    // RapydScript-ng's class shape: `var self = this;` then the body.
    { arbitrary: fnBody.map((b) => `function Client${ID}(url) {\nvar self = this;\n${b}\n}`), weight: 1 },
    { arbitrary: blockBody.map((b) => `for (var i = 0; i < n; i++) {\n${b}\n}`), weight: 1 },
  ];
  for (const name of SHADOWABLE) {
    const fnShadowed = statements({ ...shadow(ctx, name), inFunction: true });
    const blockShadowed = statements(shadow(ctx, name));
    out.push(
      { arbitrary: fnShadowed.map((b) => `function s${ID}(${name}) {\n${b}\n}`), weight: 1 },
      { arbitrary: fnShadowed.map((b) => `var s${ID} = (x, ${name}) => {\n${b}\n};`), weight: 1 },
      { arbitrary: fnShadowed.map((b) => `function s${ID}() {\nvar ${name} = make();\n${b}\n}`), weight: 1 },
      { arbitrary: fnShadowed.map((b) => `function s${ID}() {\nvar { ${name} } = lib;\n${b}\n}`), weight: 1 },
      { arbitrary: fnShadowed.map((b) => `function s${ID}() {\nfunction ${name}() {}\n${b}\n}`), weight: 1 },
      { arbitrary: fc.tuple(fc.constantFrom("let", "const"), blockShadowed).map(([kw, b]) => `{\n${kw} ${name} = make();\n${b}\n}`), weight: 1 },
      { arbitrary: blockShadowed.map((b) => `try {\nrisky();\n} catch (${name}) {\n${b}\n}`), weight: 1 },
      { arbitrary: blockShadowed.map((b) => `{\nclass ${name} {}\n${b}\n}`), weight: 1 },
      // A function declared in a block (an exception class so declared gets its runtime object in that block).
      { arbitrary: blockShadowed.map((b) => `if (cond) {\nfunction ${name}() {}\n${b}\n}`), weight: 1 },
      { arbitrary: fnShadowed.map((b) => `var K${ID} = class ${name} {\nm() {\n${b}\n}\n};`), weight: 1 },
      { arbitrary: fnShadowed.map((b) => `var n${ID} = function ${name}() {\n${b}\n};`), weight: 1 },
      { arbitrary: blockShadowed.map((b) => `for (const ${name} of items) {\n${b}\n}`), weight: 1 },
    );
  }
  return out;
}

// ---------- whole programs ----------

const TRANSCRYPT_IMPORTABLE = ["AssertionError", "NotImplementedError", "Exception", "ValueError", "py_TypeError", "__kwargtrans__"];

/** Programs in one of the four file shapes; `api` false makes programs that use none of the API. */
export function program(api: boolean, depth = 3): fc.Arbitrary<Program> {
  const top: Ctx = { depth, inFunction: false, shadowed: new Set(), api, module: false };
  return fc
    .oneof(
      { arbitrary: transcrypt(top), weight: 3 },
      { arbitrary: rapydscript(top), weight: 2 },
      { arbitrary: commonjs(top), weight: 1 },
      { arbitrary: plainModule(top), weight: 2 },
    )
    .map((p) => ({ ...p, code: uniqueIds(fresh(p.code)) }));
}

function withImported(ctx: Ctx, names: readonly string[]): Ctx {
  const shadowed = new Set(ctx.shadowed);
  for (const name of names) if ((SHADOWABLE as readonly string[]).includes(name)) shadowed.add(name as Shadowable);
  return { ...ctx, shadowed };
}

/** Transcrypt's imports of Brython's module (`from browser import websocket as wsmod`, `from browser.websocket import ...`). */
const TRANSCRYPT_MODULE_IMPORTS = [
  `import * as wsmod from './browser.websocket.js';`,
  `import { WebSocket, WebSocket as Socket, supported } from './browser.websocket.js';`,
];

/**
 * RapydScript-ng's inlined modules (the shape of python/'s, smaller, with the package's mark) and the program's reads of them
 * (`from browser import websocket as wsmod`, `from browser.websocket import WebSocket, WebSocket as Socket, supported`).
 */
const RAPYDSCRIPT_MODULES = [
  `var ρσ_modules = {};`,
  `ρσ_modules.browser = {};`,
  `ρσ_modules["browser.websocket"] = {};`,
  `(function(){\nvar __name__ = "browser";\nvar websocket;\n"babel-plugin-python-websocket";\nwebsocket = { supported: true, WebSocket: function (url) { return new globalThis.WebSocket(url); } };\nρσ_modules.browser.websocket = websocket;\n})();`,
  `(function(){\nvar __name__ = "browser.websocket";\nvar supported, WebSocket;\nvar _module = ρσ_modules.browser.websocket;\n"babel-plugin-python-websocket";\nsupported = _module.supported;\nWebSocket = _module.WebSocket;\nρσ_modules["browser.websocket"].supported = supported;\nρσ_modules["browser.websocket"].WebSocket = WebSocket;\n})();`,
];
const RAPYDSCRIPT_MODULE_READS = [
  `var wsmod = ρσ_modules.browser.websocket;`,
  `var WebSocket = ρσ_modules["browser.websocket"].WebSocket;`,
  `var Socket = ρσ_modules["browser.websocket"].WebSocket;`,
  `var supported = ρσ_modules["browser.websocket"].supported;`,
];

/** Transcrypt: an ES module importing its runtime's classes (some of them), `export var f = function () {...}`. */
function transcrypt(top: Ctx): fc.Arbitrary<Program> {
  return fc.tuple(fc.subarray(TRANSCRYPT_IMPORTABLE), fc.subarray([...SHADOWABLE], { maxLength: 2 }), fc.boolean()).chain(([runtime, shadowing, module]) => {
    const extra = shadowing.filter((name) => !runtime.includes(name) && !(module && name === "WebSocket"));
    const ctx = { ...withImported(top, [...runtime, ...extra]), module: module && top.api };
    const head = [
      runtime.length > 0 ? `import { ${runtime.join(", ")} } from './org.transcrypt.__runtime__.js';` : "",
      ...(ctx.module ? TRANSCRYPT_MODULE_IMPORTS : []),
      ...extra.map((name, i) => (i === 0 ? `import { ${name} } from './lib.js';` : `import * as ${name} from './other.js';`)),
      `var __name__ = '__main__';`,
    ];
    return fc
      .tuple(statements(ctx), statements({ ...ctx, inFunction: true }), fc.subarray([...HELPER_LIKE_NAMES]))
      .map(([body, fnBody, bound]) => ({
        dialect: "transcrypt" as const,
        sourceType: "module" as const,
        code: [...head, ...bound.map((n) => `export var ${n} = "the program's own ${n}";`), body, `export var _test${ID} = function () {\n${fnBody}\n};`].join(
          "\n",
        ),
      }));
  });
}

/** RapydScript-ng: a classic script, one IIFE with (some of) its runtime's functions and classes, then the program. */
function rapydscript(top: Ctx): fc.Arbitrary<Program> {
  const prelude = fc.subarray([
    `function ρσ_interpolate_kwargs(f, supplied_args) { return f.apply(this, supplied_args); }`,
    `function ρσ_desugar_kwargs() { return Object.assign({}, arguments[0]); }`,
    `function Exception(message) { this.message = message; }`,
    `function ValueError(message) { this.message = message; }`,
    `function NotImplementedError(message) { this.message = message; }`,
  ]);
  return fc.boolean().chain((withModule) => {
    const ctx = { ...top, module: withModule && top.api };
    return fc.tuple(prelude, statements(ctx), statements({ ...ctx, inFunction: true }), fc.subarray([...HELPER_LIKE_NAMES])).map(([pre, body, fnBody, bound]) => {
      // A function declaration of NotImplementedError binds the name for the whole IIFE: no longer free.
      const code = [
        `(function(){\n"use strict";`,
        ...pre,
        ...(ctx.module ? RAPYDSCRIPT_MODULES : []),
        ...bound.map((n) => `var ${n} = "the program's own ${n}";`),
        `(function(){`,
        `var __name__ = "__main__";`,
        ...(ctx.module ? RAPYDSCRIPT_MODULE_READS : []),
        body,
        `function _test${ID}() {\n${fnBody}\n}`,
        `})();`,
        `})();`,
      ].join("\n");
      return { dialect: "rapydscript" as const, sourceType: "script" as const, code };
    });
  });
}

/** CommonJS: a script using `require` and `module.exports`. */
function commonjs(top: Ctx): fc.Arbitrary<Program> {
  return fc.tuple(statements(top), fc.subarray(HELPER_LIKE_NAMES.filter((n) => n !== "require"))).map(([body, bound]) => ({
    dialect: "commonjs" as const,
    sourceType: "script" as const,
    code: [`var lib = require("./lib");`, ...bound.map((n) => `var ${n} = lib.${n};`), body, `module.exports = { main: main };`].join("\n"),
  }));
}

/** A plain ES module, exporting functions. */
function plainModule(top: Ctx): fc.Arbitrary<Program> {
  return fc.tuple(statements(top), statements({ ...top, inFunction: true }), fc.subarray([...HELPER_LIKE_NAMES])).map(([body, fnBody, bound]) => ({
    dialect: "module" as const,
    sourceType: "module" as const,
    code: [...bound.map((n) => `let ${n} = 1;`), body, `export function main${ID}(url) {\n${fnBody}\n}`].join("\n"),
  }));
}

/**
 * A statement's own `__ID__` placeholders become one token, different from every other statement's
 * (`label__ID__: ... break label__ID__` keep agreeing); `uniqueIds` then numbers the tokens in order of appearance,
 * so a program's text depends only on the generated values.
 */
let tokens = 0;
function fresh(code: string): string {
  const token = `__ID${(tokens += 1)}__`;
  return code.replaceAll(ID, token);
}

function uniqueIds(code: string): string {
  const numbers = new Map<string, number>();
  return code.replace(/__ID\d+__/g, (token) => {
    if (!numbers.has(token)) numbers.set(token, numbers.size + 1);
    return String(numbers.get(token));
  });
}

// ---------- options ----------

export interface FuzzOptions {
  runtime?: "auto" | "import" | "inline";
  runtimeModule?: string;
  unknownHandlers?: "warn" | "off";
}

/**
 * Inlining is weighted low: it is the same text every time, and it costs about ten times a file's own transform
 * (the runtime's source is parsed for each file and printed into it), so it would take most of the run's time.
 */
export const pluginOptions: fc.Arbitrary<FuzzOptions> = fc.record(
  {
    runtime: fc.oneof(
      { arbitrary: fc.constant("auto" as const), weight: 3 },
      { arbitrary: fc.constant("import" as const), weight: 3 },
      { arbitrary: fc.constant("inline" as const), weight: 1 },
    ),
    runtimeModule: fc.constantFrom("./vendor/python-websocket.js", "@scope/pyws-runtime"),
    unknownHandlers: fc.constantFrom("warn" as const, "off" as const),
  },
  { requiredKeys: [] },
);
