// The three browser engines the tests and `npm run demo:browser` drive, each from Debian's packages: Chromium,
// Firefox ESR and WebKitGTK. Nothing is downloaded. A missing engine throws, saying how to install it.
import { existsSync } from "node:fs";
import { CHROMIUM, launchChromium } from "./chromium.mjs";
import { FIREFOX, launchFirefox } from "./firefox.mjs";
import { launchWebKit, WEBKIT_DRIVER, XVFB } from "./webkit.mjs";

/** @typedef {"chromium" | "firefox" | "webkit"} EngineName */
/** @typedef {import("./page-record.mjs").PageRun} PageRun */

/**
 * @typedef {object} Engine
 * @property {EngineName} name
 * @property {string} title the engine and its version, e.g. "Firefox 153.8.0esr"
 * @property {(url: string) => RegExp[]} failedConnectionReports
 *   the engine's own error reports of a refused WebSocket connection to `url` (none where its driver does not show them)
 * @property {RegExp | null} ownCspReport the engine's own report of a CSP violation, or null where the driver does not show it
 * @property {(url: string, expectErrors?: RegExp[]) => Promise<PageRun>} open
 *   opens a page; error reports matching `expectErrors` are part of the case (recorded in expectedErrors)
 * @property {() => Promise<void>} close ends the engine's processes
 */

/** @type {EngineName[]} */
export const ENGINE_NAMES = ["chromium", "firefox", "webkit"];

/** @type {Record<EngineName, { title: string, files: string[], packages: string }>} */
const NEEDS = {
  chromium: { title: "Chromium", files: [CHROMIUM], packages: "chromium" },
  firefox: { title: "Firefox ESR", files: [FIREFOX], packages: "firefox-esr" },
  webkit: { title: "WebKitGTK (MiniBrowser, its WebDriver, Xvfb)", files: [WEBKIT_DRIVER, XVFB], packages: "webkit2gtk-driver xvfb" },
};

/** The command that installs an engine. @param {EngineName} name */
export const installCommand = (name) => `apt-get install -y --no-install-recommends ${NEEDS[name].packages}`;

/** Throws where an engine is not installed, saying how to install it. @param {EngineName} name */
export function assertInstalled(name) {
  const missing = NEEDS[name].files.filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(`${NEEDS[name].title} is missing (${missing.join(", ")}). Install it with: ${installCommand(name)}`);
  }
}

/**
 * Launches an engine, or throws (saying how to install it where it is missing; saying so where it does not start
 * within `launchTimeout` ms).
 * @param {EngineName} name
 * @param {number} [launchTimeout]
 * @returns {Promise<Engine>}
 */
export async function launchEngine(name, launchTimeout = 60_000) {
  if (!ENGINE_NAMES.includes(name)) throw new Error(`unknown browser engine "${name}": ${ENGINE_NAMES.join(", ")}`);
  assertInstalled(name);
  return { chromium: launchChromium, firefox: launchFirefox, webkit: launchWebKit }[name](launchTimeout);
}
