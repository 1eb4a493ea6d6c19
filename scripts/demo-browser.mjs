// npm run demo:browser [-- --keep]: the seed example of Brython's WebSocket docs, written in Python, transpiled by
// RapydScript-ng, rewritten by this plugin (its runtime inlined into the classic script), and served as the seed's
// page (input field, Send, Close connection) from 127.0.0.1 under a strict Content-Security-Policy, beside a local
// echo server. It prints the page's URL (open it in any browser on this machine); with Chromium installed it also
// drives the page headless (types "hello", presses Send, then Close) and prints what the page showed.
// --keep: keep serving until Ctrl-C.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startTalkingEchoServer } from "./talking-echo-server.mjs";

const require = createRequire(import.meta.url);
const babel = require("@babel/core");
const plugin = require("../dist/cjs/index.js");

const REPO = fileURLToPath(new URL("..", import.meta.url));
const PAGES = join(REPO, "fixtures/browser/pages");
const CSP = readFileSync(join(REPO, "fixtures/browser/csp.txt"), "utf8").trim();
const SEED = "fixtures/e2e/seed/program.pyj";
const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_FLAGS = JSON.parse(readFileSync(join(REPO, "fixtures/browser/chromium-flags.json"), "utf8"));
const keep = process.argv.includes("--keep");
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
const scripts = ["report-csp.js", "globals.js", "doc.js", "program.js", "seed-buttons.js"];
const files = {
  "/": asset("seed.html").replace("<!-- scripts -->", scripts.map((src) => `<script src="${src}"></script>`).join("\n")),
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

let failed = false;
if (!existsSync(CHROMIUM)) {
  say(`Chromium is not installed (${CHROMIUM}; apt-get install -y chromium), so nothing drives the page here.`);
  say(`Open ${url} in a browser on this machine: type something, press Send, then Close connection. Ctrl-C to stop.`);
} else {
  failed = !(await drive());
  if (keep) say(`\nStill serving ${url} (--keep): open it in any browser on this machine. Ctrl-C to stop.`);
}
if (existsSync(CHROMIUM) && !keep) {
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

/** Chromium headless (playwright-core, a fresh profile): type "hello", Send, wait for the echo, Close. */
async function drive() {
  const { chromium } = require("playwright-core");
  const profile = mkdtempSync(join(tmpdir(), "python-websocket-demo-chromium-"));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  const problems = [];
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const alerts = [];
    page.on("dialog", (dialog) => {
      say(`   page: alert("${dialog.message()}")`);
      alerts.push(dialog.message());
      void dialog.accept().catch(() => undefined);
    });
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    const seen = (text) => waitFor(() => alerts.some((alert) => alert.startsWith(text)));

    say(`4. Chromium (${CHROMIUM}, headless) opens ${url}`);
    await page.goto(url);
    say('   page: typing "hello" into the field, pressing Send');
    await page.fill("#data", "hello");
    await page.click("#send");
    await seen("Message received");
    say("   page: pressing Close connection");
    await page.click("#close");
    await seen("Connection is closed");
  } catch (error) {
    problems.push(String(error));
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  if (problems.length > 0) {
    say(`\nThe page had problems:\n  ${problems.join("\n  ")}`);
    return false;
  }
  say("\nDone: Python's WebSocket API ran in Chromium as native WebSocket code, under the strict CSP, with no console errors.");
  return true;
}

function waitFor(done, timeout = 10_000) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const check = () => {
      if (done()) resolve();
      else if (Date.now() - started > timeout) reject(new Error(`timed out after ${timeout} ms`));
      else setTimeout(check, 20);
    };
    check();
  });
}
