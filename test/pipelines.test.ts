// The plugin in the pipelines users have: each examples/<tool>/ project is set up in a temp folder as a user has it
// (its package.json's packages linked from a Babel 7 or a Babel 8 install: see support/pipelines/), built by its own
// `npm run build` (Babel 7 steps under this machine's Node 20, Babel 8 steps under the Node 22 it declares), and the
// result run in Node's WHATWG WebSocket client against a real ws echo server, its output compared with the Python
// program's expected output. Then: the bundle's source map leads every rewritten websocket(...) call and handler
// assignment back to its line of the .py; a second build of a second copy, in a parallel process, is byte-identical;
// the Jest example passes in a 2-worker pool and its transforms match an in-band run's byte for byte; and a
// TypeScript user's babel.config.ts typed with the exported PluginOptions compiles (a wrong value does not).
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative, resolve } from "node:path";
import { type EchoServer, startEchoServer } from "./support/echo-server.js";
import {
  createProject,
  expectedOutput,
  npmRun,
  type Program,
  type Project,
  pythonSource,
  type Ran,
  runBuilt,
  spawn,
} from "./support/pipelines/projects.js";
import { ALL_PARTS, partsCalledBy, runtimeTexts } from "./support/pipelines/runtime-slice.js";
import {
  HANDLER_ASSIGNMENTS,
  PY_HANDLER_ASSIGNMENT,
  PY_WEBSOCKET_CALL,
  pythonLines,
  traceAll,
  WEBSOCKET_CALLS,
} from "./support/pipelines/source-maps.js";
import {
  BABEL_FACING,
  babel7,
  babel8,
  babelCoreSeenFrom,
  installedVersion,
  type Major,
  REPO,
  snapshotPackage,
  type Toolchain,
} from "./support/pipelines/toolchains.js";

interface Example {
  tool: string;
  /** It bundles the runtime into its output (a bundler), so it drops the parts the program does not call. */
  bundles: boolean;
  /** The fixtures/e2e program it builds from Transcrypt's output, as src/<name>/. */
  program: string;
  /** A fixtures/e2e program it compiles with RapydScript-ng and builds as a classic script. */
  classic?: string;
  majors: Major[];
  /** Where the build puts the entries to run, and the file (+ .map) that holds the Transcrypt program. */
  output: (dir: string) => { outDir: string; entry: string; code: string; classicEntry?: string; classicCode?: string };
}

const viteEntry = (dir: string): string => {
  const html = readFileSync(join(dir, "dist/index.html"), "utf8");
  return join(dir, "dist", /<script type="module"[^>]* src="\/?([^"]+)"/.exec(html)![1]!);
};

const EXAMPLES: Example[] = [
  {
    tool: "babel-cli",
    bundles: false,
    program: "seed",
    classic: "kwargs",
    majors: [7, 8],
    output: (dir) => ({
      outDir: join(dir, "build"),
      entry: join(dir, "build/main.js"),
      code: join(dir, "build/seed/program.js"),
      classicEntry: join(dir, "build/classic.js"),
      classicCode: join(dir, "build/kwargs/program.js"),
    }),
  },
  {
    tool: "webpack",
    bundles: true,
    program: "kwargs",
    majors: [7, 8],
    output: (dir) => ({ outDir: join(dir, "dist"), entry: join(dir, "dist/main.js"), code: join(dir, "dist/main.js") }),
  },
  {
    // @rollup/plugin-babel 7 declares a peer @babel/core ^7 only (checked below).
    tool: "rollup",
    bundles: true,
    program: "seed",
    majors: [7],
    output: (dir) => ({ outDir: join(dir, "dist"), entry: join(dir, "dist/main.js"), code: join(dir, "dist/main.js") }),
  },
  {
    tool: "vite",
    bundles: true,
    program: "kwargs",
    majors: [7, 8],
    output: (dir) => ({ outDir: join(dir, "dist"), entry: viteEntry(dir), code: viteEntry(dir) }),
  },
];

let root: string;
let plugin: string;
let server: EchoServer;
let worlds: Record<Major, Toolchain>;

beforeAll(async () => {
  plugin = await snapshotPackage();
  root = mkdtempSync(join(tmpdir(), "python-websocket-pipelines-"));
  server = await startEchoServer();
  worlds = { 7: babel7(plugin), 8: await babel8(plugin) };
}, 300_000);

