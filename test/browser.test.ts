// In real browsers, the three engines users ship to, from Debian's packages: Chromium (headless, playwright-core),
// Firefox ESR (headless, puppeteer-core over WebDriver BiDi) and WebKitGTK (MiniBrowser under Xvfb, WebKitWebDriver);
// test/support/browser/engines/. Each engine is launched once and runs every page. Pages are served from 127.0.0.1
// under a strict Content-Security-Policy (no inline script, no eval), talking to a real `ws` echo server on 127.0.0.1.
// Python programs (fixtures/e2e/<name>/, fixtures/browser/<name>/) in both transpilers' output, built four ways:
// Transcrypt bundled by Rollup + @rollup/plugin-babel (Babel 7: the Rollup plugin supports no other) + node-resolve
// (and, for the programs that use keywords, also as a sloppy-mode IIFE, where the arguments object follows the parameters);
// Transcrypt transformed by Babel 8 and served as native ES modules; RapydScript-ng's classic script (runtime
// inlined) under Babel 7 and under Babel 8. Each of npm test's runs builds the ways of its Babel (babel-cores.ts), once,
// and runs the same build in each engine. Their console.log lines and alerts are compared with the expected files;
// console errors, page errors and CSP violations fail the test (but the engine's own blocked /favicon.ico request).
// Where an engine is missing, its tests fail, saying how to install it.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { BABEL_CORES, BABEL_MAJOR } from "./support/babel-cores.js";
import { type Engine, type EngineName, ENGINE_NAMES, launchEngine, type PageRun } from "./support/browser/engines/index.mjs";
import { createProject } from "./support/browser/bundle.js";
import { type Build, type Built, buildProgram, inspectScript, type PageOptions, type Toolchain } from "./support/browser/pages.js";
import { startStaticServer, type StaticServer } from "./support/browser/server.js";
import { deadUrl, type EchoServer, startEchoServer } from "./support/echo-server.js";
import { compileRapydScript, expectedLines, transcryptModules } from "./support/programs.js";

const FIXTURES = fileURLToPath(new URL("../fixtures", import.meta.url));
const E2E = join(FIXTURES, "e2e");
const BROWSER = join(FIXTURES, "browser");

const ALL_BUILDS: Array<[label: string, build: Build, major: 7 | 8]> = [
  ["Transcrypt, Rollup + @rollup/plugin-babel (Babel 7)", "transcrypt-rollup", 7],
  ["Transcrypt, Rollup IIFE in sloppy mode (Babel 7)", "transcrypt-sloppy-iife", 7],
  ["Transcrypt, Babel 8, native ES modules", "transcrypt-modules", 8],
  ["RapydScript-ng classic script, Babel 7", "rapydscript", 7],
  ["RapydScript-ng classic script, Babel 8", "rapydscript", 8],
];
const BUILDS: Array<[label: string, build: Build]> = ALL_BUILDS.filter(([, , major]) => major === BABEL_MAJOR).map(([label, build]) => [label, build]);
/**
 * The programs that also run as a sloppy-mode IIFE: those that pass Python keywords to the socket's API. A sloppy
 * function's arguments object follows its parameters, which loses keywords in Transcrypt's own functions (docs/pipelines.md);
 * the plugin's rewritten calls must not depend on that.
 */
const SLOPPY_PROGRAMS = ["kwargs", "module-kwargs", "module-methods", "contract"];
const buildsOf = (name: string) => BUILDS.filter(([, build]) => build !== "transcrypt-sloppy-iife" || SLOPPY_PROGRAMS.includes(name));
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
    /** The program's other Transcrypt modules (`helper.js` beside `helper.py`), by file name. */
    transcryptModules: () => {
      const { "program.js": _program, ...others } = transcryptModules(dir);
      return others;
    },
    rapydscript: () => {
      const file = join(dir, "program.pyj");
      if (!rapydscriptOutput.has(file)) rapydscriptOutput.set(file, compileRapydScript(file));
      return rapydscriptOutput.get(file)!;
    },
  };
}

