// Writes a Scenario (shapes.ts) as a program in both transpilers' forms: RapydScript-ng source (program.pyj and
// helper.pyj, which the test compiles with rapydscript-ng), and what Transcrypt 3.9.5 emits for the same Python
// (program.js importing helper.js, each importing Transcrypt's runtime), written here construct by construct as
// Transcrypt writes them (tabs, `__kwargtrans__`, `tuple ([...])`, `dict ({...})`, `isinstance` chains for except).
// The helper module imports nothing of the API and names no handler: the socket reaches it as a parameter.
import type { BadData, Handler, MethodForm, Op, Probe, Reach, Scenario } from "./shapes.js";
import { readbackTarget } from "./shapes.js";

/** Lines of Python and of Transcrypt's JavaScript for the same statements. */
interface Code {
  py: string[];
  js: string[];
}

const code = (py: string[], js: string[]): Code => ({ py, js });
const join = (...parts: Code[]): Code => ({ py: parts.flatMap((p) => p.py), js: parts.flatMap((p) => p.js) });
const indent = (c: Code): Code => ({ py: c.py.map((l) => `    ${l}`), js: c.js.map((l) => `\t${l}`) });
const stmt = (py: string, js: string): Code => code([py], [js]);

/** A Python string literal in each form ("x" in Python, 'x' as Transcrypt writes it). */
const str = (s: string) => ({ py: JSON.stringify(s), js: `'${s}'` });

/** A nested function: `def name(params):` / `var name = function (params) {`. */
function def(name: string, params: string, body: Code): Code {
  return join(stmt(`def ${name}(${params}):`, `var ${name} = function (${params}) {`), indent(body), code([], ["};"]));
}

const HELPER_NAMES = ["bind_handler", "close_with", "handler_is", "send_data", "set_handler", "unbind_all", "unbind_handler", "unwatch", "watch"];

/** The other module, RapydScript-ng source; its watchers print a binary message's length and second byte, or its text. */
const helperPy = (binary: boolean) => `# A module that knows nothing of the socket API: it imports nothing of it and names no handler.


class Watcher:
    def __init__(self, label):
        self.label = label

    def seen(self, evt):
        if evt.type == "message":
            ${binary ? 'print(self.label + ".seen", "message", len(evt.data), evt.data[1])' : 'print(self.label + ".seen", "message", evt.data)'}
        elif evt.type == "close":
            print(self.label + ".seen", "close", evt.code, evt.reason)
        else:
            print(self.label + ".seen", evt.type)


watchers = [Watcher("w0"), Watcher("w1")]


def watch(s, evt_name, i):
    s.bind(evt_name, watchers[i].seen)


def unwatch(s, evt_name, i):
    s.unbind(evt_name, watchers[i].seen)


def set_handler(s, evt_name, h):
    setattr(s, "on_" + evt_name, h)


def handler_is(s, evt_name, h):
    return getattr(s, "on_" + evt_name) is h


def bind_handler(s, evt_name, h):
    s.bind(evt_name, h)


def unbind_handler(s, evt_name, h):
    s.unbind(evt_name, h)


def unbind_all(s, evt_name):
    s.unbind(evt_name)


def send_data(s, data):
    getattr(s, "send")(data)


def close_with(s, code):
    s.close(code)
`;

/** The import of Transcrypt's runtime that Transcrypt 3.9.5 writes at the top of every module. */
const TRANSCRYPT_RUNTIME_IMPORT =
  "import {AssertionError, AttributeError, BaseException, DeprecationWarning, Exception, IndexError, IterableError, KeyError, NotImplementedError, RuntimeWarning, StopIteration, UserWarning, ValueError, Warning, __JsIterator__, __PyIterator__, __Terminal__, __add__, __and__, __call__, __class__, __envir__, __eq__, __floordiv__, __ge__, __get__, __getcm__, __getitem__, __getslice__, __getsm__, __gt__, __i__, __iadd__, __iand__, __idiv__, __ijsmod__, __ilshift__, __imatmul__, __imod__, __imul__, __in__, __init__, __ior__, __ipow__, __irshift__, __isub__, __ixor__, __jsUsePyNext__, __jsmod__, __k__, __kwargtrans__, __le__, __lshift__, __lt__, __matmul__, __mergefields__, __mergekwargtrans__, __mod__, __mul__, __ne__, __neg__, __nest__, __or__, __pow__, __pragma__, __pyUseJsNext__, __rshift__, __setitem__, __setproperty__, __setslice__, __sort__, __specialattrib__, __sub__, __super__, __t__, __terminal__, __truediv__, __withblock__, __xor__, _sort, abs, all, any, assert, bin, bool, bytearray, bytes, callable, chr, delattr, dict, dir, divmod, filter, float, getattr, hasattr, hex, input, int, isinstance, issubclass, len, list, map, max, min, object, oct, ord, pow, print, property, py_TypeError, py_enumerate, py_iter, py_metatype, py_next, py_reversed, py_typeof, range, repr, round, set, setattr, sorted, str, sum, tuple, zip} from './org.transcrypt.__runtime__.js';";

