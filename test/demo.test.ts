// The README's first command, `npm run demo`, in a copy of the repo as a clone has it (its tracked files, the repo's
// node_modules linked in, no dist/): the seed from Python through RapydScript-ng and the built plugin, run as a page
// against a local echo server. The first run builds dist/ and says so; the next one builds nothing; after a source
// changes, the next one builds again.
import { execFile, execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = fileURLToPath(new URL("..", import.meta.url));
const BUILDING = "Building the plugin into dist/ (first run, or src/ changed)…";
let clone: string;

beforeAll(() => {
  clone = mkdtempSync(join(tmpdir(), "python-websocket-demo-clone-"));
  for (const file of execFileSync("git", ["ls-files"], { cwd: REPO, encoding: "utf8" }).split("\n").filter(Boolean)) {
    mkdirSync(dirname(join(clone, file)), { recursive: true });
    copyFileSync(join(REPO, file), join(clone, file));
  }
  symlinkSync(join(REPO, "node_modules"), join(clone, "node_modules"));
});

afterAll(() => rmSync(clone, { recursive: true, force: true }));

function npmRunDemo(): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile("npm", ["run", "demo"], { cwd: clone, timeout: 90_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stdout}\n${stderr}`)) : resolve(stdout),
    ),
  );
}

/** The seed's conversation as the page shows it. */
function expectTheSeedTalked(output: string): void {
  const alerts = output.split("\n").filter((line) => line.includes("page: alert("));
  expect(alerts.map((line) => line.trim())).toEqual([
    'page: alert("Message is sent")',
    'page: alert("Message received : hello")',
    'page: alert("Connection is closed")',
  ]);
  expect(output).toContain("Done: Python's WebSocket API ran as native WebSocket code.");
}

/** dist/'s files and their modification times. */
function distTimes(): Record<string, number> {
  const dist = join(clone, "dist");
  const files = readdirSync(dist, { recursive: true }).map(String).filter((file) => statSync(join(dist, file)).isFile());
  return Object.fromEntries(files.sort().map((file) => [file, statSync(join(dist, file)).mtimeMs]));
}

test("the first run builds dist/, says so, then shows the seed sending, getting its echo and closing", async () => {
  const output = await npmRunDemo();
  expect(output.split("\n")).toContain(BUILDING);
  expect(distTimes()).toHaveProperty(["cjs/index.js"]);
  expectTheSeedTalked(output);
}, 120_000);

test("the next run builds nothing: dist/ is left as it was", async () => {
  const before = distTimes();
  const output = await npmRunDemo();
  expect(output).not.toContain(BUILDING);
  expect(distTimes()).toEqual(before);
  expectTheSeedTalked(output);
}, 120_000);

test("after a source changes, the next run builds again", async () => {
  const before = distTimes();
  const now = new Date();
  utimesSync(join(clone, "src/names.ts"), now, now);
  const output = await npmRunDemo();
  expect(output.split("\n")).toContain(BUILDING);
  const after = distTimes();
  expect(Object.keys(after)).toEqual(Object.keys(before));
  expect(after["cjs/names.js"]).toBeGreaterThan(before["cjs/names.js"]!);
  expectTheSeedTalked(output);
}, 120_000);
