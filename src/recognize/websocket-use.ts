import type { NodePath, types as t } from "@babel/core";
import { isNamedMember, staticPropertyName } from "../analysis/references.js";
import { checkWebSocketLiterals } from "../diagnostics/literal-arguments.js";
import type { FileDiagnostics } from "../diagnostics/report.js";
import { RAPYDSCRIPT_INTERPOLATE, RAPYDSCRIPT_INTERPOLATE_CONSTRUCTOR } from "../names.js";
import { type ArgumentsShape, type PythonArguments, rapydscriptArguments, transcryptArguments } from "./keywords.js";

/** A function that opens a socket: Brython's old builtin `websocket(host)`, or its module's `WebSocket(url)`. */
export interface SocketFactory {
  name: "websocket" | "WebSocket";
  /** Its parameters: the url (also spelt `alias=`), then the protocols. */
  parameters: readonly [string, "protocols"];
  alias: string;
  /** `websocket(*args)` is refused at build time (the old builtin's contract); `WebSocket(*args)` is bound at run time. */
  spreadFails: boolean;
}

export const OLD_BUILTIN: SocketFactory = { name: "websocket", parameters: ["host", "protocols"], alias: "url", spreadFails: true };
export const MODULE_FACTORY: SocketFactory = { name: "WebSocket", parameters: ["url", "protocols"], alias: "host", spreadFails: false };

/** What a reference to a socket factory does. */
export type WebSocketUse =
  /**
   * A call whose url (and protocols) are known: `websocket(url)`, `new WebSocket(url)`, with keywords in either
   * transpiler's form; `call` is what the rewrite replaces (RapydScript-ng's keyword helper call, where it calls it).
   */
  | { kind: "call"; factory: SocketFactory; call: NodePath<t.CallExpression | t.NewExpression>; host: t.Expression; protocols: t.Expression | null }
  /**
   * RapydScript-ng's `ρσ_interpolate_kwargs_constructor.call(Object.create(F.prototype), apply, F, args)` with
   * arguments only known at run time: it would drop what F returns, so the whole call is replaced.
   */
  | { kind: "constructor-helper"; factory: SocketFactory; call: NodePath<t.CallExpression>; apply: boolean; args: t.Expression }
  /**
   * Any other use, including calls whose arguments are only known at run time (`**kw`, `*args`): the reference
   * stands for the runtime's Python function, which binds them itself.
   */
  | { kind: "value"; factory: SocketFactory; reference: NodePath<t.Expression> }
  /** The reference inside `Object.create(F.prototype)` of RapydScript-ng's constructor helper: rewritten with the call. */
  | { kind: "covered" };

/**
 * Classifies a reference to a socket factory (a free `websocket`; the module's `WebSocket`, `websocket.WebSocket`).
 * Throws a code-frame error for calls that cannot be valid.
 */
export function recognizeWebSocketUse(diagnostics: FileDiagnostics, reference: NodePath<t.Expression>, factory: SocketFactory): WebSocketUse {
  const { name } = factory;
  const usage = `call ${name}(url) or ${name}(url, protocols)`;
  const value: WebSocketUse = { kind: "value", factory, reference };
  const parent = reference.parentPath;

  if ((parent.isCallExpression() || parent.isNewExpression()) && parent.node.callee === reference.node) {
    const call = parent as NodePath<t.CallExpression | t.NewExpression>;
    if (call.node.arguments.some((arg) => arg.type === "SpreadElement")) {
      if (factory.spreadFails) throw diagnostics.error(call, `\`${name}\` cannot take spread (*args) arguments; ${usage}`, name);
      return value;
    }
    return fromShape(diagnostics, call, transcryptArguments(call.node.arguments), factory, reference);
  }

  // F.apply(this, args) is how RapydScript-ng spells F(*args).
  if (parent.isMemberExpression() && parent.node.object === reference.node && staticPropertyName(parent.node) === "apply") {
    if (factory.spreadFails) throw diagnostics.error(parent, `\`${name}\` cannot take spread (*args) arguments; ${usage}`, name);
    return value;
  }

  if (parent.isCallExpression() && isNamedMember(parent.node.callee, RAPYDSCRIPT_INTERPOLATE, "call")) {
    const [, called, args] = parent.node.arguments;
    if (called === reference.node && args && parent.node.arguments.length === 3) {
      const shape = rapydscriptArguments(args);
      if (shape.kind === "static") return fromShape(diagnostics, parent, shape, factory, reference);
    }
    return value;
  }

  const helper = constructorHelperCall(reference);
  if (helper) {
    const [, apply, called, args] = helper.node.arguments as t.Expression[];
    if (called !== reference.node) return { kind: "covered" };
    const shape = apply?.type === "BooleanLiteral" && !apply.value ? rapydscriptArguments(args!) : ({ kind: "dynamic" } as const);
    if (shape.kind === "static") return fromShape(diagnostics, helper, shape, factory, reference);
    return { kind: "constructor-helper", factory, call: helper, apply: !(apply?.type === "BooleanLiteral" && !apply.value), args: args! };
  }
  return value;
}

