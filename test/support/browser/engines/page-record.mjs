// What a page showed, whichever engine ran it: the program's output (console.log lines, and "alert: <text>" for
// each alert), in order; what fails a test (console errors and warnings, page errors, CSP violations, other
// dialogs, failed requests); and the engine's own error reports that the test said to expect.

/**
 * An engine's own report of the page's favicon request, blocked by the strict CSP (`default-src 'none'`): Firefox and
 * WebKit ask for /favicon.ico on their own. That violation is not the program's, so it is no problem.
 */
const FAVICON_REPORT = /\bimg-src\b.*\bhttp:\/\/127\.0\.0\.1:\d+\/favicon\.ico\b|\bfavicon\.ico\b.*\bimg-src\b/;

/**
 * @typedef {object} PageRecord
 * @property {string[]} output console.log lines and "alert: <text>" for each alert, in the order the page made them
 * @property {string[]} problems console errors and warnings, page errors, unexpected dialogs: a passing test has none
 * @property {string[]} expectedErrors the engine's error reports that the test said to expect
 * @property {(text: string) => void} line a line of output
 * @property {(text: string) => void} error an error report: expected if it matches one of `expectErrors`, else a problem
 * @property {(text: string) => void} problem
 * @property {(done: () => boolean, what: string, timeout: number) => Promise<void>} waitUntil
 *   resolves once `done()` holds; rejects after `timeout` ms, showing what the page showed
 */

/**
 * @param {RegExp[]} [expectErrors] error reports that are part of the case (each still recorded, in expectedErrors)
 * @returns {PageRecord}
 */
export function createPageRecord(expectErrors = []) {
  /** @type {string[]} */ const output = [];
  /** @type {string[]} */ const problems = [];
  /** @type {string[]} */ const expectedErrors = [];
  /** @type {Set<() => void>} */ const waiters = new Set();
  const changed = () => waiters.forEach((check) => check());

  /** @param {string} text */
  function problem(text) {
    if (FAVICON_REPORT.test(text)) return;
    problems.push(text);
    changed();
  }

  return {
    output,
    problems,
    expectedErrors,
    line(text) {
      output.push(text);
      changed();
    },
    error(text) {
      if (!expectErrors.some((pattern) => pattern.test(text))) return problem(text);
      expectedErrors.push(text);
      changed();
    },
    problem,
    waitUntil(done, what, timeout) {
      return new Promise((resolve, reject) => {
        const check = () => {
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
    },
  };
}

/**
 * @typedef {object} PageRun
 * @property {string[]} output
 * @property {string[]} problems
 * @property {string[]} expectedErrors
 * @property {(count: number, timeout?: number) => Promise<void>} waitForOutput resolves once the output has `count` lines
 * @property {(line: string, timeout?: number) => Promise<void>} waitForLine resolves once `line` is in the output
 * @property {(selector: string, text: string) => Promise<void>} type types `text` into the (empty) field
 * @property {(selector: string) => Promise<void>} click
 * @property {(ms: number) => Promise<void>} settle waits `ms`, then has everything the page showed meanwhile
 * @property {() => Promise<void>} close
 */

/**
 * The waits of a PageRun over a record.
 * @param {PageRecord} record
 */
export function waitsOver(record) {
  return {
    /** @type {(count: number, timeout?: number) => Promise<void>} */
    waitForOutput: (count, timeout = 10_000) => record.waitUntil(() => record.output.length >= count, `${count} lines of output`, timeout),
    /** @type {(line: string, timeout?: number) => Promise<void>} */
    waitForLine: (line, timeout = 10_000) => record.waitUntil(() => record.output.includes(line), JSON.stringify(line), timeout),
  };
}

/** @param {number} ms */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
