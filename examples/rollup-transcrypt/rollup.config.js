import { babel } from "@rollup/plugin-babel";
import { nodeResolve } from "@rollup/plugin-node-resolve";
import transcryptSourceMaps from "./transcrypt-source-maps.js";

export default {
  input: "src/__target__/chat.js",
  output: { file: "dist/chat.js", format: "es", sourcemap: true },
  plugins: [
    transcryptSourceMaps(),
    // Finds the runtime that the plugin imports: "babel-plugin-python-websocket/runtime".
    nodeResolve(),
    babel({
      babelHelpers: "bundled",
      // Transcrypt's modules (babel.config.json applies to them).
      include: ["src/__target__/**"],
      // Rollup chains Transcrypt's map (from the hook above) itself.
      inputSourceMap: false,
    }),
  ],
};
