// The runtime on its own, with Node's WHATWG WebSocket client (node --experimental-websocket) and a real ws server.
import { type EchoServer, startEchoServer } from "./support/echo-server.js";
import { typeName } from "../src/runtime/errors.js";
import { fileRuntime, withGlobal } from "./support/file-runtime.js";

let server: EchoServer;
beforeAll(async () => {
  if (typeof WebSocket !== "function") throw new Error("run the tests with node --experimental-websocket (npm test does)");
  server = await startEchoServer();
});
afterAll(() => server.close());

/** A RapydScript-ng file's runtime object: the program has none of the classes the runtime raises. */
const py = fileRuntime();

function nextEvent(ws: WebSocket, type: string): Promise<Event> {
  return new Promise((resolve) => ws.addEventListener(type, resolve, { once: true }));
}

/** A plain native socket, as the plugin writes one (`new WebSocket(url)`) where it proves the socket stays in its variable. */
async function openSocket(): Promise<WebSocket> {
  const ws = new WebSocket(server.url);
  await nextEvent(ws, "open");
  return ws;
}

/** A socket of the runtime's class, as `websocket(url)` makes one anywhere else. */
async function openPythonSocket(runtime = py): Promise<any> {
  const ws = runtime.websocket(server.url);
  await nextEvent(ws, "open");
  return ws;
}

async function closed(ws: WebSocket): Promise<void> {
  if (ws.readyState === WebSocket.CLOSED) return;
  ws.close();
  await nextEvent(ws, "close");
}

/** RapydScript-ng's keyword object, as `ρσ_desugar_kwargs` makes it: marked by its script's own symbol "kwargs-object". */
function rapydscriptKeywords(keywords: Record<string, unknown>): object {
  return Object.assign(Object.create(null), keywords, { [Symbol("kwargs-object")]: true });
}

/** The error `run` throws. */
function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected an error, but nothing was thrown");
}

describe("raising the program's classes", () => {
  test("the file's own class where it has one, else a global of that name, else an Error so named", () => {
    class ProgramNotImplementedError extends Error {}
    const transcryptLike = fileRuntime({ NotImplementedError: ProgramNotImplementedError });
    withGlobal("WebSocket", undefined, () => {
      expect(() => transcryptLike.assertWebSocket()).toThrow(ProgramNotImplementedError);
      class PageNotImplementedError extends Error {}
      withGlobal("NotImplementedError", PageNotImplementedError, () => expect(() => py.assertWebSocket()).toThrow(PageNotImplementedError));
      const named = thrown(() => py.assertWebSocket());
      expect(named).toBeInstanceOf(Error);
      expect([named.name, named.message]).toEqual(["NotImplementedError", "websocket(): WebSocket is not supported"]);
      expect(String(named)).toBe("NotImplementedError: websocket(): WebSocket is not supported");
    });
    // TypeError: the platform's, which RapydScript-ng's `except TypeError` names.
    expect(thrown(() => py.send(new WebSocket(server.url), 42))).toBeInstanceOf(TypeError);
  });

  test("errorClass: the runtime's class for a program that names one it does not define, with or without new", () => {
    const NotImplemented = py.errorClass("NotImplementedError");
    expect(py.errorClass("NotImplementedError")).toBe(NotImplemented);
    expect(py.errorClass("ConnectionError")).not.toBe(NotImplemented);
    const called = (NotImplemented as unknown as (message: string) => Error)("later");
    const constructed = new NotImplemented("later") as Error;
    for (const error of [called, constructed]) {
      expect(error).toBeInstanceOf(Error);
      expect(error).toBeInstanceOf(NotImplemented);
      expect(error.name).toBe("NotImplementedError");
      expect(error.message).toBe("later");
    }
    withGlobal("WebSocket", undefined, () => {
      expect(() => fileRuntime({ NotImplementedError: NotImplemented }).assertWebSocket()).toThrow(NotImplemented);
    });
  });

  test("errorClass(name, base): a subclass of the program's Exception, also of the prototype it gets later", () => {
    // RapydScript-ng's pattern: the class is declared first, its prototype set after the runtime object is made.
    function Exception() {}
    const NotImplemented = py.errorClass("NotImplementedError", Exception);
    expect(py.errorClass("NotImplementedError", Exception)).toBe(NotImplemented);
    expect(py.errorClass("NotImplementedError")).not.toBe(NotImplemented);
    Exception.prototype = Object.create(Error.prototype, { constructor: { value: Exception } });
    const error = new NotImplemented("no socket") as Error;
    expect(error).toBeInstanceOf(Exception);
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(NotImplemented);
    expect([error.name, error.message, NotImplemented.name]).toEqual(["NotImplementedError", "no socket", "NotImplementedError"]);
  });
});

