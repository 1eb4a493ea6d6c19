// Both Babel majors the plugin supports, loaded side by side (Babel 8 through the "babel8" alias).
import * as babel7 from "@babel/core";
import * as babel8 from "babel8";

export interface BabelCore {
  version: string;
  transformSync(code: string, options: Record<string, unknown>): { code?: string | null } | null;
  parseSync(code: string, options: Record<string, unknown>): object | null;
  transformFromAstSync(ast: object, code: string | undefined, options: Record<string, unknown>): { code?: string | null } | null;
}

export const BABEL_CORES: Array<[label: string, core: BabelCore]> = [
  ["Babel 7", babel7 as unknown as BabelCore],
  ["Babel 8", babel8 as unknown as BabelCore],
];
