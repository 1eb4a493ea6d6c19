import type { NodePath, types as t } from "@babel/core";

// Relative URLs resolve against the page (current browsers accept them); this base only lets them parse.
const PAGE = "http://page.invalid/";
const SCHEMES = ["ws:", "wss:", "http:", "https:"];

/**
 * A url or protocols written as literals that the platform would reject with a SyntaxError
 * at `new WebSocket(...)` are reported at build time instead.
 */
export function checkLiteralArguments(call: NodePath<t.CallExpression>, host: t.Expression, protocols: t.Expression | null): void {
  if (host.type === "StringLiteral") checkUrl(call, host.value);
  const names = protocols?.type === "ArrayExpression" ? protocols.elements : protocols ? [protocols] : [];
  const seen = new Set<string>();
  for (const name of names) {
    if (name?.type !== "StringLiteral") continue;
    if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name.value)) {
      throw call.buildCodeFrameError(`\`websocket\` protocol ${JSON.stringify(name.value)} is not a valid protocol name`);
    }
    if (seen.has(name.value)) throw call.buildCodeFrameError(`\`websocket\` protocol ${JSON.stringify(name.value)} is given twice`);
    seen.add(name.value);
  }
}

function checkUrl(call: NodePath<t.CallExpression>, url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url, PAGE);
  } catch {
    throw call.buildCodeFrameError(`\`websocket\` url ${JSON.stringify(url)} is not a valid URL`);
  }
  if (!SCHEMES.includes(parsed.protocol)) {
    throw call.buildCodeFrameError(`\`websocket\` url ${JSON.stringify(url)} must use ws: or wss: (or http:, https:), not ${parsed.protocol}`);
  }
  if (url.includes("#")) throw call.buildCodeFrameError(`\`websocket\` url ${JSON.stringify(url)} must not have a fragment (#...)`);
}
