// Transcrypt output bundled as a user bundles it: Rollup, @rollup/plugin-babel running this plugin, and
// @rollup/plugin-node-resolve finding the runtime by the package name the plugin imports
// ("babel-plugin-python-websocket/runtime", through the package's exports map to its built dist/esm).
// @rollup/plugin-babel 7 supports Babel 7 only (its peer is @babel/core ^7), so this is the Babel 7 path.
import { babel } from "@rollup/plugin-babel";
import { nodeResolve } from "@rollup/plugin-node-resolve";
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { rollup, type RollupLog } from "rollup";
import plugin from "../../../src/index.js";

const REPO = fileURLToPath(new URL("../../..", import.meta.url));
const TRANSCRYPT_STAND_IN = join(REPO, "test/support/transcrypt-runtime.js");

/**
 * A user's project folder with the package installed (its package.json and built dist/, copied once: the tests see
 * one build even if dist/ is rebuilt meanwhile). Pages are bundled in folders inside it.
 */
export interface Project {
  /** The installed package's built ES-module runtime (dist/esm/runtime). */
  runtimeDir: string;
  bundleTranscrypt(program: string, entry?: { name: string; code: string }, format?: BundleFormat, modules?: Record<string, string>): Promise<Bundle>;
  remove(): void;
}

/**
 * Rollup's output: one ES module, or one classic script as an IIFE in sloppy mode (`strict: false`, as esbuild's
 * `format: 'iife'` writes it), where the arguments object follows the parameters.
 */
export type BundleFormat = "es" | "sloppy-iife";

export interface Bundle {
  code: string;
  /** Rollup's warnings: a clean build has none. */
  warnings: string[];
}

export function createProject(): Project {
  if (!existsSync(join(REPO, "dist/esm/runtime/index.js"))) throw new Error("dist/ is missing: run npm run build first");
  const root = mkdtempSync(join(tmpdir(), "python-websocket-project-"));
  const installed = join(root, "node_modules", "babel-plugin-python-websocket");
  mkdirSync(installed, { recursive: true });
  copyFileSync(join(REPO, "package.json"), join(installed, "package.json"));
  cpSync(join(REPO, "dist"), join(installed, "dist"), { recursive: true });
  let bundles = 0;

  return {
    runtimeDir: join(installed, "dist/esm/runtime"),
    remove: () => rmSync(root, { recursive: true, force: true }),

    /**
     * Bundles a Transcrypt module (`program.js`, which imports './org.transcrypt.__runtime__.js') into one ES module.
     * `entry` is the page's entry module (it imports "./program.js"); without it, the program is the entry.
     * `modules`: the program's other Transcrypt modules, by file name, laid beside it as Transcrypt writes them.
     */
    async bundleTranscrypt(program, entry, format = "es", modules = {}) {
      const folder = join(root, `page-${++bundles}`);
      mkdirSync(folder);
      writeFileSync(join(folder, "program.js"), program);
      for (const [file, code] of Object.entries(modules)) writeFileSync(join(folder, file), code);
      copyFileSync(TRANSCRYPT_STAND_IN, join(folder, "org.transcrypt.__runtime__.js"));
      if (entry) writeFileSync(join(folder, entry.name), entry.code);
      const warnings: string[] = [];
      const build = await rollup({
        input: join(folder, entry ? entry.name : "program.js"),
        onwarn: (warning: RollupLog) => void warnings.push(`${warning.code ?? ""}: ${warning.message}`),
        plugins: [
          nodeResolve({ browser: true }),
          babel({ babelHelpers: "bundled", babelrc: false, configFile: false, plugins: [plugin] }),
        ],
      });
      const { output } = await build.generate(format === "es" ? { format: "es" } : { format: "iife", name: "program", strict: false });
      await build.close();
      return { code: output[0].code, warnings };
    },
  };
}
