// Timing and the statistics every figure uses: medians over rounds that alternate the variants.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

// A full collection before each timed call, so a call does not pay for the garbage of the one before it
// (the other variant's, in alternating rounds). The npm script cannot pass --expose-gc, hence the flag here.
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc");

/** Milliseconds that `fn` takes, after a full garbage collection. */
export function timed(fn) {
  collectGarbage();
  const start = performance.now();
  fn();
  return performance.now() - start;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export const sum = (values) => values.reduce((total, value) => total + value, 0);

/** The spread of per-round values, shown beside a median so its noise is visible. */
export const range = (values) => ({ min: Math.min(...values), max: Math.max(...values) });