/** Each engine once per run, or why it did not start (its tests then fail with that error). */
const engines = new Map<EngineName, Engine | Error>();
let server: StaticServer;
let echo: EchoServer;
let globals: { ECHO_URL: string; DEAD_URL: string };
const open: PageRun[] = [];

const LAUNCH_TIMEOUT = 90_000;

beforeAll(async () => {
  // One after the other: launching all three at once on two busy CPUs makes each slower than the time limit allows.
  for (const name of ENGINE_NAMES) {
    engines.set(name, await launchEngine(name, LAUNCH_TIMEOUT).catch((error: Error) => error));
  }
  server = await startStaticServer();
  echo = await startEchoServer();
  globals = { ECHO_URL: echo.url, DEAD_URL: await deadUrl() };
}, ENGINE_NAMES.length * LAUNCH_TIMEOUT + 10_000);

/** The engine, or its launch error thrown (a missing engine fails its tests: it never skips them). */
function engine(name: EngineName): Engine {
  const launched = engines.get(name);
  if (launched === undefined || launched instanceof Error) throw launched ?? new Error(`${name} was not launched`);
  return launched;
}

test.each(ENGINE_NAMES)("%s is installed and starts", (name) => {
  expect(engine(name).name).toBe(name);
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((run) => run.close()));
});

afterAll(async () => {
  const running = [...engines.values()].filter((launched): launched is Engine => !(launched instanceof Error));
  await Promise.all([...running.map((launched) => launched.close()), server?.close(), echo?.close()]);
  project.remove();
});

/** Opens a page in an engine; error reports matching `expectErrors` are part of the case. */
async function openIn(name: EngineName, url: string, expectErrors: RegExp[] = []): Promise<PageRun> {
  const run = await engine(name).open(url, expectErrors);
  open.push(run);
  return run;
}

async function visit(name: EngineName, built: Built, options: Omit<PageOptions, "globals">, expectErrors?: RegExp[]): Promise<PageRun> {
  return openIn(name, server.mount(built.site({ ...options, globals })), expectErrors);
}

