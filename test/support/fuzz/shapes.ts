// Programs in the shapes a user writes around one socket (docs/contract.md, issue 16), as data: a socket made by either
// API, reached directly, as a parameter, through another module, from a list, a dict or a call; handlers set and
// removed by attribute or by name, bound and unbound with the event in a literal or a variable; handlers that are
// functions or methods read off a list element, a call's result or a dict value; and calls that must raise.
// `expectedRun` is the model: what the contract says the program prints. shapes-render.ts writes the program in each
// transpiler's form.
import fc from "fast-check";
import type { Dialect } from "../programs.js";

export type Api = "builtin" | "module";
export type Evt = "open" | "message" | "close";
export const EVENTS: readonly Evt[] = ["open", "message", "close"];

/** How an operation reaches the socket. */
export type Reach = "direct" | "param" | "helper" | "list" | "dict" | "call";

/** Two Peer objects; the dict `table` holds both again, under "a" and "b". */
export type Owner = { via: "list"; peer: 0 | 1 } | { via: "call"; peer: 0 | 1 } | { via: "dict"; key: "a" | "b" };
export type Handler =
  | { kind: "function"; id: 0 | 1 | 2 }
  | { kind: "method"; owner: Owner; method: "heard" | "noted" }
  /** The other module's objects (`watchers[id]` there), whose method `seen` it binds and unbinds itself. */
  | { kind: "watcher"; id: 0 | 1 };

export type Op =
  /** `R.on_evt = h` (attr) or `setattr(R, "on_" + evt_name, h)`. */
  | { op: "set"; reach: Reach; evt: Evt; handler: Handler; form: "attr" | "setattr" }
  /** `R.on_evt = None`, by attribute or by setattr. */
  | { op: "clear"; reach: Reach; evt: Evt; form: "attr" | "setattr" }
  /** `R.bind(e, h)`; getattr(R, "bind")(e, h); `b = R.bind; b(e, h)`; keywords `R.bind(evt=e, handler=h)`. */
  | { op: "bind"; reach: Reach; evt: Evt; handler: Handler; form: MethodForm; byName: boolean }
  /** `R.unbind(e, h)` or `R.unbind(e)`. */
  | { op: "unbind"; reach: Reach; evt: Evt; handler: Handler | null; form: MethodForm; byName: boolean }
  /** Prints whether reading the handler back by name gives the function last assigned (or None once cleared). */
  | { op: "readback"; reach: Reach; evt: Evt }
  /** The other module binds (or unbinds) a method of its own objects: `s.bind(evt_name, watchers[i].seen)` there. */
  | { op: "watch"; evt: Evt; watcher: 0 | 1; unbind: boolean };

export type MethodForm = "call" | "getattr" | "value" | "keywords";

/** Python values `send` refuses, each with the type name its TypeError gives in each transpiler. */
export const BAD_DATA = {
  tuple: { transcrypt: "tuple", rapydscript: "list" }, // RapydScript-ng has no tuple: a tuple display is a list
  list: { transcrypt: "list", rapydscript: "list" },
  int: { transcrypt: "int", rapydscript: "int" },
  float: { transcrypt: "float", rapydscript: "float" },
  bool: { transcrypt: "bool", rapydscript: "bool" },
  None: { transcrypt: "NoneType", rapydscript: "NoneType" },
  dict: { transcrypt: "dict", rapydscript: "dict" },
} as const;
export type BadData = keyof typeof BAD_DATA;

/** A call that must raise, wrapped in `try` / `except ConnectionError` / `except ValueError` / `except TypeError`. */
export type Probe =
  | { probe: "send"; reach: Reach; form: MethodForm; data: BadData | "text" }
  | { probe: "close"; reach: Reach; form: MethodForm; code: 999 | 1001 | 2999 | 5000 };

export interface Scenario {
  api: Api;
  /** The driver sends bytes (handlers print their length and one byte) or text. */
  binary: boolean;
  /** Before the socket opens. */
  setup: Op[];
  /** Sending before open: ConnectionError. */
  early: Probe[];
  /** On open, before the driver sends: TypeError and ValueError. */
  opened: Probe[];
  /** On close: ConnectionError. */
  late: Probe[];
}

// ---------- generators ----------

const reach = fc.constantFrom<Reach>("direct", "param", "helper", "list", "dict", "call");
const evt = fc.constantFrom<Evt>(...EVENTS);
const owner: fc.Arbitrary<Owner> = fc.oneof(
  fc.constantFrom(0 as const, 1 as const).map((peer) => ({ via: "list" as const, peer })),
  fc.constantFrom(0 as const, 1 as const).map((peer) => ({ via: "call" as const, peer })),
  fc.constantFrom("a" as const, "b" as const).map((key) => ({ via: "dict" as const, key })),
);
const handler: fc.Arbitrary<Handler> = fc.oneof(
  fc.constantFrom(0 as const, 1 as const, 2 as const).map((id) => ({ kind: "function" as const, id })),
  fc.tuple(owner, fc.constantFrom("heard" as const, "noted" as const)).map(([o, method]) => ({ kind: "method" as const, owner: o, method })),
);
const methodForm = fc.constantFrom<MethodForm>("call", "getattr", "value", "keywords");

