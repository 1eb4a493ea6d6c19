// Debian's Chromium, headless, driven through playwright-core (which downloads no browser), with a fresh profile.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { createPageRecord, sleep, waitsOver } from "./page-record.mjs";

export const CHROMIUM = "/usr/bin/chromium";

/** The flags this machine needs (no network but loopback). */
const FLAGS = JSON.parse(readFileSync(new URL("../../../../fixtures/browser/chromium-flags.json", import.meta.url), "utf8"));

/** @param {number} launchTimeout @returns {Promise<import("./index.mjs").Engine>} */
export async function launchChromium(launchTimeout) {
  const profile = mkdtempSync(join(tmpdir(), "python-websocket-chromium-"));
  try {
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, timeout: launchTimeout });
    const version = context.browser()?.version() ?? (await userAgentVersion(context));
    return {
      name: "chromium",
      title: `Chromium ${version}`,
      // Chromium logs a refused WebSocket connection as a console error of its own.
      failedConnectionReports: (url) => [new RegExp(`^console error: WebSocket connection to '${escapeRegExp(url)}' failed`)],
      ownCspReport: /Content Security Policy directive/,
      async open(url, expectErrors) {
        const page = await context.newPage();
        const record = createPageRecord(expectErrors);
        page.on("console", (message) => {
          const type = message.type();
          if (type === "log") record.line(message.text());
          else if (type === "error") record.error(`console error: ${message.text()} (${message.location().url})`);
          else if (type === "warning") record.problem(`console warning: ${message.text()} (${message.location().url})`);
          else record.line(`console.${type}: ${message.text()}`);
        });
        page.on("pageerror", (error) => record.problem(`page error: ${error.stack ?? error.message}`));
        page.on("dialog", (dialog) => {
          if (dialog.type() === "alert") record.line(`alert: ${dialog.message()}`);
          else record.problem(`unexpected ${dialog.type()}: ${dialog.message()}`);
          void dialog.accept().catch(() => undefined);
        });
        page.on("requestfailed", (request) => record.problem(`request failed: ${request.url()} (${request.failure()?.errorText})`));
        await page.goto(url);
        return {
          ...record,
          ...waitsOver(record),
          type: (selector, text) => page.fill(selector, text),
          click: (selector) => page.click(selector),
          settle: sleep,
          close: () => page.close(),
        };
      },
      async close() {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}

/** @param {import("playwright-core").BrowserContext} context */
async function userAgentVersion(context) {
  const page = context.pages()[0] ?? (await context.newPage());
  return page.evaluate(() => navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? "unknown");
}

/** @param {string} text */
export const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
