// WebKitGTK's MiniBrowser, driven by Debian's WebKitWebDriver (W3C WebDriver, over fetch) under its own Xvfb:
// MiniBrowser has no headless mode. WebKitGTK's driver has no console or error events, so the page keeps its own
// records (fixtures/browser/pages/record-page.js) and they are read back with Execute Script while the page runs.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { createPageRecord, sleep, waitsOver } from "./page-record.mjs";

export const WEBKIT_DRIVER = "/usr/bin/WebKitWebDriver";
export const XVFB = "/usr/bin/Xvfb";

/** How often the records are read back while a page runs. */
const POLL_MS = 25;

/** @param {number} launchTimeout @returns {Promise<import("./index.mjs").Engine>} */
export async function launchWebKit(launchTimeout) {
  const deadline = Date.now() + launchTimeout;
  /** @type {import("node:child_process").ChildProcess[]} */
  const processes = [];
  // Each process ends by its id: the driver, started as a process group, with the MiniBrowser it started.
  const endAll = () => {
    for (const child of processes.reverse()) {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) continue;
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }
  };
  try {
    // Xvfb picks a free display and prints its number on the file descriptor given to -displayfd.
    const xvfb = spawn(XVFB, ["-displayfd", "1", "-nolisten", "tcp"], { stdio: ["ignore", "pipe", "ignore"], detached: true });
    processes.push(xvfb);
    const display = await firstLine(xvfb, deadline, "Xvfb to print its display");
    const port = await freePort();
    const driver = spawn(WEBKIT_DRIVER, [`--port=${port}`, "--host=127.0.0.1"], {
      env: { ...process.env, DISPLAY: `:${display}` },
      stdio: ["ignore", "ignore", "ignore"],
      detached: true,
    });
    processes.push(driver);
    const webDriver = client(`http://127.0.0.1:${port}`);
    await webDriver.ready(deadline);
    // "ignore": an alert stays open until the reader accepts it (the page recorded its text already).
    const session = await webDriver.send("POST", "/session", { capabilities: { alwaysMatch: { browserName: "MiniBrowser", unhandledPromptBehavior: "ignore" } } }, deadline - Date.now());
    const sessionPath = `/session/${session.sessionId}`;
    // One command at a time: the record reader runs beside the test's clicks.
    /** @type {Promise<unknown>} */
    let queue = Promise.resolve();
    const send = (/** @type {string} */ method, /** @type {string} */ path, /** @type {unknown} */ body, timeout = 30_000) => {
      const sent = queue.then(() => webDriver.send(method, sessionPath + path, body, timeout));
      queue = sent.catch(() => undefined);
      return sent;
    };
    let pageOpen = false;

    return {
      name: "webkit",
      title: `WebKitGTK ${session.capabilities.browserVersion} (MiniBrowser)`,
      // WebKit's own report of a refused connection goes to its log, which its driver does not give.
      failedConnectionReports: () => [],
      ownCspReport: null,
      async open(url, expectErrors) {
        if (pageOpen) throw new Error("WebKit: one page at a time (the session has one window)");
        pageOpen = true;
        const record = createPageRecord(expectErrors);
        await send("POST", "/url", { url });
        let seen = 0;
        // Reads what the page recorded since the last read (by index: a read whose answer is lost loses no record);
        // accepts an open alert (whose text is recorded already).
        const readOnce = async () => {
          /** @type {Array<{ kind: string, type?: string, text: string }> | null} */
          let records;
          try {
            const answer = await send("POST", "/execute/sync", { script: "return { records: window.__pageRecords ? window.__pageRecords.slice(arguments[0]) : null }", args: [seen] });
            // No answer at all where an alert opened while the script ran: the next read has the records.
            if (answer == null) return;
            records = answer.records;
          } catch (error) {
            if (/** @type {{ error?: string }} */ (error).error !== "unexpected alert open") throw error;
            await send("POST", "/alert/accept", {});
            return readOnce();
          }
          if (records === null) record.problem("the page has no records: fixtures/browser/pages/record-page.js did not run");
          seen += records?.length ?? 0;
          for (const { kind, type, text } of records ?? []) {
            if (kind === "console" && type === "log") record.line(text);
            else if (kind === "console" && type === "error") record.error(`console error: ${text}`);
            else if (kind === "console" && type === "warn") record.problem(`console warning: ${text}`);
            else if (kind === "console") record.line(`console.${type}: ${text}`);
            else if (kind === "dialog" && type === "alert") record.line(`alert: ${text}`);
            else if (kind === "dialog") record.problem(`unexpected ${type}: ${text}`);
            else record.problem(`page error: ${text}`);
          }
        };
        // One read at a time (the reader and settle() both read), each from where the last one ended.
        /** @type {Promise<void>} */
        let lastRead = Promise.resolve();
        const read = () => (lastRead = lastRead.catch(() => undefined).then(readOnce));
        let reading = true;
        const reader = (async () => {
          while (reading) {
            await read().catch((error) => record.problem(`reading the page's records failed: ${error.message}`));
            await sleep(POLL_MS);
          }
        })();
        const element = async (/** @type {string} */ selector) =>
          Object.values(await send("POST", "/element", { using: "css selector", value: selector }))[0];
        return {
          ...record,
          ...waitsOver(record),
          type: async (selector, text) => void (await send("POST", `/element/${await element(selector)}/value`, { text })),
          click: async (selector) => void (await send("POST", `/element/${await element(selector)}/click`, {})),
          settle: async (ms) => {
            await sleep(ms);
            await read();
          },
          async close() {
            reading = false;
            await reader;
            await send("POST", "/alert/accept", {}).catch(() => undefined); // where the page left one open
            await send("POST", "/url", { url: "about:blank" }).catch(() => undefined);
            pageOpen = false;
          },
        };
      },
      async close() {
        await send("DELETE", "", undefined, 10_000).catch(() => undefined);
        endAll();
      },
    };
  } catch (error) {
    endAll();
    throw error;
  }
}

/**
 * A minimal W3C WebDriver client: every request time-limited (a new session without a usable display never
 * answers). A WebDriver error throws an Error carrying the error code (`error`).
 * @param {string} base
 */
function client(base) {
  /** @param {string} method @param {string} path @param {unknown} body @param {number} timeout @returns {Promise<any>} */
  async function send(method, path, body, timeout) {
    const response = await fetch(base + path, {
      method,
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(Math.max(timeout, 1)),
    }).catch((error) => {
      throw new Error(`WebKitWebDriver: ${method} ${path} got no answer (${error.message})`);
    });
    const { value } = await response.json();
    if (!response.ok) throw Object.assign(new Error(`WebKitWebDriver: ${method} ${path}: ${value.error}: ${value.message}`), { error: value.error });
    return value;
  }
  return {
    send,
    /** Resolves once the driver answers /status. @param {number} deadline */
    async ready(deadline) {
      for (;;) {
        if (await fetch(`${base}/status`).then(() => true, () => false)) return;
        if (Date.now() > deadline) throw new Error("WebKitWebDriver did not start listening in time");
        await sleep(50);
      }
    },
  };
}

/** @param {import("node:child_process").ChildProcess} child @param {number} deadline @param {string} what @returns {Promise<string>} */
function firstLine(child, deadline, what) {
  return new Promise((resolve, reject) => {
    let text = "";
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), Math.max(deadline - Date.now(), 1));
    child.stdout?.on("data", (chunk) => {
      text += chunk;
      if (!text.includes("\n")) return;
      clearTimeout(timer);
      resolve(text.trim());
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${what}: it exited (${code})`));
    });
  });
}

/** A free TCP port on 127.0.0.1, for the driver to listen on. @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}
