import { DEFAULT_RUNTIME_MODULE, PACKAGE_NAME } from "./names.js";

/** How the runtime helper reaches a rewritten file. */
export type RuntimeDelivery = "auto" | "import" | "inline";

/** Options of babel-plugin-python-websocket. */
export interface PluginOptions {
  /**
   * "auto" (default): imported into ES modules and CommonJS, inlined into classic scripts;
   * "import": always imported; "inline": always inlined.
   */
  runtime?: RuntimeDelivery;
  /** Module the runtime is imported from. Default "babel-plugin-python-websocket/runtime". */
  runtimeModule?: string;
}

export interface ResolvedOptions {
  runtime: RuntimeDelivery;
  runtimeModule: string;
}

const DELIVERIES: readonly RuntimeDelivery[] = ["auto", "import", "inline"];
const KNOWN_KEYS = ["runtime", "runtimeModule"];

function optionError(message: string): Error {
  return new Error(`${PACKAGE_NAME}: ${message}`);
}

/** Checks the options eagerly, when Babel loads the plugin, naming the option at fault. */
export function resolveOptions(raw: unknown): ResolvedOptions {
  const given = raw ?? {};
  if (typeof given !== "object" || Array.isArray(given)) {
    throw optionError(`options must be an object, not ${JSON.stringify(given)}`);
  }
  const options = given as Record<string, unknown>;
  for (const key of Object.keys(options)) {
    if (!KNOWN_KEYS.includes(key)) {
      throw optionError(`unknown option "${key}"; the options are ${KNOWN_KEYS.map((k) => `"${k}"`).join(", ")}`);
    }
  }
  const { runtime = "auto", runtimeModule = DEFAULT_RUNTIME_MODULE } = options;
  if (!DELIVERIES.includes(runtime as RuntimeDelivery)) {
    throw optionError(`option "runtime" must be one of ${DELIVERIES.map((d) => `"${d}"`).join(", ")}, not ${JSON.stringify(runtime)}`);
  }
  if (typeof runtimeModule !== "string" || runtimeModule.trim() === "") {
    throw optionError(`option "runtimeModule" must be a non-empty string, not ${JSON.stringify(runtimeModule)}`);
  }
  return { runtime: runtime as RuntimeDelivery, runtimeModule };
}
