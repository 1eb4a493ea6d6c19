// src/kwargs/program.py talks to an echo server (its address in ECHO_URL) and prints what it sees.
import { readFileSync } from "node:fs";

const expected = readFileSync(new URL("../src/kwargs/expected.txt", import.meta.url), "utf8").trim().split("\n");

test("the Python program talks to the echo server as it says", async () => {
  const printed = [];
  const log = console.log;
  const done = new Promise((resolve) => {
    console.log = (...values) => {
      printed.push(values.join(" "));
      if (printed.length === expected.length) resolve();
    };
  });
  try {
    globalThis.ECHO_URL = process.env.ECHO_URL;
    await import("../src/kwargs/program.js"); // runs main()
    await done;
  } finally {
    console.log = log;
  }
  expect(printed).toEqual(expected);
});
