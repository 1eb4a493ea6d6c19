// ESM mode (node --experimental-vm-modules): Babel 8 is ESM-only, and the tests load it beside Babel 7.
module.exports = {
  testEnvironment: "node",
  extensionsToTreatAsEsm: [".ts"],
  transform: { "\\.ts$": "babel-jest" },
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  testMatch: ["<rootDir>/test/**/*.test.ts"],
  testTimeout: 60000,
};
