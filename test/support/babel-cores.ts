// The Babel core this run tests: Babel 7 (the repo's @babel/core), or Babel 8 where BABEL_MAJOR=8. npm test runs Jest
// twice (scripts/test.mjs): under this machine's Node with Babel 7, then the suites that run a Babel core again under
// Node 22 with Babel 8, both from the Babel 8 world (scripts/babel8-world.mjs). BABEL_CORES keeps the shape that
// describe.each takes, so that test names say which Babel ran them.
import { createRequire } from "node:module";
import { join } from "node:path";
import * as babel7 from "@babel/core";
import { assertBabel8Runs, babel8World } from "../../scripts/babel8-world.mjs";

export interface BabelCore {
  version: string;
  transformSync(code: string, options: Record<string, unknown>): { code?: string | null } | null;
  parseSync(code: string, options: Record<string, unknown>): object | null;
  transformFromAstSync(ast: object, code: string | undefined, options: Record<string, unknown>): { code?: string | null } | null;
}

function babelMajor(value: string | undefined): 7 | 8 {
  if (value === undefined || value === "7") return 7;
  if (value === "8") return 8;
  throw new Error(`BABEL_MAJOR=${value}: Babel 7 or 8 only`);
}

/** Babel 8 from the Babel 8 world; fails, saying why, where it is not installed or this Node is not one it declares. */
async function loadBabel8(): Promise<BabelCore> {
  const world = babel8World();
  assertBabel8Runs(world, process.version);
  return (await import(createRequire(join(world.modules, "index.js")).resolve("@babel/core"))) as BabelCore;
}

export const BABEL_MAJOR: 7 | 8 = babelMajor(process.env.BABEL_MAJOR);

const core: BabelCore = BABEL_MAJOR === 8 ? await loadBabel8() : (babel7 as unknown as BabelCore);
if (core.version.split(".")[0] !== String(BABEL_MAJOR)) throw new Error(`Babel ${BABEL_MAJOR} expected, @babel/core ${core.version} loaded`);

export const BABEL_CORES: Array<[label: string, core: BabelCore]> = [[`Babel ${BABEL_MAJOR}`, core]];
