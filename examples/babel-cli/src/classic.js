// The page's <script src="kwargs/program.js">: RapydScript-ng wrote src/kwargs/program.pyj as one classic script,
// and the plugin inlined its runtime there (a classic script cannot import). Run in Node, here as a script.
import { readFileSync } from "node:fs";
import { runInThisContext } from "node:vm";

const script = new URL("./kwargs/program.js", import.meta.url);
runInThisContext(readFileSync(script, "utf8"), { filename: script.pathname });
