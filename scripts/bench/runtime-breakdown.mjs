// What the runtime's bytes are spent on: for each part, the min+gzip bytes the runtime
// loses when that part is taken out (its function body emptied, or its messages blanked).
// Parts overlap in what gzip shares, so the figures do not add up to the whole exactly.
import { babel } from "./repo.mjs";
import { shipped } from "./shipped.mjs";

// The runtime module as figure 3 bundles it.
const MODULE = { module: true };

/** Parts of src/runtime/create.ts, by the function that holds them, and what each does for a Python program. */
const PARTS = [
  ["setHandler", "one listener per event, replaced and removed like an attribute"],
  ["guardedListener", "replacement skips the event in dispatch (Node); bound methods; binary data as bytes"],
  ["pythonArguments", "Python argument binding: Transcrypt keywords, too many / unknown / repeated arguments"],
  ["closeOn", "close(code, reason) checked the Python way (ValueError/TypeError)"],
  ["sendOn", "send(data) checked: str or bytes-like, socket open (ConnectionError)"],
  ["defineError", "NotImplementedError, ConnectionError, ValueError for programs without them"],
  ["typeName", "Python type names in TypeError messages"],
  ["websocket", "websocket used as a value (not called directly)"],
  ["method", "RapydScript-ng keyword calls of send/close"],
];

/** `source` with one part removed: a function body emptied, so callers stay and nothing else is optimised away. */
function without(source, part) {
  const plugin = ({ types: t }) => ({
    visitor: {
      Function(path) {
        const name = path.node.id?.name ?? (path.parentPath.isObjectProperty() ? path.parent.key.name : null);
        if (name !== part) return;
        // An opaque value, so the minifier cannot reason about what the emptied function returns.
        path.get("body").replaceWith(t.blockStatement([t.returnStatement(t.identifier("arguments"))]));
        path.skip();
      },
    },
  });
  return babel.transformSync(source, { configFile: false, babelrc: false, plugins: [plugin] }).code;
}

/** `source` with every message text (a string with a space in it) blanked. */
function withoutMessages(source) {
  const plugin = () => ({
    visitor: {
      StringLiteral(path) {
        if (path.node.value.includes(" ")) path.node.value = "";
      },
    },
  });
  return babel.transformSync(source, { configFile: false, babelrc: false, plugins: [plugin] }).code;
}

/** The whole runtime module's source as it ships, and what each part costs of it. */
export async function runtimeBreakdown(runtimeSource) {
  const whole = await shipped(runtimeSource, MODULE);
  const rows = [];
  for (const [part, purpose] of PARTS) {
    const rest = await shipped(without(runtimeSource, part), MODULE);
    if (rest.gzip === whole.gzip) throw new Error(`runtime breakdown: no function named ${part} in the runtime`);
    rows.push({ part, purpose, gzip: whole.gzip - rest.gzip });
  }
  const silent = await shipped(withoutMessages(runtimeSource), MODULE);
  rows.push({ part: "messages", purpose: "the text of every error message", gzip: whole.gzip - silent.gzip });
  return { whole, rows };
}
