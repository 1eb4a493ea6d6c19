import type { NodePath, types as t } from "@babel/core";
import { type EventMethod, SOCKET_EVENTS } from "../names.js";
import type { Diagnostic } from "../options.js";
import type { FileDiagnostics } from "./report.js";
import { closestName } from "./suggest.js";

/**
 * `ws.bind(evt, handler)` / `ws.unbind(evt, handler)` on a socket, with literal arguments: an event name a socket
 * never dispatches (`"mesage"`) is reported as a misspelt handler is (the unknownHandlers option); a bind of None fails
 * the build, as the runtime would raise TypeError. `args` are in Python's order.
 */
export function checkEventLiterals(
  diagnostics: FileDiagnostics,
  call: NodePath<t.CallExpression>,
  method: EventMethod,
  args: ReadonlyArray<t.Node | undefined>,
  level: Diagnostic,
): void {
  const [evt, handler] = args;
  if (method === "bind" && (handler?.type === "NullLiteral" || (handler?.type === "Identifier" && handler.name === "undefined"))) {
    throw diagnostics.error(call, "bind() handler must be callable, not None", method);
  }
  if (evt?.type !== "StringLiteral" || SOCKET_EVENTS.includes(evt.value) || level === "off") return;
  const guess = closestName(evt.value, SOCKET_EVENTS);
  const message =
    `${JSON.stringify(evt.value)} is not a WebSocket event${guess ? `: did you mean ${JSON.stringify(guess)}?` : ""} ` +
    `(the events are ${SOCKET_EVENTS.map((event) => JSON.stringify(event)).join(", ")}; set the option unknownHandlers to "off" if this event is yours)`;
  if (level === "error") throw diagnostics.error(call, message, evt.value);
  diagnostics.warn(call, message, evt.value);
}
