// Debian's Firefox ESR, headless, driven through puppeteer-core over WebDriver BiDi (geckodriver is in neither
// Debian nor reachable; puppeteer-core downloads no browser). puppeteer makes and removes its own profile.
import puppeteer from "puppeteer-core";
import { escapeRegExp } from "./chromium.mjs";
import { createPageRecord, sleep, waitsOver } from "./page-record.mjs";

export const FIREFOX = "/usr/bin/firefox-esr";

/** @param {number} launchTimeout @returns {Promise<import("./index.mjs").Engine>} */
export async function launchFirefox(launchTimeout) {
  const browser = await puppeteer.launch({ browser: "firefox", executablePath: FIREFOX, headless: true, timeout: launchTimeout });
  const child = browser.process();
  return {
    name: "firefox",
    title: `Firefox ${(await browser.version()).replace(/^firefox\//, "")}`,
    // Firefox reports a refused WebSocket connection twice: its handshake request failed, and an error of its own.
    failedConnectionReports: (url) => [
      new RegExp(`^request failed: ${escapeRegExp(url.replace(/^ws:/, "http:"))}/? \\(NS_ERROR_CONNECTION_REFUSED\\)$`),
      new RegExp(`^page error: Firefox can.t establish a connection to the server at ${escapeRegExp(url)}/?\\.$`),
    ],
    ownCspReport: /page error: Content-Security-Policy: The page.s settings blocked/,
    async open(url, expectErrors) {
      const page = await browser.newPage();
      const record = createPageRecord(expectErrors);
      page.on("console", (message) => {
        const type = message.type();
        if (type === "log") record.line(message.text());
        else if (type === "error") record.error(`console error: ${message.text()} (${message.location().url})`);
        else if (type === "warn") record.problem(`console warning: ${message.text()} (${message.location().url})`);
        else record.line(`console.${type}: ${message.text()}`);
      });
      // Firefox's own error reports (CSP, a refused connection) arrive here too.
      page.on("pageerror", (error) => record.error(`page error: ${error instanceof Error ? error.message : String(error)}`));
      page.on("dialog", (dialog) => {
        if (dialog.type() === "alert") record.line(`alert: ${dialog.message()}`);
        else record.problem(`unexpected ${dialog.type()}: ${dialog.message()}`);
        void dialog.accept().catch(() => undefined);
      });
      page.on("requestfailed", (request) => record.error(`request failed: ${request.url()} (${request.failure()?.errorText})`));
      await page.goto(url);
      return {
        ...record,
        ...waitsOver(record),
        type: (selector, text) => page.type(selector, text),
        click: (selector) => page.click(selector),
        settle: sleep,
        close: () => page.close(),
      };
    },
    async close() {
      await browser.close().catch(() => undefined);
      if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL"); // by its id
    },
  };
}