afterAll(async () => {
  await server?.close();
  for (const dir of [root, plugin]) if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The page's script before the program: it sets the server address the Python program reads. */
function page(tool: string): string {
  const lines = [`globalThis.ECHO_URL = ${JSON.stringify(server.url)};`];
  // Vite's HTML entry carries its modulepreload polyfill, which asks `document` whether the browser supports it.
  if (tool === "vite") lines.push(`globalThis.document = { createElement: () => ({ relList: { supports: () => true } }) };`);
  return lines.join("\n") + "\n";
}

function failed(ran: Ran): string {
  return `exit ${ran.code}\n--- stdout\n${ran.stdout}\n--- stderr\n${ran.stderr}`;
}

/** Every file under `dir`, by relative path, with its bytes' digest. */
function digests(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (at: string): void => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(dir, path)] = createHash("sha256").update(readFileSync(path)).digest("hex");
    }
  };
  walk(dir);
  return out;
}

describe("the two Babel worlds", () => {
  test.each([7, 8] as const)("Babel %i: each package that loads @babel/core loads that major, under the Node it declares", async (major) => {
    const world = worlds[major];
    for (const name of BABEL_FACING) {
      const dir = world.packageDir(name);
      const core = name === "@babel/core" ? installedVersion(dir) : babelCoreSeenFrom(dir);
      expect([name, core.split(".")[0]]).toEqual([name, String(major)]);
    }
    const ran = await spawn("node", ["--version"], REPO, { ...process.env, PATH: world.path });
    const nodeMajor = Number(/^v(\d+)/.exec(ran.stdout)![1]);
    if (major === 8) expect(nodeMajor).toBeGreaterThanOrEqual(22);
    else expect(ran.stdout.trim()).toBe(process.version);
  });

  test("@rollup/plugin-babel still supports Babel 7 only (else: add Babel 8 to the rollup example)", () => {
    const { peerDependencies } = JSON.parse(readFileSync(join(REPO, "node_modules/@rollup/plugin-babel/package.json"), "utf8")) as {
      peerDependencies: Record<string, string>;
    };
    expect(peerDependencies["@babel/core"]).toBe("^7.0.0");
  });
});

