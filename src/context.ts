import type { NodePath, types as BabelTypes } from "@babel/core";
import type { Scope } from "@babel/traverse";
import type { FileDiagnostics } from "./diagnostics/report.js";
import type { ResolvedOptions } from "./options.js";
import type { Delivery } from "./rewrite/runtime-delivery.js";

type Types = typeof BabelTypes;

/** The parts of Babel's plugin API this plugin uses; the same on Babel 7 and 8. */
export interface BabelApi {
  types: Types;
  template: { statement: { ast(code: string): BabelTypes.Statement } };
  assertVersion(range: string): void;
}

/** Everything the rewrites of one file share. */
export interface FileContext {
  t: Types;
  api: BabelApi;
  options: ResolvedOptions;
  /** Build-time errors and warnings, pointing at the Python source. */
  diagnostics: FileDiagnostics;
  program: NodePath<BabelTypes.Program>;
  /** How the file reaches the runtime's parts. */
  delivery: Delivery;
  /** Where an inlined runtime goes, and the runtime object of sites whose program's classes do not say otherwise. */
  home: NodePath<BabelTypes.Program | BabelTypes.Function>;
  /** The runtime objects (`_pyws`) declared so far, by the node of the scope that holds each. */
  runtimes: Map<BabelTypes.Node, FileRuntimeObject>;
}

/** One `var _pyws = {...}`: what the rewrites in its scope call, filled in once the file is rewritten. */
export interface FileRuntimeObject {
  id: BabelTypes.Identifier;
  scope: Scope;
  object: BabelTypes.ObjectExpression;
  /** The runtime's parts called as `_pyws.<part>(...)`. */
  parts: Set<string>;
  /** Exception classes the program names without defining them (`_pyws.NotImplementedError`). */
  classes: Set<string>;
}
