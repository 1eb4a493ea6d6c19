// Property-based tests of the transform (fast-check), under Babel 7 and 8, over generated programs that mix
// Brython's WebSocket API, in Transcrypt's and RapydScript-ng's shapes, with unrelated code and with bindings of
// the API's names at every kind of scope (test/support/fuzz/programs.ts).
//
// FUZZ_RUNS sets the number of generated programs per property and Babel major (default 200): each run checks
// 4 × FUZZ_RUNS programs. Measured on a 2-core machine: 200 take ~20 s, 1,000 ~90 s, so 10,000 ~15 min.
// FUZZ_SEED replays a run (fast-check prints the seed and the shrunk counterexample of a failure).
import { jest } from "@jest/globals";
import fc from "fast-check";
import plugin from "../src/index.js";
import { BABEL_CORES } from "./support/babel-cores.js";
import { captures, leftovers, parse, transformWithAst } from "./support/fuzz/check.js";
import { type FuzzOptions, type Program, pluginOptions, program } from "./support/fuzz/programs.js";
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
