import { fileURLToPath } from "node:url";

export default {
  mode: "production",
  entry: "./src/main.js",
  output: { path: fileURLToPath(new URL("dist", import.meta.url)), filename: "main.js" },
  devtool: "source-map",
  module: {
    rules: [{ test: /\.js$/, include: fileURLToPath(new URL("src", import.meta.url)), use: "babel-loader" }],
  },
};
