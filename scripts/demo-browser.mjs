// npm run demo:browser [-- --browser chromium|firefox|webkit] [-- --keep]: the seed example of Brython's WebSocket
// docs, written in Python, transpiled by RapydScript-ng, rewritten by this plugin (its runtime inlined into the
// classic script), and served as the seed's page (input field, Send, Close connection) from 127.0.0.1 under a strict
// Content-Security-Policy, beside a local echo server. It prints the page's URL (open it in any browser on this
// machine); where the chosen engine is installed (Chromium by default) it also drives the page (types "hello",
// presses Send, then Close) and prints what the page showed. The engines are the browser tests' own
// (test/support/browser/engines/). --keep: keep serving until Ctrl-C.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { extname, join } from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { assertInstalled, ENGINE_NAMES, launchEngine } from "../test/support/browser/engines/index.mjs";
import { startTalkingEchoServer } from "./talking-echo-server.mjs";

const require = createRequire(import.meta.url);
const babel = require("@babel/core");
const plugin = require("../dist/cjs/index.js");

const REPO = fileURLToPath(new URL("..", import.meta.url));
const PAGES = join(REPO, "fixtures/browser/pages");
const CSP = readFileSync(join(REPO, "fixtures/browser/csp.txt"), "utf8").trim();
const SEED = "fixtures/e2e/seed/program.pyj";
const { values: options } = parseArgs({ options: { browser: { type: "string", default: "chromium" }, keep: { type: "boolean", default: false } } });
const browser = /** @type {import("../test/support/browser/engines/index.mjs").EngineName} */ (options.browser);
if (!ENGINE_NAMES.includes(browser)) {
  console.error(`--browser ${browser}: one of ${ENGINE_NAMES.join(", ")}`);
  process.exit(2);
}
const keep = options.keep;
const say = (text = "") => console.log(text);

// A real ws echo server on 127.0.0.1 that tells what it hears.
const { server: echo, url: echoUrl } = await startTalkingEchoServer(say, (code) =>
  say(`   server: the page closed the connection (${code})`),
);

// 1. Python → JavaScript with RapydScript-ng: one classic-script IIFE, its runtime included.
const rapydscript = require.resolve("rapydscript-ng/bin/rapydscript");
const transpiled = execFileSync(process.execPath, [rapydscript, "compile", join(REPO, SEED)], { encoding: "utf8" });
say(`1. ${SEED} → RapydScript-ng → ${(transpiled.length / 1024).toFixed(0)} KB classic script`);

// 2. The plugin, in a Babel pass configured with it alone: a classic script, so its small runtime is inlined (a
// <script> cannot import).
const { code } = babel.transformSync(transpiled, { babelrc: false, configFile: false, plugins: [plugin] });
say(`2. babel-plugin-python-websocket rewrote it: +${((code.length - transpiled.length) / 1024).toFixed(1)} KB (its runtime, inlined)`);

// 3. The seed's page, from 127.0.0.1, every response with the Content-Security-Policy. No inline script: the
//    buttons are wired by seed-buttons.js, the echo server's URL comes in globals.js.
const asset = (name) => readFileSync(join(PAGES, name), "utf8");
const scripts = ["record-page.js", "report-csp.js", "globals.js", "doc.js", "program.js", "seed-buttons.js"];
const files = {
  "/": asset("seed.html").replace("<!-- scripts -->", scripts.map((src) => `<script src="${src}"></script>`).join("\n")),
  "/record-page.js": asset("record-page.js"),
  "/report-csp.js": asset("report-csp.js"),
  "/globals.js": `window.ECHO_URL = ${JSON.stringify(echoUrl)};\n`,
  "/doc.js": asset("doc.js"),
  "/program.js": code,
  "/seed-buttons.js": asset("seed-buttons.js"),
};
const web = createServer((request, response) => {
  const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
  const file = files[path];
  const headers = { "Content-Security-Policy": CSP, "Cache-Control": "no-store" };
  if (file === undefined) return void response.writeHead(path === "/favicon.ico" ? 204 : 404, headers).end();
  const type = extname(path) === ".js" ? "text/javascript" : "text/html";
  response.writeHead(200, { ...headers, "Content-Type": `${type}; charset=utf-8` }).end(file);
});
await new Promise((resolve) => web.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${web.address().port}/`;
say(`3. Serving the seed's page at ${url}`);
say(`   Content-Security-Policy: ${CSP}`);
say(`   echo server: ${echoUrl}`);
say();

/** Where the engine is missing, why (with how to install it). */
const missing = (() => {
  try {
    assertInstalled(browser);
    return null;
  } catch (error) {
    return error.message;
  }
})();
let failed = false;
if (missing) {
  say(`${missing}\nSo nothing drives the page here.`);
  say(`Open ${url} in a browser on this machine: type something, press Send, then Close connection. Ctrl-C to stop.`);
} else {
  failed = !(await drive());
  if (keep) say(`\nStill serving ${url} (--keep): open it in any browser on this machine. Ctrl-C to stop.`);
}
if (!missing && !keep) {
  web.close();
  echo.close();
  process.exitCode = failed ? 1 : 0;
} else {
  process.on("SIGINT", () => {
    say("\nStopped.");
    web.close();
    echo.close();
    process.exit(failed ? 1 : 0);
  });
}

/** The engine (launched once, ended after): type "hello", Send, wait for the echo, Close. */
async function drive() {
  const problems = [];
  let engine;
  try {
    engine = await launchEngine(browser);
    say(`4. ${engine.title} opens ${url}`);
    const run = await engine.open(url);
    let shown = 0;
    /** Prints what the page showed since the last call. */
    const show = () => {
      for (const line of run.output.slice(shown)) say(`   page: ${line.replace(/^alert: (.*)$/, 'alert("$1")')}`);
      shown = run.output.length;
    };
    say('   page: typing "hello" into the field, pressing Send');
    await run.type("#data", "hello");
    await run.click("#send");
    await run.waitForLine("alert: Message received : hello");
    show();
    say("   page: pressing Close connection");
    await run.click("#close");
    await run.waitForLine("alert: Connection is closed");
    await run.settle(100);
    show();
    problems.push(...run.problems);
    await run.close();
  } catch (error) {
    problems.push(String(error));
  } finally {
    await engine?.close();
  }
  if (problems.length > 0) {
    say(`\nThe page had problems:\n  ${problems.join("\n  ")}`);
    return false;
  }
  say(`\nDone: Python's WebSocket API ran in ${engine.title} as native WebSocket code, under the strict CSP, with no console errors.`);
  return true;
}
