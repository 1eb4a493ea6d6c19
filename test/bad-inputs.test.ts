// The bad-input matrix, under Babel 7 and 8: every input ends either in one clear error with a code frame at the
// right place (and no output), or in correct output (it parses, a second run changes nothing, no API site is left
// half-rewritten) — never in something in between. Valid Python that will raise when it runs builds, with one warning
// at the call (none for `*args`); a strict build (raisingCalls "error") fails there instead.
import { jest } from "@jest/globals";
import plugin from "../src/index.js";
import { BABEL_CORES, type BabelCore } from "./support/babel-cores.js";
import { leftovers, parse, transformWithAst } from "./support/fuzz/check.js";
import { plain, transform } from "./support/transform.js";

type SourceType = "module" | "script";

interface Outcome {
  error?: Error & { code?: string; loc?: unknown };
  code?: string;
}

function attempt(
  core: BabelCore,
  code: string,
  pluginOptions: Record<string, unknown> = {},
  sourceType: SourceType = "module",
): Outcome {
  let result: ReturnType<typeof transformWithAst>;
  try {
    result = transformWithAst(core, plugin, code, sourceType, pluginOptions);
  } catch (error) {
    // Throwing means no output at all: transformSync hands nothing back.
    return { error: error as Outcome["error"] };
  }
  // Success means correct output: it parses, is final, and has no API site half-rewritten.
  parse(core, result.code, sourceType);
  expect(transform(core, result.code, { sourceType, pluginOptions })).toBe(result.code);
  expect(leftovers(core, result.ast)).toEqual([]);
  return { code: result.code };
}

/** The error's message, with its code frame's `>` marker on `line`, mentioning `message` exactly once. */
function expectOneClearError(outcome: Outcome, message: string, line: number): void {
  expect(outcome.code).toBeUndefined();
  const text = outcome.error?.message ?? "";
  expect(text.split(message).length - 1).toBe(1);
  const marked = text.split("\n").filter((l) => /^> *\d+ \|/.test(l));
  expect(marked).toHaveLength(1);
  expect(marked[0]).toMatch(new RegExp(`^> *${line} \\|`));
}

/** The string values of every string literal in the code, in order (what a printer must keep, whatever the quoting). */
function strings(core: BabelCore, code: string): string[] {
  const values: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== "object") return;
    const n = node as Record<string, unknown>;
    if (n.type === "StringLiteral") values.push(n.value as string);
    for (const [key, child] of Object.entries(n)) if (key !== "loc" && key !== "extra") visit(child);
  };
  visit(parse(core, code, "module").program);
  return values;
}

// ---------- the matrix ----------

