import type { NodePath, types as t } from "@babel/core";
import { isNamedMember, staticPropertyName } from "../analysis/references.js";
import { RAPYDSCRIPT_INTERPOLATE, WEBSOCKET } from "../names.js";
import { checkWebSocketLiterals } from "../diagnostics/literal-arguments.js";
import type { FileDiagnostics } from "../diagnostics/report.js";
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
export function recognizeWebSocketUse(diagnostics: FileDiagnostics, reference: NodePath<t.Identifier>): WebSocketUse {
  const parent = reference.parentPath;
  if (!parent) return { kind: "value" };

  if (parent.isCallExpression() && parent.node.callee === reference.node) {
    const call = parent as NodePath<t.CallExpression>;
    if (call.node.arguments.some((arg) => arg.type === "SpreadElement")) {
      throw diagnostics.error(call, `\`websocket\` cannot take spread (*args) arguments; call ${USAGE}`, WEBSOCKET);
    }
    return fromShape(diagnostics, call, transcryptArguments(call.node.arguments));
  }

  // websocket.apply(this, args) is how RapydScript-ng spells websocket(*args).
  if (parent.isMemberExpression() && parent.node.object === reference.node && staticPropertyName(parent.node) === "apply") {
    throw diagnostics.error(parent, `\`websocket\` cannot take spread (*args) arguments; call ${USAGE}`, WEBSOCKET);
  }

  const outer = parent;
  if (
    outer.isCallExpression() &&
    isNamedMember(outer.node.callee, RAPYDSCRIPT_INTERPOLATE, "call") &&
    outer.node.arguments[1] === reference.node &&
    outer.node.arguments.length === 3
  ) {
    const shape = rapydscriptArguments(outer.node.arguments[2]!);
    if (shape.kind === "static") return fromShape(diagnostics, outer as NodePath<t.CallExpression>, shape);
  }
  return { kind: "value" };
}

function fromShape(diagnostics: FileDiagnostics, call: NodePath<t.CallExpression>, shape: ArgumentsShape): WebSocketUse {
  if (shape.kind === "dynamic") return { kind: "value" };
  const [host, protocols] = bindParameters(diagnostics, call, shape.args);
  checkWebSocketLiterals(diagnostics, call, host, protocols);
  return { kind: "call", call, host, protocols };
}

/** Python's argument binding for `websocket(host, protocols=None)`, with `url=` accepted for `host=`. */
function bindParameters(diagnostics: FileDiagnostics, call: NodePath<t.CallExpression>, args: PythonArguments): [t.Expression, t.Expression | null] {
  const { positional, keywords } = args;
  const fail = (message: string): never => {
    throw diagnostics.error(call, message, WEBSOCKET);
  };
  if (positional.length > PARAMETERS.length) {
    fail(`\`websocket\` takes at most 2 arguments (url, protocols), but this call passes ${positional.length}; call ${USAGE}`);
  }
  const slots: Array<t.Expression | undefined> = [...positional];
  for (const { name, value } of keywords ?? []) {
    const index = name === "url" ? 0 : PARAMETERS.indexOf(name as (typeof PARAMETERS)[number]);
    if (index < 0) {
      fail(`\`websocket\` got an unexpected keyword argument '${name}'; it takes host (or url) and protocols`);
    }
    if (slots[index] !== undefined) {
      fail(`\`websocket\` got multiple values for argument '${PARAMETERS[index]}'`);
    }
    slots[index] = value;
  }
  const host = slots[0];
  if (!host) fail(`\`websocket\` needs the server's url; call ${USAGE}`);
  return [host!, slots[1] ?? null];
}
