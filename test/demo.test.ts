// The README's first command, `npm run demo`: the seed from Python through RapydScript-ng and the built plugin,
// run as a page against a local echo server (npm test has built dist/ before jest runs).
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

const DEMO = fileURLToPath(new URL("../scripts/demo.mjs", import.meta.url));

test("npm run demo shows the seed sending, getting its echo and closing", async () => {
  const output = await new Promise<string>((resolve, reject) =>
    execFile(process.execPath, ["--experimental-websocket", "--no-warnings", DEMO], { timeout: 60_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stdout}\n${stderr}`)) : resolve(stdout),
    ),
  );
  const alerts = output.split("\n").filter((line) => line.includes("page: alert("));
  expect(alerts.map((line) => line.trim())).toEqual([
    'page: alert("Message is sent")',
    'page: alert("Message received : hello")',
    'page: alert("Connection is closed")',
  ]);
  expect(output).toContain("Done: Python's WebSocket API ran as native WebSocket code.");
});