/** Waits for `expected.length` lines, then a little longer, so that a line too many is seen too. */
async function outputOf(run: PageRun, expected: string[]): Promise<string[]> {
  await run.waitForOutput(expected.length).catch(() => undefined);
  await run.settle(150);
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
  const classic = built.build === "rapydscript" || built.build === "transcrypt-sloppy-iife";
  const { moduleSyntax, brythonApi, browserModules, imports } = inspectScript(built.script, classic ? "script" : "module");
  // Nothing of Brython's API is left (no free `websocket`, no `__BRYTHON__`): the plugin rewrote it all.
  expect(brythonApi).toEqual([]);
  // Nor of the module API's stub (python/): a page ships none of its code. Transcrypt's import of it is checked below.
  expect(browserModules).toEqual([]);
  // Rollup resolved every import (the runtime by its package name); the unbundled module imports the runtime from
  // its runtimeModule, beside Transcrypt's runtime.
  if (built.build === "transcrypt-rollup") expect(imports).toEqual([]);
  // The sloppy IIFE is sloppy: no "use strict" anywhere in it (were there one, the test would prove nothing).
  if (built.build === "transcrypt-sloppy-iife") expect(built.script).not.toMatch(/["']use strict["']/);
  if (built.build === "transcrypt-modules") {
    // The runtime, Transcrypt's runtime, and the program's own modules (a helper it imports).
    expect(imports.filter((source) => !built.modules.includes(source))).toEqual(["./runtime/index.js", "./org.transcrypt.__runtime__.js"]);
  }
  if (classic) expect(moduleSyntax).toEqual([]); // a classic <script>: no import or require
  // RapydScript-ng's script has the plugin's runtime inlined (its registered symbol's key).
  if (built.build === "rapydscript") expect(built.script).toContain('"python-websocket"');
}

test.each(ENGINE_NAMES)("in %s, the harness sees CSP violations, console errors and page errors (a page that breaks the policy fails)", async (name) => {
  const asset = (file: string): string => readFileSync(join(BROWSER, "pages", file), "utf8");
  const url = server.mount({
    "index.html":
      '<!doctype html><script src="record-page.js"></script><script src="report-csp.js"></script><script>console.log("inline ran")</script><script src="bad.js"></script>',
    "record-page.js": asset("record-page.js"),
    "report-csp.js": asset("report-csp.js"),
    "bad.js": 'try { eval("1"); } catch (e) { console.log("eval refused"); }\nconsole.error("an error");\nthrow new Error("uncaught");',
  });
  const run = await openIn(name, url);
  await run.settle(500);
  expect(run.output).toEqual(["eval refused"]);
  const problems = run.problems.join("\n");
  const ownCspReport = engine(name).ownCspReport; // the engine's own report of the inline script, where its driver shows it
  if (ownCspReport) expect(problems).toMatch(ownCspReport);
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
describe.each(SEED_PAGES.flatMap((name) => buildsOf(name).map(([label, build]) => [name, label, build] as const)))("the page of %s, %s", (name, _label, build) => {
  let built: Built;
  beforeAll(async () => {
    built = await buildProgram(build, source(name), tools, true);
  }, 30_000);

  test("is built for the browser", () => checkBuilt(built));

  test.each(ENGINE_NAMES)("in %s, type hello, Send: the echo comes back; Close: the connection closes", async (engineName) => {
    const run = await visit(engineName, built, { seed: true, websocket: true });
    await run.type("#data", "hello");
    await run.click("#send");
    await run.waitForLine("alert: Message received : hello");
    await run.click("#close");
    await run.waitForLine("alert: Connection is closed");
    const expected = expectedOutput(name, build, "")!;
    expect(await outputOf(run, expected)).toEqual(expected);
    expectClean(run);
  });

  test.each(ENGINE_NAMES)("in %s, without WebSocket, Send alerts that the browser does not support it", async (engineName) => {
    const run = await visit(engineName, built, { seed: true, websocket: false });
    await run.type("#data", "hello");
    await run.click("#send");
    const expected = expectedOutput(name, build, "-no-websocket")!;
    expect(await outputOf(run, expected)).toEqual(expected);
    expectClean(run);
  });
});

// Every point of the contract (contract, and the e2e programs for single points), Python keyword arguments (kwargs),
// NotImplementedError where there is no WebSocket (unsupported), and the failure paths a browser shows (failures: a dead port gives on_error, then on_close
// with code 1006, which Node 20 never fires; the server's close code and reason reach on_close). The module-* programs
// do the same for Brython's module API (from browser import websocket); module-bind's handler bound while its event
// is dispatched is the browsers' own rule here, which the e2e tests hold in Node too (Node's EventTarget would call it).
// The contract program also connects to the dead port (its last step sets only on_error, so the browsers' extra close
// event changes nothing in its output); Chromium and Firefox then report the failed connection as an error of their
// own, which is expected (WebKit's report goes to its log, which its driver does not show).
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
  describe.each(buildsOf(name))("%s", (_label, build) => {
    let built: Built;
    beforeAll(async () => {
      built = await buildProgram(build, source(name), tools, false);
    }, 30_000);

    test("is built for the browser", () => checkBuilt(built));

    test.each(ENGINE_NAMES)("in %s, talks to the server as the Python program says", async (engineName) => {
      const expected = expectedOutput(name, build, "")!;
      const deadPortReports = engine(engineName).failedConnectionReports(globals.DEAD_URL);
      const run = await visit(engineName, built, { seed: false, websocket: true }, deadPortReports);
      expect(await outputOf(run, expected)).toEqual(expected);
      expectClean(run);
      // Each of the engine's own reports of the refused connection once, where the program connects to the dead port.
      const reports = deadPortReports.map((report) => run.expectedErrors.filter((text) => report.test(text)).length);
      expect(reports).toEqual(deadPortReports.map(() => (connectsToDeadPort(name) ? 1 : 0)));
    });

    const withoutWebSocket = expectedOutput(name, build, "-no-websocket");
    if (withoutWebSocket) {
      test.each(ENGINE_NAMES)("in %s, takes the unsupported path where the page has no WebSocket", async (engineName) => {
        const run = await visit(engineName, built, { seed: false, websocket: false });
        expect(await outputOf(run, withoutWebSocket)).toEqual(withoutWebSocket);
        expectClean(run);
      });
    }
  });
});

