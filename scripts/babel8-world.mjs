// @ts-check
// The Babel 8 world: @babel/core 8 and a Node that Babel 8 declares (^22.18, from npm's `node` package), as
// scripts/babel8-world/package-lock.json pins them. npm test runs its Babel 8 pass with them (scripts/test.mjs).
//
// They are not in the repo's own devDependencies: there @babel/core 8 would be installed for the Node that runs npm
// (20 here), which it does not support (npm install then prints dozens of EBADENGINE warnings), and the `node`
// package's bin would replace Node 20 in every npm script. So the world is installed apart, once, by `npm ci` into
// node_modules/.cache/babel-plugin-python-websocket/babel8-world-<digest of its package.json and lockfile>/ (a
// changed one gets a world of its own), and reused. The first install needs the npm registry: about 200 MB, mostly
// the Node binary.
//
// `node scripts/babel8-world.mjs` installs it if needed and prints where it is.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const MANIFEST_DIR = fileURLToPath(new URL("babel8-world/", import.meta.url));
const CACHE = join(ROOT, "node_modules", ".cache", "babel-plugin-python-websocket");

/**
 * @typedef {object} Babel8World
 * @property {string} home The installed world's folder.
 * @property {string} modules Its node_modules.
 * @property {string} node Its Node executable.
 * @property {string} nodeBinDir The folder of that executable: put it first on PATH to run `node` (and npm) under it.
 * @property {string} coreDir Where Babel 8's core package is installed.
 * @property {string} coreVersion That package's version.
 */

const MANIFEST = ["package.json", "package-lock.json"];

/** The folder the current manifest's world is (or will be) installed in. */
function homeOf() {
  const digest = createHash("sha256");
  for (const file of MANIFEST) digest.update(readFileSync(join(MANIFEST_DIR, file)));
  return join(CACHE, `babel8-world-${digest.digest("hex").slice(0, 12)}`);
}

/** @param {string} home @returns {Babel8World} */
function worldAt(home) {
  const modules = join(home, "node_modules");
  const coreDir = join(modules, "@babel", "core");
  const nodeBinDir = join(modules, "node", "bin");
  const { version } = JSON.parse(readFileSync(join(coreDir, "package.json"), "utf8"));
  return { home, modules, node: join(nodeBinDir, "node"), nodeBinDir, coreDir, coreVersion: version };
}

/**
 * The installed world; throws, saying how to install it, where it is not installed.
 * @returns {Babel8World}
 */
export function babel8World() {
  const home = homeOf();
  if (!existsSync(join(home, "installed"))) {
    throw new Error(`The Babel 8 world is not installed at ${home}: run \`node scripts/babel8-world.mjs\` (npm test does).`);
  }
  return worldAt(home);
}

/**
 * Throws unless Babel 8's core, as installed in `world`, declares Node `version` (e.g. process.version) in its engines.
 * @param {Babel8World} world @param {string} version
 */
export function assertBabel8Runs(world, version) {
  const { engines } = JSON.parse(readFileSync(join(world.coreDir, "package.json"), "utf8"));
  const semver = createRequire(join(ROOT, "package.json"))("semver");
  if (!semver.satisfies(version, engines.node)) {
    throw new Error(`@babel/core ${world.coreVersion} declares Node ${engines.node}, not ${version}: run Babel 8 under ${world.node}`);
  }
}

/**
 * @param {string} command @param {string[]} args @param {string} cwd
 * @returns {Promise<string>} stdout
 */
function run(command, args, cwd) {
  return new Promise((resolve, reject) =>
    execFile(command, args, { cwd, timeout: 600_000, maxBuffer: 16 << 20 }, (error, stdout, stderr) =>
      // error.message holds the command and its stderr.
      error ? reject(new Error(`${error.message.trim()}\n(in ${cwd})\n${stdout}`)) : resolve(stdout),
    ),
  );
}

/**
 * The world, installed first if it is not (`log` is told, in one line, before an install starts). Fails, with npm's
 * output, where it cannot be installed (no registry, say): nothing is then left half-installed.
 * @param {(line: string) => void} [log]
 * @returns {Promise<Babel8World>}
 */
export async function installBabel8World(log = () => {}) {
  const home = homeOf();
  if (existsSync(join(home, "installed"))) return worldAt(home);
  log(`Installing the Babel 8 world (Node 22 and @babel/core 8, about 200 MB, once) into ${relative(ROOT, home)}/…`);
  const staging = `${home}.${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  for (const file of MANIFEST) copyFileSync(join(MANIFEST_DIR, file), join(staging, file));
  try {
    // npm runs under this machine's Node, which Babel 8's packages do not declare: their EBADENGINE warnings are
    // expected here, so only errors are shown (and only if the install fails).
    await run("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], staging);
    const world = worldAt(staging);
    const version = (await run(world.node, ["--version"], staging)).trim();
    assertBabel8Runs(world, version);
    writeFileSync(join(staging, "installed"), `${new Date().toISOString()} Node ${version}, @babel/core ${world.coreVersion}\n`);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(`Could not install the Babel 8 world: ${/** @type {Error} */ (error).message}`);
  }
  try {
    renameSync(staging, home);
  } catch {
    rmSync(staging, { recursive: true, force: true }); // another run installed it meanwhile
  }
  return worldAt(home);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const world = await installBabel8World(console.log);
  console.log(`Babel 8 world: @babel/core ${world.coreVersion}, ${world.node}`);
}