/** The other module as Transcrypt writes it. */
const helperJs = (binary: boolean) => `// Transcrypt'ed from Python (the form Transcrypt 3.9.5 writes for helper.py)
${TRANSCRYPT_RUNTIME_IMPORT}
var __name__ = 'helper';
export var Watcher =  __class__ ('Watcher', [object], {
	__module__: __name__,
	get __init__ () {return __get__ (this, function (self, label) {
		self.label = label;
	});},
	get seen () {return __get__ (this, function (self, evt) {
		if (evt.type == 'message') {
			${binary ? "print (self.label + '.seen', 'message', len (evt.data), evt.data [1]);" : "print (self.label + '.seen', 'message', evt.data);"}
		}
		else if (evt.type == 'close') {
			print (self.label + '.seen', 'close', evt.code, evt.reason);
		}
		else {
			print (self.label + '.seen', evt.type);
		}
	});}
});
export var watchers = [Watcher ('w0'), Watcher ('w1')];
export var watch = function (s, evt_name, i) {
	s.bind (evt_name, watchers [i].seen);
};
export var unwatch = function (s, evt_name, i) {
	s.unbind (evt_name, watchers [i].seen);
};
export var set_handler = function (s, evt_name, h) {
	setattr (s, 'on_' + evt_name, h);
};
export var handler_is = function (s, evt_name, h) {
	return getattr (s, 'on_' + evt_name) === h;
};
export var bind_handler = function (s, evt_name, h) {
	s.bind (evt_name, h);
};
export var unbind_handler = function (s, evt_name, h) {
	s.unbind (evt_name, h);
};
export var unbind_all = function (s, evt_name) {
	s.unbind (evt_name);
};
export var send_data = function (s, data) {
	getattr (s, 'send') (data);
};
export var close_with = function (s, code) {
	s.close (code);
};
`;

/** The socket as an expression, for the reaches that are expressions. */
function socket(reach: Exclude<Reach, "helper">): { py: string; js: string } {
  switch (reach) {
    case "direct":
      return { py: "ws", js: "ws" };
    case "param":
      return { py: "s", js: "s" };
    case "list":
      return { py: "socks[0]", js: "socks [0]" };
    case "dict":
      return { py: 'index["x"]', js: "index ['x']" };
    case "call":
      return { py: "sock_of()", js: "sock_of ()" };
  }
}

function handler(h: Handler): { py: string; js: string } {
  if (h.kind === "function") return { py: `h${h.id}`, js: `h${h.id}` };
  if (h.kind === "watcher") throw new Error("a watcher's method is read in the other module only (op watch)");
  const o = h.owner;
  if (o.via === "list") return { py: `peers[${o.peer}].${h.method}`, js: `peers [${o.peer}].${h.method}` };
  if (o.via === "call") return { py: `peer_of(${o.peer}).${h.method}`, js: `peer_of (${o.peer}).${h.method}` };
  return { py: `table["${o.key}"].${h.method}`, js: `table ['${o.key}'].${h.method}` };
}

let unique = 0;

/** Statements about the socket `R`, reached as `reach` (a parameter: inside a function given the socket). */
function reaching(reach: Exclude<Reach, "helper">, body: (r: { py: string; js: string }) => Code): Code {
  if (reach !== "param") return body(socket(reach));
  const name = `op${++unique}`;
  return join(def(name, "s", body(socket("param"))), stmt(`${name}(ws)`, `${name} (ws);`));
}

