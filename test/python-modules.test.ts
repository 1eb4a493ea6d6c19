// python/: the modules that make programs written against Brython's current API (`from browser import websocket`)
// compile. RapydScript-ng is run here for real (from npm); Transcrypt's output of the fixtures is committed (see
// docs/development.md for regenerating it). And the Transcrypt module, which a bundler's Babel rule transforms with the
// rest of __target__/, is left exactly as Babel prints it.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { BABEL_CORES } from "./support/babel-cores.js";
import { RAPYDSCRIPT } from "./support/programs.js";
import { transform } from "./support/transform.js";

const REPO = fileURLToPath(new URL("..", import.meta.url));
const PYTHON = join(REPO, "python");
const RAPYDSCRIPT_FIXTURES = join(REPO, "fixtures/rapydscript");

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
    expect(files(installed).sort()).toEqual(["browser", "browser/__init__.js", "browser/__init__.pyj", "browser/websocket.js", "browser/websocket.pyj"]);
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
