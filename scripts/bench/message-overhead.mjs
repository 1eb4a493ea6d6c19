// Figure 4 without the network: what the runtime adds to one message, timed in one process on a stand-in socket
// (an EventTarget that is always open and whose send does nothing), against the native calls it wraps. The echo
// figure varies by ±15% a round on a small machine; this one says what the runtime can cost it at most.
import * as runtime from "../../dist/esm/runtime/index.js";
import { median } from "./stats.mjs";

const CALLS = 200_000;

class StandInSocket extends EventTarget {
  readyState = 1;
  binaryType = "blob";
  send() {}
}

/** Nanoseconds per call of `fn`, over CALLS calls. */
function nsPerCall(fn) {
  const start = performance.now();
  for (let i = 0; i < CALLS; i++) fn(i);
  return ((performance.now() - start) * 1e6) / CALLS;
}

/** Nanoseconds the runtime adds to sending one message and to receiving one, medians over `rounds` alternating rounds. */
export function measureMessageOverhead({ rounds }) {
  // The runtime reads the platform's WebSocket when called: here, the stand-in.
  const platformWebSocket = globalThis.WebSocket;
  globalThis.WebSocket = StandInSocket;
  try {
    return measure(rounds);
  } finally {
    globalThis.WebSocket = platformWebSocket;
  }
}

function measure(rounds) {
  // A Transcrypt file's runtime object: the parts the echo program calls, and its classes.
  const py = { send: runtime.send, setHandler: runtime.setHandler, ConnectionError: Error, TypeError };
  let seen = 0;
  const handler = (evt) => {
    seen += evt.data.length;
  };
  const native = new StandInSocket();
  native.addEventListener("message", handler);
  const rewritten = new StandInSocket();
  py.setHandler(rewritten, "on_message", handler);
  const event = new MessageEvent("message", { data: "42" });
  const variants = {
    nativeSend: () => nsPerCall(() => native.send("42")),
    runtimeSend: () => nsPerCall(() => py.send(rewritten, "42")),
    nativeReceive: () => nsPerCall(() => native.dispatchEvent(event)),
    runtimeReceive: () => nsPerCall(() => rewritten.dispatchEvent(event)),
  };
  const ns = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
  for (let round = 0; round < rounds + 1; round++) {
    for (const [name, run] of Object.entries(variants)) {
      const value = run();
      if (round > 0) ns[name].push(value); // round 0 warms up
    }
  }
  if (seen !== 2 * 2 * CALLS * (rounds + 1)) throw new Error("message overhead: the handlers did not see every event");
  const m = Object.fromEntries(Object.entries(ns).map(([name, values]) => [name, median(values)]));
  return { ...m, addedNsPerMessage: m.runtimeSend - m.nativeSend + (m.runtimeReceive - m.nativeReceive) };
}
