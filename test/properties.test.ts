// Property-based tests of the transform (fast-check), under Babel 7 and 8, over generated programs that mix
// Brython's WebSocket API, in Transcrypt's and RapydScript-ng's shapes, with unrelated code and with bindings of
// the API's names at every kind of scope (test/support/fuzz/programs.ts).
//
// FUZZ_RUNS sets the number of generated programs per property and Babel major (default 200): each run checks
// 4 × FUZZ_RUNS programs. Measured on a 2-core machine: 200 take ~20 s, 1,000 ~90 s, so 10,000 ~15 min.
// FUZZ_SEED replays a run (fast-check prints the seed and the shrunk counterexample of a failure).
//
// The behaviour properties (test/support/fuzz/shapes.ts) run what they generate: programs that hand one socket to
// functions and to another module, keep it in a list and a dict, name its events and handlers at run time, read
// methods off subscripts and calls, and call what must raise; in RapydScript-ng's real output (compiled here) and in
// Transcrypt's form (two modules), run with Node's WHATWG client against a ws echo server on 127.0.0.1, and compared
// with what the contract says each handler sees and which exception each call raises. Each run starts a compiler
// and two Node processes (~6 s a run on a loaded 2-core machine), so the behaviour property takes FUZZ_RUNS / 100
// runs, at least 4: 4 by default (~25 s per Babel major), 100 in CI (~10 min per Babel major).
import { jest } from "@jest/globals";
import fc from "fast-check";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import plugin from "../src/index.js";
import { BABEL_CORES } from "./support/babel-cores.js";
import { type EchoServer, startEchoServer } from "./support/echo-server.js";
import { captures, leftovers, parse, transformWithAst } from "./support/fuzz/check.js";
import { type FuzzOptions, type Program, pluginOptions, program } from "./support/fuzz/programs.js";
import { difference, expectedRun, type Scenario, scenario } from "./support/fuzz/shapes.js";
import { render } from "./support/fuzz/shapes-render.js";
import { BUILT_RUNTIME, compileRapydScript, type Dialect, runProgram } from "./support/programs.js";
import { plain, transform } from "./support/transform.js";

