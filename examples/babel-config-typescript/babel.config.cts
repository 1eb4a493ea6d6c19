// Babel's config in TypeScript: the plugin's options are typed with its PluginOptions, so `npm run typecheck`
// (tsc, strict) refuses a wrong value before Babel runs. Babel loads a .cts config through
// @babel/preset-typescript (Node 22.18 and later strip the types themselves).
import type { PluginOptions } from "babel-plugin-python-websocket";

const pythonWebSocket: PluginOptions = {
  // A misspelt handler (ws.on_mesage = f) fails the build instead of printing a warning.
  unknownHandlers: "error",
};

module.exports = { plugins: [["python-websocket", pythonWebSocket]] };
