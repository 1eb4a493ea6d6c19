// In a real browser: Debian's Chromium (headless, driven by playwright-core), pages served from 127.0.0.1 under a
// strict Content-Security-Policy (no inline script, no eval), talking to a real `ws` echo server on 127.0.0.1.
// Python programs (fixtures/e2e/<name>/, fixtures/browser/<name>/) in both transpilers' output, built four ways:
// Transcrypt bundled by Rollup + @rollup/plugin-babel (Babel 7: the Rollup plugin supports no other) + node-resolve;
// Transcrypt transformed by Babel 8 and served as native ES modules; RapydScript-ng's classic script (runtime
// inlined) under Babel 7 and under Babel 8. Each of npm test's runs builds the ways of its Babel (babel-cores.ts). Their console.log lines and alerts are compared with the expected
// files; console errors, page errors and CSP violations fail the test. Where Chromium is missing, this fails.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { BABEL_CORES, BABEL_MAJOR } from "./support/babel-cores.js";
import { type Chromium, launchChromium } from "./support/browser/chromium.js";
import { openPage, type OpenOptions, type PageRun } from "./support/browser/page-run.js";
import { createProject } from "./support/browser/bundle.js";
import { type Build, type Built, buildProgram, inspectScript, type PageOptions, type Toolchain } from "./support/browser/pages.js";
import { startStaticServer, type StaticServer } from "./support/browser/server.js";
import { deadUrl, type EchoServer, startEchoServer } from "./support/echo-server.js";
import { compileRapydScript, expectedLines } from "./support/programs.js";

const FIXTURES = fileURLToPath(new URL("../fixtures", import.meta.url));
const E2E = join(FIXTURES, "e2e");
const BROWSER = join(FIXTURES, "browser");

const ALL_BUILDS: Array<[label: string, build: Build, major: 7 | 8]> = [
  ["Transcrypt, Rollup + @rollup/plugin-babel (Babel 7)", "transcrypt-rollup", 7],
  ["Transcrypt, Babel 8, native ES modules", "transcrypt-modules", 8],
  ["RapydScript-ng classic script, Babel 7", "rapydscript", 7],
  ["RapydScript-ng classic script, Babel 8", "rapydscript", 8],
];
const BUILDS: Array<[label: string, build: Build]> = ALL_BUILDS.filter(([, , major]) => major === BABEL_MAJOR).map(([label, build]) => [label, build]);
const dialectOf = (build: Build): "py" | "pyj" => (build.startsWith("transcrypt") ? "py" : "pyj");

const project = createProject();
const tools: Toolchain = { babel: BABEL_CORES[0]![1], project };

/** A program's folder: fixtures/browser/<name> for the browser's own programs, else fixtures/e2e/<name>. */
function programDir(name: string): string {
  return existsSync(join(BROWSER, name, "program.py")) ? join(BROWSER, name) : join(E2E, name);
}

/**
 * The expected output: fixtures/browser/<name>/expected.browser[.py|.pyj].txt where the browser legitimately differs
 * from Node, else the program's own expected[.py|.pyj].txt. `variant` is "" or "-no-websocket".
 */
function expectedOutput(name: string, build: Build, variant: "" | "-no-websocket"): string[] | null {
  const dialect = dialectOf(build);
  return expectedLines(join(BROWSER, name), dialect, variant, "expected.browser") ?? expectedLines(programDir(name), dialect, variant);
}

const rapydscriptOutput = new Map<string, string>();

/** A program's transpiler outputs: Transcrypt's committed program.js; RapydScript-ng's, compiled once here. */
function source(name: string) {
  const dir = programDir(name);
  return {
    transcrypt: () => {
      const file = join(dir, "program.js");
      if (!existsSync(file)) throw new Error(`${file} (Transcrypt's committed output of program.py) is missing`);
      return readFileSync(file, "utf8");
    },
    rapydscript: () => {
      const file = join(dir, "program.pyj");
      if (!rapydscriptOutput.has(file)) rapydscriptOutput.set(file, compileRapydScript(file));
      return rapydscriptOutput.get(file)!;
    },
  };
}

let chromium: Chromium;
let server: StaticServer;
let echo: EchoServer;
let globals: { ECHO_URL: string; DEAD_URL: string };
const open: PageRun[] = [];

