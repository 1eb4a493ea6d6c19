import type { NodePath, types as t } from "@babel/core";
import { createdInto } from "./fresh-socket.js";
import { staticPropertyName } from "./references.js";

/**
 * The places that provably hold a socket: the targets of `x = websocket(...)`, `x = WebSocket(...)`,
 * `var x = websocket(...)`, `self.ws = websocket(...)`. Kept by their spelling (`self.ws`), so that asking about a
 * reference costs the same however many sockets the file makes.
 */
export class SocketTargets {
  /** By spelling, the bindings of the variable each spelling starts from (`ws` of `ws.conn`), or GLOBAL. */
  private readonly targets = new Map<string, Set<unknown>>();

  add(creation: NodePath<t.CallExpression | t.NewExpression>): void {
    const created = createdInto(creation);
    const key = created && spelling(created[1]);
    if (!key) return;
    const roots = this.targets.get(key) ?? new Set();
    roots.add(rootBinding(key, creation));
    this.targets.set(key, roots);
  }

  /**
   * Whether `reference`, read at `at`, names one of them: the same variable (same binding); or the same member chain
   * on the same variable (`app.ws`); or, on `self` or `this`, the same attribute of an object of the program's classes
   * (`self.ws`), in whichever method it was made.
   */
  holds(reference: t.Node, at: NodePath): boolean {
    const key = spelling(reference);
    const roots = key ? this.targets.get(key) : undefined;
    return !!roots && roots.has(rootBinding(key!, at));
  }
}

/** A free variable's stand-in for a binding: one global of that name. */
const GLOBAL = Symbol("global");
/** The spelling `self.x` and `this.x` stand for an attribute of any object of the program's classes. */
const ANY_INSTANCE = Symbol("instance");

function rootBinding(key: string, at: NodePath): unknown {
  const root = key.split(".")[0]!;
  if (root === "this" || root === "self") return ANY_INSTANCE;
  return at.scope.getBinding(root) ?? GLOBAL;
}

/** `ws`, `this.ws`, `self.conn.ws`: a simple reference spelt out; null for anything else (`socks[i]`, `f().ws`). */
function spelling(node: t.Node): string | null {
  if (node.type === "Identifier") return node.name;
  if (node.type === "ThisExpression") return "this";
  if (node.type !== "MemberExpression" || node.computed) return null;
  const object = spelling(node.object);
  const property = staticPropertyName(node);
  return object !== null && property !== null ? `${object}.${property}` : null;
}
