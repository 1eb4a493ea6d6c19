// End to end in Node: Python programs (fixtures/e2e/<name>/) compiled by Transcrypt (committed output) and by
// RapydScript-ng (compiled here), transformed under Babel 7 and 8, run with Node's WHATWG WebSocket client
// against a real ws server on 127.0.0.1, and without WebSocket for the unsupported path.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { BABEL_CORES } from "./support/babel-cores.js";
import { deadUrl, type EchoServer, startEchoServer } from "./support/echo-server.js";
import { BUILT_RUNTIME, compileRapydScript, type Dialect, expectedLines, runProgram } from "./support/programs.js";
import { transform } from "./support/transform.js";

const ROOT = fileURLToPath(new URL("../fixtures/e2e", import.meta.url));

interface Program {
  name: string;
  dialect: Dialect;
  source: string;
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
      source: join(dir, file),
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

describe.each(BABEL_CORES)("%s", (_label, core) => {
  describe.each(programs)("$name ($dialect)", ({ dialect, source, expected, expectedWithoutWebSocket }) => {
    const compiled = () => (dialect === "transcrypt" ? readFileSync(source, "utf8") : compileRapydScript(source));
    // As a config that names only the plugin has it: Babel's default sourceType, "module", for both dialects.
    const transformed = () => transform(core, compiled(), { pluginOptions: { runtimeModule: BUILT_RUNTIME } });

    test("talks to the server as the Python program says", async () => {
      expect(await runProgram({ dialect, code: transformed(), websocket: true, globals })).toEqual(expected);
    });

    if (expectedWithoutWebSocket) {
      test("takes the unsupported path where the platform has no WebSocket", async () => {
        expect(await runProgram({ dialect, code: transformed(), websocket: false, globals })).toEqual(expectedWithoutWebSocket);
      });
    }
  });
});
