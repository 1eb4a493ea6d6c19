import type { NodePath, types as t } from "@babel/core";
import { createdInto } from "./fresh-socket.js";
import { sameReference } from "./references.js";

/**
 * The places that provably hold a socket: the targets of `x = websocket(...)`, `x = WebSocket(...)`,
 * `var x = websocket(...)`, `self.ws = websocket(...)`.
 */
export class SocketTargets {
  private readonly targets: Array<{ target: t.Node; at: NodePath }> = [];

  add(creation: NodePath<t.CallExpression | t.NewExpression>): void {
    const created = createdInto(creation);
    if (created) this.targets.push({ target: created[1], at: creation });
  }

  /**
   * Whether `reference`, read at `at`, names one of them: the same variable (same binding); or the same member chain
   * on the same variable (`app.ws`); or, on `self` or `this`, the same attribute of an object of the program's classes
   * (`self.ws`), in whichever method it was made.
   */
  holds(reference: t.Node, at: NodePath): boolean {
    return this.targets.some(({ target, at: createdAt }) => {
      if (!sameReference(target, reference)) return false;
      const root = rootOf(reference);
      if (root.type === "ThisExpression" || (root.type === "Identifier" && root.name === "self")) return true;
      return root.type === "Identifier" && at.scope.getBinding(root.name) === createdAt.scope.getBinding(root.name);
    });
  }
}

/** `self` of `self.conn.ws`, `ws` of `ws`. */
function rootOf(reference: t.Node): t.Node {
  return reference.type === "MemberExpression" ? rootOf(reference.object) : reference;
}