describe.each(EXAMPLES.flatMap((example) => example.majors.map((major) => [example.tool, major, example] as const)))(
  "%s, Babel %i",
  (tool, major, example) => {
    let project: Project;
    let again: Project;
    let builds: [Ran, Ran];

    const programs: Program[] = [
      { name: example.program, dialect: "py" },
      ...(example.classic ? [{ name: example.classic, dialect: "pyj" as const }] : []),
    ];

    beforeAll(async () => {
      project = createProject(tool, worlds[major], join(root, `${tool}-babel${major}`), programs);
      again = createProject(tool, worlds[major], join(root, `${tool}-babel${major}-again`), programs);
      // Two builds, each in its own processes, at the same time.
      builds = await Promise.all([npmRun(project, "build"), npmRun(again, "build")]);
    }, 180_000);

    test("builds", () => {
      expect(builds[0].code === 0 ? "" : failed(builds[0])).toBe("");
      expect(builds[1].code === 0 ? "" : failed(builds[1])).toBe("");
    });

    test("the built program talks to the echo server as the Python program says", async () => {
      const { entry } = example.output(project.dir);
      expect(await runBuilt(project, relative(project.dir, entry), page(tool))).toEqual(expectedOutput(example.program, "py"));
    });

    if (example.classic) {
      const classic = example.classic;
      test("RapydScript-ng's classic script, its runtime inlined, talks to the echo server as the Python program says", async () => {
        const { classicEntry, classicCode } = example.output(project.dir);
        const script = readFileSync(classicCode!, "utf8");
        expect(script).not.toMatch(/^\s*import\s|\brequire\(|babel-plugin-python-websocket\/runtime/m);
        expect(await runBuilt(project, relative(project.dir, classicEntry!), page(tool))).toEqual(expectedOutput(classic, "pyj"));
      });
    }

    if (example.bundles) {
      test("the bundle carries the runtime parts its program calls, and none of the others", () => {
        const bundle = readFileSync(example.output(project.dir).code, "utf8");
        const called = runtimeTexts(partsCalledBy(example.program));
        const carried = [...runtimeTexts(ALL_PARTS)].filter((text) => bundle.includes(text));
        expect(carried.sort()).toEqual([...called].sort());
        expect(called.size).toBeGreaterThan(0);
      });
    }

    test("its source map leads rewritten websocket() calls and handler assignments to their lines of the .py", () => {
      const { code } = example.output(project.dir);
      const bundle = readFileSync(code, "utf8");
      const mapFile = `${code}.map`;
      const map = readFileSync(mapFile, "utf8");
      const python = pythonSource(example.program);
      for (const [pattern, pyPattern] of [
        [WEBSOCKET_CALLS, PY_WEBSOCKET_CALL],
        [HANDLER_ASSIGNMENTS, PY_HANDLER_ASSIGNMENT],
      ] as const) {
        const traced = traceAll(bundle, map, pattern);
        // The runtime's own addEventListener calls map to the runtime; every other match is the program's.
        const program = traced.filter((t) => !/dist\/esm\/runtime\/[^/]+\.js$/.test(t.source ?? ""));
        expect(program.map((t) => basename(t.source ?? "(unmapped)"))).toEqual(program.map(() => "program.py"));
        // A check and its `new WebSocket(...)` map to the same line: compare the lines reached.
        expect([...new Set(program.map((t) => t.line))].sort((a, b) => a! - b!)).toEqual(pythonLines(python, pyPattern));
        // Where the map's sources are paths, they lead to the .py itself (webpack names it webpack://<project>/program.py).
        for (const { source } of program) {
          if (source!.startsWith("webpack://")) continue;
          const file = resolve(dirname(mapFile), source!);
          expect(existsSync(file) ? readFileSync(file, "utf8") : `${file} is missing`).toBe(python);
        }
      }
    });

    test("a second build of a second copy, in parallel processes, is byte-identical (code and maps)", () => {
      const first = digests(example.output(project.dir).outDir);
      expect(Object.keys(first).some((file) => file.endsWith(".map"))).toBe(true);
      expect(digests(example.output(again.dir).outDir)).toEqual(first);
    });
  },
);

describe.each([7, 8] as const)("jest + babel-jest, Babel %i", (major) => {
  let project: Project;
  const results: Record<string, { numTotalTests: number; numPassedTests: number; ran: Ran }> = {};

  /** jest's cached transforms (code and map files) by file name prefix and content digest. */
  function transforms(cacheDirectory: string): string[] {
    const out: string[] = [];
    for (const dir of readdirSync(cacheDirectory).filter((name) => name.startsWith("jest-transform-cache-"))) {
      for (const [file, digest] of Object.entries(digests(join(cacheDirectory, dir)))) {
        out.push(`${basename(file).replace(/_[0-9a-f]{32}/, "")} ${digest}`);
      }
    }
    return out.sort();
  }

  beforeAll(async () => {
    project = createProject(
      "jest",
      worlds[major],
      join(root, `jest-babel${major}`),
      [
        { name: "kwargs", dialect: "py" },
        { name: "seed", dialect: "py" },
      ],
      { expected: true },
    );
    // A pool of 2 workers, and in band, at the same time: each with its own fresh transform cache.
    await Promise.all(
      (["workers", "in-band"] as const).map(async (mode) => {
        const output = join(project.dir, `results-${mode}.json`);
        const ran = await npmRun(
          project,
          "test",
          [mode === "workers" ? "--maxWorkers=2" : "--runInBand", `--cacheDirectory=${join(project.dir, `.jest-cache-${mode}`)}`, "--ci", "--json", `--outputFile=${output}`],
          { ECHO_URL: server.url },
        );
        const json = existsSync(output) ? (JSON.parse(readFileSync(output, "utf8")) as { numTotalTests: number; numPassedTests: number }) : { numTotalTests: 0, numPassedTests: 0 };
        results[mode] = { ...json, ran };
      }),
    );
  }, 180_000);

  test("the user's tests of the transpiled Python program pass, in a pool of 2 workers and in band", () => {
    for (const mode of ["workers", "in-band"]) {
      const { numTotalTests, numPassedTests, ran } = results[mode]!;
      expect(ran.code === 0 ? { numTotalTests, numPassedTests } : failed(ran)).toEqual({ numTotalTests: 2, numPassedTests: 2 });
    }
  });

  test("babel-jest's transforms are byte-identical in the worker pool and in band", () => {
    const workers = transforms(join(project.dir, ".jest-cache-workers"));
    expect(workers.filter((entry) => entry.startsWith("program "))).toHaveLength(2);
    expect(workers.filter((entry) => entry.startsWith("program.map "))).toHaveLength(2);
    expect(transforms(join(project.dir, ".jest-cache-in-band"))).toEqual(workers);
  });
});

describe("TypeScript: a babel.config.ts typed with the exported PluginOptions", () => {
  let project: Project;
  const tsc = (): Promise<Ran> => npmRun(project, "typecheck");

  beforeAll(() => {
    project = createProject("typescript-config", worlds[7], join(root, "typescript-config"), []);
  });

  test("compiles with tsc --noEmit (strict)", async () => {
    const ran = await tsc();
    expect(ran.code === 0 ? "" : failed(ran)).toBe("");
  });

  test("does not compile with a wrong option value", async () => {
    const config = join(project.dir, "babel.config.ts");
    writeFileSync(config, readFileSync(config, "utf8").replace(/runtime: "[a-z]+"/, 'runtime: "bundle"'));
    const ran = await tsc();
    expect(ran.code).not.toBe(0);
    expect(ran.stdout).toMatch(/babel\.config\.ts.*error TS2322: Type '"bundle"' is not assignable to type 'RuntimeDelivery/);
  });
});
