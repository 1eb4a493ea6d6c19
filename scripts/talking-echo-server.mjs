// The demos' echo server: a real ws server on 127.0.0.1 that echoes text and says what it hears.
import { WebSocketServer } from "ws";

/** Starts it; `onClosed(code)` is called when a page closes its connection. */
export async function startTalkingEchoServer(say, onClosed = () => {}) {
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise((resolve) => server.once("listening", resolve));
  server.on("connection", (socket) => {
    say("   server: a page connected");
    socket.on("message", (data) => {
      say(`   server: received ${JSON.stringify(data.toString())}, echoing it`);
      socket.send(data.toString());
    });
    socket.on("close", (code) => onClosed(code));
  });
  return { server, url: `ws://127.0.0.1:${server.address().port}/` };
}