/**
 * `ρσ_interpolate_kwargs_constructor.call(Object.create(F.prototype), apply, F, args)`, RapydScript-ng's
 * `F(url, protocols=p)` and `F(*args)` for a capitalised name, where `reference` is either F.
 */
function constructorHelperCall(reference: NodePath): NodePath<t.CallExpression> | null {
  const isHelper = (path: NodePath | null): path is NodePath<t.CallExpression> =>
    !!path?.isCallExpression() && isNamedMember(path.node.callee, RAPYDSCRIPT_INTERPOLATE_CONSTRUCTOR, "call") && path.node.arguments.length === 4;
  if (isHelper(reference.parentPath) && reference.parentPath.node.arguments[2] === reference.node) return reference.parentPath;
  // Object.create(F.prototype), the helper's first argument.
  const prototype = reference.parentPath;
  const create = prototype?.parentPath;
  const helper = create?.parentPath ?? null;
  if (prototype?.isMemberExpression() && staticPropertyName(prototype.node) === "prototype" && create?.isCallExpression() && isHelper(helper)) {
    return helper.node.arguments[0] === create.node ? helper : null;
  }
  return null;
}

function fromShape(
  diagnostics: FileDiagnostics,
  call: NodePath<t.CallExpression | t.NewExpression>,
  shape: ArgumentsShape,
  factory: SocketFactory,
  reference: NodePath<t.Expression>,
): WebSocketUse {
  if (shape.kind === "dynamic") return { kind: "value", factory, reference };
  const [host, protocols] = bindParameters(diagnostics, call, shape.args, factory);
  checkWebSocketLiterals(diagnostics, call, factory.name, host, protocols);
  return { kind: "call", factory, call, host, protocols };
}

/** Python's argument binding for `websocket(host, protocols=None)` / `WebSocket(url, protocols=None)`. */
function bindParameters(
  diagnostics: FileDiagnostics,
  call: NodePath<t.CallExpression | t.NewExpression>,
  args: PythonArguments,
  { name, parameters, alias }: SocketFactory,
): [t.Expression, t.Expression | null] {
  const { positional, keywords } = args;
  const fail = (message: string): never => {
    throw diagnostics.error(call, message, name);
  };
  const usage = `call ${name}(url) or ${name}(url, protocols)`;
  if (positional.length > parameters.length) {
    fail(`\`${name}\` takes at most 2 arguments (url, protocols), but this call passes ${positional.length}; ${usage}`);
  }
  const slots: Array<t.Expression | undefined> = [...positional];
  for (const { name: keyword, value } of keywords ?? []) {
    const index = keyword === alias ? 0 : parameters.indexOf(keyword as (typeof parameters)[number]);
    if (index < 0) fail(`\`${name}\` got an unexpected keyword argument '${keyword}'; it takes ${parameters[0]} (or ${alias}) and protocols`);
    if (slots[index] !== undefined) fail(`\`${name}\` got multiple values for argument '${parameters[index]}'`);
    slots[index] = value;
  }
  const host = slots[0];
  if (!host) fail(`\`${name}\` needs the server's url; ${usage}`);
  return [host!, slots[1] ?? null];
}
