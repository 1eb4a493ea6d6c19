import babel from "@rolldown/plugin-babel";
import { defineConfig } from "vite";
import transcryptSourceMaps from "./transcrypt-source-maps.js";

export default defineConfig({
  plugins: [transcryptSourceMaps(), babel({ plugins: ["python-websocket"] })],
  build: { sourcemap: true },
});
