// A rewritten file's runtime object (`_pyws`) as the tests use it: every part of the runtime, and the file's classes.
import * as runtime from "../../src/runtime/index.js";
import type { FileRuntime } from "../../src/runtime/index.js";

export type AllParts = typeof runtime & FileRuntime;

/** `_pyws` of a file that calls every part and has the program classes `classes`. */
export function fileRuntime(classes: FileRuntime = {}): AllParts {
  return { ...runtime, ...classes };
}

/** Runs `run` with the global `name` set to `value` (the runtime reads the platform's globals when called). */
export function withGlobal<T>(name: string, value: unknown, run: () => T): T {
  const before = Object.getOwnPropertyDescriptor(globalThis, name);
  Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
  try {
    return run();
  } finally {
    if (before) Object.defineProperty(globalThis, name, before);
    else delete (globalThis as Record<string, unknown>)[name];
  }
}
