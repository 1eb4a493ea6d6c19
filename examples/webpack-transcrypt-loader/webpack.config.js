import { fileURLToPath } from "node:url";

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

export default {
  mode: "production",
  entry: "./src/chat.py",
  output: { path: here("dist"), filename: "main.js" },
  devtool: "source-map",
  module: {
    rules: [
      // Runs `python3 -m transcrypt` on the .py, which writes __target__/src.chat.js (at the project's root), and
      // gives webpack `export * from "../__target__/src.chat.js"` in its place. The loader's arguments and --build:
      // without it, a second build loads the first's output and needs Java (Transcrypt issue #907).
      {
        test: /\.py$/,
        loader: "transcrypt-loader",
        options: { arguments: ["--build", "--nomin", "--map", "--verbose"] },
      },
      // So the program is in __target__/: that is where Babel must run, not in the .py rule above.
      { test: /\.js$/, include: here("__target__"), use: "babel-loader" },
    ],
  },
};
