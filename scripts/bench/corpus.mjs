// The corpus of the build-cost figures: real transpiler output. RapydScript-ng's full output (its ~168 KB runtime
// included) of every .pyj program in fixtures/ and of a few of RapydScript-ng's own test programs (which use none
// of the API), compiled now into a temp dir; and the committed Transcrypt modules of fixtures/.
import { readFileSync, readdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { REPO, babel, compileRapydScript, plugin, require } from "./repo.mjs";

// A spread of RapydScript-ng's test programs: classes, generators, its `re` module, string methods.
const RAPYDSCRIPT_TESTS = ["classes", "generators", "regexp", "str"];

/** Any of these names makes a file one that "uses the API"; the others must cost next to nothing. */
export const API_NAMES = /\b(?:websocket|__BRYTHON__|on_(?:open|error|message|close))\b|ρσ_modules\.browser/;

/** The fixtures' files, but fixtures/diagnostics/: programs with a mistake, which fail the build on purpose. (Those
 * that make the plugin warn are left out too: see warnsOf.) */
function fixtureFiles() {
  return readdirSync(join(REPO, "fixtures"), { recursive: true })
    .filter((file) => !file.startsWith("diagnostics/"))
    .map((file) => join(REPO, "fixtures", file))
    .sort();
}

/** `{ name, code, sourceType, usesApi }` for every file of the corpus; RapydScript-ng keeps its cache in `cacheDir`. */
export async function loadCorpus({ cacheDir }) {
  const fixtures = fixtureFiles();
  const testsDir = join(dirname(require.resolve("rapydscript-ng/package.json")), "test");
  const pyj = [
    ...fixtures.filter((file) => file.endsWith(".pyj")),
    ...RAPYDSCRIPT_TESTS.map((name) => join(testsDir, `${name}.pyj`)),
  ];
  // Transcrypt's output: program.js beside its program.py, and the verbatim inputs of fixtures/transcrypt/.
  const transcrypt = fixtures.filter(
    (file) =>
      (basename(file) === "program.js" && fixtures.includes(join(dirname(file), "program.py"))) ||
      (basename(file) === "input.js" && basename(dirname(dirname(file))) === "transcrypt"),
  );

  const label = (file) => file.slice(file.indexOf(file.includes("/fixtures/") ? "fixtures/" : "rapydscript-ng/"));
  const files = [];
  // Two compilers at a time: one per CPU of the 2-CPU machine this was written for.
  for (let i = 0; i < pyj.length; i += 2) {
    const pair = pyj.slice(i, i + 2);
    const outputs = await Promise.all(pair.map((file) => compileRapydScript(file, { cacheDir })));
    pair.forEach((file, j) => files.push({ name: label(file), code: outputs[j], sourceType: "script" }));
  }
  for (const file of transcrypt) files.push({ name: label(file), code: readFileSync(file, "utf8"), sourceType: "module" });
  return files.filter((file) => !warnsOf(file)).map((file) => ({ ...file, usesApi: API_NAMES.test(file.code) }));
}

/**
 * Whether the plugin warns about a file: a program that warns on purpose (fixtures/porting, a call that raises when it
 * runs) would time the printing of its warnings, which a build of a program without mistakes does not pay.
 */
function warnsOf({ code, sourceType }) {
  const { warn } = console;
  let warned = false;
  console.warn = () => (warned = true);
  try {
    babel.transformSync(code, { babelrc: false, configFile: false, sourceType, plugins: [plugin] });
  } finally {
    console.warn = warn;
  }
  return warned;
}

export const megabytes = (files) => files.reduce((total, file) => total + Buffer.byteLength(file.code), 0) / 1e6;