beforeAll(async () => {
  chromium = await launchChromium(); // fails (with how to install it) where Chromium is missing
  server = await startStaticServer();
  echo = await startEchoServer();
  globals = { ECHO_URL: echo.url, DEAD_URL: await deadUrl() };
}, 30_000);

afterEach(async () => {
  await Promise.all(open.splice(0).map((run) => run.close()));
});

afterAll(async () => {
  await Promise.all([chromium?.close(), server?.close(), echo?.close()]);
  project.remove();
});

/** Chromium's own console report of a connection to the dead port, expected where a program connects to it. */
const deadPortError = (): RegExp => new RegExp(`^WebSocket connection to '${globals.DEAD_URL.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}' failed`);

async function visit(built: Built, options: Omit<PageOptions, "globals">, openOptions?: OpenOptions): Promise<PageRun> {
  const url = server.mount(built.site({ ...options, globals }));
  const run = await openPage(chromium, url, openOptions);
  open.push(run);
  return run;
}

/** Waits for `expected.length` lines, then a little longer, so that a line too many is seen too. */
async function outputOf(run: PageRun, expected: string[]): Promise<string[]> {
  await run.waitForOutput(expected.length).catch(() => undefined);
  await run.page.waitForTimeout(150);
  return run.output;
}

/** No console error or warning, no page error, no CSP violation, no file the page asked for and did not get. */
function expectClean(run: PageRun): void {
  expect(run.problems).toEqual([]);
  expect(server.missing).toEqual([]);
}

/** What a build must look like before it reaches the browser. */
function checkBuilt(built: Built): void {
  expect(built.warnings).toEqual([]);
  const classic = built.build.startsWith("rapydscript");
  const { moduleSyntax, brythonApi, browserModules, imports } = inspectScript(built.script, classic ? "script" : "module");
  // Nothing of Brython's API is left (no free `websocket`, no `__BRYTHON__`): the plugin rewrote it all.
  expect(brythonApi).toEqual([]);
  // Nor of the module API's stub (python/): a page ships none of its code. Transcrypt's import of it is checked below.
  expect(browserModules).toEqual([]);
  // Rollup resolved every import (the runtime by its package name); the unbundled module imports the runtime from
  // its runtimeModule, beside Transcrypt's runtime.
  if (built.build === "transcrypt-rollup") expect(imports).toEqual([]);
  if (built.build === "transcrypt-modules") expect(imports).toEqual(["./runtime/index.js", "./org.transcrypt.__runtime__.js"]);
  if (classic) {
    // A classic <script>: no import or require, and the plugin's runtime inlined (its registered symbol's key).
    expect(moduleSyntax).toEqual([]);
    expect(built.script).toContain('"python-websocket"');
  }
}

test("the harness sees CSP violations, console errors and page errors (a page that breaks the policy fails)", async () => {
  const url = server.mount({
    "index.html": '<!doctype html><script src="report-csp.js"></script><script>console.log("inline ran")</script><script src="bad.js"></script>',
    "report-csp.js": readFileSync(join(BROWSER, "pages/report-csp.js"), "utf8"),
    "bad.js": 'try { eval("1"); } catch (e) { console.log("eval refused"); }\nconsole.error("an error");\nthrow new Error("uncaught");',
  });
  const run = await openPage(chromium, url);
  open.push(run);
  await run.page.waitForTimeout(250);
  expect(run.output).toEqual(["eval refused"]);
  const problems = run.problems.join("\n");
  expect(problems).toMatch(/Content Security Policy directive/); // Chromium's own report of the inline script
  expect(problems).toMatch(/CSP violation: script-src-elem blocked inline/);
  expect(problems).toMatch(/CSP violation: script-src blocked eval/);
  expect(problems).toMatch(/console error: an error/);
  expect(problems).toMatch(/page error: Error: uncaught/);
});

test("the build check sees Brython's API, the module API's stub and module syntax", () => {
  const found = inspectScript(
    'var u = require("u"); websocket(u); __BRYTHON__.has_websocket; import("m");\n' +
      'var ρσ_modules = {}; ρσ_modules.browser = {}; ρσ_modules["browser.websocket"] = {}; ρσ_modules.chat = {};',
    "script",
  );
  expect(found).toEqual({
    moduleSyntax: ["require(...)", "import(...)"],
    brythonApi: ["websocket at line 1", "__BRYTHON__ at line 1"],
    browserModules: ["browser at line 2", "browser.websocket at line 2"],
    imports: [],
  });
  expect(inspectScript('import x from "x";', "script").moduleSyntax[0]).toMatch(/^does not parse as a script/);
});

