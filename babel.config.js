// Compiles the TypeScript sources and tests for Jest (babel-jest); the package itself is built by tsc.
module.exports = {
  presets: [["@babel/preset-typescript", { allowDeclareFields: true }]],
  targets: { node: "20" },
};
