// The pages the browser tests serve: a program in either transpiler's output, in the seed's page (input field,
// Send and Close buttons) or a blank page whose output is the program's print() lines. Only external scripts
// from the page's own origin: the globals a program reads (ECHO_URL, DEAD_URL) come in a generated globals.js.
import { parseSync, traverse } from "@babel/core";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BabelCore } from "../babel-cores.js";
import { transform } from "../transform.js";
import type { Project } from "./bundle.js";
import type { Site } from "./server.js";

const REPO = fileURLToPath(new URL("../../..", import.meta.url));
export const PAGES = join(REPO, "fixtures/browser/pages");
const TRANSCRYPT_STAND_IN = join(REPO, "test/support/transcrypt-runtime.js");

const asset = (name: string): string => readFileSync(join(PAGES, name), "utf8");

export type Build =
  /** Transcrypt's ES module, bundled by Rollup + @rollup/plugin-babel (Babel 7) + node-resolve. */
  | "transcrypt-rollup"
  /** The same as one classic script in sloppy mode: a Rollup IIFE with `strict: false`, as esbuild's `format: 'iife'`. */
  | "transcrypt-sloppy-iife"
  /** Transcrypt's ES module transformed by the run's Babel, served as native ES modules beside the built runtime. */
  | "transcrypt-modules"
  /** RapydScript-ng's classic script (its runtime inlined by the plugin), transformed by the run's Babel. */
  | "rapydscript";

export interface PageOptions {
  /** The seed's page (its markup, `doc`, the buttons wired to _test and close_connection) or a blank page. */
  seed: boolean;
  /** false: WebSocket is deleted before the program runs, as in a browser without it. */
  websocket: boolean;
  /** Globals the program reads, served as globals.js. */
  globals: Record<string, string>;
}

interface Script {
  src: string;
  module?: boolean;
}

function html(options: PageOptions, program: Script[]): string {
  const scripts: Script[] = [
    { src: "record-page.js" },
    { src: "report-csp.js" },
    { src: "globals.js" },
    ...(options.websocket ? [] : [{ src: "no-websocket.js" }]),
    ...(options.seed ? [{ src: "doc.js" }] : []),
    ...program,
  ];
  const tags = scripts.map(({ src, module }) => `<script${module ? ' type="module"' : ""} src="${src}"></script>`).join("\n");
  return asset(options.seed ? "seed.html" : "program.html").replace("<!-- scripts -->", tags);
}

function commonFiles(options: PageOptions): Site {
  const globals = Object.entries(options.globals)
    .map(([name, value]) => `window.${name} = ${JSON.stringify(value)};`)
    .join("\n");
  return {
    "record-page.js": asset("record-page.js"),
    "report-csp.js": asset("report-csp.js"),
    "globals.js": `// The globals the Python program reads.\n${globals}\n`,
    ...(options.websocket ? {} : { "no-websocket.js": asset("no-websocket.js") }),
    ...(options.seed ? { "doc.js": asset("doc.js") } : {}),
  };
}

/** The page for RapydScript-ng output already transformed into a classic script. */
export function classicScriptSite(script: string, options: PageOptions): Site {
  const program: Script[] = [{ src: "program.js" }, ...(options.seed ? [{ src: "seed-buttons.js" }] : [])];
  return {
    ...commonFiles(options),
    "index.html": html(options, program),
    "program.js": script,
    ...(options.seed ? { "seed-buttons.js": asset("seed-buttons.js") } : {}),
  };
}

/**
 * The page for a Rollup bundle (the program, Transcrypt's runtime stand-in and the plugin's runtime): one ES module, or
 * one classic script.
 */
export function bundleSite(bundle: string, module: boolean, options: PageOptions): Site {
  return { ...commonFiles(options), "index.html": html(options, [{ src: "bundle.js", module }]), "bundle.js": bundle };
}

/**
 * The page for a transformed Transcrypt module served unbundled, as native ES modules: the program imports
 * './org.transcrypt.__runtime__.js' and the plugin's runtime from `runtimeModule` "./runtime/index.js".
 */
export function moduleSite(program: string, runtimeDir: string, options: PageOptions, modules: Record<string, string> = {}): Site {
  const entry = options.seed ? "seed-entry.js" : "program.js";
  return {
    ...commonFiles(options),
    "index.html": html(options, [{ src: entry, module: true }]),
    "program.js": program,
    ...modules,
    "org.transcrypt.__runtime__.js": readFileSync(TRANSCRYPT_STAND_IN, "utf8"),
    ...Object.fromEntries(
      readdirSync(runtimeDir)
        .filter((file) => file.endsWith(".js"))
        .map((file) => [`runtime/${file}`, readFileSync(join(runtimeDir, file), "utf8")]),
    ),
    ...(options.seed ? { "seed-entry.js": asset("seed-entry.js") } : {}),
  };
}

