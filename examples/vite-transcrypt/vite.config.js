import { defineConfig } from "vite";
import babel from "vite-plugin-babel";
import transcryptSourceMaps from "./transcrypt-source-maps.js";

export default defineConfig({
  plugins: [
    transcryptSourceMaps(),
    babel({
      // Transcrypt's modules (babel.config.json applies to them).
      include: /\/__target__\/.*\.js$/,
      // Vite chains Transcrypt's map (from the hook above) itself.
      babelConfig: { sourceMaps: true, inputSourceMap: false },
    }),
  ],
  build: { sourcemap: true },
});
