// src/seed/program.py, the seed example of Brython's WebSocket docs, in a page without WebSocket.
test("the Python program sees that the platform has no WebSocket", async () => {
  delete globalThis.WebSocket;
  const alerts = [];
  globalThis.alert = (text) => alerts.push(text);
  const { _test } = await import("../src/seed/program.js");
  _test();
  expect(alerts).toEqual(["WebSocket is not supported by your browser"]);
});
