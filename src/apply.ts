import type { NodePath, types as t } from "@babel/core";
import { handlersOfFreshSocket } from "./analysis/fresh-socket.js";
import { NativeSockets, variableKeepingSocket } from "./analysis/native-socket.js";
import { SocketTargets } from "./analysis/socket-targets.js";
import type { FileContext } from "./context.js";
import { type ModuleSite, moduleUses } from "./recognize/brython-module.js";
import { MODULE_FACTORY, OLD_BUILTIN, recognizeWebSocketUse, type WebSocketUse } from "./recognize/websocket-use.js";
import { checkBrythonUse } from "./diagnostics/brython-use.js";
import { checkEventLiterals } from "./diagnostics/event-literals.js";
import { checkPorting } from "./diagnostics/porting.js";
import { checkSocketMethodLiterals } from "./diagnostics/literal-arguments.js";
import { reportUnknownHandler } from "./diagnostics/unknown-handler.js";
import { socketMethodCall } from "./recognize/socket-method-call.js";
import { TRANSCRYPT_KWARGS } from "./names.js";
import { removeModuleDeclarations, rewriteModuleReads } from "./rewrite/brython-module.js";
import { bindHandlerArgument, rewriteEventCall, rewriteEventMethodRead } from "./rewrite/event-binding.js";
import { rewriteBrowserNames, withoutDocumentLookups } from "./rewrite/document-names.js";
import { rewriteBrythonFlag, rewriteErrorName } from "./rewrite/free-names.js";
import { rewriteHandler, rewriteHandlerDelete } from "./rewrite/handler.js";
import { completeRuntimes } from "./rewrite/runtime-binding.js";
import { rewriteMethodCall, rewriteMethodReference } from "./rewrite/socket-method.js";
import { rewriteWebSocketUse, writesNewWebSocket } from "./rewrite/websocket.js";
import type { FileSites, Site } from "./sites.js";

/**
 * Rewrites a file that uses the API, from the sites collected in it.
 * Sites are handled last to first, so an inner rewrite (a `send` inside a handler)
 * is done before the outer node that contains it is replaced.
 */
