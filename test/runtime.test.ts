// The runtime on its own, with Node's WHATWG WebSocket client (node --experimental-websocket) and a real ws server.
import { createPythonWebSocketRuntime, pythonWebSocket } from "../src/runtime/index.js";
import { type EchoServer, startEchoServer } from "./support/echo-server.js";

let server: EchoServer;
beforeAll(async () => {
  if (typeof WebSocket !== "function") throw new Error("run the tests with node --experimental-websocket (npm test does)");
  server = await startEchoServer();
});
afterAll(() => server.close());

const py = pythonWebSocket();

/** The global object of a platform without WebSocket. */
function withoutWebSocket(): typeof globalThis {
  return Object.create(globalThis, { WebSocket: { value: undefined } });
}

function nextEvent(ws: WebSocket, type: string): Promise<Event> {
  return new Promise((resolve) => ws.addEventListener(type, resolve, { once: true }));
}

async function openSocket(): Promise<WebSocket> {
  const ws = py.websocket(server.url);
  await nextEvent(ws, "open");
  return ws;
}

async function closed(ws: WebSocket): Promise<void> {
  if (ws.readyState === WebSocket.CLOSED) return;
  py.close(ws);
  await nextEvent(ws, "close");
}

describe("websocket()", () => {
  test("raises the program's NotImplementedError where the platform has no WebSocket", () => {
    const unsupported = createPythonWebSocketRuntime(withoutWebSocket())();
    expect(() => unsupported.websocket(server.url)).toThrow(unsupported.NotImplementedError as never);
    expect(() => unsupported.assertWebSocket()).toThrow("websocket: this platform has no WebSocket");

    class ProgramNotImplementedError extends Error {}
    const transcryptLike = createPythonWebSocketRuntime(withoutWebSocket())({
      NotImplementedError: ProgramNotImplementedError,
    });
    expect(() => transcryptLike.websocket(server.url)).toThrow(ProgramNotImplementedError);
  });

  test("its NotImplementedError is an Error that works with and without new", () => {
    const Raw = py.NotImplementedError as unknown as (message: string) => Error;
    const called = Raw("later");
    const constructed = new py.NotImplementedError("later") as Error;
    for (const error of [called, constructed]) {
      expect(error).toBeInstanceOf(Error);
      expect(error).toBeInstanceOf(py.NotImplementedError);
      expect(error.name).toBe("NotImplementedError");
      expect(error.message).toBe("later");
    }
  });

  test("opens a native socket, taking protocols positionally and Transcrypt keywords", async () => {
    const plain = py.websocket(server.url);
    expect(plain).toBeInstanceOf(WebSocket);
    const keyword = py.websocket({ url: server.url, protocols: ["chat", "other"], __kwargtrans__: null });
    await nextEvent(keyword, "open");
    expect(keyword.protocol).toBe("chat");
    const positional = py.websocket(server.url, "superchat");
    await nextEvent(positional, "open");
    expect(positional.protocol).toBe("superchat");
    await Promise.all([plain, keyword, positional].map(closed));
  });

  test("rejects arguments Python would reject", () => {
    expect(() => py.websocket()).toThrow("websocket() missing required argument 'host'");
    expect(() => py.websocket(server.url, null, 3)).toThrow("websocket() takes at most 2 arguments (3 given)");
    expect(() => py.websocket({ timeout: 1, __kwargtrans__: null })).toThrow("websocket() got an unexpected keyword argument 'timeout'");
    expect(() => py.websocket(server.url, { host: server.url, __kwargtrans__: null })).toThrow(
      "websocket() got multiple values for argument 'host'",
    );
  });
});

