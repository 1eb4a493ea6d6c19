// Where the rewritten code of a bundle comes from, by its source map: every rewritten `websocket(...)` call
// (`new WebSocket(` or `_pyws.websocket(`, whatever a minifier renamed `_pyws` to) and every rewritten handler
// assignment (`.addEventListener(` or `.setHandler(`) is looked up with @jridgewell/trace-mapping, and the lines of
// the .py it maps to are compared with the lines of the .py that hold those statements, found by searching its text.
import { originalPositionFor, TraceMap } from "@jridgewell/trace-mapping";

/** Includes the `_pyws.assertWebSocket()` check before `new WebSocket(...)`: its NotImplementedError must point at the call too. */
export const WEBSOCKET_CALLS = /new WebSocket\(|\.websocket\(|\.assertWebSocket\(/g;
export const HANDLER_ASSIGNMENTS = /\.on_(?:open|error|message|close)\s*=(?!=)|\.addEventListener\(|\.setHandler\(/g;

export interface Traced {
  /** 1-based line and 0-based column in the bundle. */
  generated: { line: number; column: number };
  source: string | null;
  line: number | null;
}

/** Looks up the start of each match of `pattern` in `code`. */
export function traceAll(code: string, map: string, pattern: RegExp): Traced[] {
  const traceMap = new TraceMap(map);
  const lineStarts = [0];
  for (let i = code.indexOf("\n"); i >= 0; i = code.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  return [...code.matchAll(pattern)].map((match) => {
    const index = match.index;
    let line = lineStarts.length - 1;
    while (lineStarts[line]! > index) line--;
    const generated = { line: line + 1, column: index - lineStarts[line]! };
    const original = originalPositionFor(traceMap, generated);
    return { generated, source: original.source, line: original.line };
  });
}

/** 1-based lines of Python code (comments left out) that match `pattern`. */
export function pythonLines(python: string, pattern: RegExp): number[] {
  return python
    .split("\n")
    .map((text, index) => ({ text, line: index + 1 }))
    .filter(({ text }) => !text.trimStart().startsWith("#") && pattern.test(text))
    .map(({ line }) => line);
}

export const PY_WEBSOCKET_CALL = /\bwebsocket\s*\(/;
export const PY_HANDLER_ASSIGNMENT = /\.on_(open|error|message|close)\s*=[^=]/;
