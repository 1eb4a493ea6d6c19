// Porting messages: where a Brython program uses an idiom the plugin does not carry over (`elt <= child`, an element's
// `.text`, `.html`, `.select()`, `.bind()`), the build warns at the .py/.pyj line, says what to write, and goes on.
// fixtures/porting/<case>/program.py comes with Transcrypt's output and map; RapydScript-ng compiles it here, with
// the package's python/ and a source map.
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { jest } from "@jest/globals";
import plugin from "../src/index.js";
import { BABEL_CORES } from "./support/babel-cores.js";
import { type Built, rapydscriptBuilt, transcryptBuilt } from "./support/built-program.js";
import { plain } from "./support/transform.js";

const PROGRAMS = fileURLToPath(new URL("../fixtures/porting", import.meta.url));
const PYTHON = fileURLToPath(new URL("../python", import.meta.url));

let warn: jest.SpiedFunction<typeof console.warn>;
beforeEach(() => {
  warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
});
afterEach(() => warn.mockRestore());
const warnings = (): string[] => warn.mock.calls.map(([message]) => plain(String(message)));

/** fixtures/porting/<name> as each transpiler leaves it (RapydScript-ng with the package's python/). */
const transcrypt = (name: string): Built => transcryptBuilt(join(PROGRAMS, name));
const rapydscript = (name: string): Built => rapydscriptBuilt(join(PROGRAMS, name), PYTHON);

/** `file:line:column` of the first line of `python` that holds `text`, outside a comment, at `token` on it. */
function placeOf(python: string, text: string, token: string): string {
  const lines = readFileSync(python, "utf8").split("\n");
  const index = lines.findIndex((line) => !line.trimStart().startsWith("#") && line.includes(text));
  if (index < 0) throw new Error(`no line with ${text}`);
  return `${python}:${index + 1}:${lines[index]!.indexOf(token) + 1}`;
}

/** Each idiom of fixtures/porting/brython-idioms: the text of its line, the token pointed at, and the advice. */
const IDIOMS = [
  ["log <= evt.data", "<=", "`elt <= child` does not add a child here: it compares, and the result is thrown away; write `elt.appendChild(child)`"],
  ['document["status"].text', "text", "an element has no `.text` here (Brython's); write `.textContent`"],
  ["log.html", "html", "an element has no `.html` here (Brython's); write `.innerHTML`"],
  ['.select("li")', "select", "an element has no `.select(...)` here (Brython's); write `.querySelectorAll(css)`"],
  ['document["send"].bind', "bind", "an element has no `.bind(...)` here (Brython's); write `.addEventListener(event, handler)`"],
] as const;

describe.each(BABEL_CORES)("%s", (_label, core) => {
  describe.each([
    ["Transcrypt", transcrypt],
    ["RapydScript-ng", rapydscript],
  ] as const)("%s", (_dialect, build) => {
    let built: Built | undefined;
    afterEach(() => built && rmSync(built.dir, { recursive: true, force: true }));

    test("each Brython idiom not carried over is a labelled warning at its .py line, with what to write; the build goes on", () => {
      built = build("brython-idioms");
      const result = core.transformSync(readFileSync(built.generated, "utf8"), {
        babelrc: false,
        configFile: false,
        filename: built.generated,
        sourceMaps: true,
        plugins: [plugin],
      });
      expect(result?.code).toContain("elementById(document,");
      const messages = warnings();
      expect(messages).toHaveLength(IDIOMS.length);
      for (const [text, token, advice] of IDIOMS) {
        const message = messages.find((each) => each.includes(advice));
        expect(message).toBeDefined();
        expect(message!.split("\n")[0]).toBe(`babel-plugin-python-websocket: warning: porting from Brython: ${advice}`);
        expect(message).toContain(`\n  --> ${placeOf(built.python, text, token)}\n`);
      }
    });
  });

  test("under Transcrypt's operator overloading, `__le__ (elt, child)` as a statement is `elt <= child`", () => {
    const input = readFileSync(fileURLToPath(new URL("../fixtures/transcrypt/brython_document_opov/input.js", import.meta.url)), "utf8");
    core.transformSync(input, { babelrc: false, configFile: false, filename: "brython_document_opov.js", plugins: [plugin] });
    const messages = warnings();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain("porting from Brython: `elt <= child` does not add a child here");
    expect(messages[0]).toMatch(/> +\d+ \|\s+__le__ \(log, evt\.data\);/);
  });

  test("a strict build (raisingCalls: \"error\") fails at a porting finding; `# pyws: ignore` on its line silences it", () => {
    const program = "import {document} from './browser.js';\nvar log = document ['log'];\nlog.textContent = log.text;\n";
    const options = (plugins: unknown[]) => ({ babelrc: false, configFile: false, filename: "program.js", plugins });
    expect(() => core.transformSync(program, options([[plugin, { raisingCalls: "error" }]]))).toThrow("an element has no `.text` here");
    expect(warnings()).toEqual([]);
    // The comment is read on the Python line, through the input's source map: an inline map to a line that carries it.
    const python = "log.textContent = log.text  # pyws: ignore";
    const map = { version: 3, sources: ["program.py"], sourcesContent: [python], names: [], mappings: ";;AAAA" };
    const mapped = `${program}//# sourceMappingURL=data:application/json;base64,${Buffer.from(JSON.stringify(map)).toString("base64")}\n`;
    core.transformSync(mapped, options([[plugin, { raisingCalls: "error" }]]));
    expect(warnings()).toEqual([]);
  });

  test("a program that uses only what the platform has gets no porting warning", () => {
    const program = [
      "import {document, window} from './browser.js';",
      "var log = document ['log'];",
      "log.appendChild (document.createElement ('p'));",
      "log.textContent = window.name;",
      "var total = 1 <= 2;",
    ].join("\n");
    core.transformSync(program, { babelrc: false, configFile: false, filename: "program.js", plugins: [plugin] });
    expect(warnings()).toEqual([]);
  });
});
