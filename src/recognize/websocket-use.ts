import type { NodePath, types as t } from "@babel/core";
import { isNamedMember, staticPropertyName } from "../analysis/references.js";
import { checkWebSocketLiterals } from "../diagnostics/literal-arguments.js";
import { reportRaisingCall } from "../diagnostics/raising-call.js";
import type { FileDiagnostics } from "../diagnostics/report.js";
import type { Diagnostic } from "../options.js";
import { RAPYDSCRIPT_INTERPOLATE, RAPYDSCRIPT_INTERPOLATE_CONSTRUCTOR } from "../names.js";
import { type PythonArguments, rapydscriptArguments, transcryptArguments } from "./keywords.js";

/** A function that opens a socket: Brython's old builtin `websocket(host)`, or its module's `WebSocket(url)`. */
export interface SocketFactory {
  name: "websocket" | "WebSocket";
  /** Its parameters: the url (also spelt `alias=`), then the protocols. */
  parameters: readonly [string, "protocols"];
  alias: string;
}

export const OLD_BUILTIN: SocketFactory = { name: "websocket", parameters: ["host", "protocols"], alias: "url" };
export const MODULE_FACTORY: SocketFactory = { name: "WebSocket", parameters: ["url", "protocols"], alias: "host" };

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
   * Any other use, including calls whose arguments are only known at run time (`**kw`, `*args`) or that cannot bind
   * (`websocket()`): the reference stands for the runtime's Python function, which binds them itself (raising
   * TypeError as Python does).
   */
  | { kind: "value"; factory: SocketFactory; reference: NodePath<t.Expression> }
  /** The reference inside `Object.create(F.prototype)` of RapydScript-ng's constructor helper: rewritten with the call. */
  | { kind: "covered" };

/**
 * Classifies a reference to a socket factory (a free `websocket`; the module's `WebSocket`, `websocket.WebSocket`).
 * A call that will raise when it runs (no url, an unknown keyword, a url the platform refuses) is reported as the
 * option raisingCalls says (`level`), and left to raise: an argument list that cannot bind goes to the runtime's
 * Python function. `*args` binds when it runs, as Brython's `WebSocket(*args)` does.
 */
export function recognizeWebSocketUse(
  diagnostics: FileDiagnostics,
  level: Diagnostic,
  reference: NodePath<t.Expression>,
  factory: SocketFactory,
): WebSocketUse {
  const value: WebSocketUse = { kind: "value", factory, reference };
  const parent = reference.parentPath;
  const report = (call: NodePath, message: string) => reportRaisingCall(diagnostics, level, call, message, "TypeError", factory.name);

  if ((parent.isCallExpression() || parent.isNewExpression()) && parent.node.callee === reference.node) {
    const call = parent as NodePath<t.CallExpression | t.NewExpression>;
    const shape = transcryptArguments(call.node.arguments);
    if (shape.kind === "dynamic") return value;
    const bound = bindParameters(shape.args, factory);
    if (typeof bound === "string") {
      report(call, bound);
      return value;
    }
    return socketCall(diagnostics, level, call, bound, factory);
  }

  if (parent.isCallExpression() && isNamedMember(parent.node.callee, RAPYDSCRIPT_INTERPOLATE, "call")) {
    const [, called, args] = parent.node.arguments;
    if (called === reference.node && args && parent.node.arguments.length === 3) {
      const shape = rapydscriptArguments(args);
      const bound = shape.kind === "static" ? bindParameters(shape.args, factory) : null;
      if (typeof bound === "string") report(parent, bound);
      else if (bound) return socketCall(diagnostics, level, parent, bound, factory);
    }
    return value;
  }

  const helper = constructorHelperCall(reference);
  if (helper) {
    const [, apply, called, args] = helper.node.arguments as t.Expression[];
    if (called !== reference.node) return { kind: "covered" };
    const applies = !(apply?.type === "BooleanLiteral" && !apply.value);
    const shape = applies ? ({ kind: "dynamic" } as const) : rapydscriptArguments(args!);
    const bound = shape.kind === "static" ? bindParameters(shape.args, factory) : null;
    if (typeof bound === "string") report(helper, bound);
    else if (bound) return socketCall(diagnostics, level, helper, bound, factory);
    return { kind: "constructor-helper", factory, call: helper, apply: applies, args: args! };
  }
  // Anything else, F.apply(this, args) (how RapydScript-ng spells F(*args)) included: the Python function.
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

function socketCall(
  diagnostics: FileDiagnostics,
  level: Diagnostic,
  call: NodePath<t.CallExpression | t.NewExpression>,
  [host, protocols]: [t.Expression, t.Expression | null],
  factory: SocketFactory,
): WebSocketUse {
  checkWebSocketLiterals(diagnostics, level, call, factory.name, host, protocols);
  return { kind: "call", factory, call, host, protocols };
}

/**
 * Python's argument binding for `websocket(host, protocols=None)` / `WebSocket(url, protocols=None)`: the url and
 * protocols, or what makes the call raise TypeError, in the runtime's words (its pythonArguments).
 */
function bindParameters({ positional, keywords }: PythonArguments, { name, parameters, alias }: SocketFactory): [t.Expression, t.Expression | null] | string {
  if (positional.length > parameters.length) return `${name}() takes at most 2 arguments (${positional.length} given)`;
  const slots: Array<t.Expression | undefined> = [...positional];
  for (const { name: keyword, value } of keywords ?? []) {
    const index = keyword === alias ? 0 : parameters.indexOf(keyword as (typeof parameters)[number]);
    if (index < 0) return `${name}() got an unexpected keyword argument '${keyword}'`;
    if (slots[index] !== undefined) return `${name}() got multiple values for argument '${keyword}'`;
    slots[index] = value;
  }
  const host = slots[0];
  if (!host) return `${name}() missing required argument '${parameters[0]}'`;
  return [host, slots[1] ?? null];
}
