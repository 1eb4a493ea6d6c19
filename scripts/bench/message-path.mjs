// Figure 4: echo messages through the plugin's rewrite of a Python-style program vs the same program written by
// hand with native addEventListener and send. One `ws` echo server on 127.0.0.1 serves every round; each round runs
// in a fresh Node process (Node 20's WHATWG WebSocket client), so the variants share no heap or JIT state.
import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { WebSocketServer } from "ws";
import { BUILT_RUNTIME, REPO, babel, plugin } from "./repo.mjs";
import { median, range } from "./stats.mjs";

const here = (file) => fileURLToPath(new URL(file, import.meta.url));
const CLIENT = here("echo-client.mjs");
// Transcrypt 3.9.5's output of fixtures/bench/echo/program.py, committed beside it.
const PYTHON_PROGRAM = join(REPO, "fixtures/bench/echo/program.js");
// Messages in flight: enough that the client's handler work, not the round trip, sets the pace.
export const WINDOW = 64;

async function startEchoServer() {
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise((resolve) => server.once("listening", resolve));
  server.on("connection", (socket) => {
    socket.on("message", (data, isBinary) => socket.send(data, { binary: isBinary }));
  });
  return { url: `ws://127.0.0.1:${server.address().port}/`, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** The two programs in `dir`: the Python one rewritten by the plugin (its runtime imported from dist/), the native one. */
function writePrograms(dir) {
  const python = readFileSync(PYTHON_PROGRAM, "utf8");
  const rewritten = babel.transformSync(python, {
    babelrc: false,
    configFile: false,
    sourceType: "module",
    plugins: [[plugin, { runtimeModule: pathToFileURL(BUILT_RUNTIME).href }]],
  }).code;
  for (const call of ['_pyws.setHandler(ws, "on_message", on_message)', "_pyws.send(ws, String(sent))"]) {
    if (!rewritten.includes(call)) throw new Error(`message path: the rewritten program has no ${call}`);
  }
  writeFileSync(join(dir, "python.js"), rewritten);
  copyFileSync(here("echo-native.mjs"), join(dir, "native.js"));
  copyFileSync(join(REPO, "test/support/transcrypt-runtime.js"), join(dir, "org.transcrypt.__runtime__.js"));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
  return { native: join(dir, "native.js"), rewritten: join(dir, "python.js") };
}

/** Messages per second of one round; fails unless every echo came back, in order (the program checks the order). */
function runRound(program, url, count) {
  const args = ["--experimental-websocket", "--no-warnings", CLIENT, program, url, String(count), String(WINDOW)];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { timeout: 300_000 }, (error, stdout, stderr) => {
      const result = error ? null : JSON.parse(stdout.trim().split("\n").pop() || "null");
      if (result?.received !== count) {
        reject(new Error(`message path: ${program} did not get its ${count} echoes in order\n${error?.message ?? stdout}\n${stderr}`));
      } else {
        resolve(count / (result.ms / 1000));
      }
    });
  });
}

export async function measureMessagePath({ rounds, warmup, messages }) {
  const dir = mkdtempSync(join(tmpdir(), "python-websocket-bench-"));
  const server = await startEchoServer();
  try {
    const programs = writePrograms(dir);
    const rates = { native: [], rewritten: [] };
    for (let round = -warmup; round < rounds; round++) {
      for (const variant of round % 2 ? ["rewritten", "native"] : ["native", "rewritten"]) {
        const rate = await runRound(programs[variant], server.url, messages);
        if (round >= 0) rates[variant].push(rate);
      }
    }
    const native = median(rates.native);
    const rewritten = median(rates.rewritten);
    return {
      rounds,
      messages,
      window: WINDOW,
      nativePerSecond: native,
      rewrittenPerSecond: rewritten,
      ratio: rewritten / native,
      roundRatios: range(rates.rewritten.map((rate, round) => rate / rates.native[round])),
    };
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
