import { closestName } from "./diagnostics/suggest.js";
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
  /**
   * What to do with a misspelt handler on a socket (`ws.on_mesage = f`, `ws.onmessage = f`):
   * "warn" (default) prints it with a code frame, "error" fails the build, "off" says nothing.
   */
  unknownHandlers?: Diagnostic;
  /**
   * What to do with a call the plugin can tell will raise when it runs (`ws.send(42)`, `ws.close(999)`,
   * `websocket()`): "warn" (default) prints it and builds the call so that it raises, "error" fails the build (a strict
   * build), "off" says nothing. `# pyws: ignore` on the Python line silences one.
   */
  raisingCalls?: Diagnostic;
}

export type Diagnostic = "warn" | "error" | "off";

export interface ResolvedOptions {
  runtime: RuntimeDelivery;
  runtimeModule: string;
  unknownHandlers: Diagnostic;
  raisingCalls: Diagnostic;
}

const DELIVERIES: readonly RuntimeDelivery[] = ["auto", "import", "inline"];
const DIAGNOSTICS: readonly Diagnostic[] = ["warn", "error", "off"];
const KNOWN_KEYS = ["runtime", "runtimeModule", "unknownHandlers", "raisingCalls"];

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
      throw optionError(`unknown option "${key}".${didYouMean(key, KNOWN_KEYS)} The options are ${quoted(KNOWN_KEYS)}.`);
    }
  }
  const { runtime = "auto", runtimeModule = DEFAULT_RUNTIME_MODULE, unknownHandlers = "warn", raisingCalls = "warn" } = options;
  checkOneOf("runtime", runtime, DELIVERIES);
  checkOneOf("unknownHandlers", unknownHandlers, DIAGNOSTICS);
  checkOneOf("raisingCalls", raisingCalls, DIAGNOSTICS);
  if (typeof runtimeModule !== "string" || runtimeModule.trim() === "") {
    throw optionError(`option "runtimeModule" must be a non-empty string, not ${JSON.stringify(runtimeModule)}`);
  }
  return {
    runtime: runtime as RuntimeDelivery,
    runtimeModule,
    unknownHandlers: unknownHandlers as Diagnostic,
    raisingCalls: raisingCalls as Diagnostic,
  };
}

function checkOneOf(name: string, value: unknown, allowed: readonly string[]): void {
  if (!allowed.includes(value as string)) {
    const hint = typeof value === "string" ? didYouMean(value, allowed) : "";
    throw optionError(`option "${name}" must be one of ${quoted(allowed)}, not ${JSON.stringify(value)}.${hint}`);
  }
}

function quoted(names: readonly string[]): string {
  return names.map((name) => `"${name}"`).join(", ");
}

/** ` Did you mean "runtime"?` for a misspelt name, or nothing. */
function didYouMean(name: string, known: readonly string[]): string {
  const guess = closestName(name, known);
  return guess ? ` Did you mean "${guess}"?` : "";
}
