import type { NodePath, types as t } from "@babel/core";
import { applyRewrites } from "./apply.js";
import type { BabelFile } from "./diagnostics/python-source.js";
import { fileDiagnostics } from "./diagnostics/report.js";
import type { BabelApi, FileContext } from "./context.js";
import { type PluginOptions, resolveOptions } from "./options.js";
import { isInlinedRuntime } from "./rewrite/runtime-binding.js";
import { runtimeDelivery, runtimeHome } from "./rewrite/runtime-delivery.js";
import { collectSites, mayUseApi } from "./collect.js";

export type { Diagnostic, PluginOptions, RuntimeDelivery } from "./options.js";

/** The plugin object, typed by its own small interface so the same .d.ts serves Babel 7 and 8 users. */
export interface PythonWebSocketPlugin {
  name: string;
  visitor: Record<string, unknown>;
}

/** The part of Babel's plugin pass state this plugin reads. */
interface PassState {
  file: BabelFile & { code: string };
}

/**
 * babel-plugin-python-websocket: Brython's WebSocket API, in Transcrypt and RapydScript-ng output, as native
 * WebSocket code. When the pass leaves the file, the places to change are collected and, if the file uses the API,
 * rewritten. (Rewritten then, the code the plugin inserts is visited once by the rest of the pass, as Babel requeues
 * it; inserted when the pass enters the file, it would be visited twice.)
 */
export default function pythonWebSocketPlugin(api: unknown, rawOptions?: PluginOptions): PythonWebSocketPlugin {
  const babel = api as BabelApi;
  babel.assertVersion("^7.22.0 || ^8.0.0");
  const options = resolveOptions(rawOptions);

  return {
    name: "python-websocket",
    visitor: {
      Program: {
        exit(this: PassState, program: NodePath<t.Program>) {
          if (!mayUseApi(program, this.file.code)) return;
          const file = collectSites(babel.types, program, this.file.code);
          if (!file.usesApi) return;
          const delivery = runtimeDelivery(program.node, file.commonjs, options.runtime);
          const home = runtimeHome(program, delivery, file.sites);
          const diagnostics = fileDiagnostics(this.file);
          const context: FileContext = { t: babel.types, api: babel, options, diagnostics, program, delivery, home, runtimes: new Map() };
          applyRewrites(context, file);
        },
      },
      // The plugins after this one in the pass (preset-env, coverage) are not run on the inlined runtime.
      VariableDeclaration(path: NodePath<t.VariableDeclaration>) {
        if (isInlinedRuntime(path.node)) path.skip();
      },
    },
  };
}
