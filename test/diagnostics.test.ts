// Build-time messages: misspelt handlers reported as the unknownHandlers option says, calls that will raise when they
// run as raisingCalls says (a warning; a build error in a strict build; nothing where the Python line says
// `# pyws: ignore`), in Python's type names; every warning says it is one, names the plugin and the file; and where
// the input has a source map (Transcrypt's .map, RapydScript-ng's --source-map), errors and warnings point at the
// line and column of the Python source the user wrote.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { jest } from "@jest/globals";
import plugin from "../src/index.js";
import { BABEL_CORES } from "./support/babel-cores.js";
import { type Built, rapydscriptBuilt, transcryptBuilt } from "./support/built-program.js";
import { RAPYDSCRIPT } from "./support/programs.js";
import { plain, thrownMessage, transform } from "./support/transform.js";

const MISSPELT = `function connect(url, show) {
  var ws = websocket(url);
  ws.on_mesage = show;
  ws.onclose = show;
  self.ws = websocket(url);
  self.ws.on_opne = show;
}
function elsewhere(ws, show) {
  ws.on_mesage = show;
}
`;

const PROGRAMS = fileURLToPath(new URL("../fixtures/diagnostics", import.meta.url));

let warn: jest.SpiedFunction<typeof console.warn>;
beforeEach(() => {
  warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
});
afterEach(() => warn.mockRestore());
const warnings = (): string[] => warn.mock.calls.map(([message]) => plain(String(message)));