function integerSetting(name: string, fallback: number | undefined, min: number): number | undefined {
  const text = process.env[name];
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer (at least ${min}), not ${JSON.stringify(text)}`);
  return value;
}

const RUNS = integerSetting("FUZZ_RUNS", 200, 1)!;
/** fast-check's seeds are 32-bit integers, negative ones included. */
const SEED = integerSetting("FUZZ_SEED", undefined, -(2 ** 31));
/** Generous (the properties run synchronously, so jest could not stop them anyway): ~60 ms a run when loaded. */
const TIMEOUT = 30_000 + RUNS * 150;

/** Runs of the behaviour property: FUZZ_RUNS / 100, at least 4 (so 4 by default, 100 in CI). */
const BEHAVIOUR_RUNS = Math.max(4, Math.ceil(RUNS / 100));
const BEHAVIOUR_TIMEOUT = 60_000 + BEHAVIOUR_RUNS * 30_000;

const apiPrograms = fc.tuple(program(true), pluginOptions);
const plainPrograms = fc.tuple(program(false), pluginOptions);

function settings(): fc.Parameters<[[Program, FuzzOptions]]> {
  return { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) };
}

/** What a failing property prints next to fast-check's counterexample. */
function explain(program: Program, options: FuzzOptions, detail: string): string {
  return `${detail}\n--- options ${JSON.stringify(options)}, sourceType ${program.sourceType}\n--- input\n${program.code}`;
}

describe.each(BABEL_CORES)("%s", (_label, core) => {
  // Misspelt handlers on sockets are printed under unknownHandlers "warn": keep the test output quiet.
  let warn: ReturnType<typeof jest.spyOn>;
  beforeEach(() => {
    warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  const options = (o: FuzzOptions): Record<string, unknown> => ({ ...o });

  // The API properties share one transform per program (the plugin's output AST, with no `loc` on the nodes it
  // made, for the scope checks; its code, run through the plugin again for idempotence, which also parses it).
  test(
    "a program using the API validly: the plugin never throws; the output parses, has no API site half-rewritten, " +
      "resolves the helper's names to the runtime and the program's to the program; a second run changes nothing",
    () => {
      fc.assert(
        fc.property(apiPrograms, ([p, o]) => {
          let output: ReturnType<typeof transformWithAst>;
          try {
            output = transformWithAst(core, plugin, p.code, p.sourceType, options(o));
          } catch (error) {
            // The one documented refusal: an inlined runtime where the file binds `globalThis` (docs/contract.md, Limits).
            if (plain((error as Error).message).includes("this file binds `globalThis`: the inlined runtime")) return;
            // A generated program that does not parse is the generator's fault, not the plugin's.
            const kind = (error as { code?: string }).code === "BABEL_PARSER_SYNTAX_ERROR" ? "the generated input does not parse" : "the plugin threw";
            throw new Error(explain(p, o, `${kind}: ${(error as Error).message}`));
          }
          let twice: string;
          try {
            twice = transform(core, output.code, { sourceType: p.sourceType, pluginOptions: options(o) });
          } catch (error) {
            throw new Error(explain(p, o, `the output does not parse (or a second run throws): ${(error as Error).message}\n--- output\n${output.code}`));
          }
          const left = leftovers(core, output.ast);
          if (left.length > 0) throw new Error(explain(p, o, `left unrewritten: ${left.join("; ")}\n--- output\n${output.code}`));
          const captured = captures(core, output.ast);
          if (captured.length > 0) throw new Error(explain(p, o, `${captured.join("\n")}\n--- output\n${output.code}`));
          if (twice !== output.code) {
            throw new Error(explain(p, o, `a second run changed the output\n--- once\n${output.code}\n--- twice\n${twice}`));
          }
        }),
        settings(),
      );
    },
    TIMEOUT,
  );

  test(
    "a program using none of the API comes out exactly as Babel prints it without the plugin",
    () => {
      fc.assert(
        fc.property(plainPrograms, ([p, o]) => {
          const withPlugin = transform(core, p.code, { sourceType: p.sourceType, pluginOptions: options(o) });
          const without = transform(core, p.code, { sourceType: p.sourceType, withoutPlugin: true });
          if (withPlugin !== without) {
            throw new Error(explain(p, o, `the plugin changed a file that does not use the API\n--- with\n${withPlugin}\n--- without\n${without}`));
          }
        }),
        settings(),
      );
    },
    TIMEOUT,
  );

});

// Behaviour: the generated program, transformed, run against a real server, prints what the contract's model says.
describe("a socket in the shapes a user writes behaves as the contract says", () => {
  let server: EchoServer;
  beforeAll(async () => {
    server = await startEchoServer();
  });
  afterAll(() => server.close());

  /** The program's output in one dialect, transformed by `core` (or, with `core` null, as the transpiler wrote it). */
  async function run(core: (typeof BABEL_CORES)[number][1] | null, s: Scenario, dialect: Dialect): Promise<string[]> {
    const files = render(s);
    const transformed = (code: string) => (core === null ? code : transform(core, code, { pluginOptions: { runtimeModule: BUILT_RUNTIME } }));
    const globals = { ECHO_URL: server.url };
    if (dialect === "transcrypt") {
      const { "program.js": main, "helper.js": helper } = files.transcrypt;
      return runProgram({ dialect, code: transformed(main), modules: { "helper.js": transformed(helper) }, websocket: true, globals });
    }
    const dir = mkdtempSync(join(tmpdir(), "python-websocket-shapes-"));
    try {
      for (const [file, text] of Object.entries(files.pyj)) writeFileSync(join(dir, file), text);
      return runProgram({ dialect, code: transformed(compileRapydScript(join(dir, "program.pyj"))), websocket: true, globals });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  function explainRun(s: Scenario, dialect: Dialect, detail: string): string {
    const files = render(s);
    // (Transcrypt's import of its runtime, one long line of names, left out.)
    const source = dialect === "transcrypt" ? files.transcrypt["program.js"].replace(/^import \{[^}]*\} from '\.\/org\.transcrypt\.__runtime__\.js';\n/m, "") : files.pyj["program.pyj"];
    return `${dialect}: ${detail}\n--- scenario ${JSON.stringify(s)}\n--- ${dialect === "transcrypt" ? "program.js" : "program.pyj"}\n${source}`;
  }

  describe.each(BABEL_CORES)("%s", (_label, core) => {
    let warn: ReturnType<typeof jest.spyOn>;
    beforeEach(() => {
      // Calls that will raise at run time may be reported at build time: the program must still build and run.
      warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    });
    afterEach(() => warn.mockRestore());

    test(
      "each handler sees the events the model says, in order; each call raises the exception it says",
      async () => {
        await fc.assert(
          fc.asyncProperty(scenario, async (s) => {
            const dialects = ["transcrypt", "rapydscript"] as const;
            const outputs = await Promise.allSettled(dialects.map((dialect) => run(core, s, dialect)));
            dialects.forEach((dialect, i) => {
              const output = outputs[i]!;
              if (output.status === "rejected") {
                throw new Error(explainRun(s, dialect, `the program did not build or run: ${plain((output.reason as Error).message)}`));
              }
              const problems = difference(output.value, expectedRun(s, dialect));
              if (problems !== "") throw new Error(explainRun(s, dialect, `${problems}\n--- output\n${output.value.join("\n")}`));
            });
          }),
          // No shrinking: each step would run processes again. The message holds the whole scenario and its program.
          { numRuns: BEHAVIOUR_RUNS, endOnFailure: true, ...(SEED === undefined ? {} : { seed: SEED }) },
        );
      },
      BEHAVIOUR_TIMEOUT,
    );
  });

  // The harness itself, on the shape the plugin has long handled (the seed's: handlers assigned on the socket just
  // made): the run matches the model in both dialects. And it can fail: without the plugin there is no `websocket`.
  const seedShape: Scenario = {
    api: "builtin",
    binary: true,
    setup: [
      { op: "set", reach: "direct", evt: "open", handler: { kind: "function", id: 0 }, form: "attr" },
      { op: "set", reach: "direct", evt: "message", handler: { kind: "function", id: 1 }, form: "attr" },
      { op: "set", reach: "direct", evt: "close", handler: { kind: "function", id: 2 }, form: "attr" },
    ],
    early: [],
    opened: [],
    late: [],
  };
  const [firstLabel, firstCore] = BABEL_CORES[0]!;
  test.each(["transcrypt", "rapydscript"] as const)(`the seed's shape runs as the model says (%s, ${firstLabel}), and not without the plugin`, async (dialect) => {
    const output = await run(firstCore, seedShape, dialect);
    expect(difference(output, expectedRun(seedShape, dialect))).toBe("");
    expect(output).toEqual(["h0 open", "== open", "h1 message 3 2", "== message", "h2 close 4000 bye", "== close", "peer_of calls 0"]);
    await expect(run(null, seedShape, dialect)).rejects.toThrow(/websocket is not defined/);
  }, 60_000);
});

