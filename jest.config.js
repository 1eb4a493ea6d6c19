// ESM mode (node --experimental-vm-modules): Babel 8 is ESM-only.
// npm test runs Jest twice (scripts/test.mjs): every suite with Babel 7, then, with BABEL_MAJOR=8 and under Node 22,
// the suites that run the plugin in a Babel core (BABEL_SUITES) with Babel 8 (test/support/babel-cores.ts).
const { existsSync } = require("node:fs");
const { join } = require("node:path");

const BABEL_SUITES = ["bad-inputs", "browser", "diagnostics", "e2e", "fixtures", "inline-runtime", "package", "properties", "python-modules"].map(
  (name) => `test/${name}.test.ts`,
);
const missing = BABEL_SUITES.filter((suite) => !existsSync(join(__dirname, suite)));
if (missing.length > 0) throw new Error(`jest.config.js: BABEL_SUITES names ${missing.join(", ")}, which does not exist`);

module.exports = {
  testEnvironment: "node",
  extensionsToTreatAsEsm: [".ts"],
  transform: { "\\.ts$": "babel-jest" },
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  testMatch: process.env.BABEL_MAJOR === "8" ? BABEL_SUITES.map((suite) => `<rootDir>/${suite}`) : ["<rootDir>/test/**/*.test.ts"],
  testTimeout: 60000,
};