describe("bound(owner, name)", () => {
  test("a function read off an object is bound to it, as a Python bound method, once", () => {
    const chat = { name: "chat", hello(this: { name: string }, to: string) { return `${this.name} greets ${to}`; } };
    const method = py.bound(chat, "hello");
    expect(method("you")).toBe("chat greets you");
    expect([method.__self__, method.__func__, method.__name__]).toEqual([chat, chat.hello, "hello"]);
    // Bound already (read back off a socket and assigned again): kept, with its own object.
    expect(py.bound({ name: "socket", handler: method }, "handler")).toBe(method);
  });

  test("the owner is read once, whatever gives it; what is not a function is returned as it is", () => {
    let reads = 0;
    const peer = { name: "peer", opened(this: { name: string }) { return this.name; } };
    const peers = { get first() { reads += 1; return peer; } };
    expect(py.bound(peers.first, "opened")()).toBe("peer");
    expect(reads).toBe(1);
    expect([py.bound({ a: null }, "a"), py.bound({}, "a"), py.bound({ a: 5 }, "a")]).toEqual([null, undefined, 5]);
    // As Python's attribute read: no object, no attribute (the read the program wrote raises so too).
    expect(() => py.bound(null, "a")).toThrow(TypeError);
  });
});

describe("websocket()", () => {
  test("websocket(host, protocols): checks, then opens a native socket; None protocols are none", async () => {
    const plain = py.websocket(server.url, null);
    expect(plain).toBeInstanceOf(WebSocket);
    const chat = py.websocket(server.url, "superchat");
    await nextEvent(chat, "open");
    expect(chat.protocol).toBe("superchat");
    await Promise.all([plain, chat].map(closed));
  });

  test("websocketFunction(): Python's argument binding, Transcrypt's keywords and RapydScript-ng's", async () => {
    const websocket = py.websocketFunction() as (...args: unknown[]) => WebSocket;
    // No __argnames__: RapydScript-ng then hands its keyword object over as it is, and the runtime binds it.
    expect("__argnames__" in websocket).toBe(false);
    const rapydscript = websocket(rapydscriptKeywords({ url: server.url, protocols: "chat" }));
    await nextEvent(rapydscript, "open");
    expect(rapydscript.protocol).toBe("chat");
    expect(() => websocket(server.url, rapydscriptKeywords({ timeout: 5 }))).toThrow("websocket() got an unexpected keyword argument 'timeout'");
    await closed(rapydscript);
    const keyword = websocket({ url: server.url, protocols: ["chat", "other"], __kwargtrans__: null });
    await nextEvent(keyword, "open");
    expect(keyword.protocol).toBe("chat");
    expect(() => websocket()).toThrow("websocket() missing required argument 'host'");
    expect(() => websocket(server.url, null, 3)).toThrow("websocket() takes at most 2 arguments (3 given)");
    expect(() => websocket({ timeout: 1, __kwargtrans__: null })).toThrow("websocket() got an unexpected keyword argument 'timeout'");
    expect(() => websocket(server.url, { host: server.url, __kwargtrans__: null })).toThrow(
      "websocket() got multiple values for argument 'host'",
    );
    expect(thrown(() => websocket())).toBeInstanceOf(TypeError);
    await closed(keyword);
  });

  test("websocketFunction() raises its file's classes, however it is called", () => {
    class ProgramNotImplementedError extends Error {}
    const websocket = fileRuntime({ NotImplementedError: ProgramNotImplementedError }).websocketFunction();
    withGlobal("WebSocket", undefined, () => expect(() => websocket.call(undefined, "ws://127.0.0.1:1/")).toThrow(ProgramNotImplementedError));
  });
});

