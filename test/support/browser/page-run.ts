// Opens a page and records what it shows: console.log lines (a Python program's print()) and alerts, in order,
// as the program's output; and what must fail a test: console errors and warnings, uncaught page errors,
// CSP violations (reported as console errors by fixtures/browser/pages/report-csp.js), other dialogs.
import type { ConsoleMessage, Dialog, Page } from "playwright-core";
import type { Chromium } from "./chromium.js";

export interface PageRun {
  page: Page;
  /** console.log lines and "alert: <text>" for each alert (accepted at once), in the order the page made them. */
  output: string[];
  /** Console errors and warnings, page errors, unexpected dialogs: a passing test has none. */
  problems: string[];
  /** Console errors the test said to expect (e.g. Chromium's report of a failed WebSocket connection). */
  expectedErrors: string[];
  /** Resolves once the output has `count` lines; rejects after `timeout` ms, showing what there is. */
  waitForOutput(count: number, timeout?: number): Promise<void>;
  /** Resolves once `line` is in the output. */
  waitForLine(line: string, timeout?: number): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Console errors that are part of the case (each still recorded, in expectedErrors). */
  expectErrors?: RegExp[];
}

export async function openPage(chromium: Chromium, url: string, options: OpenOptions = {}): Promise<PageRun> {
  const page = await chromium.context.newPage();
  const output: string[] = [];
  const problems: string[] = [];
  const expectedErrors: string[] = [];
  const waiters = new Set<() => void>();
  const changed = (): void => waiters.forEach((check) => check());

  page.on("console", (message: ConsoleMessage) => {
    const text = message.text();
    const type = message.type();
    if (type === "log") output.push(text);
    else if (type === "error" && options.expectErrors?.some((pattern) => pattern.test(text))) expectedErrors.push(text);
    else if (type === "error" || type === "warning") problems.push(`console ${type}: ${text} (${message.location().url})`);
    else output.push(`console.${type}: ${text}`);
    changed();
  });
  page.on("pageerror", (error: Error) => {
    problems.push(`page error: ${error.stack ?? error.message}`);
    changed();
  });
  page.on("dialog", (dialog: Dialog) => {
    if (dialog.type() === "alert") output.push(`alert: ${dialog.message()}`);
    else problems.push(`unexpected ${dialog.type()}: ${dialog.message()}`);
    changed();
    void dialog.accept().catch(() => undefined);
  });
  page.on("requestfailed", (request) => {
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
    changed();
  });

  function waitUntil(done: () => boolean, what: string, timeout: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (!done()) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`timed out after ${timeout} ms waiting for ${what}; the page showed:\n${[...output, ...problems].join("\n")}`));
      }, timeout);
      waiters.add(check);
      check();
    });
  }

  await page.goto(url);
  return {
    page,
    output,
    problems,
    expectedErrors,
    waitForOutput: (count, timeout = 10_000) => waitUntil(() => output.length >= count, `${count} lines of output`, timeout),
    waitForLine: (line, timeout = 10_000) => waitUntil(() => output.includes(line), JSON.stringify(line), timeout),
    close: () => page.close(),
  };
}
