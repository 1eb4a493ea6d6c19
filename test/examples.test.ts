// The examples as acceptance runs them: each examples/<name>/ copied out of the repo, the packed plugin and the
// example's own dependencies installed there by npm, then its own `npm test`, which builds it and runs its Python
// program against its echo server (in Node, or in headless Chromium where it is a page). Under Babel 7 on this
// machine's Node 20 and, where its tools take Babel 8, under Babel 8 on the Babel 8 world's Node 22
// (scripts/babel8-world.mjs), installed as a user upgrades (`npm install @babel/core@^8 ...`). The one step replaced
// is Transcrypt's: a stand-in python3 (support/examples/transcrypt-stand-in/python3) lays out what real Transcrypt
// wrote for the example's .py, committed in fixtures/examples/<name>/.
// Beside the exit code and the printed conversation: the install is clean; every package that loads @babel/core loads
// the major under test; a classic script imports nothing; a bundle carries the runtime parts its program calls and no
// others; the source map leads each rewritten websocket() call and handler assignment to its line of the .py; a second
// build of a second copy, at the same time, is byte-identical; the runner fails on a wrong conversation; Jest's
// transforms match in a pool of 2 workers and in band; the typed Babel config compiles, and a wrong value does not.
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { installBabel8World } from "../scripts/babel8-world.mjs";
import { packPlugin } from "./support/pack.js";
import { failed, type Ran, REPO, run, slots } from "./support/examples/processes.js";
import {
  babelCoreSeenBy,
  copyExample,
  copyFolder,
  environment,
  installedVersion,
  type Major,
  npmInstall,
  npmRun,
  npmUninstall,
} from "./support/examples/projects.js";
import { ALL_PARTS, partsCalledBy, runtimeTexts } from "./support/examples/runtime-slice.js";
import {
  HANDLER_ASSIGNMENTS,
  PY_HANDLER_ASSIGNMENT,
  PY_WEBSOCKET_CALL,
  pythonLines,
  traceAll,
  WEBSOCKET_CALLS,
} from "./support/examples/source-maps.js";

/** Where a program of Brython's module API opens its socket: `websocket.WebSocket(url)`. */
const PY_MODULE_WEBSOCKET_CALL = /\bwebsocket\.WebSocket\s*\(/;

/** What every example's program, src/chat.py or src/chat.pyj, says to the echo server and hears back. */
const CONVERSATION = ["sent: hello", "received: hello", "sent: how are you?", "received: how are you?", "closed: 1000 done"];

/** A build's output, checked beside the run. */
interface Build {
  /** The folder the build writes. */
  outDir: string;
  /** The built file that holds the program; its source map is that file + ".map". */
  code(dir: string): string;
  /** What its map's sources are relative to: the map, the project, or webpack's own webpack://<project>/ names. */
  sources: "map" | "project" | "webpack";
  /** A bundler: the runtime is bundled in, and the parts the program does not call are left out. */
  bundles: boolean;
  /** Why its map does not lead to the .py's lines (its README says so). */
  mapDefect?: string;
}

interface Example {
  name: string;
  /** What a Babel 8 user installs at ^8, after uninstalling what Babel 8's Node makes needless. */
  babel8?: { install: string[]; uninstall?: string[] };
  /** Why npm warns that it overrides peer dependencies when Babel 8 is installed (the README says so too). */
  babel8PeerWarnings?: string;
  /** The Python program, in the project. */
  python: string;
  /** It is written against Brython's module API (browser.websocket): a program of its own, not the others' one. */
  moduleApi?: boolean;
  /** Transcrypt's module for it (fixtures/examples/<name>/<module>.js and .map); none for RapydScript-ng. */
  module?: string;
  /** Packages in it that load @babel/core themselves. */
  babelFacing: string[];
  /** None for Jest, whose build is its transform cache (checked on its own below). */
  build?: Build;
}

const jsIn = (dir: string): string => {
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".js"));
  if (files.length !== 1) throw new Error(`${dir} holds ${files.length} .js files: ${files.join(", ")}`);
  return join(dir, files[0]!);
};