export function applyRewrites(context: FileContext, file: FileSites): void {
  const { diagnostics } = context;
  const { raisingCalls } = context.options;
  const header = takeHeaderComment(context.program.node);
  const module = moduleUses(file.sites.filter((site): site is ModuleSite => site.kind === "module-import" || site.kind === "module-object"));
  file.sites = withoutDocumentLookups(file.sites, module.names);
  const uses = new Map<NodePath, WebSocketUse>();
  const factoryUses: WebSocketUse[] = [];
  const sockets = new SocketTargets();
  // Everything that can fail the build (a strict build) is checked before anything is rewritten.
  if (module.names.length > 0) checkPorting(diagnostics, context.program, module.names, raisingCalls);
  for (const site of file.sites) {
    if (site.kind === "brython") checkBrythonUse(diagnostics, site.path);
    if (site.kind !== "websocket") continue;
    const use = recognizeWebSocketUse(diagnostics, raisingCalls, site.path, OLD_BUILTIN);
    uses.set(site.path, use);
    factoryUses.push(use);
  }
  const moduleFactoryUses = module.factories.map((reference) => recognizeWebSocketUse(diagnostics, raisingCalls, reference, MODULE_FACTORY));
  factoryUses.push(...moduleFactoryUses);
  const unbindsAnywhere = file.sites.some((site) => (site.kind === "method-call" || site.kind === "method-reference") && site.method === "unbind");
  for (const use of factoryUses) if (use.kind === "call") sockets.add(use.call);
  const eventSites = new Map<Site, Array<t.Node | undefined> | null>();
  for (const site of file.sites) {
    if (site.kind === "unknown-handler" && sockets.holds((site.path.node.left as t.MemberExpression).object, site.path)) {
      reportUnknownHandler(diagnostics, site.path, site.name, context.options.unknownHandlers);
    }
    if (site.kind !== "method-call" && site.kind !== "method-reference") continue;
    const call = socketMethodCall(site);
    const target = site.kind === "method-call" ? (site.path.node.callee as t.MemberExpression).object : site.path.node.object;
    const onSocket = sockets.holds(target, site.path);
    if (site.method === "send" || site.method === "close") {
      if (call && onSocket) checkSocketMethodLiterals(diagnostics, raisingCalls, call.path, site.method, call.args);
    } else if (isEventMethodUse(site, onSocket)) {
      if (call && onSocket) checkEventLiterals(diagnostics, call.path, site.method, call.args, context.options.unknownHandlers, raisingCalls);
      eventSites.set(site, call?.args ?? null);
    }
  }
  // The module's own names go first: `new WebSocket` then reaches the platform's.
  removeModuleDeclarations(module);
  // Which sockets stay plain native ones, and which of their handlers can then be native listeners.
  const natives = new NativeSockets();
  const onFreshSocket = new Set<t.Node>();
  const nativeCreations = new Set<WebSocketUse>();
  for (const use of factoryUses) {
    if (use.kind !== "call") continue;
    const variable = variableKeepingSocket(use.call, context.delivery);
    if (!variable) continue;
    natives.add(variable);
    nativeCreations.add(use);
    if (!writesNewWebSocket(use)) continue;
    const fresh = handlersOfFreshSocket(use.call, unbindsAnywhere);
    for (const node of [...fresh.assignments, ...fresh.binds]) onFreshSocket.add(node);
  }
  for (const use of [...moduleFactoryUses].reverse()) rewriteWebSocketUse(context, use, nativeCreations.has(use));
  rewriteModuleReads(context, module);
  rewriteBrowserNames(context, module.names);
  for (const site of [...file.sites].reverse()) {
    switch (site.kind) {
      case "websocket": {
        const use = uses.get(site.path)!;
        rewriteWebSocketUse(context, use, nativeCreations.has(use));
        break;
      }
      case "brython":
        rewriteBrythonFlag(context, site.path);
        break;
      case "error-name":
        rewriteErrorName(context, site.path);
        break;
      case "handler": {
        const native = natives.holds((site.path.node.left as t.MemberExpression).object, site.path);
        rewriteHandler(context, site.path, site.name, onFreshSocket.has(site.path.node) ? "listener" : native ? "runtime" : "attribute");
        break;
      }
      case "method-call": {
        const native = natives.holds((site.path.node.callee as t.MemberExpression).object, site.path);
        if (site.method === "send" || site.method === "close") {
          if (native) rewriteMethodCall(context, site.path, site.method);
        } else if (native && eventSites.has(site)) {
          rewriteEventCall(context, site.path, site.method, eventSites.get(site)!, onFreshSocket.has(site.path.node));
        } else {
          const call = socketMethodCall(site);
          if (call) bindHandlerArgument(context, call.path, call.args[1]);
        }
        break;
      }
      case "method-reference":
        if (!natives.holds(site.path.node.object, site.path)) {
          const call = socketMethodCall(site);
          if (call && (site.method === "bind" || site.method === "unbind")) bindHandlerArgument(context, call.path, call.args[1]);
        } else if (site.method === "send" || site.method === "close") {
          rewriteMethodReference(context, site.path, site.method);
        } else if (eventSites.has(site)) {
          rewriteEventMethodRead(context, site.path, site.method);
        }
        break;
      case "handler-delete":
        rewriteHandlerDelete(context, site.path, site.name);
        break;
      case "unknown-handler":
      case "module-import":
      case "module-object":
        break;
    }
  }
  completeRuntimes(context);
  putHeaderCommentOnTop(context.program.node, header);
}

/**
 * Whether a call or read of `bind` / `unbind` may be Brython's: on a provable socket; or called with an event name as
 * a literal, with `*args`, or with keywords in Transcrypt's form (`bind(__kwargtrans__({evt: ...}))`); or read as a
 * value (`b = ws.bind`; RapydScript-ng's keyword calls read it so). Not `handler.bind(self)`, JavaScript's own. The
 * runtime calls the object's own method where it is not a socket.
 */
function isEventMethodUse(site: Extract<Site, { kind: "method-call" | "method-reference" }>, onSocket: boolean): boolean {
  if (onSocket || site.kind === "method-reference") return true;
  const [first] = site.path.node.arguments;
  return (
    first?.type === "StringLiteral" ||
    first?.type === "SpreadElement" ||
    (first?.type === "CallExpression" && first.callee.type === "Identifier" && first.callee.name === TRANSCRYPT_KWARGS)
  );
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
