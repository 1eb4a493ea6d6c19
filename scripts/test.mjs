// npm test's Jest runs, after its type check and build: every suite under this machine's Node with Babel 7, then the
// suites that run a Babel core (jest.config.js) under Node 22 with Babel 8, both from the Babel 8 world, installed
// first where it is not (scripts/babel8-world.mjs; a failed install fails npm test before any suite runs). Both runs
// happen, one after the other; npm test fails if either does. Arguments go to both (`npm test -- test/e2e.test.ts`);
// where they leave the Babel 8 run no suite, it says so and passes.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { installBabel8World } from "./babel8-world.mjs";

const world = await installBabel8World(console.log).catch((error) => {
  console.error(error.message);
  process.exit(1);
});
const jest = fileURLToPath(new URL("../node_modules/jest/bin/jest.js", import.meta.url)); // not in jest's exports map
const args = process.argv.slice(2);
const nodeVersion = (node) => spawnSync(node, ["--version"], { encoding: "utf8" }).stdout.trim();

const runs = [
  { babel: `Babel 7`, node: process.execPath, env: { BABEL_MAJOR: "7" }, options: [] },
  {
    babel: `Babel 8 (@babel/core ${world.coreVersion})`,
    node: world.node,
    // Child processes that the tests start by name (node, npm) run under the same Node.
    env: { BABEL_MAJOR: "8", PATH: `${world.nodeBinDir}:${process.env.PATH}` },
    options: args.length > 0 ? ["--passWithNoTests"] : [],
  },
];

let failed = false;
for (const { babel, node, env, options } of runs) {
  console.log(`\nJest: ${babel}, Node ${nodeVersion(node)}`);
  const jestRun = spawnSync(node, ["--experimental-websocket", "--experimental-vm-modules", jest, ...options, ...args], {
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  if (jestRun.signal) process.kill(process.pid, jestRun.signal);
  if (jestRun.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