const EXAMPLES: Example[] = [
  {
    name: "babel-cli-rapydscript",
    babel8: { install: ["@babel/core", "@babel/cli"] },
    python: "src/chat.pyj",
    babelFacing: ["@babel/cli"],
    build: { outDir: "dist", code: (dir) => join(dir, "dist/chat.js"), sources: "project", bundles: false },
  },
  {
    // Brython's module API: RapydScript-ng compiles with the package's python/ on its import path.
    name: "brython-module-rapydscript",
    babel8: { install: ["@babel/core", "@babel/cli"] },
    python: "src/chat.pyj",
    moduleApi: true,
    babelFacing: ["@babel/cli"],
    build: { outDir: "dist", code: (dir) => join(dir, "dist/chat.js"), sources: "project", bundles: false },
  },
  {
    // A Brython-style page: document, window and alert beside the module, document[id]; RapydScript-ng.
    name: "brython-page-rapydscript",
    babel8: { install: ["@babel/core", "@babel/cli"] },
    python: "src/chat.pyj",
    moduleApi: true,
    babelFacing: ["@babel/cli"],
    build: { outDir: "dist", code: (dir) => join(dir, "dist/chat.js"), sources: "project", bundles: false },
  },
  {
    // The same page from Transcrypt (-xp: the package's python/), ES modules with the runtime inlined.
    name: "brython-page-transcrypt",
    babel8: { install: ["@babel/core", "@babel/cli"] },
    python: "src/chat.py",
    moduleApi: true,
    module: "chat",
    babelFacing: ["@babel/cli"],
    build: { outDir: "dist", code: (dir) => join(dir, "dist/chat.js"), sources: "map", bundles: false },
  },
  {
    name: "babel-cli-transcrypt",
    babel8: { install: ["@babel/core", "@babel/cli"] },
    python: "src/chat.py",
    module: "chat",
    babelFacing: ["@babel/cli"],
    build: { outDir: "build", code: (dir) => join(dir, "build/chat.js"), sources: "map", bundles: false },
  },
  {
    name: "babel-config-typescript",
    // Node 22.18 and later load babel.config.cts themselves: @babel/preset-typescript (7, for Node 20) goes.
    babel8: { install: ["@babel/core", "@babel/cli"], uninstall: ["@babel/preset-typescript"] },
    python: "src/chat.py",
    module: "chat",
    babelFacing: ["@babel/cli"],
    build: { outDir: "build", code: (dir) => join(dir, "build/chat.js"), sources: "map", bundles: false },
  },
  {
    name: "jest-transcrypt",
    babel8: { install: ["@babel/core"] },
    babel8PeerWarnings: "babel-jest's preset pulls babel-preset-current-node-syntax, whose syntax plugins declare a peer @babel/core ^7",
    python: "src/chat.py",
    module: "chat",
    babelFacing: ["babel-jest"],
  },
  {
    // Parcel's @parcel/transformer-babel asks for @babel/core ^7.12 (checked below).
    name: "parcel-transcrypt",
    python: "src/chat.py",
    module: "chat",
    babelFacing: ["@parcel/transformer-babel"],
    build: {
      outDir: "dist",
      code: (dir) => jsIn(join(dir, "dist")),
      sources: "project",
      bundles: true,
      mapDefect: "Parcel 2.16 shifts the lines of a module's input map once a Babel plugin adds statements to it",
    },
  },
  {
    // @rollup/plugin-babel declares a peer @babel/core ^7 (checked below).
    name: "rollup-transcrypt",
    python: "src/chat.py",
    module: "chat",
    babelFacing: ["@rollup/plugin-babel"],
    build: { outDir: "dist", code: (dir) => join(dir, "dist/chat.js"), sources: "map", bundles: true },
  },
  {
    // vite-plugin-babel declares a peer @babel/core ^7 (checked below).
    name: "vite-transcrypt",
    python: "src/chat.py",
    module: "chat",
    babelFacing: ["vite-plugin-babel"],
    build: { outDir: "dist", code: (dir) => jsIn(join(dir, "dist/assets")), sources: "map", bundles: true },
  },
  {
    name: "webpack-transcrypt-loader",
    babel8: { install: ["@babel/core"] },
    python: "src/chat.py",
    module: "src.chat",
    babelFacing: ["babel-loader"],
    build: { outDir: "dist", code: (dir) => join(dir, "dist/main.js"), sources: "webpack", bundles: true },
  },
];

