// Jest runs the program as the ES module Transcrypt wrote (hence --experimental-vm-modules in package.json),
// through babel-jest, which applies babel.config.json.
export default {
  testEnvironment: "node",
  transform: { "\\.js$": "babel-jest" },
};
