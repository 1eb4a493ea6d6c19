// python/: the modules that make programs written against Brython's current API (`from browser import websocket`)
// compile. RapydScript-ng is run here for real (from npm); Transcrypt's output of the fixtures, and of the package's
// browser/websocket.py, is committed (see docs/development.md for regenerating it). The Transcrypt module, which a
// bundler's Babel rule transforms with the rest of __target__/, is left exactly as Babel prints it. And a build of
// __target__/ with source maps, as a user's build runs it, prints nothing at all.
import { execFileSync } from "node:child_process";
import { jest } from "@jest/globals";
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import plugin from "../src/index.js";
import { BABEL_CORES, BABEL_MAJOR, type BabelCore } from "./support/babel-cores.js";
import { PYTHON_FILES, RAPYDSCRIPT } from "./support/programs.js";
import { transform } from "./support/transform.js";

const REPO = fileURLToPath(new URL("..", import.meta.url));
const PYTHON = join(REPO, "python");
const RAPYDSCRIPT_FIXTURES = join(REPO, "fixtures/rapydscript");
// Transcrypt's output of python/browser/websocket.py (and its map), as `-b -n -m -xp <repo>/python` writes them.
const TRANSCRYPT_MODULE = join(REPO, "fixtures/transcrypt-module");

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "python-websocket-modules-"));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function rapydscript(args: string[], cwd: string): string {
  return execFileSync(process.execPath, [RAPYDSCRIPT, ...args], { cwd, encoding: "utf8" });
}

describe("RapydScript-ng", () => {
  const cases = readdirSync(RAPYDSCRIPT_FIXTURES).filter((name) => existsSync(join(RAPYDSCRIPT_FIXTURES, name, "source.pyj")));

  test.each(cases)("fixtures/rapydscript/%s/input.js is RapydScript-ng's output of its source.pyj with today's python/", (name) => {
    const dir = join(RAPYDSCRIPT_FIXTURES, name);
    const output = rapydscript(["compile", "-b", "-m", "-p", PYTHON, "-C", join(scratch, "cache"), join(dir, "source.pyj")], scratch);
    expect(output.trimEnd()).toBe(readFileSync(join(dir, "input.js"), "utf8").trimEnd());
  });

  test("the documented command compiles against the installed package; with -C the package folder gets no cache files", () => {
    const project = join(scratch, "project");
    const installed = join(project, "node_modules/babel-plugin-python-websocket/python");
    cpSync(PYTHON, installed, { recursive: true });
    writeFileSync(join(project, "app.pyj"), readFileSync(join(RAPYDSCRIPT_FIXTURES, "modern_names/source.pyj")));
    const output = rapydscript(["compile", "-C", ".rapydscript-cache", "-p", "node_modules/babel-plugin-python-websocket/python", "app.pyj"], project);
    expect(output).toContain('ρσ_modules["browser.websocket"]');
    const files = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: "utf8" });
    expect(files(installed).sort()).toEqual(PYTHON_FILES);
    expect(files(join(project, ".rapydscript-cache")).length).toBeGreaterThan(0);
  });
});

describe.each(BABEL_CORES)("RapydScript-ng's inlined modules, under %s", (_label, core) => {
  const cases = readdirSync(RAPYDSCRIPT_FIXTURES).filter((name) => existsSync(join(RAPYDSCRIPT_FIXTURES, name, "source.pyj")));
  const input = (name: string): string => readFileSync(join(RAPYDSCRIPT_FIXTURES, name, "input.js"), "utf8");
  const PACKAGE_MODULES = /ρσ_modules(?:\.browser\b|\["browser\.websocket"\])/;

  test.each(cases.filter((name) => PACKAGE_MODULES.test(input(name))))(
    "%s: the package's browser, whatever else it exports (window, document...), is known by its mark and ships none of its code",
    (name) => {
      expect(input(name)).toContain('"babel-plugin-python-websocket";');
      expect(transform(core, input(name), { pluginOptions: { runtime: "import" } })).not.toMatch(PACKAGE_MODULES);
    },
  );

  test("a browser without the mark is a program's own: left in place, and its names stay its own", () => {
    const own = input("brython_names").replaceAll('"babel-plugin-python-websocket";', "");
    const output = transform(core, own, { pluginOptions: { runtime: "import" } });
    expect(output).toContain("ρσ_modules.browser.document = document;");
    expect(output).toContain("var document = ρσ_modules.browser.document;");
    expect(output).toContain('document["msg"]');
    expect(output).not.toContain("elementById");
  });
});

describe.each(BABEL_CORES)("Transcrypt's copies of browser/websocket.js and browser/__init__.js, under %s", (_label, core) => {
  // Transcrypt copies each module as it is, and appends a map comment (for a map it never writes).
  test.each([
    ["browser/websocket.js", "browser.websocket"],
    ["browser/__init__.js", "browser"],
  ])("%s comes out exactly as Babel prints it without the plugin", (module, target) => {
    const copied = `${readFileSync(join(PYTHON, module), "utf8")}\n//# sourceMappingURL=${target}.map`;
    expect(transform(core, copied)).toBe(transform(core, copied, { withoutPlugin: true }));
  });
});

