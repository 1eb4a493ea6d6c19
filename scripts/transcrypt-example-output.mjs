// node scripts/transcrypt-example-output.mjs [example...]: compiles each Transcrypt example's .py with real
// Transcrypt 3.9.5 (`python3 -m transcrypt`, after `pip install transcrypt==3.9.5`), called as that example's
// pipeline calls it, and commits what it wrote for the .py (the module and its map, not Transcrypt's runtime) to
// fixtures/examples/<example>/, with a copy of the .py. The repo's tests lay that output out in place of the
// Transcrypt step (test/support/examples/transcrypt-stand-in/python3), on machines with no Python package index.
import { execFileSync } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = fileURLToPath(new URL("..", import.meta.url));
const SCRIPT = ["-b", "-n", "-m", "src/chat.py"]; // the examples' own `python3 -m transcrypt -b -n -m src/chat.py`
/** Where an example that imports `browser` finds the package's python/ (put there in the scratch folder). */
const PACKAGE_PYTHON = "node_modules/babel-plugin-python-websocket/python";

/** How each example's pipeline calls Transcrypt, from the project's root, and the module it names. */
const CALLS = {
  "babel-cli-transcrypt": { args: SCRIPT, module: "chat" },
  "babel-config-typescript": { args: SCRIPT, module: "chat" },
  "brython-page-transcrypt": { args: ["-b", "-n", "-m", "-xp", PACKAGE_PYTHON, "src/chat.py"], module: "chat" },
  "jest-transcrypt": { args: SCRIPT, module: "chat" },
  "rollup-transcrypt": { args: SCRIPT, module: "chat" },
  "vite-transcrypt": { args: SCRIPT, module: "chat" },
  // transcrypt-loader 1.0.2: the arguments its webpack.config.js gives, then the .py's dotted module name.
  "webpack-transcrypt-loader": { args: ["--build", "--nomin", "--map", "--verbose", "src.chat"], module: "src.chat" },
  // parcel-transformer-transcrypt 1.0.3: the arguments its package.json gives, then .build/ from the .py's folder.
  "parcel-transcrypt": {
    args: ["--build", "--nomin", "--map", "--verbose", "--outdir", "../.build", "src/chat.py"],
    module: "chat",
  },
};

/** Paths of the files named `names` under `dir`. */
function find(dir, names) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && names.includes(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

for (const example of process.argv.length > 2 ? process.argv.slice(2) : Object.keys(CALLS)) {
  const { args, module } = CALLS[example];
  const scratch = mkdtempSync(join(tmpdir(), `transcrypt-${example}-`));
  try {
    cpSync(join(REPO, "examples", example, "src/chat.py"), join(scratch, "src/chat.py"));
    if (args.includes(PACKAGE_PYTHON)) cpSync(join(REPO, "python"), join(scratch, PACKAGE_PYTHON), { recursive: true });
    execFileSync("python3", ["-m", "transcrypt", ...args], { cwd: scratch, stdio: "inherit" });
    const out = join(REPO, "fixtures/examples", example);
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    const written = find(scratch, [`${module}.js`, `${module}.map`]);
    if (written.length !== 2) throw new Error(`${example}: Transcrypt wrote ${written.join(", ") || "nothing"}`);
    for (const file of [...written, join(scratch, "src/chat.py")]) copyFileSync(file, join(out, basename(file)));
    console.log(`${example}: ${readdirSync(out).join(", ")}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