/**
 * Where a method is read as a handler, the plugin must see it read to bind it in RapydScript-ng (docs/contract.md,
 * point 3: on the right of a handler assignment, in a bind or unbind), and Transcrypt, which makes a new function at
 * each read, gives unbind nothing but the object and the name it is read as there. So a method is a handler in those
 * places only: assigned as an attribute, or in the arguments of a bind or unbind call, on the socket as an expression.
 * (The other module reads its own objects' methods in its own bind and unbind calls: op "watch".) A function is a
 * handler in every shape.
 */
function methodsWhereRead(o: Op): Op {
  if (o.op !== "set" && o.op !== "bind" && o.op !== "unbind") return o;
  if (o.handler?.kind !== "method") return o;
  const reach = o.reach === "helper" ? "direct" : o.reach;
  if (o.op === "set") return { ...o, reach, form: "attr" };
  return { ...o, reach, form: o.form === "getattr" || o.form === "value" ? "call" : o.form };
}

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant("set" as const), reach, evt, handler, form: fc.constantFrom("attr" as const, "setattr" as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("clear" as const), reach, evt, form: fc.constantFrom("attr" as const, "setattr" as const) }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant("bind" as const), reach, evt, handler, form: methodForm, byName: fc.boolean() }) },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant("unbind" as const), reach, evt, handler: fc.option(handler, { nil: null, freq: 4 }), form: methodForm, byName: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("readback" as const), reach, evt }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("watch" as const), evt, watcher: fc.constantFrom(0 as const, 1 as const), unbind: fc.boolean() }) },
).map(methodsWhereRead);

const sendProbe = (data: fc.Arbitrary<BadData | "text">): fc.Arbitrary<Probe> =>
  fc.record({ probe: fc.constant("send" as const), reach, form: methodForm, data });
const closeProbe: fc.Arbitrary<Probe> = fc.record({
  probe: fc.constant("close" as const),
  reach,
  form: methodForm,
  code: fc.constantFrom(999 as const, 1001 as const, 2999 as const, 5000 as const),
});
const badData = fc.constantFrom<BadData>(...(Object.keys(BAD_DATA) as BadData[]));

export const scenario: fc.Arbitrary<Scenario> = fc.record({
  api: fc.constantFrom<Api>("builtin", "module"),
  binary: fc.boolean(),
  setup: fc.array(op, { minLength: 1, maxLength: 8 }),
  early: fc.array(sendProbe(fc.constant("text" as const)), { maxLength: 1 }),
  opened: fc.array(fc.oneof(sendProbe(badData), closeProbe), { maxLength: 2 }),
  late: fc.array(sendProbe(fc.constant("text" as const)), { maxLength: 1 }),
});

// ---------- the model ----------

/** Which object and function a handler is, as Python compares bound methods: the same method of the same object. */
function identity(h: Handler): string {
  if (h.kind === "function") return `h${h.id}`;
  if (h.kind === "watcher") return `w${h.id}.seen`;
  const peer = h.owner.via === "dict" ? (h.owner.key === "a" ? 0 : 1) : h.owner.peer;
  return `p${peer}.${h.method}`;
}

/** What a handler prints for an event (see show() in shapes-render.ts). */
function line(h: Handler, event: Evt, binary: boolean): string {
  const tag = identity(h);
  if (event === "open") return `${tag} open`;
  if (event === "message") return binary ? `${tag} message 3 2` : `${tag} message ping`;
  return `${tag} close 4000 bye`;
}

function probeLine(p: Probe, dialect: Dialect): string {
  if (p.probe === "close") return "ValueError False";
  if (p.data === "text") return "ConnectionError True";
  return `TypeError send() takes str or bytes, not ${BAD_DATA[p.data][dialect]}`;
}

/** One event's dispatch: the handlers bound with bind, in order, and the one on_* handler, if any, anywhere among them. */
export interface Dispatch {
  bound: string[];
  slot: string | null;
}

export interface ExpectedRun {
  /** Lines printed while the program sets up, before the socket opens (readbacks, early probes). */
  setup: string[];
  open: Dispatch;
  /** The probes run on open. */
  opened: string[];
  message: Dispatch;
  close: Dispatch;
  late: string[];
  /** How many times peer_of() was called: once per method read off its result. */
  calls: number;
}