describe.each(BABEL_CORES)("Transcrypt's module browser.websocket, under %s", (_label, core) => {
  const compiled = readFileSync(join(TRANSCRYPT_MODULE, "browser.websocket.js"), "utf8");

  test("the committed output is Transcrypt's of today's python/browser/websocket.js, and names the map Transcrypt wrote", () => {
    expect(compiled).toContain(readFileSync(join(PYTHON, "browser/websocket.js"), "utf8"));
    expect(compiled.endsWith("\n//# sourceMappingURL=browser.websocket.map")).toBe(true);
    expect(existsSync(join(TRANSCRYPT_MODULE, "browser.websocket.map"))).toBe(true);
  });

  test("comes out exactly as Babel prints it without the plugin", () => {
    expect(transform(core, compiled)).toBe(transform(core, compiled, { withoutPlugin: true }));
  });
});

/** Everything printed while `build` runs: console.log/info/warn/error, and writes to stdout and stderr. */
function printedBy(build: () => void): string[] {
  const printed: string[] = [];
  const record = (...args: unknown[]): true => {
    printed.push(args.map(String).join(" "));
    return true;
  };
  const spies = [
    ...(["log", "info", "warn", "error"] as const).map((method) => jest.spyOn(console, method).mockImplementation(record)),
    jest.spyOn(process.stdout, "write").mockImplementation(record),
    jest.spyOn(process.stderr, "write").mockImplementation(record),
  ];
  try {
    build();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return printed;
}

/** What the Babel CLI does for each file of `babel __target__ --out-dir build --source-maps`, with a config naming the plugin. */
function buildFile(core: BabelCore, file: string): { map?: { sources: string[] } | null } {
  return core.transformSync(readFileSync(file, "utf8"), {
    babelrc: false,
    configFile: false,
    filename: file,
    sourceMaps: true,
    plugins: [plugin],
  }) as { map?: { sources: string[] } | null };
}

describe.each(BABEL_CORES)("a build of Transcrypt's __target__/ with source maps, under %s", (_label, core) => {
  // Programs of Brython's module that are valid and complete: the plugin has nothing to warn about in them.
  const programs = ["module-bind", "module-data", "module-imports", "module-kwargs", "module-methods"];

  /** __target__/ as `transcrypt -b -n -m -xp <package>/python program.py` lays it out (without Transcrypt's runtime). */
  function target(project: string, name: string, module: Record<string, string>): string {
    const dir = join(scratch, "projects", project, "__target__");
    mkdirSync(dir, { recursive: true });
    for (const file of ["program.js", "program.map"]) copyFileSync(join(REPO, "fixtures/e2e", name, file), join(dir, file));
    for (const [file, text] of Object.entries(module)) writeFileSync(join(dir, file), text);
    return dir;
  }

  test.each(programs)("%s: prints nothing, and each file's map leads to its Python source", (name) => {
    const dir = target(name, name, {
      "browser.websocket.js": readFileSync(join(TRANSCRYPT_MODULE, "browser.websocket.js"), "utf8"),
      "browser.websocket.map": readFileSync(join(TRANSCRYPT_MODULE, "browser.websocket.map"), "utf8"),
    });
    const maps: Array<string[] | undefined> = [];
    const printed = printedBy(() => {
      for (const file of ["program.js", "browser.websocket.js"]) maps.push(buildFile(core, join(dir, file)).map?.sources);
    });
    expect(printed).toEqual([]);
    expect(maps).toEqual([["program.py"], ["browser.websocket.py"]]);
  });

  test("browser (window, document...), compiled from browser/__init__.py as Transcrypt does: prints nothing, its map leads to it", () => {
    const compiled = readFileSync(join(TRANSCRYPT_MODULE, "browser.js"), "utf8");
    expect(compiled).toContain(readFileSync(join(PYTHON, "browser/__init__.js"), "utf8"));
    expect(compiled.endsWith("\n//# sourceMappingURL=browser.map")).toBe(true);
    const dir = target("browser-names", "module-seed", { "browser.js": compiled, "browser.map": readFileSync(join(TRANSCRYPT_MODULE, "browser.map"), "utf8") });
    const maps: Array<string[] | undefined> = [];
    expect(printedBy(() => maps.push(buildFile(core, join(dir, "browser.js")).map?.sources))).toEqual([]);
    expect(maps).toEqual([["browser.py"]]);
  });

  // Why the package ships websocket.py: Transcrypt copies a .js module as it is, appends a comment naming a map it
  // never writes, and Babel 8 prints a stack for it. (This also shows that printedBy sees what Babel prints.)
  test("a .js module as Transcrypt copies it, naming a map it never writes, makes Babel 8 print a stack", () => {
    const copied = `${readFileSync(join(PYTHON, "browser/websocket.js"), "utf8")}\n//# sourceMappingURL=browser.websocket.map`;
    const dir = target("copied-module", "module-seed", { "browser.websocket.js": copied });
    const printed = printedBy(() => buildFile(core, join(dir, "browser.websocket.js")));
    if (BABEL_MAJOR === 8) expect(printed.join("\n")).toContain(`discarding unknown file input sourcemap Error: ENOENT`);
    else expect(printed).toEqual([]);
  });

  test("a warning of the plugin is printed by the same build: printedBy sees it", () => {
    const dir = target("misspelt-event", "module-seed", {});
    writeFileSync(join(dir, "program.js"), "import * as websocket from './browser.websocket.js';\nvar ws = websocket.WebSocket(u);\nws.bind('mesage', f);\n");
    const printed = printedBy(() => buildFile(core, join(dir, "program.js")));
    expect(printed.join("\n")).toContain("mesage");
  });
});
