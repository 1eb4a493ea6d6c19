// src/chat.py where the platform has no WebSocket: `__BRYTHON__.has_websocket` is False.
test("the program says that there is no WebSocket", async () => {
  delete globalThis.WebSocket;
  const printed = [];
  console.log = (...values) => printed.push(values.join(" "));
  await import("../src/__target__/chat.js");
  expect(printed).toEqual(["This browser has no WebSocket"]);
});