/** A call of the socket's method `name` in one of the forms a value of it may take. */
function methodCall(r: { py: string; js: string }, name: string, form: MethodForm, args: Array<{ py: string; js: string }>, keywords: string[]): Code {
  const py = args.map((a) => a.py).join(", ");
  const js = args.map((a) => a.js).join(", ");
  switch (form) {
    case "call":
      return stmt(`${r.py}.${name}(${py})`, `${r.js}.${name} (${js});`);
    case "getattr":
      return stmt(`getattr(${r.py}, "${name}")(${py})`, `getattr (${r.js}, '${name}') (${js});`);
    case "value":
      return join(stmt(`f = ${r.py}.${name}`, `var f = ${r.js}.${name};`), stmt(`f(${py})`, `f (${js});`));
    case "keywords": {
      const kpy = args.map((a, i) => `${keywords[i]}=${a.py}`).join(", ");
      const kjs = args.map((a, i) => `${keywords[i]}: ${a.js}`).join(", ");
      return stmt(`${r.py}.${name}(${kpy})`, `${r.js}.${name} (__kwargtrans__ ({${kjs}}));`);
    }
  }
}

/** The event's name, literal or in the variable `evt_name` (assigned just before). */
function eventName(evt: string, byName: boolean): { setup: Code; value: { py: string; js: string } } {
  if (!byName) return { setup: code([], []), value: str(evt) };
  return { setup: stmt(`evt_name = "${evt}"`, `var evt_name = '${evt}';`), value: { py: "evt_name", js: "evt_name" } };
}

function renderOp(o: Op, setup: Op[]): Code {
  if (o.op === "watch") {
    const name = o.unbind ? "unwatch" : "watch";
    return stmt(`${name}(ws, "${o.evt}", ${o.watcher})`, `${name} (ws, '${o.evt}', ${o.watcher});`);
  }
  if (o.reach === "helper") return renderHelperOp(o, setup);
  const reach = o.reach;
  switch (o.op) {
    case "set":
    case "clear": {
      const value = o.op === "set" ? handler(o.handler) : { py: "None", js: "null" };
      if (o.form === "attr") return reaching(reach, (r) => stmt(`${r.py}.on_${o.evt} = ${value.py}`, `${r.js}.on_${o.evt} = ${value.js};`));
      const name = eventName(o.evt, true);
      return join(name.setup, reaching(reach, (r) => stmt(`setattr(${r.py}, "on_" + evt_name, ${value.py})`, `setattr (${r.js}, 'on_' + evt_name, ${value.js});`)));
    }
    case "bind":
    case "unbind": {
      const name = eventName(o.evt, o.byName);
      const args = o.handler === null ? [name.value] : [name.value, handler(o.handler)];
      return join(name.setup, reaching(reach, (r) => methodCall(r, o.op, o.form, args, ["evt", "handler"])));
    }
    case "readback": {
      const target = readbackTarget(setup, o);
      if (target === undefined) return code([], []);
      const js = target === "None" ? "null" : target;
      return reaching(reach, (r) => stmt(`print("readback", ${r.py}.on_${o.evt} is ${target})`, `print ('readback', ${r.js}.on_${o.evt} === ${js});`));
    }
  }
}

/** An operation done by the other module, given the socket. */
function renderHelperOp(o: Exclude<Op, { op: "watch" }>, setup: Op[]): Code {
  const e = str(o.evt);
  switch (o.op) {
    case "set":
    case "clear": {
      const value = o.op === "set" ? handler(o.handler) : { py: "None", js: "null" };
      return stmt(`set_handler(ws, ${e.py}, ${value.py})`, `set_handler (ws, ${e.js}, ${value.js});`);
    }
    case "bind":
      return stmt(`bind_handler(ws, ${e.py}, ${handler(o.handler).py})`, `bind_handler (ws, ${e.js}, ${handler(o.handler).js});`);
    case "unbind":
      if (o.handler === null) return stmt(`unbind_all(ws, ${e.py})`, `unbind_all (ws, ${e.js});`);
      return stmt(`unbind_handler(ws, ${e.py}, ${handler(o.handler).py})`, `unbind_handler (ws, ${e.js}, ${handler(o.handler).js});`);
    case "readback": {
      const target = readbackTarget(setup, o);
      if (target === undefined) return code([], []);
      const js = target === "None" ? "null" : target;
      return stmt(`print("readback", handler_is(ws, ${e.py}, ${target}))`, `print ('readback', handler_is (ws, ${e.js}, ${js}));`);
    }
  }
}