/** A project whose `npm test` ran, and a copy of it that built at the same time. */
interface Pair {
  dir: string;
  copy: string;
  env: NodeJS.ProcessEnv;
  install: Ran;
  test: Ran;
  /** The copy's `npm run build` (for Jest, its `npm test` in band). */
  build: Ran;
}

let root: string;
let node22Bin: string;
const pairs = new Map<string, Promise<Pair>>();
const key = (name: string, major: Major): string => `${name}, Babel ${major}`;

/** The Jest example's arguments: a pool of 2 workers in the project, in band in its copy, each with its own cache. */
const jestArgs = (dir: string, mode: "--maxWorkers=2" | "--runInBand"): string[] => [
  mode,
  `--cacheDirectory=${join(dir, ".jest-cache")}`,
  "--ci",
  "--json",
  `--outputFile=${join(dir, "jest-results.json")}`,
];

/** Where an example's project for a major goes; its copy has the same folder name (Parcel names bundles after it). */
const projectDir = (name: string, major: Major, copy = false): string => join(root, `babel${major}${copy ? "-copy" : ""}`, name);

async function runPair(example: Example, major: Major, env: NodeJS.ProcessEnv, install: Ran): Promise<Pair> {
  const dir = projectDir(example.name, major);
  const copy = projectDir(example.name, major, true);
  await copyFolder(dir, copy);
  const jest = !example.build;
  const [test, build] = await Promise.all([
    npmRun(dir, "test", env, jest ? jestArgs(dir, "--maxWorkers=2") : []),
    jest ? npmRun(copy, "test", env, jestArgs(copy, "--runInBand")) : npmRun(copy, "build", env),
  ]);
  return { dir, copy, env, install, test, build };
}

/** A Babel 8 user's upgrade of the installed project, under Node 22: what it makes needless goes, Babel 8 comes. */
async function upgradeToBabel8(dir: string, { install, uninstall = [] }: NonNullable<Example["babel8"]>, env: NodeJS.ProcessEnv): Promise<Ran> {
  const removed = uninstall.length ? await npmUninstall(dir, uninstall, env) : undefined;
  if (removed && removed.code !== 0) return removed;
  const added = await npmInstall(dir, install.map((name) => `${name}@^8`), env);
  return removed ? { ...added, stdout: removed.stdout + added.stdout, stderr: removed.stderr + added.stderr } : added;
}

/** Installs and runs an example under each of its majors, at most two steps at a time over all examples. */
function start(example: Example, tarball: string, queue: ReturnType<typeof slots>): void {
  const transcrypt = example.module ? join(REPO, "fixtures/examples", example.name) : undefined;
  const installed7 = (async () => {
    await copyExample(example.name, projectDir(example.name, 7));
    const env = environment({ transcrypt });
    const install = await queue(() => npmInstall(projectDir(example.name, 7), [tarball], env));
    // The Babel 8 project starts as a copy of the installed Babel 7 one, before anything is built there.
    if (example.babel8) await copyFolder(projectDir(example.name, 7), projectDir(example.name, 8));
    return { env, install };
  })();
  pairs.set(
    key(example.name, 7),
    installed7.then(({ env, install }) => queue(() => runPair(example, 7, env, install))),
  );
  const { babel8 } = example;
  if (!babel8) return;
  pairs.set(
    key(example.name, 8),
    installed7.then(async () => {
      const env = environment({ transcrypt, node: node22Bin });
      const install = await queue(() => upgradeToBabel8(projectDir(example.name, 8), babel8, env));
      return queue(() => runPair(example, 8, env, install));
    }),
  );
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "python-websocket-examples-"));
  // The Babel 8 world's Node 22 (npm test installs it first; here it is installed if it is not).
  const [tarball, world] = await Promise.all([packPlugin(root), installBabel8World()]);
  node22Bin = world.nodeBinDir;
  const queue = slots(2);
  for (const example of EXAMPLES) start(example, tarball, queue);
  // Nothing is left unhandled if a describe never awaits its pair.
  for (const pair of pairs.values()) pair.catch(() => undefined);
}, 600_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

/** Every file under `dir`, by relative path, with its bytes' digest. */
function digests(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const file of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    const path = join(dir, file);
    if (statSync(path).isFile()) out[file] = createHash("sha256").update(readFileSync(path)).digest("hex");
  }
  return out;
}

/** The conversation lines in what a run printed (build logs and test reports left out). */
function conversation(printed: string): string[] {
  return printed
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => /^(sent|received|closed):/.test(line));
}