describe("setHandler()", () => {
  test("is a plain assignment on objects that are not sockets", () => {
    const chat = { on_open: "before" };
    const handler = () => 1;
    expect(py.setHandler(chat, "on_open", handler)).toBe(handler);
    expect(chat.on_open).toBe(handler);
    expect(Object.getOwnPropertySymbols(chat)).toEqual([]);
  });

  test("one listener per event however often it is assigned: replace, remove with None, read back", async () => {
    const ws = await openSocket();
    const added: string[] = [];
    const addEventListener = ws.addEventListener.bind(ws);
    // The runtime's listeners (the test's own wait for events with `once`).
    ws.addEventListener = ((type: string, listener: EventListener, options?: AddEventListenerOptions) => {
      if (!options?.once) added.push(type);
      addEventListener(type, listener, options);
    }) as typeof ws.addEventListener;
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
    expect(added).toEqual(["message"]);
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

  test("a direct listener replaced during its own event: the replacement waits for the next one (Node calls listeners added in a dispatch)", () => {
    // Node's EventTarget calls a listener added while its event is dispatched, and Node's client dispatches several
    // messages in one task: both are reproduced here exactly, on an EventTarget standing in for the platform's socket.
    class SocketOfThisPlatform extends EventTarget {}
    withGlobal("WebSocket", SocketOfThisPlatform, () => {
      const ws = new SocketOfThisPlatform() as any;
      const seen: string[] = [];
      const second = (evt: MessageEvent) => seen.push(`second ${evt.data}`);
      ws.addEventListener("message", (ws.on_message = (evt: MessageEvent) => {
        seen.push(`first ${evt.data}`);
        py.setHandler(ws, "on_message", second);
      }));
      ws.dispatchEvent(new MessageEvent("message", { data: "m1" }));
      ws.dispatchEvent(new MessageEvent("message", { data: "m2" }));
      expect(seen).toEqual(["first m1", "second m2"]);
    });
  });

  test("deleteHandler (Python's del) removes the attribute, and the handler with it", async () => {
    const ws = await openSocket();
    const seen: string[] = [];
    py.setHandler(ws, "on_message", (evt: MessageEvent) => seen.push(evt.data));
    expect(py.deleteHandler(ws, "on_message")).toBe(true);
    expect("on_message" in ws).toBe(false);
    py.send(ws, "unheard");
    await nextEvent(ws, "message");
    expect(seen).toEqual([]);
    // A socket of the runtime's class: its accessor forgets the handler, and reads None.
    const made = await openPythonSocket();
    made.on_message = (evt: MessageEvent) => seen.push(evt.data);
    py.deleteHandler(made, "on_message");
    expect(made.on_message).toBeNull();
    made.send("unheard either");
    await nextEvent(made, "message");
    expect(seen).toEqual([]);
    await closed(made);
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

  test("calls a method with its owner bound, as Python's bound methods are; a function with the socket as `this`", async () => {
    const ws = await openSocket();
    const chat = {
      log: [] as unknown[],
      got(this: { log: unknown[] }, evt: MessageEvent) {
        this.log.push(evt.data);
      },
    };
    py.setHandler(ws, "on_message", py.bound(chat, "got"));
    // Read back, the attribute is the bound method: its object and function, as Python's __self__ and __func__.
    expect([(ws as any).on_message.__self__, (ws as any).on_message.__func__]).toEqual([chat, chat.got]);
    py.send(ws, "bound");
    await nextEvent(ws, "message");
    expect(chat.log).toEqual(["bound"]);
    py.setHandler(ws, "on_message", function (this: unknown) {
      chat.log.push(this === ws);
    });
    py.send(ws, "plain");
    await nextEvent(ws, "message");
    expect(chat.log).toEqual(["bound", true]);
    await closed(ws);
  });
});

describe("bind() and unbind(): Brython's handlers of an event", () => {
  test("several handlers of one event, called in bind order with the event; bind returns None", async () => {
    const ws = await openSocket();
    const seen: string[] = [];
    const first = (evt: MessageEvent) => seen.push(`first ${evt.data}`);
    const second = (evt: MessageEvent) => seen.push(`second ${evt.data}`);
    expect(py.bind(ws, "message", first)).toBeNull();
    py.bind(ws, "message", second);
    py.bind(ws, "message", first);
    py.send(ws, "m");
    await nextEvent(ws, "message");
    expect(seen).toEqual(["first m", "second m", "first m"]);
    await closed(ws);
  });

  test("unbind(evt, handler) removes each binding of it; unbind(evt) every handler of the event; both return None", async () => {
    const ws = await openSocket();
    const seen: string[] = [];
    const first = (evt: MessageEvent) => seen.push(`first ${evt.data}`);
    const second = (evt: MessageEvent) => seen.push(`second ${evt.data}`);
    for (const handler of [first, second, first]) py.bind(ws, "message", handler);
    expect(py.unbind(ws, "message", first)).toBeNull();
    expect(py.unbind(ws, "message", () => undefined)).toBeNull(); // never bound: nothing happens
    py.send(ws, "one");
    await nextEvent(ws, "message");
    expect(py.unbind(ws, "message")).toBeNull();
    py.send(ws, "two");
    await nextEvent(ws, "message");
    expect(seen).toEqual(["second one"]);
    await closed(ws);
  });

  test("a bound method unbinds by another read of it (Python's equal bound methods), not another object's", async () => {
    const ws = await openSocket();
    const seen: string[] = [];
    const chat = { name: "chat", got(this: { name: string }, evt: MessageEvent) { seen.push(`${this.name} ${evt.data}`); } };
    const other = { name: "other", got: chat.got };
    // Transcrypt makes a new function at each read of a method: the name it was read as tells them apart.
    // Transcrypt makes a new function at each read of a method: the name it was read as tells them apart.
    const transcryptChat = {
      name: "transcrypt",
      get got() {
        return (evt: MessageEvent) => seen.push(`${this.name} ${evt.data}`);
      },
    };
    py.bind(ws, "message", py.bound(chat, "got"));
    py.bind(ws, "message", py.bound(transcryptChat, "got"));
    py.bind(ws, "message", py.bound(other, "got"));
    py.unbind(ws, "message", py.bound(chat, "got"));
    py.unbind(ws, "message", py.bound(transcryptChat, "got"));
    py.send(ws, "m");
    await nextEvent(ws, "message");
    expect(seen).toEqual(["other m"]);
    await closed(ws);
  });

  test("binary messages reach bound handlers as bytes", async () => {
    const ws = await openSocket();
    const seen: unknown[] = [];
    py.bind(ws, "message", (evt: MessageEvent) => seen.push(evt.data));
    expect(ws.binaryType).toBe("arraybuffer");
    py.send(ws, new Uint8Array([1, 2]));
    await nextEvent(ws, "message");
    expect(seen).toEqual([new Uint8Array([1, 2])]);
    await closed(ws);
  });

  test("a handler bound during a dispatch of its event is called from the next one (the browser's rule)", () => {
    class SocketOfThisPlatform extends EventTarget {}
    withGlobal("WebSocket", SocketOfThisPlatform, () => {
      const ws = new SocketOfThisPlatform() as any;
      const seen: string[] = [];
      const later = (evt: MessageEvent) => seen.push(`later ${evt.data}`);
      py.bind(ws, "message", (evt: MessageEvent) => {
        seen.push(`first ${evt.data}`);
        if (evt.data === "m1") py.bind(ws, "message", later);
      });
      ws.dispatchEvent(new MessageEvent("message", { data: "m1" }));
      ws.dispatchEvent(new MessageEvent("message", { data: "m2" }));
      expect(seen).toEqual(["first m1", "first m2", "later m2"]);
    });
  });

  test("unbind removes a handler the plugin bound in its readable form (addEventListener)", () => {
    class SocketOfThisPlatform extends EventTarget {}
    withGlobal("WebSocket", SocketOfThisPlatform, () => {
      const ws = new SocketOfThisPlatform() as any;
      const seen: string[] = [];
      const opened = () => seen.push("opened");
      ws.addEventListener("open", opened);
      py.unbind(ws, "open", opened);
      ws.dispatchEvent(new Event("open"));
      expect(seen).toEqual([]);
    });
  });

  test("bind of what is not callable raises TypeError, the program's class", async () => {
    const ws = await openSocket();
    expect(thrown(() => py.bind(ws, "open", null)).message).toBe("bind() handler must be callable, not NoneType");
    class ProgramTypeError extends Error {}
    expect(() => fileRuntime({ TypeError: ProgramTypeError }).bind(ws, "open", 5)).toThrow(ProgramTypeError);
    await closed(ws);
  });

  test("objects that are not sockets: their own bind and unbind, called as written", () => {
    const calls: unknown[][] = [];
    const element = { bind: (...args: unknown[]) => calls.push(["bind", ...args]), unbind: (...args: unknown[]) => calls.push(["unbind", ...args]) };
    const f = () => undefined;
    py.bind(element, "click", f);
    py.unbind(element, "click");
    expect(calls).toEqual([["bind", "click", f], ["unbind", "click"]]);
  });

  test("eventMethod: bind/unbind as values, with Python's argument binding (either transpiler's keywords)", async () => {
    const ws = await openSocket();
    const seen: unknown[] = [];
    const bind = py.eventMethod(ws, "bind") as (...args: unknown[]) => unknown;
    expect(() => bind("open", rapydscriptKeywords({ extra: 1 }))).toThrow("bind() got an unexpected keyword argument 'extra'");
    bind({ evt: "message", handler: (evt: MessageEvent) => seen.push(evt.data), __kwargtrans__: null });
    py.send(ws, "kw");
    await nextEvent(ws, "message");
    expect(seen).toEqual(["kw"]);
    expect(() => bind()).toThrow("bind() missing required argument 'evt'");
    expect(() => bind("open", null, 3)).toThrow("bind() takes at most 2 arguments (3 given)");
    const element = { got: [] as unknown[], unbind(this: { got: unknown[] }, evt: string) { this.got.push(evt); } };
    (py.eventMethod(element, "unbind") as (evt: string) => void)("click");
    expect(element.got).toEqual(["click"]);
    await closed(ws);
  });
});

describe("websocketModule(): Brython's module as a value", () => {
  test("one per file: supported, and WebSocket(url, protocols) with keywords and this file's classes", async () => {
    const file = fileRuntime();
    const module = file.websocketModule();
    expect(file.websocketModule()).toBe(module);
    expect(module.supported).toBe(true);
    const ws = module.WebSocket({ url: server.url, protocols: ["superchat"], __kwargtrans__: null });
    await nextEvent(ws, "open");
    expect(ws.protocol).toBe("superchat");
    expect(() => module.WebSocket()).toThrow("WebSocket() missing required argument 'url'");
    await closed(ws);
    withGlobal("WebSocket", undefined, () => {
      const none = fileRuntime().websocketModule();
      expect(none.supported).toBe(false);
      expect(thrown(() => none.WebSocket(server.url)).name).toBe("NotImplementedError");
    });
  });
});

describe("send()", () => {
  test("raises instead of losing data: before open, and after close", async () => {
    const ws = py.websocket(server.url);
    const early = thrown(() => py.send(ws, "early"));
    expect([early.name, early.message]).toEqual(["ConnectionError", "send(): the WebSocket is not open yet"]);
    await nextEvent(ws, "open");
    await closed(ws);
    expect(() => py.send(ws, "late")).toThrow("send(): the WebSocket is closed");
  });

  test("raises the class its file gives for ConnectionError (Transcrypt's Exception)", async () => {
    class ProgramException extends Error {}
    const transcryptLike = fileRuntime({ ConnectionError: ProgramException });
    const ws = transcryptLike.websocket(server.url);
    expect(() => transcryptLike.send(ws, "early")).toThrow(ProgramException);
    await nextEvent(ws, "open");
    await closed(ws);
  });

  test("sends str as text and bytes-like data as binary; anything else is a TypeError", async () => {
    const ws = await openSocket();
    ws.binaryType = "arraybuffer";
    py.send(ws, "text");
    expect(((await nextEvent(ws, "message")) as MessageEvent).data).toBe("text");
    for (const bytes of [new Uint8Array([1, 2, 255]), new Uint8Array([1, 2, 255]).buffer, new Blob([new Uint8Array([1, 2, 255])])]) {
      py.send(ws, bytes);
      const binary = (await nextEvent(ws, "message")) as MessageEvent;
      expect([...new Uint8Array(binary.data)]).toEqual([1, 2, 255]);
    }
    expect(() => py.send(ws, 42)).toThrow("send() takes str or bytes, not int");
    expect(() => py.send(ws, null)).toThrow("send() takes str or bytes, not NoneType");
    expect(() => py.send(ws, ["a"])).toThrow("send() takes str or bytes, not list");
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
    expect(() => py.close(ws, "1000")).toThrow("close() code must be an int, not str");
    expect(thrown(() => py.close(ws, 1001)).name).toBe("ValueError");
    expect(ws.readyState).toBe(WebSocket.OPEN);
    const closing = nextEvent(ws, "close");
    expect(py.close(ws, 4000, "done")).toBeNull();
    const event = (await closing) as CloseEvent;
    expect([event.code, event.reason]).toEqual([4000, "done"]);
  });

  test("calls other objects' own close unchanged, with the arguments given", () => {
    const file = { got: [] as unknown[][], close(this: { got: unknown[][] }, ...args: unknown[]) { this.got.push(args); } };
    py.close(file);
    py.close(file, 1);
    expect(file.got).toEqual([[], [1]]);
  });
});

describe("method() and call()", () => {
  test("method() gives a checked send/close that binds RapydScript-ng's keywords", async () => {
    const ws = await openSocket();
    const send = py.method(ws, "send") as (...args: unknown[]) => void;
    send("via method");
    expect(((await nextEvent(ws, "message")) as MessageEvent).data).toBe("via method");
    send(rapydscriptKeywords({ data: "by keyword" }));
    expect(((await nextEvent(ws, "message")) as MessageEvent).data).toBe("by keyword");
    expect(() => send("x", rapydscriptKeywords({ data: "y" }))).toThrow("send() got multiple values for argument 'data'");
    const close = py.method(ws, "close") as (...args: unknown[]) => void;
    expect(() => close(rapydscriptKeywords({ code: 1000, why: "bye" }))).toThrow("close() got an unexpected keyword argument 'why'");
    await closed(ws);
    expect(thrown(() => send("late")).name).toBe("ConnectionError");
    const file = { close() {} };
    expect(py.method(file, "close")).toBe(file.close);
  });

  test("call() binds Transcrypt keywords and checks argument counts; other objects get the call as written", async () => {
    const ws = await openSocket();
    py.call(ws, "send", { data: "keyword", __kwargtrans__: null });
    expect(((await nextEvent(ws, "message")) as MessageEvent).data).toBe("keyword");
    expect(() => py.call(ws, "send", "a", "b")).toThrow("send() takes at most 1 argument (2 given)");
    expect(() => py.call(ws, "close", { why: 1, __kwargtrans__: null })).toThrow("close() got an unexpected keyword argument 'why'");
    expect(() => py.call(ws, "close", 4000, { reason: "why", code: 4001, __kwargtrans__: null })).toThrow(
      "close() got multiple values for argument 'code'",
    );
    const closing = nextEvent(ws, "close");
    // Keywords in any order, as Python binds them (close(reason=..., code=...)).
    py.call(ws, "close", { reason: "done", code: 4000, __kwargtrans__: null });
    expect(((await closing) as CloseEvent).code).toBe(4000);
    expect(((await closing) as CloseEvent).reason).toBe("done");
    const door = { got: [] as unknown[][], send(this: { got: unknown[][] }, ...args: unknown[]) { this.got.push(args); } };
    const keywords = { data: 1, __kwargtrans__: null };
    py.call(door, "send", keywords);
    expect(door.got).toEqual([[keywords]]);
  });
});

describe("typeName(): TypeError messages name Python's types", () => {
  test("None, bool, int, float, str, list, dict, a tuple (Transcrypt's __class__), an instance", () => {
    class Chat {}
    const tuple = Object.assign(["nick", "text"], { __class__: { __name__: "tuple" } });
    const values = [null, undefined, true, 42, 4.5, "s", [1], { a: 1 }, Object.create(null), tuple, new Chat(), () => 1];
    expect(values.map((value) => typeName(value))).toEqual(["NoneType", "NoneType", "bool", "int", "float", "str", "list", "dict", "dict", "tuple", "Chat", "function"]);
  });
});

describe("a socket of the runtime's class carries Brython's API wherever it goes", () => {
  test("it is a native WebSocket: instanceof, constructor, readyState, url, binaryType, native listeners", async () => {
    const ws = await openPythonSocket();
    expect(ws).toBeInstanceOf(WebSocket);
    expect(ws.constructor).toBe(WebSocket);
    expect([ws.readyState, ws.url]).toEqual([WebSocket.OPEN, server.url]);
    const heard: string[] = [];
    ws.addEventListener("message", (evt: MessageEvent) => heard.push(evt.data));
    ws.send("native listener");
    await nextEvent(ws, "message");
    expect(heard).toEqual(["native listener"]);
    await closed(ws);
  });

  test("on_* are attributes with the contract's semantics: one handler, replaced, None removes, read back; set by name", async () => {
    const ws = await openPythonSocket();
    const seen: unknown[] = [];
    expect(ws.on_message).toBeNull();
    const first = (evt: MessageEvent) => seen.push(`first ${evt.data}`);
    ws.on_message = first;
    expect(ws.on_message).toBe(first);
    // setattr(ws, name, f) in either transpiler: a computed name.
    const name = "on_" + "message";
    ws[name] = (evt: MessageEvent) => seen.push(`second ${evt.data}`);
    ws.send("a");
    await nextEvent(ws, "message");
    ws.on_message = null;
    ws.send("b");
    await nextEvent(ws, "message");
    ws[name] = (evt: MessageEvent) => seen.push(evt.data);
    ws.send(new Uint8Array([5, 6]));
    await nextEvent(ws, "message");
    expect(seen).toEqual(["second a", new Uint8Array([5, 6])]);
    expect(Object.keys(ws)).toEqual([]);
    await closed(ws);
  });

  test("send, close, bind, unbind read off it (getattr) are its bound, checked methods, the same at each read", async () => {
    const ws = await openPythonSocket();
    const send = ws["send"];
    expect(send).toBe(ws.send);
    expect("__argnames__" in send).toBe(false);
    const seen: unknown[] = [];
    const bind = ws.bind;
    expect(bind("message", (evt: MessageEvent) => seen.push(evt.data))).toBeNull();
    send("by value");
    await nextEvent(ws, "message");
    // Transcrypt's keywords: a marker object last.
    send({ data: "by keyword", __kwargtrans__: null });
    await nextEvent(ws, "message");
    expect(seen).toEqual(["by value", "by keyword"]);
    expect(() => send(["nick", "text"])).toThrow("send() takes str or bytes, not list");
    expect(() => send()).toThrow("send() missing required argument 'data'");
    expect(() => ws.close(999)).toThrow("close(): code must be 1000 or in 3000..4999, not 999");
    expect(ws.readyState).toBe(WebSocket.OPEN);
    ws.unbind("message");
    const closing = nextEvent(ws, "close");
    ws["close"]({ code: 4000, reason: "done", __kwargtrans__: null });
    const event = (await closing) as CloseEvent;
    expect([event.code, event.reason]).toEqual([4000, "done"]);
    expect(() => send("late")).toThrow("send(): the WebSocket is closed");
  });

  test("bind and unbind: handlers in order, a bound method unbinds by another read of it", async () => {
    const ws = await openPythonSocket();
    const seen: string[] = [];
    const chat = { name: "chat", got(this: { name: string }, evt: MessageEvent) { seen.push(`${this.name} ${evt.data}`); } };
    ws.bind("message", py.bound(chat, "got"));
    ws.bind("message", (evt: MessageEvent) => seen.push(`plain ${evt.data}`));
    ws.send("1");
    await nextEvent(ws, "message");
    ws.unbind("message", py.bound(chat, "got"));
    ws.send("2");
    await nextEvent(ws, "message");
    expect(seen).toEqual(["chat 1", "plain 1", "plain 2"]);
    expect(() => ws.bind("open", null)).toThrow("bind() handler must be callable, not NoneType");
    await closed(ws);
  });

  test("its methods raise the classes of the program that made it; assigning one gives the socket its own attribute", async () => {
    class ProgramTypeError extends Error {}
    class ProgramConnectionError extends Error {}
    const ws = await openPythonSocket(fileRuntime({ TypeError: ProgramTypeError, ConnectionError: ProgramConnectionError }));
    expect(() => ws.send(42)).toThrow(ProgramTypeError);
    ws.close();
    expect(() => ws.send("late")).toThrow(ProgramConnectionError);
    const mine = () => "mine";
    ws.send = mine;
    expect(ws.send).toBe(mine);
    expect(Object.keys(ws)).toEqual(["send"]);
  });

  test("a Transcrypt-made class for the classes the program lacks: ConnectionError is a subclass of its Exception, apart from ValueError", () => {
    // Transcrypt's classes are made by their metaclass; isinstance walks __bases__.
    const metaclass: any = {
      __new__: (_meta: unknown, name: string, bases: unknown[]) => Object.assign(function () {}, { __name__: name, __bases__: bases, __metaclass__: metaclass }),
    };
    const Exception = Object.assign(function () {}, { __name__: "Exception", __bases__: [], __metaclass__: metaclass });
    const ConnectionError = py.errorClass("ConnectionError", Exception) as any;
    expect([ConnectionError.__name__, ConnectionError.__bases__]).toEqual(["ConnectionError", [Exception]]);
    expect(py.errorClass("ConnectionError", Exception)).toBe(ConnectionError);
    expect(py.errorClass("ValueError", Exception)).not.toBe(ConnectionError);
  });
});