describe("the behaviour model and its comparison", () => {
  const s: Scenario = {
    api: "builtin",
    binary: false,
    setup: [
      { op: "bind", reach: "list", evt: "open", handler: { kind: "function", id: 0 }, form: "call", byName: true },
      { op: "bind", reach: "direct", evt: "open", handler: { kind: "method", owner: { via: "call", peer: 1 }, method: "heard" }, form: "call", byName: false },
      { op: "set", reach: "helper", evt: "open", handler: { kind: "function", id: 2 }, form: "setattr" },
      { op: "bind", reach: "dict", evt: "message", handler: { kind: "method", owner: { via: "dict", key: "b" }, method: "noted" }, form: "keywords", byName: false },
      { op: "unbind", reach: "direct", evt: "message", handler: { kind: "method", owner: { via: "list", peer: 1 }, method: "noted" }, form: "call", byName: false },
      { op: "set", reach: "param", evt: "close", handler: { kind: "function", id: 1 }, form: "attr" },
      { op: "readback", reach: "call", evt: "close" },
      { op: "watch", evt: "close", watcher: 1, unbind: false },
      { op: "watch", evt: "open", watcher: 0, unbind: false },
      { op: "watch", evt: "open", watcher: 0, unbind: true },
    ],
    early: [{ probe: "send", reach: "helper", form: "call", data: "text" }],
    opened: [{ probe: "send", reach: "direct", form: "value", data: "tuple" }, { probe: "close", reach: "dict", form: "keywords", code: 999 }],
    late: [{ probe: "send", reach: "direct", form: "getattr", data: "text" }],
  };
  const good = [
    "readback True",
    "ConnectionError True",
    "h2 open",
    "h0 open",
    "p1.heard open",
    "== open",
    "TypeError send() takes str or bytes, not tuple",
    "ValueError False",
    "== message",
    "h1 close 4000 bye",
    "w1.seen close 4000 bye",
    "== close",
    "ConnectionError True",
    "peer_of calls 1",
  ];

  test("the model: bound handlers in order, unbind of the same method of the same object (read off a dict or a list, or in the other module), one on_* handler", () => {
    expect(expectedRun(s, "transcrypt")).toEqual({
      setup: ["readback True", "ConnectionError True"],
      open: { bound: ["h0 open", "p1.heard open"], slot: "h2 open" },
      opened: ["TypeError send() takes str or bytes, not tuple", "ValueError False"],
      message: { bound: [], slot: null },
      close: { bound: ["w1.seen close 4000 bye"], slot: "h1 close 4000 bye" },
      late: ["ConnectionError True"],
      calls: 1,
    });
    // RapydScript-ng has no tuple: the same display is a list there.
    expect(expectedRun(s, "rapydscript").opened[0]).toBe("TypeError send() takes str or bytes, not list");
  });

  test("the comparison accepts the on_* handler anywhere among the bound ones, and nothing else", () => {
    const expected = expectedRun(s, "transcrypt");
    expect(difference(good, expected)).toBe("");
    expect(difference([...good.slice(0, 2), "h0 open", "h2 open", ...good.slice(4)], expected)).toBe("");
    // Bound handlers out of order, a handler called twice, one missing, an exception of another class, a second owner call.
    expect(difference([...good.slice(0, 3), "p1.heard open", "h0 open", ...good.slice(5)], expected)).toMatch(/^open: /);
    expect(difference([...good.slice(0, 5), "h0 open", ...good.slice(5)], expected)).toMatch(/^open: /);
    expect(difference([...good.slice(0, 9), ...good.slice(10)], expected)).toMatch(/^close: /);
    expect(difference(good.map((l) => (l === "ValueError False" ? "ConnectionError True" : l)), expected)).toMatch(/^the probes on open: /);
    expect(difference([...good.slice(0, -1), "peer_of calls 2"], expected)).toMatch(/^after close: /);
    expect(difference(good.filter((l) => l !== "== message"), expected)).toMatch(/markers/);
  });

  test("the renderer writes each shape in both forms", () => {
    const { pyj, transcrypt } = render(s);
    for (const shape of ["socks[0].bind(evt_name, h0)", "peer_of(1).heard", 'set_handler(ws, "open", h2)', 'index["x"].bind(evt="message", handler=table["b"].noted)', "f = ws.send", 'unwatch(ws, "open", 0)']) {
      expect(pyj["program.pyj"]).toContain(shape);
    }
    for (const shape of ["socks [0].bind (evt_name, h0);", "peer_of (1).heard", "set_handler (ws, 'open', h2);", "index ['x'].bind (__kwargtrans__ ({evt: 'message', handler: table ['b'].noted}));", "tuple (['ann', 'hi'])", "watch (ws, 'close', 1);"]) {
      expect(transcrypt["program.js"]).toContain(shape);
    }
    // The other module imports nothing of the API and names no handler.
    for (const helper of [pyj["helper.pyj"], transcrypt["helper.js"]]) expect(helper).not.toMatch(/websocket|WebSocket|\.on_|browser/);
    expect(pyj["helper.pyj"]).toContain("s.unbind(evt_name, watchers[i].seen)");
    expect(transcrypt["helper.js"]).toContain("s.unbind (evt_name, watchers [i].seen);");
  });
});

