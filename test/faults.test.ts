// Runtime faults against a real `ws` server on 127.0.0.1, with Node's WHATWG WebSocket client (npm test runs node
// with --experimental-websocket): bad urls, refused connections, servers that close or vanish mid-stream, misuse of
// send/close; a burst of 10,000 messages each way through a rewritten program; 200 sockets opened and closed; the
// runtime's bookkeeping off shared prototypes; handler exceptions (in a child process: Node reports them as uncaught).
import { execFile } from "node:child_process";
import { getEventListeners } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { WebSocketServer, type WebSocket as ServerSocket } from "ws";
import { BABEL_CORES } from "./support/babel-cores.js";
import { deadUrl } from "./support/echo-server.js";
import type { AllParts } from "./support/file-runtime.js";
import { transform } from "./support/transform.js";

const BURST = 10_000;
const SOCKETS = 200;
const NODE_MAJOR = Number(process.versions.node.split(".")[0]);

// ---------- a server that records what it receives and can misbehave on request ----------

interface Connection {
  socket: ServerSocket;
  received: Array<string | Uint8Array>;
}

interface FaultServer {
  url: string;
  connections: Connection[];
  close(): Promise<void>;
}

/**
 * Echoes text as text and binary as binary, and records everything per connection. Text commands:
 * "burst N" sends s0..s(N-1) (every 100th as 2 bytes), "close CODE REASON" closes cleanly, "kill" drops the TCP
 * connection, "send-then-close N CODE" sends N messages then closes, "send-then-kill N" sends N then drops.
 */