describe("the examples folder", () => {
  test("holds the examples this suite runs, each with a README", () => {
    const folders = readdirSync(join(REPO, "examples"), { withFileTypes: true }).filter((entry) => entry.isDirectory());
    expect(folders.map((entry) => entry.name).sort()).toEqual(EXAMPLES.map((example) => example.name).sort());
    for (const { name } of EXAMPLES) expect([name, existsSync(join(REPO, "examples", name, "README.md"))]).toEqual([name, true]);
  });

  test("each Transcrypt example's .py is the one whose Transcrypt output is committed", () => {
    for (const example of EXAMPLES.filter((e) => e.module)) {
      const committed = readFileSync(join(REPO, "fixtures/examples", example.name, basename(example.python)), "utf8");
      expect([example.name, readFileSync(join(REPO, "examples", example.name, example.python), "utf8")]).toEqual([example.name, committed]);
    }
  });

  test("the files the examples share are the same in each (programs, echo server, runners, expected conversation)", () => {
    for (const file of ["src/chat.py", "src/chat.pyj", "echo-server.js", "run-in-node.js", "run-in-chromium.js", "expected-conversation.txt"]) {
      const sharing = EXAMPLES.filter((e) => !(e.moduleApi && file.startsWith("src/")));
      const copies = sharing.map((e) => join(REPO, "examples", e.name, file)).filter((path) => existsSync(path));
      expect([file, new Set(copies.map((path) => readFileSync(path, "utf8"))).size]).toEqual([file, 1]);
    }
    // The RapydScript-ng program is the Transcrypt one, word for word.
    expect(readFileSync(join(REPO, "examples/babel-cli-rapydscript/src/chat.pyj"), "utf8")).toBe(
      readFileSync(join(REPO, "examples/babel-cli-transcrypt/src/chat.py"), "utf8"),
    );
  });
});

const majorsOf = (example: Example): Major[] => (example.babel8 ? [7, 8] : [7]);