// The seed's example as the seed shows it: type into the field, press Send, see the echo, press Close. In Brython's old
// API (seed) and as its current documentation writes it (module-seed: the module browser.websocket, bind).
const SEED_PAGES = ["seed", "module-seed"];
describe.each(SEED_PAGES.flatMap((name) => BUILDS.map(([label, build]) => [name, label, build] as const)))("the page of %s, %s", (name, _label, build) => {
  let built: Built;
  beforeAll(async () => {
    built = await buildProgram(build, source(name), tools, true);
  }, 30_000);

  test("is built for the browser", () => checkBuilt(built));

  test("type hello, Send: the echo comes back; Close: the connection closes", async () => {
    const run = await visit(built, { seed: true, websocket: true });
    await run.page.fill("#data", "hello");
    await run.page.click("#send");
    await run.waitForLine("alert: Message received : hello");
    await run.page.click("#close");
    await run.waitForLine("alert: Connection is closed");
    const expected = expectedOutput(name, build, "")!;
    expect(await outputOf(run, expected)).toEqual(expected);
    expectClean(run);
  });

  test("without WebSocket, Send alerts that the browser does not support it", async () => {
    const run = await visit(built, { seed: true, websocket: false });
    await run.page.fill("#data", "hello");
    await run.page.click("#send");
    const expected = expectedOutput(name, build, "-no-websocket")!;
    expect(await outputOf(run, expected)).toEqual(expected);
    expectClean(run);
  });
});

// Every point of the contract (contract, and the e2e programs for single points), Python keyword arguments (kwargs),
// NotImplementedError where there is no WebSocket (unsupported), and the failure paths a browser shows (failures: a dead port gives on_error, then on_close
// with code 1006, which Node 20 never fires; the server's close code and reason reach on_close). The module-* programs
// do the same for Brython's module API (from browser import websocket); module-bind's handler bound while its event
// is dispatched is Chromium's own rule here, which the e2e tests hold in Node too (Node's EventTarget would call it).
// The contract program also connects to the dead port (its last step sets only on_error, so Chromium's extra close
// event changes nothing in its output); Chromium then logs the failed connection as a console error, which is expected.
// Every program of fixtures/e2e (but the seeds, which have their page above) and of fixtures/browser, in both dialects.
const PROGRAMS = [E2E, BROWSER].flatMap((root) =>
  readdirSync(root).filter(
    (name) => !SEED_PAGES.includes(name) && existsSync(join(root, name, "program.py")) && existsSync(join(root, name, "program.pyj")),
  ),
);
const connectsToDeadPort = (name: string): boolean => readFileSync(join(programDir(name), "program.py"), "utf8").includes("DEAD_URL");

test("the browser runs the programs that prove the contract and the failure paths", () => {
  expect(PROGRAMS).toEqual(expect.arrayContaining(["contract", "kwargs", "unsupported", "failures", "module-bind", "module-mixed"]));
});

describe.each(PROGRAMS)("%s", (name) => {
  describe.each(BUILDS)("%s", (_label, build) => {
    let built: Built;
    beforeAll(async () => {
      built = await buildProgram(build, source(name), tools, false);
    }, 30_000);

    test("is built for the browser", () => checkBuilt(built));

    test("talks to the server as the Python program says", async () => {
      const expected = expectedOutput(name, build, "")!;
      const run = await visit(built, { seed: false, websocket: true }, { expectErrors: [deadPortError()] });
      expect(await outputOf(run, expected)).toEqual(expected);
      expectClean(run);
      expect(run.expectedErrors.length).toBe(connectsToDeadPort(name) ? 1 : 0);
    });

    const withoutWebSocket = expectedOutput(name, build, "-no-websocket");
    if (withoutWebSocket) {
      test("takes the unsupported path where the page has no WebSocket", async () => {
        const run = await visit(built, { seed: false, websocket: false });
        expect(await outputOf(run, withoutWebSocket)).toEqual(withoutWebSocket);
        expectClean(run);
      });
    }
  });
});