describe("setHandler()", () => {
  test("is a plain assignment on objects that are not sockets", () => {
    const chat = { on_open: "before" };
    const handler = () => 1;
    expect(py.setHandler(chat, "on_open", handler)).toBe(handler);
    expect(chat.on_open).toBe(handler);
  });

  test("keeps exactly one listener per event: replace, remove with None, read back", async () => {
    const ws = await openSocket();
    const seen: string[] = [];
    const first = (evt: MessageEvent) => seen.push(`first ${evt.data}`);
    const second = (evt: MessageEvent) => seen.push(`second ${evt.data}`);
    py.setHandler(ws, "on_message", first);
    py.setHandler(ws, "on_message", second);
    expect((ws as any).on_message).toBe(second);
    py.send(ws, "one");
    await nextEvent(ws, "message");
    py.setHandler(ws, "on_message", null);
    expect((ws as any).on_message).toBeNull();
    py.send(ws, "two");
    await nextEvent(ws, "message");
    py.setHandler(ws, "on_message", first);
    py.send(ws, "three");
    await nextEvent(ws, "message");
    expect(seen).toEqual(["second one", "first three"]);
    await closed(ws);
  });

  test("replaces a listener the plugin added directly (addEventListener with the attribute's value)", async () => {
    const ws = await openSocket();
    const seen: string[] = [];
    const direct = (evt: MessageEvent) => seen.push(`direct ${evt.data}`);
    ws.addEventListener("message", ((ws as any).on_message = direct));
    py.setHandler(ws, "on_message", (evt: MessageEvent) => seen.push(`replacement ${evt.data}`));
    py.send(ws, "x");
    await nextEvent(ws, "message");
    expect(seen).toEqual(["replacement x"]);
    await closed(ws);
  });

  test("a handler that replaces itself while it runs is not called again, nor is its replacement for that event", async () => {
    const ws = await openSocket();
    const seen: string[] = [];
    const later = (evt: MessageEvent) => seen.push(`later ${evt.data}`);
    py.setHandler(ws, "on_message", (evt: MessageEvent) => {
      seen.push(`first ${evt.data}`);
      py.setHandler(ws, "on_message", later);
    });
    py.send(ws, "a");
    await nextEvent(ws, "message");
    py.send(ws, "b");
    await nextEvent(ws, "message");
    expect(seen).toEqual(["first a", "later b"]);
    await closed(ws);
  });

  test("several events dispatched in one task (as Node's client does): none lost, none seen twice", () => {
    // Node's WebSocket client dispatches the messages of one network read back to back, and its
    // EventTarget calls listeners added during a dispatch: both are reproduced here exactly.
    class SocketOfThisPlatform extends EventTarget {}
    const platform = Object.create(globalThis, { WebSocket: { value: SocketOfThisPlatform } });
    const runtime = createPythonWebSocketRuntime(platform)();
    const ws = new SocketOfThisPlatform();
    const seen: string[] = [];
    const second = (evt: MessageEvent) => seen.push(`second ${evt.data}`);
    runtime.setHandler(ws, "on_message", (evt: MessageEvent) => {
      seen.push(`first ${evt.data}`);
      runtime.setHandler(ws, "on_message", second);
    });
    ws.dispatchEvent(new MessageEvent("message", { data: "m1" }));
    ws.dispatchEvent(new MessageEvent("message", { data: "m2" }));
    expect(seen).toEqual(["first m1", "second m2"]);
  });

  test("works on a platform without performance (a bare vm context, as the demo's page)", () => {
    class SocketOfThisPlatform extends EventTarget {}
    const platform = Object.create(globalThis, { WebSocket: { value: SocketOfThisPlatform }, performance: { value: undefined } });
    const runtime = createPythonWebSocketRuntime(platform)();
    const ws = new SocketOfThisPlatform();
    const seen: string[] = [];
    runtime.setHandler(ws, "on_message", (evt: MessageEvent) => seen.push(evt.data));
    ws.dispatchEvent(new MessageEvent("message", { data: "m1" }));
    expect(seen).toEqual(["m1"]);
  });

  test("deleteHandler (Python's del) removes the attribute and its listener", async () => {
    const ws = await openSocket();
    const seen: string[] = [];
    py.setHandler(ws, "on_message", (evt: MessageEvent) => seen.push(evt.data));
    expect(py.deleteHandler(ws, "on_message")).toBe(true);
    expect("on_message" in ws).toBe(false);
    py.send(ws, "unheard");
    await nextEvent(ws, "message");
    expect(seen).toEqual([]);
    const door: { on_message?: number } = { on_message: 1 };
    py.deleteHandler(door, "on_message");
    expect(door).toEqual({});
    await closed(ws);
  });

  test("on_message gets binary data as bytes (a Uint8Array view) and text as str", async () => {
    const ws = await openSocket();
    const seen: unknown[] = [];
    py.setHandler(ws, "on_message", (evt: MessageEvent) => seen.push(evt.data, evt.type, evt.target === ws));
    expect(ws.binaryType).toBe("arraybuffer");
    py.send(ws, new Uint8Array([7, 8, 9]));
    await nextEvent(ws, "message");
    py.send(ws, "text");
    await nextEvent(ws, "message");
    expect(seen).toEqual([new Uint8Array([7, 8, 9]), "message", true, "text", "message", true]);
    await closed(ws);
  });

  test("a closed socket keeps no listeners, once the program's on_close has run", async () => {
    const ws = await openSocket();
    const seen: string[] = [];
    py.setHandler(ws, "on_message", () => seen.push("message"));
    py.setHandler(ws, "on_close", (evt: CloseEvent) => seen.push(`close ${evt.code}`));
    expect(Object.keys(py.listeners(ws)).sort()).toEqual(["close", "message"]);
    py.close(ws, 4000);
    await nextEvent(ws, "close");
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen).toEqual(["close 4000"]);
    expect(py.listeners(ws)).toEqual({});
    expect(typeof (ws as any).on_close).toBe("function");
  });

  test("calls a method with its owner bound, as Python's bound methods are", async () => {
    const ws = await openSocket();
    const chat = {
      log: [] as string[],
      got(this: { log: string[] }, evt: MessageEvent) {
        this.log.push(evt.data);
      },
    };
    py.setHandler(ws, "on_message", chat.got, chat);
    expect((ws as any).on_message).toBe(chat.got);
    py.send(ws, "bound");
    await nextEvent(ws, "message");
    expect(chat.log).toEqual(["bound"]);
    await closed(ws);
  });
});