/** Calls that will raise when they run: [name, code, message, line of the call]. A valid call precedes each one. */
const RAISING_CALLS: Array<[string, string, string, number]> = [
  ["no arguments", "ws = websocket();", "websocket() missing required argument 'host'", 2],
  ["three positional arguments", "ws = websocket(url, protos, 3);", "websocket() takes at most 2 arguments (3 given)", 2],
  ["Transcrypt: unknown keyword", "ws = websocket(url, __kwargtrans__({timeout: 5}));", "websocket() got an unexpected keyword argument 'timeout'", 2],
  ["Transcrypt: host twice", "ws = websocket(url, __kwargtrans__({host: other}));", "websocket() got multiple values for argument 'host'", 2],
  ["Transcrypt: url and host", "ws = websocket(__kwargtrans__({url: a, host: b}));", "websocket() got multiple values for argument 'host'", 2],
  ["Transcrypt: protocols twice", "ws = websocket(url, p, __kwargtrans__({protocols: q}));", "websocket() got multiple values for argument 'protocols'", 2],
  ["Transcrypt: keywords but no url", "ws = websocket(__kwargtrans__({protocols: ['chat']}));", "websocket() missing required argument 'host'", 2],
  ["Transcrypt: too many before keywords", "ws = websocket(a, b, c, __kwargtrans__({}));", "websocket() takes at most 2 arguments (3 given)", 2],
  [
    "RapydScript-ng: unknown keyword",
    "ws = ρσ_interpolate_kwargs.call(this, websocket, [ρσ_desugar_kwargs({timeout: 5})]);",
    "websocket() got an unexpected keyword argument 'timeout'",
    2,
  ],
  [
    "RapydScript-ng: host twice",
    "ws = ρσ_interpolate_kwargs.call(this, websocket, [url].concat([ρσ_desugar_kwargs({host: other})]));",
    "websocket() got multiple values for argument 'host'",
    2,
  ],
  [
    "RapydScript-ng: too many positional",
    "ws = ρσ_interpolate_kwargs.call(this, websocket, [a, b, c].concat([ρσ_desugar_kwargs({})]));",
    "websocket() takes at most 2 arguments (3 given)",
    2,
  ],
  [
    "RapydScript-ng: keywords but no url",
    "ws = ρσ_interpolate_kwargs.call(this, websocket, [ρσ_desugar_kwargs({protocols: ['chat']})]);",
    "websocket() missing required argument 'host'",
    2,
  ],
  ["url: other scheme", 'ws = websocket("ftp://example.org/");', '`websocket` url "ftp://example.org/" must use ws: or wss: (or http:, https:), not ftp:', 2],
  ["url: javascript:", 'ws = websocket("javascript:alert(1)");', "must use ws: or wss: (or http:, https:), not javascript:", 2],
  ["url: fragment", 'ws = websocket("wss://example.org/#room");', "must not have a fragment (#...)", 2],
  ["url: unparsable host", 'ws = websocket("wss://exa mple.org");', '`websocket` url "wss://exa mple.org" is not a valid URL', 2],
  ["url: unclosed IPv6", 'ws = websocket("ws://[::1");', "is not a valid URL", 2],
  ["url keyword: bad scheme", 'ws = websocket(__kwargtrans__({url: "file:///etc/passwd"}));', "must use ws: or wss: (or http:, https:), not file:", 2],
  ["protocol: space", 'ws = websocket(url, "my chat");', '`websocket` protocol "my chat" is not a valid protocol name', 2],
  ["protocol: empty", 'ws = websocket(url, ["chat", ""]);', '`websocket` protocol "" is not a valid protocol name', 2],
  ["protocol: non-ASCII", 'ws = websocket(url, "chät");', '`websocket` protocol "chät" is not a valid protocol name', 2],
  ["protocol: comma", 'ws = websocket(url, ["a,b"]);', '`websocket` protocol "a,b" is not a valid protocol name', 2],
  ["protocol: twice", 'ws = websocket(url, ["chat", "chat"]);', '`websocket` protocol "chat" is given twice', 2],
  [
    "RapydScript-ng protocol keyword: twice",
    'ws = ρσ_interpolate_kwargs.call(this, websocket, [url].concat([ρσ_desugar_kwargs({protocols: ["x", "x"]})]));',
    '`websocket` protocol "x" is given twice',
    2,
  ],
];

/** `__BRYTHON__` used other than as `__BRYTHON__.has_websocket` (read). */
const INVALID_BRYTHON: Array<[string, string]> = [
  ["the bare name", "x = __BRYTHON__;"],
  ["another attribute", "x = __BRYTHON__.version;"],
  ["another attribute, string-keyed", 'x = __BRYTHON__["has_sockets"];'],
  ["the flag written", "__BRYTHON__.has_websocket = true;"],
  ["the flag incremented", "__BRYTHON__.has_websocket++;"],
  ["the flag deleted", "delete __BRYTHON__.has_websocket;"],
  ["passed as a value", "f(__BRYTHON__);"],
  ["a computed attribute", "x = __BRYTHON__[name];"],
];

const PREFIX = 'var first = websocket("wss://example.org/ok");\n';
const SUFFIX = "\nfirst.on_open = opened;\nfirst.send('hi');\n";

