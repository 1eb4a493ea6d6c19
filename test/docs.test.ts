// The README and docs/ stay true: every relative link leads to a file (and heading) that exists, and the README's
// before and after are the plugin's own, as its fixture shows them.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = fileURLToPath(new URL("..", import.meta.url));
const PAGES = ["README.md", "examples/README.md", ...readdirSync(join(REPO, "docs")).map((page) => `docs/${page}`)];

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
function anchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, "")
    .replace(/ /g, "-");
}

test.each(PAGES)("%s: every relative link leads to a file, and to a heading of it", (page) => {
  const text = readFileSync(join(REPO, page), "utf8").replace(/```[\s\S]*?```/g, "");
  const broken: string[] = [];
  for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    if (/^[a-z]+:/.test(target!)) continue;
    const [path, hash] = target!.split("#");
    const file = path ? join(REPO, dirname(page), path) : join(REPO, page);
    if (!existsSync(file)) {
      broken.push(target!);
      continue;
    }
    if (hash && file.endsWith(".md")) {
      const headings = [...readFileSync(file, "utf8").matchAll(/^#+ (.+)$/gm)].map(([, heading]) => anchor(heading!));
      if (!headings.includes(hash)) broken.push(target!);
    }
  }
  expect(broken).toEqual([]);
});

test("the README's before and after are the fixture's input and the plugin's output of it", () => {
  const readme = readFileSync(join(REPO, "README.md"), "utf8");
  const [before, after] = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map(([, code]) => code!);
  const fixture = (file: string) => readFileSync(join(REPO, "fixtures/transcrypt/modern_module", file), "utf8");
  for (const [shown, source] of [
    [before!, fixture("input.js")],
    [after!, fixture("output.js")],
  ] as const) {
    const lines = shown.split("\n").filter((line) => line !== "" && line !== "// …");
    expect(lines.filter((line) => !source.includes(line))).toEqual([]);
  }
});