export function expectedRun(s: Scenario, dialect: Dialect): ExpectedRun {
  const slot = new Map<Evt, Handler | null>();
  const bound = new Map<Evt, Handler[]>(EVENTS.map((e) => [e, []]));
  const setup: string[] = [];
  let calls = 0;
  const counted = (h: Handler | null) => {
    if (h?.kind === "method" && h.owner.via === "call") calls++;
  };
  for (const o of s.setup) {
    switch (o.op) {
      case "set":
        counted(o.handler);
        slot.set(o.evt, o.handler);
        break;
      case "clear":
        slot.set(o.evt, null);
        break;
      case "bind":
        counted(o.handler);
        bound.get(o.evt)!.push(o.handler);
        break;
      case "unbind": {
        counted(o.handler);
        const gone = o.handler === null ? null : identity(o.handler);
        bound.set(o.evt, gone === null ? [] : bound.get(o.evt)!.filter((h) => identity(h) !== gone));
        break;
      }
      case "readback":
        // Rendered only where the answer is defined: a function or None assigned last (see readbackTarget).
        if (readbackTarget(s.setup, o) !== undefined) setup.push("readback True");
        break;
      case "watch": {
        const watcher: Handler = { kind: "watcher", id: o.watcher };
        if (o.unbind) bound.set(o.evt, bound.get(o.evt)!.filter((h) => identity(h) !== identity(watcher)));
        else bound.get(o.evt)!.push(watcher);
        break;
      }
    }
  }
  setup.push(...s.early.map((p) => probeLine(p, dialect)));
  const dispatch = (e: Evt): Dispatch => {
    const h = slot.get(e) ?? null;
    return { bound: bound.get(e)!.map((b) => line(b, e, s.binary)), slot: h === null ? null : line(h, e, s.binary) };
  };
  return {
    setup,
    open: dispatch("open"),
    opened: s.opened.map((p) => probeLine(p, dialect)),
    message: dispatch("message"),
    close: dispatch("close"),
    late: s.late.map((p) => probeLine(p, dialect)),
    calls,
  };
}

/**
 * What a readback compares the handler with: the function last assigned to that event before it (`h0`), `None` when it
 * was last cleared, or undefined where the contract does not say (never assigned) or Python's answer is not `is`-able
 * (a bound method is a new object at each read).
 */
export function readbackTarget(setup: Op[], o: Op): string | undefined {
  let target: string | undefined;
  for (const before of setup) {
    if (before === o) return target;
    if (before.op === "set" && before.evt === o.evt) target = before.handler.kind === "function" ? `h${before.handler.id}` : undefined;
    if (before.op === "clear" && before.evt === o.evt) target = "None";
  }
  return target;
}

// ---------- the comparison ----------

/** The driver's markers, printed by its own listener, added after the setup (after every handler of the setup). */
export const MARKERS = { open: "== open", message: "== message", close: "== close" } as const;

/**
 * How the program's output differs from the model ("" where it does not). Within one event, the bound handlers run in
 * the order bound, and the on_* handler once, at a place the contract leaves open.
 */
export function difference(actual: string[], expected: ExpectedRun): string {
  const at = (marker: string) => actual.indexOf(marker);
  const [open, message, close] = [at(MARKERS.open), at(MARKERS.message), at(MARKERS.close)];
  if (open < 0 || message < open || close < message) return `the driver's markers are missing or out of order`;
  const problems: string[] = [];
  const setupCount = expected.setup.length;
  const same = (what: string, got: string[], want: string[]) => {
    if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`${what}: got ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
  };
  same("before open", actual.slice(0, setupCount), expected.setup);
  checkDispatch(problems, "open", actual.slice(setupCount, open), expected.open);
  const afterOpen = actual.slice(open + 1, message);
  same("the probes on open", afterOpen.slice(0, expected.opened.length), expected.opened);
  checkDispatch(problems, "message", afterOpen.slice(expected.opened.length), expected.message);
  checkDispatch(problems, "close", actual.slice(message + 1, close), expected.close);
  same("after close", actual.slice(close + 1), [...expected.late, `peer_of calls ${expected.calls}`]);
  return problems.join("\n");
}

function checkDispatch(problems: string[], event: Evt, got: string[], want: Dispatch): void {
  const ok =
    want.slot === null
      ? JSON.stringify(got) === JSON.stringify(want.bound)
      : got.some((l, i) => l === want.slot && JSON.stringify([...got.slice(0, i), ...got.slice(i + 1)]) === JSON.stringify(want.bound));
  if (!ok) {
    const slot = want.slot === null ? "no on_* handler" : `the on_* handler's ${JSON.stringify(want.slot)} once, anywhere`;
    problems.push(`${event}: got ${JSON.stringify(got)}, expected the bound handlers ${JSON.stringify(want.bound)} in order, and ${slot}`);
  }
}
