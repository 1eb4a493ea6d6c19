// The last step of `npm test`: runs the built program (the file given) in Node, whose WHATWG WebSocket client
// (node --experimental-websocket) stands in for the browser's, against the local echo server. It prints what the
// program prints, then exits 0 if that is expected-conversation.txt, else 1.
import { readFileSync } from "node:fs";
import { setTimeout } from "node:timers/promises";
import { pathToFileURL } from "node:url";
import { startServer } from "./echo-server.js";

const expected = readFileSync(new URL("expected-conversation.txt", import.meta.url), "utf8").trim().split("\n");
const printed = [];
const server = await startServer();
// The program connects to the host that served its page: here there is no page, so that host is the server's.
globalThis.location = { host: server.host };

const over = new Promise((resolve) => {
  const log = console.log;
  console.log = (...values) => {
    log(...values);
    printed.push(values.join(" "));
    if (printed.length === expected.length) resolve();
  };
});
try {
  await import(pathToFileURL(process.argv[2]));
  await Promise.race([over, setTimeout(10_000, null, { ref: false })]);
} finally {
  await server.close();
}

const talked = printed.join("\n") === expected.join("\n");
if (!talked) console.error(`\nThe conversation was not the expected one:\n${expected.join("\n")}`);
process.exitCode = talked ? 0 : 1;
