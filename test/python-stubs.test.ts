// python/'s type stubs (.pyi), read as a user's editor reads them: pyright (from npm, as Pylance's engine) over a
// project folder whose pyrightconfig.json is the README's, with the package installed in its node_modules.
// The programs are fixtures/stubs/*.py. A line that pyright must report ends with a comment such as
// `# error: <message>` (several may follow one another); every other line must get nothing, so a correct program
// gets no diagnostic at all. A message matches where pyright's, its lines joined by spaces, starts with it.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = fileURLToPath(new URL("..", import.meta.url));
const PROGRAMS = join(REPO, "fixtures/stubs");
const PYRIGHT = join(REPO, "node_modules/pyright/index.js");

interface Diagnostic {
  line: number; // 1-based, as an editor shows it
  severity: string;
  message: string;
}

/** The README's pyrightconfig.json: its json block that sets extraPaths. */
function readmeConfig(): string {
  const readme = readFileSync(join(REPO, "README.md"), "utf8");
  const blocks = [...readme.matchAll(/```json\n([\s\S]*?)```/g)].map(([, block]) => block!);
  const config = blocks.filter((block) => block.includes('"extraPaths"'));
  expect(config).toHaveLength(1);
  return config[0]!;
}

/** What each line of a program says pyright reports there. */
function expectedDiagnostics(source: string): Diagnostic[] {
  return source.split("\n").flatMap((text, index) =>
    [...text.matchAll(/# (error|warning|information): (.*?)(?=\s+# (?:error|warning|information): |$)/g)].map(([, severity, message]) => ({
      line: index + 1,
      severity: severity!,
      message: message!,
    })),
  );
}

const programs = readdirSync(PROGRAMS).filter((name) => name.endsWith(".py"));
let project: string;
let reported: Map<string, Diagnostic[]>;
let filesAnalyzed: number;

beforeAll(() => {
  project = realpathSync(mkdtempSync(join(tmpdir(), "python-websocket-stubs-"))); // pyright reports real paths
  writeFileSync(join(project, "pyrightconfig.json"), readmeConfig());
  cpSync(join(REPO, "python"), join(project, "node_modules/babel-plugin-python-websocket/python"), { recursive: true });
  for (const name of programs) cpSync(join(PROGRAMS, name), join(project, name));
  // Exit status 1 means "errors found": the mistakes programs have some.
  const run = spawnSync(process.execPath, [PYRIGHT, "--outputjson"], { cwd: project, encoding: "utf8" });
  if (run.status !== 0 && run.status !== 1) throw new Error(`pyright failed (status ${run.status}): ${run.stderr}${run.stdout}`);
  const output = JSON.parse(run.stdout) as {
    generalDiagnostics: { file: string; severity: string; message: string; range: { start: { line: number } } }[];
    summary: { filesAnalyzed: number };
  };
  filesAnalyzed = output.summary.filesAnalyzed;
  reported = new Map(programs.map((name) => [name, []]));
  for (const { file, severity, message, range } of output.generalDiagnostics) {
    const name = file.slice(project.length + 1);
    if (!reported.has(name)) throw new Error(`pyright reported on ${file}: ${message}`);
    reported.get(name)!.push({ line: range.start.line + 1, severity, message: message.replace(/\s*\n\s*/g, " ") });
  }
}, 120000);
afterAll(() => rmSync(project, { recursive: true, force: true }));

test("pyright analyses every program, with the stubs of the installed package", () => {
  expect(programs.length).toBeGreaterThanOrEqual(7);
  expect(filesAnalyzed).toBe(programs.length);
});

test.each(programs)("fixtures/stubs/%s: pyright reports what its comments say, at their lines, and nothing else", (name) => {
  const expected = expectedDiagnostics(readFileSync(join(PROGRAMS, name), "utf8"));
  const shown = reported.get(name)!.map(({ line, severity, message }, index) => {
    const wanted = expected[index]?.message;
    return { line, severity, message: wanted !== undefined && message.startsWith(wanted) ? wanted : message };
  });
  expect(shown).toEqual(expected);
});

test("the correct programs, of each API and of the browser names, get no diagnostic at all", () => {
  for (const name of ["builtin_api.py", "module_api.py", "browser_names.py"]) {
    expect(expectedDiagnostics(readFileSync(join(PROGRAMS, name), "utf8"))).toEqual([]);
    expect(reported.get(name)).toEqual([]);
  }
});

test("without the config's extraPaths the same imports do not resolve: the stubs are what pyright reads", () => {
  const bare = mkdtempSync(join(tmpdir(), "python-websocket-stubs-bare-"));
  try {
    writeFileSync(join(bare, "pyrightconfig.json"), "{}");
    cpSync(join(PROGRAMS, "module_api.py"), join(bare, "module_api.py"));
    const run = spawnSync(process.execPath, [PYRIGHT, "--outputjson"], { cwd: bare, encoding: "utf8" });
    const messages = (JSON.parse(run.stdout) as { generalDiagnostics: { message: string }[] }).generalDiagnostics.map(({ message }) => message);
    expect(messages).toContain('Import "browser" could not be resolved');
  } finally {
    rmSync(bare, { recursive: true, force: true });
  }
}, 60000);
