import type { PluginOptions } from "babel-plugin-python-websocket";

const pythonWebSocket: PluginOptions = {
  runtime: "auto",
  runtimeModule: "babel-plugin-python-websocket/runtime",
};

export default {
  plugins: [["python-websocket", pythonWebSocket]],
  sourceType: "unambiguous",
};
