// Runs every fixtures/<suite>/<case>/ under Babel 7 and 8: input.js → output.js, or the error in options.json "throws";
// and the warnings in options.json "warns", where it says.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { jest } from "@jest/globals";
import { BABEL_CORES } from "./support/babel-cores.js";
import { plain, thrownMessage, transform, transformFromAst, type TransformOptions } from "./support/transform.js";

const ROOT = fileURLToPath(new URL("../fixtures", import.meta.url));
const SUITES = ["transcrypt", "rapydscript", "shapes", "untouched", "runtime-delivery", "errors", "warnings"];

interface CaseOptions extends TransformOptions {
  /** The error message expected instead of output. */
  throws?: string;
  /** Errors in options have no place in the code to point at. */
  noCodeFrame?: boolean;
  /** The warnings expected, one each, in order (the warnings suite: `[]` for none). */
  warns?: string[];
}

/** options.json in `dir`, if any. */
function optionsIn(dir: string): CaseOptions {
  const file = join(dir, "options.json");
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
}

// A suite's options.json applies to each of its cases, under the case's own.
const cases = SUITES.flatMap((suite) =>
  readdirSync(join(ROOT, suite), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map(({ name }) => {
      const dir = join(ROOT, suite, name);
      const suiteOptions = optionsIn(join(ROOT, suite));
      const caseOptions = optionsIn(dir);
      const options = { ...suiteOptions, ...caseOptions, pluginOptions: { ...suiteOptions.pluginOptions, ...caseOptions.pluginOptions } };
      return { suite, name, dir, options, input: readFileSync(join(dir, "input.js"), "utf8") };
    }),
);

describe.each(BABEL_CORES)("%s", (_label, core) => {
  describe.each(cases)("$suite/$name", ({ suite, dir, options, input }) => {
    if (options.throws) {
      test("fails with a code frame", () => {
        const message = thrownMessage(() => transform(core, input, options));
        expect(message).toContain(options.throws);
        if (!options.noCodeFrame) expect(message).toMatch(/> *\d+ \|/);
      });
      return;
    }
    const outputFile = join(dir, "output.js");
    if (options.warns) {
      // The warnings of this case are its subject: kept off the test's output, and counted.
      let warn: jest.SpiedFunction<typeof console.warn>;
      beforeEach(() => {
        warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
      });
      afterEach(() => warn.mockRestore());
      test("warns as it builds", () => {
        transform(core, input, options);
        const messages = warn.mock.calls.map(([message]) => plain(String(message)));
        expect(messages).toHaveLength(options.warns!.length);
        options.warns!.forEach((text, index) => expect(messages[index]).toContain(text));
      });
    }
    test("output", () => {
      const actual = transform(core, input, options);
      if (!existsSync(outputFile) && process.env.UPDATE_FIXTURES) writeFileSync(outputFile, actual + "\n");
      expect(actual + "\n").toBe(readFileSync(outputFile, "utf8"));
    });
    test("from the AST alone, without its source, the same output", () => {
      expect(transformFromAst(core, input, options)).toBe(transform(core, input, options));
    });
    test("a second run changes nothing", () => {
      const once = transform(core, input, options);
      expect(transform(core, once, options)).toBe(once);
    });
    if (suite === "untouched") {
      test("is exactly what Babel prints without the plugin", () => {
        expect(transform(core, input, options)).toBe(transform(core, input, { ...options, withoutPlugin: true }));
      });
    }
  });
});
