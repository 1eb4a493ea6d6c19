// Jest runs Transcrypt's ES modules as they are (hence --experimental-vm-modules in package.json), through
// babel-jest, which applies babel.config.json.
export default {
  testEnvironment: "node",
  transform: { "\\.js$": "babel-jest" },
};
