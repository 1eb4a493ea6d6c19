// The last step of `npm test`: serves the page (the folder given, e.g. dist) and the echo server on 127.0.0.1,
// opens the page in headless Chromium, prints what the program prints (the page's console), then exits 0 if
// that is expected-conversation.txt, else 1. CHROMIUM_PATH names the browser (default /usr/bin/chromium).
import { readFileSync } from "node:fs";
import { setTimeout } from "node:timers/promises";
import { chromium } from "playwright-core";
import { startServer } from "./echo-server.js";

const expected = readFileSync(new URL("expected-conversation.txt", import.meta.url), "utf8").trim().split("\n");
const printed = [];
const problems = [];
const server = await startServer(process.argv[2] ?? ".");
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
try {
  const page = await browser.newPage();
  const over = new Promise((resolve) => {
    page.on("console", (message) => {
      if (message.type() === "log") {
        console.log(message.text());
        printed.push(message.text());
      } else {
        problems.push(`console.${message.type()}: ${message.text()}`);
      }
      if (printed.length === expected.length || problems.length > 0) resolve();
    });
    page.on("pageerror", (error) => {
      problems.push(`page error: ${error.message}`);
      resolve();
    });
  });
  await page.goto(`http://${server.host}/`);
  await Promise.race([over, setTimeout(10_000, null, { ref: false })]);
} finally {
  await browser.close();
  await server.close();
}

const talked = printed.join("\n") === expected.join("\n");
if (!talked) console.error(`\nThe conversation was not the expected one:\n${expected.join("\n")}`);
if (problems.length > 0) console.error(`\nThe page had problems:\n${problems.join("\n")}`);
process.exitCode = talked && problems.length === 0 ? 0 : 1;
