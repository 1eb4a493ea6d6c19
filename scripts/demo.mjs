// npm run demo: the seed example of Brython's WebSocket docs, written in Python, transpiled by RapydScript-ng,
// rewritten by this plugin, and run as the page would run it against a real echo server on 127.0.0.1.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import { createContext, runInContext } from "node:vm";
import { startTalkingEchoServer } from "./talking-echo-server.mjs";

const require = createRequire(import.meta.url);
const babel = require("@babel/core");
const plugin = require("../dist/cjs/index.js");

const SEED = "fixtures/e2e/seed/program.pyj";
const say = (text = "") => console.log(text);

if (typeof WebSocket !== "function") {
  console.error("Node's WebSocket client is missing: run this with node --experimental-websocket (npm run demo does).");
  process.exit(1);
}

// A real ws echo server on 127.0.0.1 that tells what it hears; the page is done when it has closed.
const { server, url } = await startTalkingEchoServer(say, () => {
  say("   server: the page closed the connection");
  server.close(() => say("\nDone: Python's WebSocket API ran as native WebSocket code."));
});

// 1. Python → JavaScript with RapydScript-ng: one classic-script IIFE, its runtime included.
const rapydscript = require.resolve("rapydscript-ng/bin/rapydscript");
const scratch = mkdtempSync(join(tmpdir(), "python-websocket-demo-"));
const python = readFileSync(SEED, "utf8").replace("websocket(ECHO_URL)", `websocket(${JSON.stringify(url)})`);
writeFileSync(join(scratch, "seed.pyj"), python);
const transpiled = execFileSync(process.execPath, [rapydscript, "compile", join(scratch, "seed.pyj")], { encoding: "utf8" });
rmSync(scratch, { recursive: true });
say(`1. ${SEED} (its url: the local echo server) → RapydScript-ng → ${(transpiled.length / 1024).toFixed(0)} KB classic script`);

// 2. The plugin, in a Babel pass configured as a user's is, `plugins: ["python-websocket"]` and nothing else: the file
// has no import/export, so it is a classic script, and the plugin inlines its small runtime into it.
const { code } = babel.transformSync(transpiled, { babelrc: false, configFile: false, plugins: [plugin] });
const rewritten = code.slice(code.indexOf("function _test()"), code.indexOf("if (!_test.__module__)")).replace(/\n\s*;\s*$/, "");
const indent = rewritten.match(/\n(\s*)\}$/)?.[1] ?? "";
// The inlined runtime: the parts of it this program calls, returned by `function (platform) {...}(globalThis)`.
const inlined = code.slice(code.indexOf("var _pythonWebSocket = function (platform)"), code.indexOf("}(globalThis);") + 14);
const parts = [...inlined.slice(inlined.lastIndexOf("return {")).matchAll(/(\w+): \1/g)].map((m) => m[1]);
say(`2. babel-plugin-python-websocket rewrote it, inlining the ${parts.length} parts of its runtime the program calls (${parts.join(", ")}: ${(inlined.length / 1024).toFixed(1)} KB unminified). _test() now reads:\n`);
say(("     " + rewritten.split("\n").map((line) => line.replace(indent, "")).join("\n     ")).trimEnd());
say();

say(`3. Running the page against the echo server at ${url}`);
say(`   page: the input field holds "hello"; pressing Send (_test())`);

// The page: its input field, alert(), and its buttons, which call _test() and close_connection().
const page = createContext({
  WebSocket,
  performance,
  setTimeout,
  console,
  doc: { data: { value: "hello" } },
  alert(text) {
    say(`   page: alert("${text}")`);
    if (String(text).startsWith("Message received")) {
      say("   page: pressing Close connection (close_connection())");
      page.close_connection();
    }
  },
});
runInContext(code, page, { filename: "seed.js" });
page._test();
