import { babel } from "@rollup/plugin-babel";
import { nodeResolve } from "@rollup/plugin-node-resolve";
import transcryptSourceMaps from "./transcrypt-source-maps.js";

export default {
  input: "src/main.js",
  output: { file: "dist/main.js", format: "es", sourcemap: true },
  plugins: [
    transcryptSourceMaps(),
    // Finds the runtime that the plugin imports: "babel-plugin-python-websocket/runtime".
    nodeResolve(),
    babel({
      babelHelpers: "bundled",
      include: ["src/**"],
      plugins: ["python-websocket"],
      // Rollup chains Transcrypt's map (from the hook above) itself.
      inputSourceMap: false,
    }),
  ],
};
