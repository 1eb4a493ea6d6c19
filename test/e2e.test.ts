// End to end in Node: Python programs (fixtures/e2e/<name>/) compiled by Transcrypt (committed output) and by
// RapydScript-ng (compiled here), transformed under Babel 7 and 8, run with Node's WHATWG WebSocket client
// against a real ws server on 127.0.0.1, and without WebSocket for the unsupported path. A program may span modules:
// Transcrypt's each have their committed output (every module transformed on its own, as a bundler does), and
// RapydScript-ng inlines the ones it imports into its one script.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { BABEL_CORES } from "./support/babel-cores.js";
import { deadUrl, type EchoServer, startEchoServer } from "./support/echo-server.js";
import { BUILT_RUNTIME, compileRapydScript, type Dialect, expectedLines, runProgram, transcryptModules } from "./support/programs.js";
import { transform } from "./support/transform.js";

const ROOT = fileURLToPath(new URL("../fixtures/e2e", import.meta.url));

interface Program {
  name: string;
  dialect: Dialect;
  /** The program's folder. */
  dir: string;
  expected: string[];
  expectedWithoutWebSocket: string[] | null;
}

const programs: Program[] = readdirSync(ROOT).flatMap((name) => {
  const dir = join(ROOT, name);
  return (
    [
      ["transcrypt", "program.js", "py"],
      ["rapydscript", "program.pyj", "pyj"],
    ] as const
  )
    .filter(([, file]) => existsSync(join(dir, file)))
    .map(([dialect, file, extension]) => ({
      name,
      dialect,
      dir,
      expected: expectedLines(dir, extension)!,
      expectedWithoutWebSocket: expectedLines(dir, extension, "-no-websocket"),
    }));
});

let server: EchoServer;
let globals: Record<string, string>;
beforeAll(async () => {
  server = await startEchoServer();
  globals = { ECHO_URL: server.url, DEAD_URL: await deadUrl() };
});
afterAll(() => server.close());

test("there are programs in both dialects", () => {
  expect(new Set(programs.map((p) => p.dialect))).toEqual(new Set(["transcrypt", "rapydscript"]));
});

// The socket crosses a module boundary in both APIs: each such program has a module of its own beside program.py and
// program.pyj (Transcrypt's committed output of it too), which imports nothing of the API.
test("there are programs split over modules, in both APIs and both dialects", () => {
  const split = programs.filter(({ dir, dialect }) => {
    const extension = dialect === "transcrypt" ? ".py" : ".pyj";
    return readdirSync(dir).some((file) => file.endsWith(extension) && file !== `program${extension}`);
  });
  for (const dialect of ["transcrypt", "rapydscript"]) {
    const names = split.filter((p) => p.dialect === dialect).map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(["across-modules", "module-across-modules"]));
  }
  for (const { dir } of split) {
    for (const file of readdirSync(dir).filter((f) => /\.pyj?$/.test(f) && !f.startsWith("program."))) {
      expect(readFileSync(join(dir, file), "utf8")).not.toMatch(/\bimport\b.*\bbrowser\b|\bwebsocket\(|\bWebSocket\b/);
    }
  }
});

describe.each(BABEL_CORES)("%s", (_label, core) => {
  describe.each(programs)("$name ($dialect)", ({ dialect, dir, expected, expectedWithoutWebSocket }) => {
    // As a config that names only the plugin has it: Babel's default sourceType, "module", for both dialects.
    const transformed = (code: string) => transform(core, code, { pluginOptions: { runtimeModule: BUILT_RUNTIME } });
    const build = (websocket: boolean) => {
      if (dialect === "rapydscript") return { dialect, code: transformed(compileRapydScript(join(dir, "program.pyj"))), websocket, globals };
      const { "program.js": main, ...others } = transcryptModules(dir);
      const modules = Object.fromEntries(Object.entries(others).map(([file, code]) => [file, transformed(code)]));
      return { dialect, code: transformed(main!), modules, websocket, globals };
    };

    test("talks to the server as the Python program says", async () => {
      expect(await runProgram(build(true))).toEqual(expected);
    });

    if (expectedWithoutWebSocket) {
      test("takes the unsupported path where the platform has no WebSocket", async () => {
        expect(await runProgram(build(false))).toEqual(expectedWithoutWebSocket);
      });
    }
  });
});
