import type { NodePath, types as BabelTypes } from "@babel/core";
import type { ResolvedOptions } from "./options.js";

type Types = typeof BabelTypes;

/** The parts of Babel's plugin API this plugin uses; the same on Babel 7 and 8. */
export interface BabelApi {
  types: Types;
  template: { expression: { ast(code: string): BabelTypes.Expression } };
  assertVersion(range: string): void;
}

/** Everything the rewrites of one file share. */
export interface FileContext {
  t: Types;
  api: BabelApi;
  options: ResolvedOptions;
  program: NodePath<BabelTypes.Program>;
  /** The file refers to free `require`, `module` or `exports`. */
  commonjs: boolean;
  /** The runtime's factory once a rewrite has needed it, and the statement that inlined it, if it was inlined. */
  factory: { callee: BabelTypes.Expression; statement: NodePath | null } | null;
  /** The runtime objects (`_pyws`) declared so far, by the node of the scope that holds each. */
  runtimes: Map<BabelTypes.Node, BabelTypes.Identifier>;
}
