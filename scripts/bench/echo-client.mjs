// One round of figure 4, in a fresh process: `node --experimental-websocket echo-client.mjs <program.js> <url>
// <count> <window>` runs the program against the echo server and prints what it measured as JSON.
import { pathToFileURL } from "node:url";

const [program, url, count, window] = process.argv.slice(2);
// The program calls this (a global, like the seed's `alert`) when the last echo is in.
globalThis.finished = (received, ms) => console.log(JSON.stringify({ received, ms }));
const { run } = await import(pathToFileURL(program).href);
run(url, Number(count), Number(window));
