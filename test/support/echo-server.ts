// A real `ws` echo server on 127.0.0.1: echoes text as text and binary as binary;
// the text "close <code> <reason...>" makes it close the connection with that code and reason.
import type { AddressInfo } from "node:net";
import { createServer } from "node:net";
import { WebSocketServer } from "ws";

export interface EchoServer {
  url: string;
  close(): Promise<void>;
}

export async function startEchoServer(): Promise<EchoServer> {
  const server = new WebSocketServer({
    host: "127.0.0.1",
    port: 0,
    handleProtocols: (protocols) => protocols.values().next().value ?? false,
  });
  await new Promise<void>((resolve) => server.once("listening", resolve));
  server.on("connection", (socket) => {
    socket.on("message", (data, isBinary) => {
      const text = isBinary ? null : data.toString();
      const command = text?.match(/^close (\d+) ?(.*)$/);
      if (command) socket.close(Number(command[1]), command[2]);
      else socket.send(data, { binary: isBinary });
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}

/** A ws:// URL on 127.0.0.1 where nothing listens (a port just freed). */
export async function deadUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `ws://127.0.0.1:${port}/`;
}