/** What the browser is served for one program and build, and the script holding the program's code. */
export interface Built {
  build: Build;
  /** The served script that holds the rewritten program (bundle, module or classic script). */
  script: string;
  site(options: PageOptions): Site;
  /** Rollup's warnings (bundles only). */
  warnings: string[];
  /** The program's own modules, as its imports name them (`./helper.js`). */
  modules: string[];
}

export interface Toolchain {
  /** The run's Babel core (test/support/babel-cores.ts). */
  babel: BabelCore;
  /** The user's project, with the package installed, where Rollup bundles. */
  project: Project;
}

/**
 * Builds a program for the browser. `transcrypt` is Transcrypt's output (program.js), `transcryptModules` its other
 * modules (by file name), `rapydscript` RapydScript-ng's full output for the same program; `seed`: for the seed's page (the entry module wires its buttons).
 */
export async function buildProgram(
  build: Build,
  source: { transcrypt: () => string; transcryptModules: () => Record<string, string>; rapydscript: () => string },
  tools: Toolchain,
  seed: boolean,
): Promise<Built> {
  switch (build) {
    case "transcrypt-rollup":
    case "transcrypt-sloppy-iife": {
      const entry = seed ? { name: "seed-entry.js", code: asset("seed-entry.js") } : undefined;
      const module = build === "transcrypt-rollup";
      const { code, warnings } = await tools.project.bundleTranscrypt(source.transcrypt(), entry, module ? "es" : "sloppy-iife", source.transcryptModules());
      const modules = Object.keys(source.transcryptModules()).map((file) => `./${file}`);
      return { build, script: code, warnings, modules, site: (options) => bundleSite(code, module, options) };
    }
    case "transcrypt-modules": {
      // (The transform helper parses as Babel's default does, "module": a config that names only the plugin.)
      const rewrite = (module: string): string => transform(tools.babel, module, { pluginOptions: { runtimeModule: "./runtime/index.js" } });
      const code = rewrite(source.transcrypt());
      // The program's other modules (a helper it imports), each rewritten on its own, as a bundler's Babel rule does.
      const modules = Object.fromEntries(Object.entries(source.transcryptModules()).map(([file, module]) => [file, rewrite(module)]));
      const own = Object.keys(modules).map((file) => `./${file}`);
      return { build, script: code, warnings: [], modules: own, site: (options) => moduleSite(code, tools.project.runtimeDir, options, modules) };
    }
    case "rapydscript": {
      const code = transform(tools.babel, source.rapydscript());
      return { build, script: code, warnings: [], modules: [], site: (options) => classicScriptSite(code, options) };
    }
  }
}

export interface Inspection {
  /** What a classic <script> cannot run: import/export declarations (the code must parse as a script), require(), import(). */
  moduleSyntax: string[];
  /** Brython's API left as it was: free references to `websocket` or `__BRYTHON__`. */
  brythonApi: string[];
  /**
   * RapydScript-ng's modules `browser` and `browser.websocket` (python/'s stub, inlined by the compiler) still read:
   * `ρσ_modules.browser`, `ρσ_modules["browser.websocket"]`. (Transcrypt's stub would be an import: see `imports`.)
   */
  browserModules: string[];
  /** The sources of import declarations (ES modules). */
  imports: string[];
}

const BROWSER_MODULES = new Set(["browser", "browser.websocket"]);

/** Reads a served script: as a classic script (RapydScript-ng) or as an ES module (a bundle, a module). */
export function inspectScript(script: string, sourceType: "script" | "module"): Inspection {
  const found: Inspection = { moduleSyntax: [], brythonApi: [], browserModules: [], imports: [] };
  let ast;
  try {
    ast = parseSync(script, { babelrc: false, configFile: false, sourceType });
  } catch (error) {
    found.moduleSyntax.push(`does not parse as a ${sourceType}: ${(error as Error).message.split("\n")[0]}`);
    return found;
  }
  traverse(ast!, {
    ImportDeclaration(path) {
      found.imports.push(path.node.source.value);
    },
    CallExpression(path) {
      const callee = path.node.callee;
      if (callee.type === "Import") found.moduleSyntax.push("import(...)");
      else if (callee.type === "Identifier" && callee.name === "require" && !path.scope.hasBinding("require")) {
        found.moduleSyntax.push("require(...)");
      }
    },
    MemberExpression(path) {
      const { object, property, computed } = path.node;
      if (object.type !== "Identifier" || object.name !== "ρσ_modules") return;
      const name = computed ? (property.type === "StringLiteral" ? property.value : null) : property.type === "Identifier" ? property.name : null;
      if (name !== null && BROWSER_MODULES.has(name)) found.browserModules.push(`${name} at line ${path.node.loc?.start.line}`);
    },
    Identifier(path) {
      const { name } = path.node;
      if (name !== "websocket" && name !== "__BRYTHON__") return;
      if (path.isReferencedIdentifier() && !path.scope.hasBinding(name)) found.brythonApi.push(`${name} at line ${path.node.loc?.start.line}`);
    },
  });
  return found;
}
