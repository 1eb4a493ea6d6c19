import type { NodePath, types as t } from "@babel/core";
import { EVENT_OF_HANDLER } from "../names.js";
import type { Diagnostic } from "../options.js";

const HANDLERS = Object.keys(EVENT_OF_HANDLER);

/** Reports `ws.on_mesage = f` on a socket: it would set an attribute no event ever calls. */
export function reportUnknownHandler(assignment: NodePath<t.AssignmentExpression>, name: string, level: Diagnostic): void {
  if (level === "off") return;
  const guess = closestHandler(name);
  const error = assignment.buildCodeFrameError(
    `\`${name}\` is not a WebSocket handler${guess ? `: did you mean ${guess}?` : ""} ` +
      `(the handlers are ${HANDLERS.join(", ")}; set the option unknownHandlers to "off" if this attribute is yours)`,
  );
  if (level === "error") throw error;
  console.warn(error.message);
}

/** The handler a misspelling most likely meant: same letters without underscores, or at most 2 edits away. */
function closestHandler(name: string): string | null {
  const squashed = name.replace(/_/g, "");
  const exact = HANDLERS.find((handler) => handler.replace(/_/g, "") === squashed);
  if (exact) return exact;
  let best: string | null = null;
  let bestDistance = 3;
  for (const handler of HANDLERS) {
    const distance = editDistance(name, handler);
    if (distance < bestDistance) [best, bestDistance] = [handler, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
