// The page around the Python program (src/seed/program.py, the seed example of Brython's WebSocket docs).
// In a browser, `doc`, `alert` and the two buttons are the page's own; run in Node, these are stand-ins. The page
// also defines the global the program reads, ECHO_URL, before this script.
import { _test, close_connection } from "./seed/program.js";

globalThis.doc = { data: { value: "hello" } };
globalThis.alert = (text) => {
  console.log(`alert: ${text}`);
  // The "Close" button, pressed once the echo is back.
  if (text.startsWith("Message received")) setTimeout(close_connection);
};

_test(); // the "Open" button
