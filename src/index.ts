import type { NodePath, types as t } from "@babel/core";
import { applyRewrites } from "./apply.js";
import type { BabelApi, FileContext } from "./context.js";
import { type PluginOptions, resolveOptions } from "./options.js";
import { isInlinedRuntime } from "./rewrite/runtime-binding.js";
import { type FileSites, visitAssignment, visitCall, visitDelete, visitIdentifier } from "./sites.js";

export type { Diagnostic, PluginOptions, RuntimeDelivery } from "./options.js";

/** The plugin object, typed by its own small interface so the same .d.ts serves Babel 7 and 8 users. */
export interface PythonWebSocketPlugin {
  name: string;
  visitor: Record<string, unknown>;
}

interface PassState {
  sites: FileSites;
}

/**
 * babel-plugin-python-websocket: Brython's WebSocket API, in Transcrypt and
 * RapydScript-ng output, as native WebSocket code. One traversal collects the
 * places to change; the file is rewritten at the end only if it uses the API.
 */
export default function pythonWebSocketPlugin(api: unknown, rawOptions?: PluginOptions): PythonWebSocketPlugin {
  const babel = api as BabelApi;
  babel.assertVersion("^7.22.0 || ^8.0.0");
  const options = resolveOptions(rawOptions);

  return {
    name: "python-websocket",
    visitor: {
      Program: {
        enter(this: PassState) {
          this.sites = { sites: [], usesApi: false, commonjs: false };
        },
        exit(this: PassState, program: NodePath<t.Program>) {
          const context: FileContext = { t: babel.types, api: babel, options, program, commonjs: this.sites.commonjs, runtimes: new Map() };
          applyRewrites(context, this.sites);
        },
      },
      Identifier(this: PassState, path: NodePath<t.Identifier>) {
        visitIdentifier(path, this.sites);
      },
      AssignmentExpression(this: PassState, path: NodePath<t.AssignmentExpression>) {
        visitAssignment(path, this.sites);
      },
      UnaryExpression(this: PassState, path: NodePath<t.UnaryExpression>) {
        visitDelete(path, this.sites);
      },
      CallExpression(this: PassState, path: NodePath<t.CallExpression>) {
        visitCall(path, this.sites);
      },
      // Plugins after this one in the pass (preset-env, coverage) are not run on the inlined runtime either.
      VariableDeclaration(path: NodePath<t.VariableDeclaration>) {
        if (isInlinedRuntime(path.node)) path.skip();
      },
    },
  };
}