describe.each(BABEL_CORES)("%s", (_label, core) => {
  let warn: jest.SpiedFunction<typeof console.warn>;
  beforeEach(() => {
    warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  /** One warning, with its code frame's `>` marker on `line`, mentioning `message` exactly once. */
  const expectOneWarning = (message: string, line: number): void => {
    expect(warn).toHaveBeenCalledTimes(1);
    const text = plain(String(warn.mock.calls[0]![0]));
    expect(text.startsWith("babel-plugin-python-websocket: warning: ")).toBe(true);
    expect(text.split(message).length - 1).toBe(1);
    expect(text.split("\n").filter((l) => /^> *\d+ \|/.test(l))).toEqual([expect.stringMatching(new RegExp(`^> *${line} \\|`))]);
    warn.mockClear();
  };

  describe("calls that will raise when they run: they build, with one warning at the call; a strict build fails there", () => {
    test.each(RAISING_CALLS)("%s", (_name, call, message, line) => {
      expect(attempt(core, PREFIX + call + SUFFIX).code).toBeDefined();
      expectOneWarning(message, line);
      expectOneClearError(attempt(core, PREFIX + call + SUFFIX, { raisingCalls: "error" }), message, line);
      expect(attempt(core, PREFIX + call + SUFFIX, { raisingCalls: "off" }).code).toBeDefined();
      // Alone in a classic script (RapydScript-ng's IIFE, the runtime inlined) it is the same.
      expect(attempt(core, `(function () {\n${call}\n})();`, {}, "script").code).toBeDefined();
      expectOneWarning(message, 2);
      expectOneClearError(attempt(core, `(function () {\n${call}\n})();`, { raisingCalls: "error" }, "script"), message, 2);
      expect(warn).not.toHaveBeenCalled();
    });
  });

  test.each([
    ["spread argument", "ws = websocket(...args);"],
    ["spread after the url", "ws = websocket(url, ...more);"],
    ["RapydScript-ng *args (websocket.apply)", "ws = websocket.apply(this, args);"],
  ])("%s: bound when it runs, without a word, even in a strict build", (_name, call) => {
    const { code } = attempt(core, PREFIX + call + SUFFIX, { raisingCalls: "error" });
    expect(code).toContain("_pyws.websocketFunction()");
    expect(warn).not.toHaveBeenCalled();
  });

  describe("__BRYTHON__ other than the flag read: one error at that use, whatever raisingCalls says", () => {
    test.each(INVALID_BRYTHON)("%s", (_name, code) => {
      for (const raisingCalls of ["warn", "off"]) {
        expectOneClearError(attempt(core, PREFIX + code + SUFFIX, { raisingCalls }), "`__BRYTHON__` is only supported as `__BRYTHON__.has_websocket` (read)", 2);
      }
    });
  });

  test('a misspelt handler on a socket with unknownHandlers "error": one error at it; "warn" and "off" build', () => {
    const code = PREFIX + "first.on_mesage = got;" + SUFFIX;
    expectOneClearError(attempt(core, code, { unknownHandlers: "error" }), "`on_mesage` is not a WebSocket handler: did you mean on_message?", 2);
    expect(attempt(core, code, { unknownHandlers: "warn" }).code).toContain("first.on_mesage = got;");
    expect(warn).toHaveBeenCalledTimes(1);
    expect(attempt(core, code, { unknownHandlers: "off" }).code).toContain("first.on_mesage = got;");
    expect(warn).toHaveBeenCalledTimes(1);
  });

  test("in a strict build, the first bad site is the one reported, wherever the valid sites are; else each is, in order", () => {
    const code = 'function a() { ws.on_open = f; }\nfunction b() { return websocket("ftp://x/"); }\nfunction c() { return websocket(); }\n';
    expectOneClearError(attempt(core, code, { raisingCalls: "error" }), "`websocket` url \"ftp://x/\" must use ws: or wss:", 2);
    attempt(core, code);
    const messages = warn.mock.calls.map(([message]) => plain(String(message)));
    expect(messages).toHaveLength(2);
    expect(messages[0]).toContain('`websocket` url "ftp://x/" must use ws: or wss:');
    expect(messages[1]).toContain("websocket() missing required argument 'host'");
  });

  describe("invalid or unknown options: one error naming the option, even for files that do not use the API", () => {
    const OPTIONS: Array<[string, Record<string, unknown>, string]> = [
      ["unknown option, misspelt", { runtimeModul: "x" }, 'unknown option "runtimeModul". Did you mean "runtimeModule"? The options are "runtime", "runtimeModule", "unknownHandlers", "raisingCalls".'],
      ["unknown option (case)", { Runtime: "inline" }, 'unknown option "Runtime". Did you mean "runtime"?'],
      ["unknown option (underscores)", { unknown_handlers: "off" }, 'unknown option "unknown_handlers". Did you mean "unknownHandlers"?'],
      ["unknown option, like none", { sourceType: "script" }, 'unknown option "sourceType". The options are "runtime", "runtimeModule", "unknownHandlers", "raisingCalls".'],
      ["runtime: unknown value", { runtime: "cdn" }, 'option "runtime" must be one of "auto", "import", "inline", not "cdn".'],
      ["runtime: misspelt value", { runtime: "inlined" }, 'option "runtime" must be one of "auto", "import", "inline", not "inlined". Did you mean "inline"?'],
      ["runtime: wrong case", { runtime: "Inline" }, 'option "runtime" must be one of "auto", "import", "inline", not "Inline". Did you mean "inline"?'],
      ["runtime: not a string", { runtime: 1 }, 'option "runtime" must be one of "auto", "import", "inline", not 1'],
      ["runtime: null", { runtime: null }, 'option "runtime" must be one of "auto", "import", "inline", not null'],
      ["runtimeModule: empty", { runtimeModule: "" }, 'option "runtimeModule" must be a non-empty string, not ""'],
      ["runtimeModule: blank", { runtimeModule: "   " }, 'option "runtimeModule" must be a non-empty string, not "   "'],
      ["runtimeModule: not a string", { runtimeModule: 42 }, 'option "runtimeModule" must be a non-empty string, not 42'],
      ["runtimeModule: an object", { runtimeModule: { path: "x" } }, 'option "runtimeModule" must be a non-empty string, not {"path":"x"}'],
      ["unknownHandlers: unknown value", { unknownHandlers: "loud" }, 'option "unknownHandlers" must be one of "warn", "error", "off", not "loud"'],
      ["unknownHandlers: boolean", { unknownHandlers: true }, 'option "unknownHandlers" must be one of "warn", "error", "off", not true'],
      ["raisingCalls: unknown value", { raisingCalls: "strict" }, 'option "raisingCalls" must be one of "warn", "error", "off", not "strict"'],
      ["raisingCalls: misspelt value", { raisingCalls: "erorr" }, 'option "raisingCalls" must be one of "warn", "error", "off", not "erorr". Did you mean "error"?'],
      ["raisingCalls: boolean", { raisingCalls: true }, 'option "raisingCalls" must be one of "warn", "error", "off", not true'],
      ["unknown option, misspelt raisingCalls", { raisingCall: "error" }, 'unknown option "raisingCall". Did you mean "raisingCalls"?'],
    ];
    test.each(OPTIONS)("%s", (_name, options, message) => {
      for (const code of [PREFIX + SUFFIX, "var nothing = 1;"]) {
        const { error, code: output } = attempt(core, code, options);
        expect(output).toBeUndefined();
        expect(error?.message).toContain(`babel-plugin-python-websocket: ${message}`);
        expect(error?.message.split("babel-plugin-python-websocket:").length).toBe(2);
      }
    });

    test("options that are not an object are refused (by Babel first; by the plugin when called directly)", () => {
      for (const options of [null, "inline", ["runtime"], 5, true]) {
        expect(() => core.transformSync("var a = 1;", { babelrc: false, configFile: false, plugins: [[plugin, options]] })).toThrow(
          /must be an object, false, or undefined/,
        );
      }
      const api = { assertVersion: () => undefined, types: {}, template: {} };
      expect(() => plugin(api, "inline" as never)).toThrow('babel-plugin-python-websocket: options must be an object, not "inline"');
      expect(() => plugin(api, ["inline"] as never)).toThrow('babel-plugin-python-websocket: options must be an object, not ["inline"]');
    });
  });

  describe("syntax errors: Babel's own error, unchanged by the plugin", () => {
    const SYNTAX: Array<[string, string, SourceType]> = [
      ["a handler assigned nothing", "ws = websocket(url);\nws.on_open = ;", "module"],
      ["an unclosed call", 'ws = websocket("wss://x";\n', "module"],
      ["an unterminated string", 'ws = websocket("wss://x);\n', "module"],
      ["a bad handler name", "ws.on_é^ = f;", "module"],
      ["an import in a classic script", 'import x from "y";\nws = websocket(url);', "script"],
      ["return at the top of a module", "return websocket(url);", "module"],
      ["a stray brace after API code", "ws.on_message = f;\n}", "module"],
      ["a keyword as a name", "var new = websocket(url);", "module"],
      ["let declared twice", "let ws = websocket(a);\nlet ws = websocket(b);", "module"],
      ["delete of a name in strict code", '"use strict";\ndelete websocket;', "script"],
    ];
    test.each(SYNTAX)("%s", (_name, code, sourceType) => {
      const withPlugin = attempt(core, code, {}, sourceType).error;
      let without: Error | undefined;
      try {
        transform(core, code, { sourceType, withoutPlugin: true });
      } catch (error) {
        without = error as Error;
      }
      expect(without).toBeDefined();
      expect(withPlugin?.message).toBe(without?.message);
      expect((withPlugin as { code?: string }).code).toBe((without as { code?: string }).code);
      expect((withPlugin as { loc?: unknown }).loc).toEqual((without as { loc?: unknown }).loc);
      expect(withPlugin?.message).toMatch(/> *\d+ \|/);
    });
  });

  describe("computed and string-keyed handler names", () => {
    test('`ws["on_open"] = f` is a handler, like `ws.on_open = f`; so is `delete ws["on_message"]`', () => {
      const { code } = attempt(core, 'function f(url) {\n  var ws = websocket(url);\n  ws["on_open"] = opened;\n  log();\n  ws["on_close"] = closed;\n  delete other["on_message"];\n}\n');
      expect(code).toContain('ws.addEventListener("open", ws["on_open"] = opened);');
      expect(code).toContain('_pyws.setHandler(ws, "on_close", closed);');
      expect(code).toContain('_pyws.deleteHandler(other, "on_message");');
    });

    test("single quotes and escapes in the key name the same handler", () => {
      const { code } = attempt(core, "function f(u) {\n  var other = websocket(u);\n  log();\n  other['on_message'] = a;\n  other[\"on\\x5fopen\"] = b;\n  other.on\\u005fclose = c;\n}\n");
      expect(code).toContain('_pyws.setHandler(other, "on_message", a);');
      expect(code).toContain('_pyws.setHandler(other, "on_open", b);');
      expect(code).toContain('_pyws.setHandler(other, "on_close", c);');
    });

    test("names known only at run time are left as written: the socket is then of the runtime's class, whose accessors take them", () => {
      const dynamic = ["ws[name] = f;", 'ws["on_" + kind] = f;', "ws[`on_open`] = f;", "ws[handlers[0]] = f;", "delete ws[name];", "ws[0] = f;"];
      const { code } = attempt(core, `ws = websocket(url);\n${dynamic.join("\n")}\n`);
      const plain = transform(core, dynamic.join("\n"), { withoutPlugin: true });
      expect(code).toContain(plain);
      expect(code).not.toContain("setHandler");
      expect(code).not.toContain("deleteHandler");
      expect(code).toContain("ws = _pyws.websocket(url);");
    });
  });

  describe("odd property names and strings are emitted safely", () => {
    const ODD = [
      'obj["on-open"] = f;',
      'obj["é"] = f;',
      'obj["on_é"] = f;',
      'obj["it\'s"] = f;',
      "obj['say \"hi\"'] = f;",
      'obj["back\\\\slash"] = f;',
      'obj["line\\nbreak"] = f;',
      'obj["\\u2028"] = f;',
      'obj["☃"] = f;',
      'obj["𝒳"] = f;',
      'obj[""] = f;',
      'obj["on_open "] = f;',
      'obj["ON_OPEN"] = f;',
    ];

    test("non-handler keys, in a file that uses the API, come out as Babel prints them", () => {
      const { code } = attempt(core, `ws = websocket(url);\n${ODD.join("\n")}\n`);
      expect(code).toContain(transform(core, ODD.join("\n"), { withoutPlugin: true }));
    });

    test("the string values in the output are those of the input (urls, protocols, keys), whatever the quoting", () => {
      const input = [
        'ws = websocket("wss://example.org/it\'s \\"q\\" \\u2028 é");',
        "other = websocket('ws://ünïcode.example/ça?x=☃', ['chat', 'v1.2']);",
        'third = websocket(__kwargtrans__({"url": "wss://x/𝒳", "protocols": "p"}));',
        'ws["on_message"] = got;',
        ...ODD,
      ].join("\n");
      const { code } = attempt(core, input);
      const out = strings(core, code!);
      // Transcrypt's keyword names are folded into the call's arguments: every other string is kept.
      for (const value of strings(core, input).filter((v) => v !== "url" && v !== "protocols")) expect(out).toContain(value);
      // Each url reaches the socket's constructor as the very string the program wrote.
      expect(code).toContain("_pyws.websocket(\"wss://example.org/it's \\\"q\\\" \\u2028 é\")");
    });

    test("a misspelt handler's warning quotes odd names as written", () => {
      attempt(core, 'ws = websocket(url);\nws["on_mésage"] = f;\n');
      // on_mésage is not handler-like (not ASCII letters): no warning, a plain assignment.
      expect(warn).not.toHaveBeenCalled();
      attempt(core, 'ws = websocket(url);\nws["onmessage"] = f;\n');
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]![0])).toMatch(/> +2 \| ws\["onmessage"\] = f;/);
    });
  });
});