const BAD_VALUES: Record<BadData | "text", { py: string; js: string }> = {
  text: str("early or late"),
  tuple: { py: '("ann", "hi")', js: "tuple (['ann', 'hi'])" },
  list: { py: '["ann", "hi"]', js: "['ann', 'hi']" },
  int: { py: "42", js: "42" },
  float: { py: "3.5", js: "3.5" },
  bool: { py: "True", js: "true" },
  None: { py: "None", js: "null" },
  dict: { py: '{"k": 1}', js: "dict ({'k': 1})" },
};

/** A call that must raise, and the except clauses that say which exception it was. */
function renderProbe(p: Probe): Code {
  const arg = p.probe === "send" ? BAD_VALUES[p.data] : { py: String(p.code), js: String(p.code) };
  const call =
    p.reach === "helper"
      ? p.probe === "send"
        ? stmt(`send_data(ws, ${arg.py})`, `send_data (ws, ${arg.js});`)
        : stmt(`close_with(ws, ${arg.py})`, `close_with (ws, ${arg.js});`)
      : reaching(p.reach, (r) => methodCall(r, p.probe, p.form, [arg], [p.probe === "send" ? "data" : "code"]));
  const clauses: Array<[py: string, js: string, print: Code]> = [
    ["ConnectionError", "ConnectionError", stmt(`print("ConnectionError", isinstance(e, Exception))`, `print ('ConnectionError', isinstance (e, Exception));`)],
    ["ValueError", "ValueError", stmt(`print("ValueError", isinstance(e, ConnectionError))`, `print ('ValueError', isinstance (e, ConnectionError));`)],
    // RapydScript-ng's str() of an error prefixes its class name: its message is the error's `message`.
    ["TypeError", "py_TypeError", stmt(`print("TypeError", e.message)`, `print ('TypeError', str (e));`)],
  ];
  const py = [
    "try:",
    ...indent(join(call, stmt('print("no exception")', "print ('no exception');"))).py,
    ...clauses.flatMap(([name, , print]) => [`except ${name} as e:`, ...indent(print).py]),
  ];
  const js = [
    "try {",
    ...indent(join(call, stmt('print("no exception")', "print ('no exception');"))).js,
    "}",
    "catch (__except0__) {",
    ...clauses.flatMap(([, name, print], i) => [
      `\t${i === 0 ? "if" : "else if"} (isinstance (__except0__, ${name})) {`,
      "\t\tvar e = __except0__;",
      ...print.js.map((l) => `\t\t${l}`),
      "\t}",
    ]),
    "\telse {",
    "\t\tthrow __except0__;",
    "\t}",
    "}",
  ];
  return code(py, js);
}

const PEER = join(
  stmt("class Peer:", "export var Peer =  __class__ ('Peer', [object], {"),
  code(
    [
      "    def __init__(self, label):",
      "        self.label = label",
      "",
      "    def heard(self, evt):",
      '        show(self.label + ".heard", evt)',
      "",
      "    def noted(self, evt):",
      '        show(self.label + ".noted", evt)',
    ],
    [
      "\t__module__: __name__,",
      "\tget __init__ () {return __get__ (this, function (self, label) {",
      "\t\tself.label = label;",
      "\t});},",
      "\tget heard () {return __get__ (this, function (self, evt) {",
      "\t\tshow (self.label + '.heard', evt);",
      "\t});},",
      "\tget noted () {return __get__ (this, function (self, evt) {",
      "\t\tshow (self.label + '.noted', evt);",
      "\t});}",
      "});",
    ],
  ),
);

/** What every handler prints: its tag and the event (a message's text, or a binary one's length and second byte). */
function show(binary: boolean): Code {
  const message = binary
    ? stmt('print(tag, "message", len(evt.data), evt.data[1])', "print (tag, 'message', len (evt.data), evt.data [1]);")
    : stmt('print(tag, "message", evt.data)', "print (tag, 'message', evt.data);");
  return code(
    [
      "def show(tag, evt):",
      '    if evt.type == "message":',
      ...indent(indent(message)).py,
      '    elif evt.type == "close":',
      '        print(tag, "close", evt.code, evt.reason)',
      "    else:",
      "        print(tag, evt.type)",
    ],
    [
      "export var show = function (tag, evt) {",
      "\tif (evt.type == 'message') {",
      ...indent(indent(message)).js,
      "\t}",
      "\telse if (evt.type == 'close') {",
      "\t\tprint (tag, 'close', evt.code, evt.reason);",
      "\t}",
      "\telse {",
      "\t\tprint (tag, evt.type);",
      "\t}",
      "};",
    ],
  );
}

