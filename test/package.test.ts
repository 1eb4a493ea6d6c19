// The package as users get it: `npm pack` (prepack builds it), installed by name in a fresh folder beside the run's
// @babel/core (Babel 7, or 8 in npm test's Babel 8 run: support/babel-cores.ts), used by require, import, and Babel's
// short name, and its output run against a real server.
import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { BABEL_MAJOR } from "./support/babel-cores.js";
import { type EchoServer, startEchoServer } from "./support/echo-server.js";
import { packPlugin } from "./support/pack.js";
import { PYTHON_FILES } from "./support/programs.js";

const REPO = fileURLToPath(new URL("..", import.meta.url));
let consumer: string;
let server: EchoServer;

function node(args: string[]): string {
  return execFileSync(process.execPath, ["--no-warnings", ...args], { cwd: consumer, encoding: "utf8" });
}

/** Without blocking this process, which serves the echo server. */
function runWithWebSocket(file: string): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(process.execPath, ["--experimental-websocket", "--no-warnings", file], { cwd: consumer, timeout: 20_000 }, (error, out, err) =>
      error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out),
    ),
  );
}

beforeAll(async () => {
  consumer = mkdtempSync(join(tmpdir(), "python-websocket-consumer-"));
  const tarball = basename(await packPlugin(consumer));
  writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true }));
  execFileSync(
    "npm",
    ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error", `./${tarball}`, BABEL_MAJOR === 8 ? "@babel/core@^8" : "@babel/core@^7.28"],
    { cwd: consumer, stdio: "ignore" },
  );
  server = await startEchoServer();
}, 240_000);

afterAll(async () => {
  await server?.close();
  rmSync(consumer, { recursive: true, force: true });
});

test("require and import give the plugin and the runtime", () => {
  const kinds = node([
    "--input-type=module",
    "-e",
    `import { createRequire } from "node:module";
     const require = createRequire(process.cwd() + "/");
     const required = require("babel-plugin-python-websocket");
     const imported = await import("babel-plugin-python-websocket");
     console.log(typeof required.default, typeof imported.default,
       typeof require("babel-plugin-python-websocket/runtime").setHandler,
       typeof (await import("babel-plugin-python-websocket/runtime")).setHandler);`,
  ]);
  expect(kinds.trim()).toBe("function function function function");
});

test("ships types for both entry points", () => {
  const files = execFileSync("find", ["node_modules/babel-plugin-python-websocket/dist", "-name", "index.d.ts"], { cwd: consumer, encoding: "utf8" });
  expect(files.split("\n").filter(Boolean).sort()).toEqual([
    "node_modules/babel-plugin-python-websocket/dist/cjs/index.d.ts",
    "node_modules/babel-plugin-python-websocket/dist/cjs/runtime/index.d.ts",
    "node_modules/babel-plugin-python-websocket/dist/esm/index.d.ts",
    "node_modules/babel-plugin-python-websocket/dist/esm/runtime/index.d.ts",
  ]);
});

test("carries the MIT LICENSE", () => {
  const shipped = readFileSync(join(consumer, "node_modules/babel-plugin-python-websocket/LICENSE"), "utf8");
  expect(shipped).toBe(readFileSync(join(REPO, "LICENSE"), "utf8"));
  expect(shipped).toMatch(/^MIT License\n\nCopyright \(c\) 2026 the babel-plugin-python-websocket authors\n/);
});

test(`Babel ${BABEL_MAJOR} finds it by its short name, and the output talks to a server through the installed runtime`, async () => {
  const program = `var ws = websocket(${JSON.stringify(server.url)});
ws.on_open = function () { ws.send("hello"); };
ws.on_message = function (evt) { console.log("echo:", evt.data); ws.close(); };`;
  writeFileSync(join(consumer, "program.js"), program);
  const version = node([
    "--input-type=module",
    "-e",
    `import * as babel from "@babel/core";
     import { readFileSync, writeFileSync } from "node:fs";
     const out = babel.transformSync(readFileSync("program.js", "utf8"), {
       babelrc: false, configFile: false, cwd: process.cwd(), sourceType: "module", plugins: ["python-websocket"] });
     writeFileSync("program.out.mjs", out.code);
     console.log(babel.version);`,
  ]);
  expect(version.trim().split(".")[0]).toBe(String(BABEL_MAJOR));
  expect((await runWithWebSocket("program.out.mjs")).trim()).toBe("echo: hello");
});

test("ships python/, with which the documented RapydScript-ng command compiles a program of Brython's module, then the plugin alone makes it run", async () => {
  const python = join(consumer, "node_modules/babel-plugin-python-websocket/python");
  expect(readdirSync(python, { recursive: true, encoding: "utf8" }).sort()).toEqual(PYTHON_FILES);
  writeFileSync(
    join(consumer, "app.pyj"),
    [
      "from browser import websocket",
      "def opened(evt):",
      '    ws.send("through the installed modules")',
      "def got(evt):",
      '    print("echo:", evt.data)',
      "    ws.close()",
      "ws = websocket.WebSocket(ECHO_URL)",
      'ws.bind("open", opened)',
      'ws.bind("message", got)',
      "",
    ].join("\n"),
  );
  const rapydscript = join(REPO, "node_modules/rapydscript-ng/bin/rapydscript");
  const script = node([rapydscript, "compile", "-C", ".rapydscript-cache", "-p", "node_modules/babel-plugin-python-websocket/python", "app.pyj"]);
  writeFileSync(join(consumer, "app.js"), script);
  // The issue's own command, without -C, compiles the same script; its cache lands in the installed package, as the docs say.
  expect(node([rapydscript, "compile", "-p", "node_modules/babel-plugin-python-websocket/python", "app.pyj"])).toBe(script);
  expect(readdirSync(join(python, "browser")).filter((name) => name.endsWith(".pyj-cached"))).toEqual(["__init__.pyj-cached"]);
  node([
    "--input-type=module",
    "-e",
    `import * as babel from "@babel/core";
     import { readFileSync, writeFileSync } from "node:fs";
     const out = babel.transformSync(readFileSync("app.js", "utf8"), { babelrc: false, configFile: false, cwd: process.cwd(), plugins: ["python-websocket"] });
     writeFileSync("app.out.cjs", "globalThis.ECHO_URL = " + JSON.stringify(${JSON.stringify(server.url)}) + ";\\n" + out.code);`,
  ]);
  const rewritten = readFileSync(join(consumer, "app.out.cjs"), "utf8");
  expect(rewritten).not.toMatch(/ρσ_modules(\.browser|\["browser)/);
  expect((await runWithWebSocket("app.out.cjs")).trim()).toBe("echo: through the installed modules");
});
