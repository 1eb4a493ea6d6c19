// The plugin as a user installs it: `npm pack` of a copy of the repo's files as a clone of this working tree has them
// (tracked or new, not ignored; its node_modules linked in for the build), so that prepack builds a dist of its own
// there and the repo's dist, which other tests read, is left alone.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { REPO, run } from "./examples/processes.js";

/** Packs the plugin into `into`; returns the tarball's path. */
export async function packPlugin(into: string): Promise<string> {
  const clone = mkdtempSync(join(tmpdir(), "python-websocket-clone-"));
  try {
    const listed = await run("git", ["ls-files", "--cached", "--others", "--exclude-standard"], REPO);
    const files = listed.stdout.split("\n").filter((file) => file && existsSync(join(REPO, file)));
    for (const file of files) {
      mkdirSync(dirname(join(clone, file)), { recursive: true });
      copyFileSync(join(REPO, file), join(clone, file));
    }
    symlinkSync(join(REPO, "node_modules"), join(clone, "node_modules"));
    const packed = await run("npm", ["pack", "--silent", "--pack-destination", into], clone, process.env, 300_000);
    if (packed.code !== 0) throw new Error(`npm pack failed:\n${packed.stderr}`);
    return join(into, readdirSync(into).find((file) => file.endsWith(".tgz"))!);
  } finally {
    rmSync(clone, { recursive: true, force: true });
  }
}