const TOP = code(
  ['peers = [Peer("p0"), Peer("p1")]', 'table = {"a": peers[0], "b": peers[1]}', "calls = [0]", "", "", "def peer_of(i):", "    calls[0] += 1", "    return peers[i]"],
  [
    "export var peers = [Peer ('p0'), Peer ('p1')];",
    "export var table = dict ({'a': peers [0], 'b': peers [1]});",
    "export var calls = [0];",
    "export var peer_of = function (i) {",
    "\tcalls [0]++;",
    "\treturn peers [i];",
    "};",
  ],
);

export interface Rendered {
  /** RapydScript-ng source: the main program and the module it imports. */
  pyj: { "program.pyj": string; "helper.pyj": string };
  /** Transcrypt's output: the main module and the module it imports. */
  transcrypt: { "program.js": string; "helper.js": string };
}

export function render(s: Scenario): Rendered {
  unique = 0;
  const make = s.api === "builtin" ? { py: "websocket(ECHO_URL)", js: "websocket (ECHO_URL)" } : { py: "WebSocket(ECHO_URL)", js: "WebSocket (ECHO_URL)" };
  const data = s.binary ? { py: "Uint8Array([1, 2, 3])", js: "bytes ([1, 2, 3])" } : str("ping");
  const handlers = join(...[0, 1, 2].map((i) => def(`h${i}`, "evt", stmt(`show("h${i}", evt)`, `show ('h${i}', evt);`))));
  const driver = join(
    def("driver_open", "evt", join(stmt('print("== open")', "print ('== open');"), ...s.opened.map(renderProbe), stmt(`ws.send(${data.py})`, `ws.send (${data.js});`))),
    def("driver_message", "evt", join(stmt('print("== message")', "print ('== message');"), stmt('ws.close(4000, "bye")', "ws.close (4000, 'bye');"))),
    def(
      "driver_close",
      "evt",
      join(stmt('print("== close")', "print ('== close');"), ...s.late.map(renderProbe), stmt('print("peer_of calls", calls[0])', "print ('peer_of calls', calls [0]);")),
    ),
    // Added after the setup, so that each runs after every handler the program set up for its event.
    ...(["open", "message", "close"] as const).map((e) => stmt(`ws.addEventListener("${e}", driver_${e})`, `ws.addEventListener ('${e}', driver_${e});`)),
  );
  const main = join(
    stmt(`ws = ${make.py}`, `var ws = ${make.js};`),
    stmt("socks = [ws]", "var socks = [ws];"),
    stmt('index = {"x": ws}', "var index = dict ({'x': ws});"),
    def("sock_of", "", stmt("return ws", "return ws;")),
    handlers,
    ...s.setup.map((o) => renderOp(o, s.setup)),
    ...s.early.map(renderProbe),
    driver,
  );
  const program = join(
    code(
      [
        "# A generated program (test/support/fuzz/shapes-render.ts).",
        `from helper import ${HELPER_NAMES.join(", ")}`,
        ...(s.api === "module" ? ["from browser.websocket import WebSocket"] : []),
        "",
        "",
      ],
      [
        "// Transcrypt'ed from Python (the form Transcrypt 3.9.5 writes for the generated program.py)",
        TRANSCRYPT_RUNTIME_IMPORT,
        `import {${HELPER_NAMES.join(", ")}} from './helper.js';`,
        ...(s.api === "module" ? ["import {WebSocket} from './browser.websocket.js';"] : []),
        "var __name__ = '__main__';",
      ],
    ),
    PEER,
    code(["", ""], []),
    show(s.binary),
    code(["", ""], []),
    TOP,
    code(["", ""], []),
    code(["def main():"], ["export var main = function () {"]),
    indent(main),
    code([], ["};"]),
    code(["", ""], []),
    stmt("main()", "main ();"),
  );
  return {
    pyj: { "program.pyj": program.py.join("\n") + "\n", "helper.pyj": helperPy(s.binary) },
    transcrypt: { "program.js": program.js.join("\n") + "\n", "helper.js": helperJs(s.binary) },
  };
}