async function startFaultServer(): Promise<FaultServer> {
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const connections: Connection[] = [];
  const burst = (socket: ServerSocket, n: number) => {
    for (let i = 0; i < n; i += 1) {
      if (i % 100 === 99) socket.send(new Uint8Array([i & 255, i >> 8]), { binary: true });
      else socket.send(`s${i}`);
    }
  };
  server.on("connection", (socket) => {
    const connection: Connection = { socket, received: [] };
    connections.push(connection);
    socket.on("message", (data: Buffer, isBinary) => {
      connection.received.push(isBinary ? new Uint8Array(data) : data.toString());
      const text = isBinary ? "" : data.toString();
      let m: RegExpMatchArray | null;
      if ((m = text.match(/^burst (\d+)$/))) burst(socket, Number(m[1]));
      else if ((m = text.match(/^close (\d+) ?(.*)$/))) socket.close(Number(m[1]), m[2]);
      else if (text === "kill") socket.terminate();
      else if ((m = text.match(/^send-then-close (\d+) (\d+)$/))) (burst(socket, Number(m[1])), socket.close(Number(m[2]), "done"));
      else if ((m = text.match(/^send-then-kill (\d+)$/))) (burst(socket, Number(m[1])), setTimeout(() => socket.terminate(), 20));
      else socket.send(data, { binary: isBinary });
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/`,
    connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}

// ---------- helpers ----------

type Attributes = Record<string, unknown>;

function nextEvent(ws: WebSocket, type: string): Promise<Event> {
  return new Promise((resolve) => ws.addEventListener(type, resolve, { once: true }));
}

async function until(condition: () => boolean, what: string, ms = 10_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

/** What `run` raises: an Error named `name` (the runtime's ConnectionError, ValueError where the program has none). */
function raised(run: () => unknown): { name: string; message: string } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    return { name: (error as Error).name, message: (error as Error).message };
  }
  throw new Error("expected an error, but nothing was raised");
}

/** The expected burst from the server, as a Python handler sees it: str, or bytes (a Uint8Array). */
function expectedBurst(n: number): Array<string | Uint8Array> {
  return Array.from({ length: n }, (_, i) => (i % 100 === 99 ? new Uint8Array([i & 255, i >> 8]) : `s${i}`));
}

/** Shared prototypes and what they hold, own keys and symbols included. */
function prototypeKeys(): Record<string, string[]> {
  const shared: Record<string, object> = {
    "WebSocket.prototype": WebSocket.prototype,
    "EventTarget.prototype": EventTarget.prototype,
    "Object.prototype": Object.prototype,
    "Function.prototype": Function.prototype,
    "Error.prototype": Error.prototype,
    "Event.prototype": Event.prototype,
    "MessageEvent.prototype": MessageEvent.prototype,
  };
  return Object.fromEntries(Object.entries(shared).map(([name, proto]) => [name, Reflect.ownKeys(proto).map(String).sort()]));
}

let server: FaultServer;
let prototypesBefore: Record<string, string[]>;
/** The runtime module, loaded once the shared prototypes are recorded (so its loading is checked too). */
let runtimeModule: typeof import("../src/runtime/index.js");
/** A RapydScript-ng file's runtime object: every part; the program has none of the classes the runtime raises. */
let py: AllParts;

beforeAll(async () => {
  if (typeof WebSocket !== "function") throw new Error("run the tests with node --experimental-websocket (npm test does)");
  prototypesBefore = prototypeKeys();
  runtimeModule = await import("../src/runtime/index.js");
  py = { ...runtimeModule };
  server = await startFaultServer();
});
afterAll(() => server.close());

/** `require` for a rewritten CommonJS-style script: only the runtime is asked for. */
function requireRuntime(id: string): unknown {
  if (id !== "babel-plugin-python-websocket/runtime") throw new Error(`unexpected require(${JSON.stringify(id)})`);
  return runtimeModule;
}

async function openSocket(url = server.url): Promise<WebSocket> {
  const ws = py.websocket(url);
  await nextEvent(ws, "open");
  return ws;
}

// ---------- faults ----------

describe("invalid urls: a clear error at the call, no socket", () => {
  test.each([
    ["ftp://example.org/", /ws: or wss:.*ftp:/],
    ["wss://example.org/#room", /fragment/i],
    ["wss://exa mple.org/", /Invalid URL/],
    ["ws://[::1/", /Invalid URL/],
    // Node has no page to resolve a relative url against (a browser would): an error there too.
    ["/relative/path", /Invalid URL/],
  ])("%s", (url, message) => {
    let error: unknown;
    try {
      py.websocket(url);
    } catch (caught) {
      error = caught;
    }
    expect((error as Error).name).toBe("SyntaxError");
    expect((error as Error).message).toMatch(message);
  });

  test("in a rewritten program, the error comes from the websocket(...) call itself", () => {
    const [, core] = BABEL_CORES[0]!;
    const code = transform(core, "function connect(url) {\n  var ws = websocket(url);\n  ws.on_open = opened;\n  return ws;\n}", {
      sourceType: "script",
      pluginOptions: { runtime: "import" },
    });
    const connect = new Function("require", "opened", `${code}\nreturn connect;`)(requireRuntime, () => undefined) as (url: string) => WebSocket;
    expect(() => connect("ftp://example.org/")).toThrow(/ftp:/);
  });
});

describe("connection refused", () => {
  test("on_error runs, on_open never; sending raises (the data was not sent)", async () => {
    const ws = py.websocket(await deadUrl());
    const seen: string[] = [];
    py.setHandler(ws, "on_open", () => seen.push("open"));
    py.setHandler(ws, "on_error", (evt: Event) => seen.push(`error ${evt.type}`));
    py.setHandler(ws, "on_close", (evt: CloseEvent) => seen.push(`close ${evt.code}`));
    await until(() => seen.length > 0, "on_error");
    await tick(300);
    if (NODE_MAJOR === 20) {
      // Node 20's client fires no close after a failed connect, and the socket stays CONNECTING (a browser
      // fires close 1006 and is CLOSED).
      expect(seen).toEqual(["error error"]);
      expect(ws.readyState).toBe(WebSocket.CONNECTING);
    } else {
      expect(seen[0]).toBe("error error");
      expect(seen.slice(1).every((s) => s === "close 1006")).toBe(true);
    }
    expect(raised(() => py.send(ws, "lost?")).name).toBe("ConnectionError");
  });
});

describe("the server closes", () => {
  test("with a code and a reason: on_close gets them, cleanly; sending afterwards raises", async () => {
    const ws = await openSocket();
    const closes: Array<[number, string, boolean]> = [];
    py.setHandler(ws, "on_close", (evt: CloseEvent) => closes.push([evt.code, evt.reason, evt.wasClean]));
    py.send(ws, "close 4002 going away ☃");
    await until(() => closes.length === 1, "on_close");
    expect(closes).toEqual([[4002, "going away ☃", true]]);
    expect(raised(() => py.send(ws, "after"))).toEqual({ name: "ConnectionError", message: "send(): the WebSocket is closed" });
  });

  test("mid-stream, cleanly: every message sent before the close arrives, in order, then on_close", async () => {
    const ws = await openSocket();
    const got: unknown[] = [];
    let closedWith: number | null = null;
    py.setHandler(ws, "on_message", (evt: MessageEvent) => got.push(evt.data));
    py.setHandler(ws, "on_close", (evt: CloseEvent) => (closedWith = evt.code));
    py.send(ws, "send-then-close 1000 4003");
    await until(() => closedWith !== null, "on_close");
    expect(got).toEqual(expectedBurst(1000));
    expect(closedWith).toBe(4003);
  });

  test("mid-stream, by dropping the connection: what arrived is in order, on_close says 1006, not clean", async () => {
    const ws = await openSocket();
    const got: unknown[] = [];
    const closes: Array<[number, boolean]> = [];
    py.setHandler(ws, "on_message", (evt: MessageEvent) => got.push(evt.data));
    py.setHandler(ws, "on_close", (evt: CloseEvent) => closes.push([evt.code, evt.wasClean]));
    py.send(ws, "send-then-kill 500");
    await until(() => closes.length === 1, "on_close");
    expect(closes).toEqual([[1006, false]]);
    // The server wrote all 500 before dropping the connection 20 ms later: a prefix at least, never reordered.
    expect(got).toEqual(expectedBurst(500).slice(0, got.length));
    expect(raised(() => py.send(ws, "after")).name).toBe("ConnectionError");
  });
});

describe("send/close misuse: the program learns its data was not sent", () => {
  test("send before open raises, and nothing reaches the server", async () => {
    const before = server.connections.length;
    const ws = py.websocket(server.url);
    expect(raised(() => py.send(ws, "too early"))).toEqual({ name: "ConnectionError", message: "send(): the WebSocket is not open yet" });
    await nextEvent(ws, "open");
    py.send(ws, "first");
    await nextEvent(ws, "message");
    const connection = server.connections[before]!;
    expect(connection.received).toEqual(["first"]);
    ws.close();
    await nextEvent(ws, "close");
  });

  test("send while closing and after close raises; what was sent before close() all arrives", async () => {
    const before = server.connections.length;
    const ws = await openSocket();
    for (let i = 0; i < 100; i += 1) py.send(ws, `m${i}`);
    py.close(ws, 1000, "bye");
    expect(ws.readyState).toBe(WebSocket.CLOSING);
    expect(raised(() => py.send(ws, "while closing")).message).toBe("send(): the WebSocket is closed");
    await nextEvent(ws, "close");
    expect(raised(() => py.send(ws, "after close")).message).toBe("send(): the WebSocket is closed");
    const connection = server.connections[before]!;
    await until(() => connection.received.length === 100, "the 100 messages at the server");
    expect(connection.received).toEqual(Array.from({ length: 100 }, (_, i) => `m${i}`));
  });

  test.each([
    ["code 999", [999], "close(): code must be 1000 or in 3000..4999, not 999"],
    ["code 1001 (reserved to the platform)", [1001], "close(): code must be 1000 or in 3000..4999, not 1001"],
    ["code 1005", [1005], "close(): code must be 1000 or in 3000..4999, not 1005"],
    ["code 2999", [2999], "close(): code must be 1000 or in 3000..4999, not 2999"],
    ["code 5000", [5000], "close(): code must be 1000 or in 3000..4999, not 5000"],
    ["code 3000.5", [3000.5], "close(): code must be 1000 or in 3000..4999, not 3000.5"],
    ["code NaN", [NaN], "close(): code must be 1000 or in 3000..4999, not NaN"],
    ["a reason without a code", [null, "why"], "close(): a reason needs a code"],
    ["a reason of 124 ASCII bytes", [1000, "x".repeat(124)], "close(): reason must be at most 123 bytes of UTF-8"],
    ["a reason of 124 UTF-8 bytes in 62 characters", [4000, "é".repeat(62)], "close(): reason must be at most 123 bytes of UTF-8"],
    ["a keyword reason without a code", [{ reason: "why", __kwargtrans__: null }], "close(): a reason needs a code"],
  ])("close() with %s raises ValueError naming the rule; the socket stays open", async (_name, args, message) => {
    const ws = await openSocket();
    expect(raised(() => py.call(ws, "close", ...(args as unknown[])))).toEqual({ name: "ValueError", message });
    if ((args as unknown[]).length <= 2 && typeof (args as unknown[])[0] !== "object") {
      expect(raised(() => py.close(ws, ...(args as [unknown, unknown?])))).toEqual({ name: "ValueError", message });
    }
    expect(ws.readyState).toBe(WebSocket.OPEN);
    py.send(ws, "still open");
    expect(((await nextEvent(ws, "message")) as MessageEvent).data).toBe("still open");
    py.close(ws, 1000, "é".repeat(61) + "a");
    expect(((await nextEvent(ws, "close")) as CloseEvent).reason).toBe("é".repeat(61) + "a");
  });
});

// ---------- load ----------

describe("load", () => {
  test(`a burst of ${BURST} messages each way, through a rewritten program's handlers, arrives complete and in order`, async () => {
    // A RapydScript-ng-shaped class: its handlers are methods set after other code, so each goes through setHandler.
    const program = `
function Burst(url, count, done) {
  var self = this;
  self.count = count;
  self.got = [];
  self.done = done;
  self.ws = websocket(url);
  self.ws.on_open = self.opened;
  self.ws.on_message = self.received;
  self.ws.on_error = self.failed;
  self.ws.on_close = self.closed;
}
Burst.prototype.opened = function () {
  for (var i = 0; i < this.count; i++) {
    this.ws.send(i % 100 === 99 ? new Uint8Array([i & 255, i >> 8]) : "c" + i);
  }
  this.ws.send("burst " + this.count);
};
Burst.prototype.received = function (evt) {
  this.got.push(evt.data);
  if (this.got.length === 2 * this.count) this.ws.close(1000, "all there");
};
Burst.prototype.failed = function (evt) { this.done(new Error("on_error")); };
Burst.prototype.closed = function (evt) { this.done(null, this.got, evt.code, evt.reason); };
`;
    const [, core] = BABEL_CORES[0]!;
    const code = transform(core, program, { sourceType: "script", pluginOptions: { runtime: "import" } });
    // The socket is kept on `self`: of the runtime's class, whose accessors take the handlers, bound to `self`.
    expect(code).toContain("self.ws = _pyws.websocket(url);");
    for (const name of ["on_open", "on_message", "on_error", "on_close"]) expect(code).toContain(`self.ws.${name} = _pyws.bound(self, "`);
    expect(code).not.toContain("addEventListener");
    const Burst = new Function("require", `${code}\nreturn Burst;`)(requireRuntime) as new (
      url: string,
      count: number,
      done: (error: Error | null, got?: unknown[], code?: number, reason?: string) => void,
    ) => { ws: WebSocket };

    const before = server.connections.length;
    const result = await new Promise<{ got: unknown[]; code: number; reason: string }>((resolve, reject) => {
      new Burst(server.url, BURST, (error, got, code, reason) => (error ? reject(error) : resolve({ got: got!, code: code!, reason: reason! })));
    });
    // Client → server: every message, in order (the echo makes them the first half of what came back).
    const sent = Array.from({ length: BURST }, (_, i) => (i % 100 === 99 ? new Uint8Array([i & 255, i >> 8]) : `c${i}`));
    expect(server.connections[before]!.received).toEqual([...sent, `burst ${BURST}`]);
    // Server → client: the echoes in order, then the server's own burst, binary messages as bytes.
    expect(result.got.length).toBe(2 * BURST);
    expect(result.got.slice(0, BURST)).toEqual(sent);
    expect(result.got.slice(BURST)).toEqual(expectedBurst(BURST));
    expect([result.code, result.reason]).toEqual([1000, "all there"]);
  }, 60_000);

  test(`${SOCKETS} sockets opened and closed in a loop: one listener per event each, however often handlers change`, async () => {
    let opened = 0;
    let messages = 0;
    let closes = 0;
    for (let i = 0; i < SOCKETS; i += 1) {
      const ws = py.websocket(server.url);
      const seen: string[] = [];
      py.setHandler(ws, "on_open", () => (opened += 1, py.send(ws, `hello ${i}`)));
      py.setHandler(ws, "on_message", (evt: MessageEvent) => {
        seen.push(evt.data);
        messages += 1;
        // Half closed by the program, half by the server; a few replace their handler on the way.
        if (i % 2 === 0) py.close(ws, 1000);
        else py.send(ws, "close 4000 server side");
        if (i % 10 === 0) py.setHandler(ws, "on_message", () => undefined);
      });
      py.setHandler(ws, "on_error", () => seen.push("error"));
      py.setHandler(ws, "on_close", () => (closes += 1, seen.push("close")));
      await nextEvent(ws, "close");
      await tick();
      expect(seen).toEqual([`hello ${i}`, "close"]);
      // The platform agrees: the runtime's one listener for each event, replaced handlers included.
      for (const type of ["open", "message", "error", "close"]) expect(getEventListeners(ws, type)).toHaveLength(1);
      // The Python attributes stay readable, as assigned.
      expect(typeof (ws as unknown as Attributes).on_close).toBe("function");
    }
    expect([opened, messages, closes]).toEqual([SOCKETS, SOCKETS, SOCKETS]);
  }, 60_000);
});

// ---------- hygiene ----------

describe("hygiene", () => {
  test("a handler's exception in Node: reported as uncaught, and other sockets' events (and its own) go on", async () => {
    const { stdout, code } = await runChild("handler");
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n");
    // Each throw is reported once, as the handler's own error; nothing was lost on either socket.
    expect(lines.filter((l) => l.startsWith("uncaught: "))).toEqual(["uncaught: boom a0", "uncaught: boom a1", "uncaught: boom a2"]);
    const seen = JSON.parse(lines.find((l) => l.startsWith("seen: "))!.slice("seen: ".length)) as string[];
    expect(seen.filter((s) => s.startsWith("a "))).toEqual(["a a0", "a a1", "a a2"]);
    expect(seen.filter((s) => s.startsWith("b "))).toEqual(["b b0", "b b1", "b b2"]);
    expect(lines).toContain("b closed 4001");
  });

  test("without a process handler Node ends the process at the first handler exception (its EventTarget's rule)", async () => {
    // Node reports an exception thrown by an EventTarget listener as an uncaught exception, which by default ends
    // the process: there, a program that lets an exception out of a handler stops every socket. A browser reports
    // it and dispatches on; the runtime adds nothing either way (it does not swallow the exception).
    const { stdout, stderr, code } = await runChild("no-handler");
    expect(code).toBe(1);
    expect(stderr).toContain("Error: boom a0");
    expect(stdout).not.toContain("seen:");
  });

  test("shared prototypes gain no properties (bookkeeping is a registered symbol on each socket)", () => {
    expect(prototypeKeys()).toEqual(prototypesBefore);
    // A native socket (the plugin's `new WebSocket`) and one of the runtime's class: on each, the Python attribute
    // where it is the socket's own, and one registered symbol (the platform's own symbols are unregistered), which
    // for-in, Object.keys and JSON do not see. The class's accessors are on its own prototype, not the platform's.
    const native = new WebSocket(server.url);
    const made = py.websocket(server.url) as WebSocket & { on_message: unknown };
    py.setHandler(native, "on_message", () => undefined);
    made.on_message = () => undefined;
    for (const ws of [native, made]) {
      const registered = Reflect.ownKeys(ws).filter((k) => typeof k === "symbol" && Symbol.keyFor(k) !== undefined);
      expect(registered).toEqual([Symbol.for("python-websocket")]);
      ws.close();
    }
    expect([Object.keys(native), Object.keys(made)]).toEqual([["on_message"], []]);
    expect(prototypeKeys()).toEqual(prototypesBefore);
  });

  test("every copy of the runtime in a page keeps the same bookkeeping: an inlined copy replaces the imported one's handler", async () => {
    const [, core] = BABEL_CORES[0]!;
    // `del`, then an assignment: the inlined copy's deleteHandler, then the socket's own accessor.
    const code = transform(core, "function attach(ws, handler) {\n  delete ws.on_message;\n  ws.on_message = handler;\n}", { sourceType: "script" });
    expect(code).toContain("function (platform)");
    const attach = new Function(`${code}\nreturn attach;`)() as (ws: WebSocket, handler: (evt: MessageEvent) => void) => void;
    const ws = await openSocket();
    const seen: string[] = [];
    py.setHandler(ws, "on_message", (evt: MessageEvent) => seen.push(`imported ${evt.data}`));
    attach(ws, (evt) => seen.push(`inlined ${evt.data}`));
    expect(getEventListeners(ws, "message")).toHaveLength(1);
    py.send(ws, "x");
    await nextEvent(ws, "message");
    expect(seen).toEqual(["inlined x"]);
    ws.close();
  });
});

// ---------- the child process for handler exceptions ----------

const REPO = fileURLToPath(new URL("..", import.meta.url));

/** The child's program, a classic script as RapydScript-ng's would be; rewritten, it carries its runtime inlined. */
const CHILD_PROGRAM = `
var url = process.argv[2];
if (process.argv[3] === "handler") process.on("uncaughtException", function (error) { console.log("uncaught: " + error.message); });
var seen = [];
var open = 0;
var a = websocket(url);
var b = websocket(url);
function start() {
  if (++open < 2) return;
  for (var i = 0; i < 3; i++) { a.send("a" + i); b.send("b" + i); }
}
a.on_message = function (evt) { seen.push("a " + evt.data); throw new Error("boom " + evt.data); };
b.on_message = function (evt) { seen.push("b " + evt.data); if (evt.data === "b2") b.send("close 4001 done"); };
b.on_close = function (evt) { console.log("seen: " + JSON.stringify(seen)); console.log("b closed " + evt.code); a.close(); };
a.on_open = start;
b.on_open = start;
`;

/**
 * Runs a rewritten program (its runtime inlined, as in a classic script) in a fresh Node with
 * --disallow-code-generation-from-strings (eval and new Function throw, as under a strict CSP): socket A's
 * on_message throws on every message, socket B's records; both get three messages, then B is closed by the server.
 */
async function runChild(mode: "handler" | "no-handler"): Promise<{ stdout: string; stderr: string; code: number }> {
  const dir = mkdtempSync(join(tmpdir(), "python-websocket-faults-"));
  const [, core] = BABEL_CORES[0]!;
  const script = transform(core, CHILD_PROGRAM, { sourceType: "script" });
  expect(script).toContain("function (platform)");
  writeFileSync(join(dir, "child.cjs"), script);
  try {
    return await new Promise((resolve) => {
      execFile(
        process.execPath,
        ["--experimental-websocket", "--no-warnings", "--disallow-code-generation-from-strings", join(dir, "child.cjs"), server.url, mode],
        { cwd: REPO, timeout: 20_000 },
        (error, stdout, stderr) => resolve({ stdout, stderr, code: error ? ((error as { code?: number }).code ?? -1) : 0 }),
      );
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
