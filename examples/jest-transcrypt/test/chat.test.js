// src/chat.py, compiled by Transcrypt into src/__target__/chat.js, talks to the local echo server.
import { setTimeout } from "node:timers/promises";
import { startServer } from "../echo-server.js";

const conversation = ["sent: hello", "received: hello", "sent: how are you?", "received: how are you?", "closed: 1000 done"];

test("the program talks with the echo server", async () => {
  const server = await startServer();
  globalThis.location = { host: server.host }; // the page's host, where the program finds the server
  const printed = [];
  const log = console.log;
  const over = new Promise((resolve) => {
    console.log = (...values) => {
      printed.push(values.join(" "));
      if (printed.length === conversation.length) resolve();
    };
  });
  try {
    await import("../src/__target__/chat.js");
    await Promise.race([over, setTimeout(10_000, null, { ref: false })]);
  } finally {
    await server.close();
    console.log = log;
  }
  console.log(printed.join("\n"));
  expect(printed).toEqual(conversation);
}, 15_000);
