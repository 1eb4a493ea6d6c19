import type { BabelCore } from "./babel-cores.js";
import plugin from "../../src/index.js";

export interface TransformOptions {
  pluginOptions?: Record<string, unknown>;
  sourceType?: "module" | "script" | "unambiguous";
  /** Run without the plugin: what Babel alone prints. */
  withoutPlugin?: boolean;
}

/** Babel with only this plugin, isolated from the repo's own babel.config.js. */
export function transform(core: BabelCore, code: string, options: TransformOptions = {}): string {
  const result = core.transformSync(code, {
    babelrc: false,
    configFile: false,
    highlightCode: false,
    sourceType: options.sourceType ?? "module",
    // Babel 7 would drop the input's sourceMappingURL comment while looking for the map; Babel 8 keeps it.
    inputSourceMap: false,
    plugins: options.withoutPlugin ? [] : [[plugin, options.pluginOptions ?? {}]],
  });
  return result?.code ?? "";
}

/**
 * As `transform`, but Babel is given the parsed AST and not the source (`transformFromAstSync(ast, undefined)`): the
 * plugin then cannot use the source to find where the API is, and must find the same places.
 */
export function transformFromAst(core: BabelCore, code: string, options: TransformOptions = {}): string {
  const base = { babelrc: false, configFile: false, highlightCode: false, sourceType: options.sourceType ?? "module" };
  const ast = core.parseSync(code, base)!;
  const result = core.transformFromAstSync(ast, undefined, { ...base, inputSourceMap: false, plugins: [[plugin, options.pluginOptions ?? {}]] });
  return result?.code ?? "";
}

/** Text without terminal colours: Babel 7 colours code frames where it thinks the terminal can (CI=true). */
export function plain(text: string): string {
  return text.replace(/\x1b\[[0-9;]*m/g, "");
}

/** The message of what `run` throws, without colours; fails if it throws nothing. */
export function thrownMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return plain((error as Error).message);
  }
  throw new Error("expected an error, but nothing was thrown");
}
