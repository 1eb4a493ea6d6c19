import type { NodePath, types as t } from "@babel/core";
import { EVENT_OF_HANDLER } from "../names.js";
import type { Diagnostic } from "../options.js";
import type { FileDiagnostics } from "./report.js";
import { closestName } from "./suggest.js";

const HANDLERS = Object.keys(EVENT_OF_HANDLER);

/** Reports `ws.on_mesage = f` on a socket: it would set an attribute no event ever calls. */
export function reportUnknownHandler(
  diagnostics: FileDiagnostics,
  assignment: NodePath<t.AssignmentExpression>,
  name: string,
  level: Diagnostic,
): void {
  if (level === "off") return;
  const guess = closestName(name, HANDLERS);
  const message =
    `\`${name}\` is not a WebSocket handler${guess ? `: did you mean ${guess}?` : ""} ` +
    `(the handlers are ${HANDLERS.join(", ")}; set the option unknownHandlers to "off" if this attribute is yours)`;
  diagnostics.report(level, assignment, message, name);
}
