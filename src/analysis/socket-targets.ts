import type { NodePath, types as t } from "@babel/core";
import { createdInto } from "./fresh-socket.js";
import { sameReference } from "./references.js";

/**
 * The places that provably hold a socket: the targets of `x = websocket(...)`,
 * `var x = websocket(...)`, `self.ws = websocket(...)`.
 */
export class SocketTargets {
  private readonly targets: Array<{ target: t.Node; at: NodePath }> = [];

  add(creation: NodePath<t.CallExpression>): void {
    const created = createdInto(creation);
    if (created) this.targets.push({ target: created[1], at: creation });
  }

  /**
   * Whether `reference`, read at `at`, names one of them: the same variable (same binding),
   * or the same member chain (`self.ws`) in the same function.
   */
  holds(reference: t.Node, at: NodePath): boolean {
    return this.targets.some(({ target, at: createdAt }) => {
      if (!sameReference(target, reference)) return false;
      if (reference.type === "Identifier") {
        return at.scope.getBinding(reference.name) === createdAt.scope.getBinding(reference.name);
      }
      return at.getFunctionParent()?.node === createdAt.getFunctionParent()?.node;
    });
  }
}