// The checks above must be able to fail: each is shown catching what it is meant to catch.
describe("the property checks detect what they look for", () => {
  const [, core] = BABEL_CORES[0]!;
  const output = (code: string, sourceType: "module" | "script" = "module") => transformWithAst(core, plugin, code, sourceType, {});

  test("captures(): a program binding `globalThis` where the plugin writes `globalThis.WebSocket`", () => {
    // Hand-written output as a capturing plugin would print it, re-parsed: plugin-made nodes are those without loc.
    const ast = parse(core, "var globalThis = {};\nnew globalThis.WebSocket('wss://x');", "module");
    const made = ((ast.program.body[1] as { expression: { callee: { object: { loc: unknown } } } }).expression.callee.object);
    made.loc = undefined;
    expect(captures(core, ast)).toEqual([expect.stringContaining("the plugin's `globalThis` is captured by the program's var binding")]);
  });

  test("captures(): a clean output has none", () => {
    expect(captures(core, output("var _pyws = 1; function f(WebSocket) { ws = websocket('wss://x'); ws.on_open = g; }").ast)).toEqual([]);
  });

  test("leftovers(): unrewritten sites in a hand-written output", () => {
    // On a plain native socket (`ws = new WebSocket(u)`), every site must go through the runtime; on `other`, which
    // may be a socket of the runtime's class, the sites stay as written.
    const code =
      "ws = websocket(u);\nws.on_open = f;\ndelete ws.on_close;\nws.send(1);\nx = __BRYTHON__.has_websocket;\n" +
      "ws = new WebSocket(u);\nws.on_open = f;\nws.send(1);\nother.on_open = f;\nother.send(1);";
    const untouched = parse(core, code, "module");
    const sites = ["free `websocket` at line 1", "handler assignment `.on_open =` at line 2", "`delete .on_close` at line 3"];
    // Left alone by the plugin, send/close calls are the program's own.
    expect(leftovers(core, untouched)).toEqual([...sites, "free `__BRYTHON__` at line 5", "handler assignment `.on_open =` at line 7"]);
    // Rewritten (a node without loc, as the plugin makes them), they must all go through the runtime.
    const rewritten = parse(core, code, "module");
    (rewritten.program.body[4] as { expression: { left: { loc: unknown } } }).expression.left.loc = undefined;
    expect(leftovers(core, rewritten)).toEqual([
      ...sites,
      "`.send(...)` not through the runtime at line 4",
      "free `__BRYTHON__` at line 5",
      "handler assignment `.on_open =` at line 7",
      "`.send(...)` not through the runtime at line 8",
    ]);
  });

  test("the generators make programs that use the API, programs that do not, and bind the API's names", () => {
    const samples = fc.sample(program(true), { numRuns: 200, seed: 1 });
    const text = samples.map((p) => p.code).join("\n");
    for (const shape of ["__kwargtrans__({", "ρσ_interpolate_kwargs.call(this, websocket", "catch (websocket)", "class WebSocket", "function s", "delete "]) {
      expect(text).toContain(shape);
    }
    expect(new Set(samples.map((p) => p.dialect))).toEqual(new Set(["transcrypt", "rapydscript", "commonjs", "module"]));
    for (const p of fc.sample(program(false), { numRuns: 50, seed: 2 })) {
      expect(transform(core, p.code, { sourceType: p.sourceType })).not.toContain("babel-plugin-python-websocket/runtime");
    }
  });
});