describe.each(EXAMPLES.flatMap((example) => majorsOf(example).map((major) => [example.name, major, example] as const)))(
  "%s, Babel %i",
  (name, major, example) => {
    let pair: Pair;

    beforeAll(async () => {
      pair = await pairs.get(key(name, major))!;
    }, 1_800_000);

    test("installs cleanly (no engine warning, no peer conflict)", () => {
      expect(pair.install.code === 0 ? "" : failed(pair.install)).toBe("");
      const printed = `${pair.install.stdout}${pair.install.stderr}`;
      expect(printed).not.toMatch(/EBADENGINE|ERESOLVE could not resolve/);
      if (major === 7 || !example.babel8PeerWarnings) expect(printed).not.toMatch(/ERESOLVE/);
    });

    test("every package that loads @babel/core loads Babel " + major + ", under the Node it declares", async () => {
      expect(installedVersion(join(pair.dir, "node_modules/@babel/core")).split(".")[0]).toBe(String(major));
      for (const facing of example.babelFacing) expect([facing, babelCoreSeenBy(pair.dir, facing).split(".")[0]]).toEqual([facing, String(major)]);
      const version = (await run("node", ["--version"], pair.dir, pair.env)).stdout.trim();
      if (major === 8) expect(Number(/^v(\d+)/.exec(version)![1])).toBeGreaterThanOrEqual(22);
      else expect(version).toBe(process.version);
    });

    test("npm test builds it and runs the program, which talks with the echo server as the Python program says", () => {
      expect(pair.test.code === 0 ? "" : failed(pair.test)).toBe("");
      // Jest prints the test's console.log on stderr.
      expect(conversation(example.build ? pair.test.stdout : pair.test.stderr)).toEqual(CONVERSATION);
    });

    const { build } = example;
    if (!build) return; // Jest: its own checks are below.

    if (!example.module) {
      test("RapydScript-ng's classic script imports nothing: the runtime is inlined", () => {
        expect(readFileSync(build.code(pair.dir), "utf8")).not.toMatch(/^\s*import\s|\brequire\(|babel-plugin-python-websocket\/runtime/m);
      });
    }

    if (build.bundles) {
      test("the bundle carries the runtime parts its program calls, and none of the others", () => {
        const bundle = readFileSync(build.code(pair.dir), "utf8");
        const called = runtimeTexts(partsCalledBy(join(REPO, "fixtures/examples", name, `${example.module}.js`)));
        // Each text as a whole string of the bundle, in whichever quotes its minifier chose: a text may start another
        // ("() missing required argument '" starts "() missing required argument 'evt'").
        const carried = [...runtimeTexts(ALL_PARTS)].filter((text) => ['"', "'", "`"].some((quote) => bundle.includes(`${quote}${text}${quote}`)));
        expect(carried.sort()).toEqual([...called].sort());
        expect(called.size).toBeGreaterThan(0);
      });
    }

    const { mapDefect } = build;
    if (example.module && mapDefect) {
      test(`its source map does not lead the rewritten websocket() call to its .py line: ${mapDefect}`, () => {
        // If this fails, the tool got it right: check its map as the others' below, and drop the README's warning.
        const code = build.code(pair.dir);
        const traced = traceAll(readFileSync(code, "utf8"), readFileSync(`${code}.map`, "utf8"), WEBSOCKET_CALLS);
        // The calls are in the bundle; the map leads them to another line of the .py, or to none.
        expect(traced.length).toBeGreaterThan(0);
        const lines = traced.filter((t) => basename(t.source ?? "") === `${example.module}.py`).map((t) => t.line);
        expect(lines).not.toEqual(pythonLines(readFileSync(join(pair.dir, example.python), "utf8"), PY_WEBSOCKET_CALL));
      });
    }

    if (example.module && !mapDefect) {
      test("its source map leads rewritten websocket() calls and handler assignments to their lines of the .py", () => {
        const code = build.code(pair.dir);
        const bundle = readFileSync(code, "utf8");
        const map = readFileSync(`${code}.map`, "utf8");
        const python = readFileSync(join(pair.dir, example.python), "utf8");
        // A program of Brython's module API opens its socket with websocket.WebSocket(url), and binds its handlers.
        const checks = example.moduleApi
          ? ([[WEBSOCKET_CALLS, PY_MODULE_WEBSOCKET_CALL]] as const)
          : ([
              [WEBSOCKET_CALLS, PY_WEBSOCKET_CALL],
              [HANDLER_ASSIGNMENTS, PY_HANDLER_ASSIGNMENT],
            ] as const);
        for (const [pattern, pyPattern] of checks) {
          // The runtime's own addEventListener calls map to the runtime; every other match is the program's.
          const traced = traceAll(bundle, map, pattern).filter((t) => !/dist\/esm\/runtime\/[^/]+\.js$/.test(t.source ?? ""));
          // Transcrypt names its copy of the .py after the module (src.chat.py for webpack's loader).
          expect(traced.map((t) => basename(t.source ?? "(unmapped)"))).toEqual(traced.map(() => `${example.module}.py`));
          // A check and its `new WebSocket(...)` map to the same line: compare the lines reached.
          expect([...new Set(traced.map((t) => t.line))].sort((a, b) => a! - b!)).toEqual(pythonLines(python, pyPattern));
          if (build.sources === "webpack") continue;
          for (const { source } of traced) {
            const file = resolve(build.sources === "map" ? dirname(code) : pair.dir, source!);
            expect(existsSync(file) ? readFileSync(file, "utf8") : `${file} is missing`).toBe(python);
          }
        }
      });
    }

    test("a second build of a second copy, at the same time, is byte-identical (code and maps)", () => {
      expect(pair.build.code === 0 ? "" : failed(pair.build)).toBe("");
      const first = digests(join(pair.dir, build.outDir));
      expect(Object.keys(first).some((file) => file.endsWith(".map"))).toBe(true);
      expect(digests(join(pair.copy, build.outDir))).toEqual(first);
    });

    test("its npm test fails when the conversation is not the expected one", async () => {
      const expected = join(pair.copy, "expected-conversation.txt");
      writeFileSync(expected, readFileSync(expected, "utf8").replace("how are you?", "how do you do?"));
      // The test script's last step, the runner, on the copy's build.
      const scripts = (JSON.parse(readFileSync(join(pair.copy, "package.json"), "utf8")) as { scripts: { test: string } }).scripts;
      const ran = await run("sh", ["-c", scripts.test.split("&&").at(-1)!], pair.copy, pair.env);
      expect(ran.code).toBe(1);
      expect(ran.stderr).toContain("The conversation was not the expected one");
      expect(conversation(ran.stdout)).toEqual(CONVERSATION);
    });
  },
);

describe.each([7, 8] as const)("jest-transcrypt, Babel %i: Jest's own checks", (major) => {
  let pair: Pair;

  beforeAll(async () => {
    pair = await pairs.get(key("jest-transcrypt", major))!;
  }, 1_800_000);

  /** jest's cached transforms (code and map files) by file name (its hash left out) and content digest. */
  function transforms(dir: string): string[] {
    const cache = join(dir, ".jest-cache");
    return readdirSync(cache)
      .filter((name) => name.startsWith("jest-transform-cache-"))
      .flatMap((folder) => Object.entries(digests(join(cache, folder))))
      .map(([file, digest]) => `${basename(file).replace(/_[0-9a-f]{32}/, "")} ${digest}`)
      .sort();
  }

  test("both of the user's tests pass, in a pool of 2 workers and in band", () => {
    for (const [dir, ran] of [
      [pair.dir, pair.test],
      [pair.copy, pair.build],
    ] as const) {
      const results = join(dir, "jest-results.json");
      const { numTotalTests, numPassedTests } = existsSync(results)
        ? (JSON.parse(readFileSync(results, "utf8")) as { numTotalTests: number; numPassedTests: number })
        : { numTotalTests: 0, numPassedTests: 0 };
      expect(ran.code === 0 ? { numTotalTests, numPassedTests } : failed(ran)).toEqual({ numTotalTests: 2, numPassedTests: 2 });
    }
  });

  test("babel-jest's transforms are byte-identical in the worker pool and in band", () => {
    const workers = transforms(pair.dir);
    expect(workers.filter((entry) => entry.startsWith("chat "))).toHaveLength(1);
    expect(workers.filter((entry) => entry.startsWith("chat.map "))).toHaveLength(1);
    expect(transforms(pair.copy)).toEqual(workers);
  });
});

describe.each([7, 8] as const)("babel-config-typescript, Babel %i: the config typed with PluginOptions", (major) => {
  let pair: Pair;

  beforeAll(async () => {
    pair = await pairs.get(key("babel-config-typescript", major))!;
  }, 1_800_000);

  test("compiles with tsc (strict)", async () => {
    const ran = await npmRun(pair.dir, "typecheck", pair.env);
    expect(ran.code === 0 ? "" : failed(ran)).toBe("");
  });

  test("does not compile with a wrong option value", async () => {
    const config = join(pair.copy, "babel.config.cts");
    writeFileSync(config, readFileSync(config, "utf8").replace(/unknownHandlers: "[a-z]+"/, 'unknownHandlers: "fail"'));
    const ran = await npmRun(pair.copy, "typecheck", pair.env);
    expect(ran.code).not.toBe(0);
    expect(ran.stdout).toMatch(/babel\.config\.cts.*error TS2322: Type '"fail"' is not assignable to type 'Diagnostic/);
  });
});

describe("the tools that take Babel 7 only (else: add Babel 8 to their example)", () => {
  const installed = (name: string): Promise<string> => pairs.get(key(name, 7))!.then((pair) => pair.dir);

  test("@rollup/plugin-babel declares a peer @babel/core ^7", async () => {
    const manifest = join(await installed("rollup-transcrypt"), "node_modules/@rollup/plugin-babel/package.json");
    expect((JSON.parse(readFileSync(manifest, "utf8")) as { peerDependencies: Record<string, string> }).peerDependencies["@babel/core"]).toBe("^7.0.0");
  }, 1_800_000);

  test("vite-plugin-babel declares a peer @babel/core ^7", async () => {
    const manifest = join(await installed("vite-transcrypt"), "node_modules/vite-plugin-babel/package.json");
    expect((JSON.parse(readFileSync(manifest, "utf8")) as { peerDependencies: Record<string, string> }).peerDependencies["@babel/core"]).toBe("^7.0.0");
  }, 1_800_000);

  test("Parcel's Babel transformer asks for @babel/core ^7.12", async () => {
    const constants = join(await installed("parcel-transcrypt"), "node_modules/@parcel/transformer-babel/lib/constants.js");
    expect(readFileSync(constants, "utf8")).toMatch(/BABEL_CORE_RANGE = '\^7\.12\.0'/);
  }, 1_800_000);
});