describe("send()", () => {
  test("raises instead of losing data: before open, and after close", async () => {
    const ws = py.websocket(server.url);
    expect(() => py.send(ws, "early")).toThrow("send(): the WebSocket is not open yet (send from on_open or later)");
    expect(() => py.send(ws, "early")).toThrow(py.ConnectionError as never);
    await nextEvent(ws, "open");
    await closed(ws);
    expect(() => py.send(ws, "late")).toThrow("send(): the WebSocket is closing or closed; the data was not sent");
  });

  test("raises the program's Exception where its file gives one (Transcrypt has no ConnectionError)", async () => {
    class ProgramException extends Error {}
    const transcryptLike = pythonWebSocket({ Exception: ProgramException });
    const ws = transcryptLike.websocket(server.url);
    expect(() => transcryptLike.send(ws, "early")).toThrow(ProgramException);
    // `except ConnectionError` (a free name, made the runtime's) catches what is raised.
    expect(transcryptLike.ConnectionError).toBe(ProgramException);
    await nextEvent(ws, "open");
    await closed(ws);
  });

  test("sends str as text and bytes-like data as binary", async () => {
    const ws = await openSocket();
    ws.binaryType = "arraybuffer";
    py.send(ws, "text");
    expect((await nextEvent(ws, "message") as MessageEvent).data).toBe("text");
    py.send(ws, new Uint8Array([1, 2, 255]));
    const binary = (await nextEvent(ws, "message")) as MessageEvent;
    expect([...new Uint8Array(binary.data)]).toEqual([1, 2, 255]);
    py.send(ws, { data: "keyword", __kwargtrans__: null });
    expect((await nextEvent(ws, "message") as MessageEvent).data).toBe("keyword");
    expect(() => py.send(ws, 42)).toThrow("send() argument must be str or bytes-like, not int");
    expect(() => py.send(ws, ["a"])).toThrow("send() argument must be str or bytes-like, not list");
    await closed(ws);
  });

  test("calls other objects' own send unchanged", () => {
    const generator = { sent: [] as unknown[], send(this: { sent: unknown[] }, value: unknown) { this.sent.push(value); return "next"; } };
    expect(py.send(generator, 7)).toBe("next");
    expect(generator.sent).toEqual([7]);
  });
});

describe("close()", () => {
  test("checks code and reason the Python way before the platform sees them", async () => {
    const ws = await openSocket();
    expect(() => py.close(ws, 1001)).toThrow("close(): code must be 1000 or in 3000..4999, not 1001");
    expect(() => py.close(ws, null, "why")).toThrow("close(): a reason needs a code");
    expect(() => py.close(ws, 1000, "x".repeat(124))).toThrow("close(): reason must be at most 123 bytes of UTF-8");
    expect(() => py.close(ws, 1000, "é".repeat(62))).toThrow("at most 123 bytes");
    expect(ws.readyState).toBe(WebSocket.OPEN);
    const closing = nextEvent(ws, "close");
    py.close(ws, { code: 4000, reason: "done", __kwargtrans__: null });
    const event = (await closing) as CloseEvent;
    expect([event.code, event.reason]).toEqual([4000, "done"]);
  });

  test("calls other objects' own close unchanged", () => {
    const file = { closed: false, close(this: { closed: boolean }) { this.closed = true; } };
    py.close(file);
    expect(file.closed).toBe(true);
  });
});

describe("method()", () => {
  test("gives RapydScript-ng a checked send/close with __argnames__ for keywords", async () => {
    const ws = await openSocket();
    const send = py.method(ws, "send") as ((data: unknown) => void) & { __argnames__: string[] };
    expect(send.__argnames__).toEqual(["data"]);
    send("via method");
    expect((await nextEvent(ws, "message") as MessageEvent).data).toBe("via method");
    const close = py.method(ws, "close") as { __argnames__: string[] };
    expect(close.__argnames__).toEqual(["code", "reason"]);
    await closed(ws);
    expect(() => send("late")).toThrow(py.ConnectionError as never);
    const file = { close() {} };
    expect(py.method(file, "close")).toBe(file.close);
  });
});
