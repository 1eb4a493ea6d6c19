import type { NodePath, types as t } from "@babel/core";
import type { FileDiagnostics } from "./report.js";

// Relative URLs resolve against the page (current browsers accept them); this base only lets them parse.
const PAGE = "http://page.invalid/";
const SCHEMES = ["ws:", "wss:", "http:", "https:"];
const PROTOCOL_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * A url or protocols written as literals that the platform would reject with a SyntaxError at `new WebSocket(...)`
 * are reported at build time instead.
 */
export function checkWebSocketLiterals(
  diagnostics: FileDiagnostics,
  call: NodePath<t.CallExpression | t.NewExpression>,
  name: string,
  host: t.Expression,
  protocols: t.Expression | null,
): void {
  const fail = (message: string): never => {
    throw diagnostics.error(call, `\`${name}\` ${message}`, name);
  };
  if (host.type === "StringLiteral") {
    const url = host.value;
    let parsed: URL | null = null;
    try {
      parsed = new URL(url, PAGE);
    } catch {
      fail(`url ${JSON.stringify(url)} is not a valid URL`);
    }
    if (!SCHEMES.includes(parsed!.protocol)) fail(`url ${JSON.stringify(url)} must use ws: or wss: (or http:, https:), not ${parsed!.protocol}`);
    if (url.includes("#")) fail(`url ${JSON.stringify(url)} must not have a fragment (#...)`);
  }
  const names = protocols?.type === "ArrayExpression" ? protocols.elements : protocols ? [protocols] : [];
  const seen = new Set<string>();
  for (const name of names) {
    if (name?.type !== "StringLiteral") continue;
    if (!PROTOCOL_NAME.test(name.value)) fail(`protocol ${JSON.stringify(name.value)} is not a valid protocol name`);
    if (seen.has(name.value)) fail(`protocol ${JSON.stringify(name.value)} is given twice`);
    seen.add(name.value);
  }
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
 * `send(data)` and `close(code, reason)` on a socket, with literal arguments the runtime would refuse (the platform
 * would throw, or drop the data): reported at build time, as a literal url is. `args` are the call's positional
 * arguments in Python's order.
 */
export function checkSocketMethodLiterals(
  diagnostics: FileDiagnostics,
  call: NodePath<t.CallExpression>,
  method: "send" | "close",
  args: ReadonlyArray<t.Node | undefined>,
): void {
  const fail = (message: string): never => {
    throw diagnostics.error(call, message, method);
  };
  if (method === "send") {
    const [data] = args;
    const kind = data && literalKind(data);
    if (kind && kind !== "string") fail(`send() takes str or bytes, not ${kind}`);
    return;
  }
  const [code, reason] = args;
  const codeKind = code && literalKind(code);
  const reasonKind = reason && literalKind(reason);
  if (codeKind && codeKind !== "number" && codeKind !== "None") fail(`close() code must be an int, not ${codeKind}`);
  if (reasonKind && reasonKind !== "string" && reasonKind !== "None") fail(`close() reason must be a str, not ${reasonKind}`);
  if (code?.type === "NumericLiteral" && !isAcceptedCloseCode(code.value)) {
    fail(`close(): code must be 1000 or in 3000..4999, not ${code.value}`);
  }
  if (reason?.type === "StringLiteral" && !isAcceptedCloseReason(reason.value)) fail("close(): reason must be at most 123 bytes of UTF-8");
  if (reasonKind === "string" && (!code || codeKind === "None")) fail("close(): a reason needs a code");
}

/** The runtime's name for a literal's type, as its TypeErrors give it (see typeName in the runtime), or null for what is not a plain literal. */
function literalKind(node: t.Node): string | null {
  switch (node.type) {
    case "StringLiteral":
    case "TemplateLiteral":
      return "string";
    case "NumericLiteral":
      return "number";
    case "BooleanLiteral":
      return "boolean";
    case "NullLiteral":
      return "None";
    case "ArrayExpression":
    case "ObjectExpression":
      return "object";
    case "Identifier":
      return node.name === "undefined" ? "None" : null;
    default:
      return null;
  }
}
