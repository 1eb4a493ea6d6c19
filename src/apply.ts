import type { NodePath, types as t } from "@babel/core";
import { handlersOfFreshSocket } from "./analysis/fresh-socket.js";
import { SocketTargets } from "./analysis/socket-targets.js";
import type { FileContext } from "./context.js";
import { recognizeWebSocketUse, type WebSocketUse } from "./recognize/websocket-use.js";
import { checkBrythonUse } from "./diagnostics/brython-use.js";
import { checkSocketMethodLiterals } from "./diagnostics/literal-arguments.js";
import { reportUnknownHandler } from "./diagnostics/unknown-handler.js";
import { socketMethodCall } from "./recognize/socket-method-call.js";
import { rewriteBrythonFlag, rewriteErrorName } from "./rewrite/free-names.js";
import { rewriteHandler, rewriteHandlerDelete } from "./rewrite/handler.js";
import { completeRuntimes } from "./rewrite/runtime-binding.js";
import { rewriteMethodCall, rewriteMethodReference } from "./rewrite/socket-method.js";
import { rewriteWebSocketUse } from "./rewrite/websocket.js";
import type { FileSites } from "./sites.js";

/**
 * Rewrites a file that uses the API, from the sites collected in it.
 * Sites are handled last to first, so an inner rewrite (a `send` inside a handler)
 * is done before the outer node that contains it is replaced.
 */
export function applyRewrites(context: FileContext, file: FileSites): void {
  const { diagnostics } = context;
  const header = takeHeaderComment(context.program.node);
  const uses = new Map<NodePath, WebSocketUse>();
  const onFreshSocket = new Set<t.AssignmentExpression>();
  const sockets = new SocketTargets();
  // Everything that can fail the build is checked before anything is rewritten.
  for (const site of file.sites) {
    if (site.kind === "brython") checkBrythonUse(diagnostics, site.path);
    if (site.kind !== "websocket") continue;
    const use = recognizeWebSocketUse(diagnostics, site.path);
    uses.set(site.path, use);
    if (use.kind !== "call") continue;
    sockets.add(use.call);
    for (const assignment of handlersOfFreshSocket(use.call)) onFreshSocket.add(assignment);
  }
  for (const site of file.sites) {
    if (site.kind === "unknown-handler" && sockets.holds((site.path.node.left as t.MemberExpression).object, site.path)) {
      reportUnknownHandler(diagnostics, site.path, site.name, context.options.unknownHandlers);
    }
    if (site.kind === "method-call" || site.kind === "method-reference") {
      const call = socketMethodCall(site);
      if (call && sockets.holds(call.target, site.path)) checkSocketMethodLiterals(diagnostics, call.path, site.method, call.args);
    }
  }
  for (const site of [...file.sites].reverse()) {
    switch (site.kind) {
      case "websocket":
        rewriteWebSocketUse(context, site.path, uses.get(site.path)!);
        break;
      case "brython":
        rewriteBrythonFlag(context, site.path);
        break;
      case "error-name":
        rewriteErrorName(context, site.path);
        break;
      case "handler":
        rewriteHandler(context, site.path, site.name, onFreshSocket.has(site.path.node));
        break;
      case "method-call":
        rewriteMethodCall(context, site.path, site.method);
        break;
      case "method-reference":
        rewriteMethodReference(context, site.path, site.method);
        break;
      case "handler-delete":
        rewriteHandlerDelete(context, site.path, site.name);
        break;
      case "unknown-handler":
        break;
    }
  }
  completeRuntimes(context);
  putHeaderCommentOnTop(context.program.node, header);
}

/**
 * The comment that opened the file stays at its top, above what the rewrite puts there (the runtime's import and
 * object, a check before the first statement): left between them, Babel would print it differently on a second run,
 * and a file's header belongs on top anyway. It is taken off its statement before the rewrites, and put back on top.
 */
function takeHeaderComment(program: t.Program): t.Comment[] {
  const first = program.body[0];
  const header = first?.leadingComments ?? [];
  if (first) first.leadingComments = null;
  return header;
}

function putHeaderCommentOnTop(program: t.Program, header: t.Comment[]): void {
  const first = program.body[0];
  if (first && header.length > 0) first.leadingComments = [...header, ...(first.leadingComments ?? [])];
}
