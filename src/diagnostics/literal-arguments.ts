import type { NodePath, types as t } from "@babel/core";
import type { Diagnostic } from "../options.js";
import { numericValue, pythonTypeOf } from "./python-type.js";
import { reportRaisingCall } from "./raising-call.js";
import type { FileDiagnostics } from "./report.js";

// Relative URLs resolve against the page (current browsers accept them); this base only lets them parse.
const PAGE = "http://page.invalid/";
const SCHEMES = ["ws:", "wss:", "http:", "https:"];
const PROTOCOL_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * A url or protocols written as literals that the platform rejects with a SyntaxError (a DOMException) at
 * `new WebSocket(...)`: reported as the option raisingCalls says; the call is left to raise it when it runs.
 */
export function checkWebSocketLiterals(
  diagnostics: FileDiagnostics,
  level: Diagnostic,
  call: NodePath<t.CallExpression | t.NewExpression>,
  name: string,
  host: t.Expression,
  protocols: t.Expression | null,
): void {
  const problem = webSocketLiteralProblem(host, protocols);
  if (problem) reportRaisingCall(diagnostics, level, call, `\`${name}\` ${problem}`, "the platform's SyntaxError (a DOMException)", name);
}

/** What the platform refuses first in a literal url or protocols, or null. */
function webSocketLiteralProblem(host: t.Expression, protocols: t.Expression | null): string | null {
  if (host.type === "StringLiteral") {
    const url = host.value;
    let parsed: URL;
    try {
      parsed = new URL(url, PAGE);
    } catch {
      return `url ${JSON.stringify(url)} is not a valid URL`;
    }
    if (!SCHEMES.includes(parsed.protocol)) return `url ${JSON.stringify(url)} must use ws: or wss: (or http:, https:), not ${parsed.protocol}`;
    if (url.includes("#")) return `url ${JSON.stringify(url)} must not have a fragment (#...)`;
  }
  const names = protocols?.type === "ArrayExpression" ? protocols.elements : protocols ? [protocols] : [];
  const seen = new Set<string>();
  for (const name of names) {
    if (name?.type !== "StringLiteral") continue;
    if (!PROTOCOL_NAME.test(name.value)) return `protocol ${JSON.stringify(name.value)} is not a valid protocol name`;
    if (seen.has(name.value)) return `protocol ${JSON.stringify(name.value)} is given twice`;
    seen.add(name.value);
  }
  return null;
}

/** What the platform accepts as a close code: 1000, or 3000 to 4999. */
export function isAcceptedCloseCode(code: number): boolean {
  return code === 1000 || (Number.isInteger(code) && code >= 3000 && code < 5000);
}

/** What the platform accepts as a close reason: at most 123 bytes of UTF-8. */
export function isAcceptedCloseReason(reason: string): boolean {
  return new TextEncoder().encode(reason).length <= 123;
}

/**
 * `send(data)` and `close(code, reason)` on a socket, with literal arguments the runtime refuses (where the platform
 * would throw, or drop the data): reported as the option raisingCalls says, with the exception the runtime's check
 * raises when the call runs (the rewrite leaves such a call to that check). `args` are the call's arguments in
 * Python's order. The checks are the runtime's, in its order.
 */
export function checkSocketMethodLiterals(
  diagnostics: FileDiagnostics,
  level: Diagnostic,
  call: NodePath<t.CallExpression>,
  method: "send" | "close",
  args: ReadonlyArray<t.Node | undefined>,
): void {
  const problem = method === "send" ? sendProblem(call, args) : closeProblem(call, args);
  if (problem) reportRaisingCall(diagnostics, level, call, problem[1], problem[0], method);
}

type Problem = [exception: "TypeError" | "ValueError", message: string];

function sendProblem(call: NodePath, [data]: ReadonlyArray<t.Node | undefined>): Problem | null {
  const type = data && pythonTypeOf(call, data);
  return type && type !== "str" ? ["TypeError", `send() takes str or bytes, not ${type}`] : null;
}

function closeProblem(call: NodePath, [code, reason]: ReadonlyArray<t.Node | undefined>): Problem | null {
  const codeType = code && pythonTypeOf(call, code);
  const reasonType = reason && pythonTypeOf(call, reason);
  // A float code is a number to the runtime too: it is checked by value.
  if (codeType && codeType !== "int" && codeType !== "float" && codeType !== "NoneType") return ["TypeError", `close() code must be an int, not ${codeType}`];
  if (reasonType && reasonType !== "str" && reasonType !== "NoneType") return ["TypeError", `close() reason must be a str, not ${reasonType}`];
  if (reasonType === "str" && (!code || codeType === "NoneType")) return ["ValueError", "close(): a reason needs a code"];
  const codeValue = code ? numericValue(code) : null;
  if (codeValue !== null && !isAcceptedCloseCode(codeValue)) return ["ValueError", `close(): code must be 1000 or in 3000..4999, not ${codeValue}`];
  if (reason?.type === "StringLiteral" && !isAcceptedCloseReason(reason.value)) return ["ValueError", "close(): reason must be at most 123 bytes of UTF-8"];
  return null;
}
