import type { NodePath, types as t } from "@babel/core";
import { isNamedMember, staticPropertyName } from "../analysis/references.js";
import { RAPYDSCRIPT_INTERPOLATE } from "../names.js";
import { checkLiteralArguments } from "./literal-url.js";
import { type ArgumentsShape, type PythonArguments, rapydscriptArguments, transcryptArguments } from "./keywords.js";

/** What a free reference to `websocket` does. */
export type WebSocketUse =
  /** A call whose url (and protocols) are known: `websocket(url)`, with keywords in either transpiler's form. */
  | { kind: "call"; call: NodePath<t.CallExpression>; host: t.Expression; protocols: t.Expression | null }
  /**
   * Any other use, including calls whose keywords are only known at run time (`**kw`):
   * the name stands for the runtime's Python `websocket` function, which binds them itself.
   */
  | { kind: "value" };

const PARAMETERS = ["host", "protocols"] as const;
const USAGE = "websocket(url) or websocket(url, protocols)";

/** Classifies a free `websocket` reference; throws a code-frame error for calls that cannot be valid. */
export function recognizeWebSocketUse(reference: NodePath<t.Identifier>): WebSocketUse {
  const parent = reference.parentPath;
  if (!parent) return { kind: "value" };

  if (parent.isCallExpression() && parent.node.callee === reference.node) {
    const call = parent as NodePath<t.CallExpression>;
    if (call.node.arguments.some((arg) => arg.type === "SpreadElement")) {
      throw call.buildCodeFrameError(`\`websocket\` cannot take spread (*args) arguments; call ${USAGE}`);
    }
    return fromShape(call, transcryptArguments(call.node.arguments));
  }

  // websocket.apply(this, args) is how RapydScript-ng spells websocket(*args).
  if (parent.isMemberExpression() && parent.node.object === reference.node && staticPropertyName(parent.node) === "apply") {
    throw parent.buildCodeFrameError(`\`websocket\` cannot take spread (*args) arguments; call ${USAGE}`);
  }

  const outer = parent;
  if (
    outer.isCallExpression() &&
    isNamedMember(outer.node.callee, RAPYDSCRIPT_INTERPOLATE, "call") &&
    outer.node.arguments[1] === reference.node &&
    outer.node.arguments.length === 3
  ) {
    const shape = rapydscriptArguments(outer.node.arguments[2]!);
    if (shape.kind === "static") return fromShape(outer as NodePath<t.CallExpression>, shape);
  }
  return { kind: "value" };
}

function fromShape(call: NodePath<t.CallExpression>, shape: ArgumentsShape): WebSocketUse {
  if (shape.kind === "dynamic") return { kind: "value" };
  const [host, protocols] = bindParameters(call, shape.args);
  checkLiteralArguments(call, host, protocols);
  return { kind: "call", call, host, protocols };
}

/** Python's argument binding for `websocket(host, protocols=None)`, with `url=` accepted for `host=`. */
function bindParameters(call: NodePath<t.CallExpression>, args: PythonArguments): [t.Expression, t.Expression | null] {
  const { positional, keywords } = args;
  if (positional.length > PARAMETERS.length) {
    throw call.buildCodeFrameError(
      `\`websocket\` takes at most 2 arguments (url, protocols), but this call passes ${positional.length}; call ${USAGE}`,
    );
  }
  const slots: Array<t.Expression | undefined> = [...positional];
  for (const { name, value } of keywords ?? []) {
    const index = name === "url" ? 0 : PARAMETERS.indexOf(name as (typeof PARAMETERS)[number]);
    if (index < 0) {
      throw call.buildCodeFrameError(`\`websocket\` got an unexpected keyword argument '${name}'; it takes host (or url) and protocols`);
    }
    if (slots[index] !== undefined) {
      throw call.buildCodeFrameError(`\`websocket\` got multiple values for argument '${PARAMETERS[index]}'`);
    }
    slots[index] = value;
  }
  const host = slots[0];
  if (!host) throw call.buildCodeFrameError(`\`websocket\` needs the server's url; call ${USAGE}`);
  return [host, slots[1] ?? null];
}