describe.each(BABEL_CORES)("%s", (_label, core) => {
  test('"warn" (the default) reports each misspelt handler on a provable socket, and builds', () => {
    const output = transform(core, MISSPELT);
    const messages = warnings();
    expect(messages).toHaveLength(3);
    expect(messages[0]).toContain("`on_mesage` is not a WebSocket handler: did you mean on_message?");
    expect(messages[0]).toMatch(/> +3 \| +ws\.on_mesage = show;/);
    expect(messages[1]).toContain("`onclose` is not a WebSocket handler: did you mean on_close?");
    expect(messages[2]).toContain("`on_opne` is not a WebSocket handler: did you mean on_open?");
    // The attribute stays a plain assignment: the build's output is otherwise unaffected.
    expect(output).toContain("ws.on_mesage = show;");
  });

  test("a warning says it is one, names the plugin, and the file and place it is in", () => {
    core.transformSync(MISSPELT, { babelrc: false, configFile: false, filename: join(process.cwd(), "src/chat.js"), plugins: [plugin] });
    const [first] = warnings();
    expect(first!.split("\n")[0]).toBe(
      "babel-plugin-python-websocket: warning: `on_mesage` is not a WebSocket handler: did you mean on_message? " +
        '(the handlers are on_open, on_error, on_message, on_close; set the option unknownHandlers to "off" if this attribute is yours)',
    );
    expect(first!.split("\n")[1]).toBe("  --> src/chat.js:3:3");
  });

  test('"off" says nothing', () => {
    transform(core, MISSPELT, { pluginOptions: { unknownHandlers: "off" } });
    expect(warn).not.toHaveBeenCalled();
  });

  test("an object not known to be a socket may have such attributes", () => {
    transform(core, "ws = websocket('wss://x');\nfunction f(door) { door.on_knock = 1; }\n");
    expect(warn).not.toHaveBeenCalled();
  });

  test("a misspelt event in a literal bind on a socket is reported as a misspelt handler is, with a suggestion", () => {
    const bindings = "import * as websocket from './browser.websocket.js';\nvar ws = websocket.WebSocket(u);\nws.bind('mesage', f);\nws.unbind('Close');\n";
    transform(core, bindings);
    const messages = warnings();
    expect(messages).toHaveLength(2);
    expect(messages[0]).toContain('babel-plugin-python-websocket: warning: "mesage" is not a WebSocket event: did you mean "message"?');
    expect(messages[1]).toContain('"Close" is not a WebSocket event: did you mean "close"?');
    expect(thrownMessage(() => transform(core, bindings, { pluginOptions: { unknownHandlers: "error" } }))).toContain('"mesage" is not a WebSocket event');
    // On an object not known to be a socket, an event of its own.
    transform(core, "import * as websocket from './browser.websocket.js';\nfunction f(button, g) { button.bind('click', g); }\n");
    expect(warnings()).toHaveLength(2);
  });

  test("an attribute of self made a socket in one method is a socket in the others", () => {
    transform(core, "function open(self) { self.ws = websocket(u); }\nfunction on(self, f) { self.ws.on_mesage = f; }\n");
    expect(warnings()).toHaveLength(1);
    const stop = "function open(self) { self.ws = websocket(u); }\nfunction stop(self) { self.ws.close(999); }\n";
    // The socket is of the runtime's class, whose own close raises the ValueError.
    expect(transform(core, stop)).toMatch(/self\.ws = _pyws\.websocket\(u\);[^]*self\.ws\.close\(999\);/);
    expect(warnings()[1]).toContain("close(): code must be 1000 or in 3000..4999, not 999");
  });

  test("a call that will raise when it runs: a warning that says which exception; built to raise it; a strict build fails", () => {
    // A socket that stays in its function's variable is native: the runtime's checked send raises it.
    const code = "function f(u) {\n  var ws = websocket(u);\n  ws.send(42);\n}\n";
    const output = transform(core, code);
    expect(warnings()).toEqual([
      expect.stringMatching(
        /^babel-plugin-python-websocket: warning: this call raises TypeError when it runs: send\(\) takes str or bytes, not int \(`# pyws: ignore` on its line silences this\)\n/,
      ),
    ]);
    expect(warnings()[0]).toMatch(/> +3 \| +ws\.send\(42\);/);
    expect(output).toContain("_pyws.send(ws, 42);");
    expect(thrownMessage(() => transform(core, code, { pluginOptions: { raisingCalls: "error" } }))).toContain(
      "this call raises TypeError when it runs: send() takes str or bytes, not int",
    );
    transform(core, code, { pluginOptions: { raisingCalls: "off" } });
    expect(warnings()).toHaveLength(1);
  });

  test("the raisingCalls option leaves misspelt handlers to unknownHandlers, and the other way round", () => {
    const code = "var ws = websocket(u);\nws.on_mesage = f;\nws.close(999);\n";
    expect(thrownMessage(() => transform(core, code, { pluginOptions: { raisingCalls: "error" } }))).toContain("close(): code must be 1000");
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toContain("`on_mesage` is not a WebSocket handler");
    expect(thrownMessage(() => transform(core, code, { pluginOptions: { unknownHandlers: "error" } }))).toContain("`on_mesage` is not a WebSocket handler");
    transform(core, code, { pluginOptions: { unknownHandlers: "off", raisingCalls: "off" } });
    expect(warnings()).toHaveLength(1);
  });

  test.each([
    // Transcrypt's and RapydScript-ng's JavaScript for a Python literal, and the type Python names.
    ["42", "int"],
    ["-(1)", "int"],
    ["-1", "int"],
    ["0x10", "int"],
    ["4.5", "float"],
    ["1000.0", "float"],
    ["1e3", "float"],
    ["true", "bool"],
    ["null", "NoneType"],
    ["tuple([nick, text])", "tuple"],
    ["[1, 2]", "list"],
    ["dict({'a': 1})", "dict"],
    ["{}", "dict"],
  ])("send(%s): the message names Python's type, %s", (literal, type) => {
    transform(core, `var ws = websocket(u);\nws.send(${literal});\n`);
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toContain(`send() takes str or bytes, not ${type} (`);
  });

  test("what is not a literal of the wrong type is left to the runtime, without a word", () => {
    transform(core, "var ws = websocket(u);\nws.send('hi');\nws.send(bytes('x'));\nws.send(data);\nws.close(1000.0);\nws.close(4000, 'bye');\nfunction f(tuple) { ws.send(tuple([1])); }\n");
    expect(warnings()).toEqual([]);
  });

  test("close and bind: the runtime's checks, in its order, with Python's type names", () => {
    const cases: Array<[string, string]> = [
      ["ws.close('1000')", "this call raises TypeError when it runs: close() code must be an int, not str"],
      ["ws.close(1000, 42)", "this call raises TypeError when it runs: close() reason must be a str, not int"],
      ["ws.close(null, 'bye')", "this call raises ValueError when it runs: close(): a reason needs a code"],
      ["ws.close(-(5))", "this call raises ValueError when it runs: close(): code must be 1000 or in 3000..4999, not -5"],
      ["ws.close(4.5)", "this call raises ValueError when it runs: close(): code must be 1000 or in 3000..4999, not 4.5"],
      [`ws.close(1000, "${"é".repeat(62)}")`, "this call raises ValueError when it runs: close(): reason must be at most 123 bytes of UTF-8"],
      ["ws.bind('open', null)", "this call raises TypeError when it runs: bind() handler must be callable, not NoneType"],
      ["ws.bind('open', 'f')", "this call raises TypeError when it runs: bind() handler must be callable, not str"],
    ];
    for (const [call, message] of cases) {
      const output = transform(core, `function f(u) {\n  var ws = websocket(u);\n  ${call};\n}\n`);
      // Through the runtime's checks, which raise it.
      expect(output).toMatch(/_pyws\.(close|bind)\(ws, /);
      expect(warnings().at(-1)).toContain(message);
    }
    expect(warnings()).toHaveLength(cases.length);
  });
});
/** A program of fixtures/diagnostics as each transpiler leaves it. */
const transcrypt = (name: string): Built => transcryptBuilt(join(PROGRAMS, name));
const rapydscript = (name: string): Built => rapydscriptBuilt(join(PROGRAMS, name));

/** `file:line:column` of the first line of `python` that holds `token` outside a comment, at the token (1-based). */
function placeOf(python: string, token: string): string {
  const lines = readFileSync(python, "utf8").split("\n");
  const index = lines.findIndex((line) => !line.trimStart().startsWith("#") && line.includes(token));
  return `${python}:${index + 1}:${lines[index]!.indexOf(token) + 1}`;
}

describe.each(BABEL_CORES)("%s, with the input's source map", (_label, core) => {
  describe.each([
    ["Transcrypt", transcrypt],
    ["RapydScript-ng", rapydscript],
  ] as const)("%s", (_dialect, build) => {
    // Babel 8 loads an input map only when it makes source maps; the plugin reads the file's own then.
    describe.each([false, true])("sourceMaps: %s", (sourceMaps) => {
      const run = (built: Built, pluginOptions = {}) =>
        core.transformSync(readFileSync(built.generated, "utf8"), {
          babelrc: false,
          configFile: false,
          filename: built.generated,
          sourceMaps,
          plugins: [[plugin, pluginOptions]],
        });

      let built: Built | undefined;
      afterEach(() => built && rmSync(built.dir, { recursive: true, force: true }));

      test("a warning points at the .py line and column, and shows that line", () => {
        built = build("misspelt-handler");
        run(built);
        const [message] = warnings();
        const place = placeOf(built.python, "on_mesage");
        expect(message).toContain(`\n  --> ${place}\n`);
        expect(message).toContain(`\n  --> ${built.generated}:`);
        const line = readFileSync(built.python, "utf8").split("\n")[Number(place.split(":").at(-2)) - 1];
        expect(message).toContain(`| ${line}\n`);
      });

      test.each([
        ["refused-close-code", "close(999)", "this call raises ValueError when it runs: close(): code must be 1000 or in 3000..4999, not 999"],
        ["websocket-without-url", "websocket()", "this call raises TypeError when it runs: websocket() missing required argument 'host'"],
      ])("%s: a warning at the .py line and column; a strict build's error names the generated file, then the same", (name, token, text) => {
        built = build(name);
        run(built);
        const [warning] = warnings();
        expect(warnings()).toHaveLength(1);
        expect(warning).toContain(`babel-plugin-python-websocket: warning: ${text}`);
        expect(warning).toContain(`\n  --> ${placeOf(built.python, token)}\n`);
        const message = thrownMessage(() => run(built!, { raisingCalls: "error" }));
        expect(message.startsWith(`${built.generated}: ${text}`)).toBe(true);
        expect(message).toContain(`\n  --> ${placeOf(built.python, token)}\n`);
      });

      test("`# pyws: ignore` on the Python line silences that line's finding, and only it", () => {
        built = build("raising-calls");
        run(built);
        // Not the close, the tuple sent, nor the misspelt handler: their lines say `# pyws: ignore`.
        expect(warnings()).toHaveLength(1);
        expect(warnings()[0]).toContain("send() takes str or bytes, not int");
        expect(warnings()[0]).toContain(`\n  --> ${placeOf(built.python, "send(42)")}\n`);
        const message = thrownMessage(() => run(built!, { raisingCalls: "error" }));
        expect(message).toContain("send() takes str or bytes, not int");
      });

      test("a strict build of a program whose every raising call says `# pyws: ignore` builds, and the calls still raise", () => {
        built = build("silenced");
        const output = run(built, { raisingCalls: "error" })!.code!;
        expect(warnings()).toEqual([]);
        expect(output).toContain("_pyws.close(ws, 999)");
        expect(output).toMatch(/_pyws\.bind\(ws, ['"]close['"], null\)/);
        expect(output).toContain("_pyws.websocketFunction()()");
      });
    });
  });
});

/** The e2e program that raises on purpose, in each dialect, laid out with its source map in a temp folder. */
const RAISING = fileURLToPath(new URL("../fixtures/e2e/module-raising-calls", import.meta.url));
const PACKAGE_MODULES = fileURLToPath(new URL("../python", import.meta.url));

function raisingProgram(dialect: "py" | "pyj"): Built {
  const dir = mkdtempSync(join(tmpdir(), "python-websocket-diagnostics-"));
  if (dialect === "py") {
    for (const file of ["program.py", "program.js", "program.map"]) copyFileSync(join(RAISING, file), join(dir, file));
    return { dir, python: join(dir, "program.py"), generated: join(dir, "program.js") };
  }
  copyFileSync(join(RAISING, "program.pyj"), join(dir, "program.pyj"));
  mkdirSync(join(dir, "cache"));
  const args = ["compile", "-p", PACKAGE_MODULES, "-C", "cache", "program.pyj", "--output", "program.js", "--source-map", "program.js.map"];
  execFileSync(process.execPath, [RAPYDSCRIPT, ...args], { cwd: dir });
  return { dir, python: join(dir, "program.pyj"), generated: join(dir, "program.js") };
}

describe.each(BABEL_CORES)("%s: fixtures/e2e/module-raising-calls, which catches what its calls raise", (_label, core) => {
  // What each warning's Python line holds, in order; RapydScript-ng drops unknown keywords itself (no timeout=5).
  const CALLS = {
    py: ["websocket()", '"chat", 5', "timeout=5", "ftp://", 'close(1001, "going")', "send(42)", "send((1, 2))", 'bind("message", None)', "send(42)"],
    pyj: ["websocket()", '"chat", 5', "ftp://", 'close(1001, "going")', "send(42)", "send((1, 2))", 'bind("message", None)', "send(42)"],
  };
  let built: Built | undefined;
  afterEach(() => built && rmSync(built.dir, { recursive: true, force: true }));

  test.each(["py", "pyj"] as const)("program.%s builds with warnings only, one at each line that raises on purpose", (dialect) => {
    built = raisingProgram(dialect);
    const code = readFileSync(built.generated, "utf8");
    expect(core.transformSync(code, { babelrc: false, configFile: false, filename: built.generated, plugins: [plugin] })?.code).toBeTruthy();
    const lines = readFileSync(built.python, "utf8").split("\n");
    const places = warnings().map((message) => {
      const place = new RegExp(`\\n  --> ${built!.python.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:(\\d+):\\d+\\n`).exec(message);
      expect(place).not.toBeNull();
      return lines[Number(place![1]) - 1]!;
    });
    expect(places).toHaveLength(CALLS[dialect].length);
    CALLS[dialect].forEach((call, index) => expect(places[index]).toContain(call));
  });
});
