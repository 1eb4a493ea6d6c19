// Figure 4's program written by hand for the platform: the same logic as fixtures/bench/echo/program.py, with native
// addEventListener and send.
let ws = null;
let count = 0;
let inFlight = 0;
let sent = 0;
let received = 0;
let started = 0;

export function run(url, total, window) {
  count = total;
  inFlight = window;
  ws = new WebSocket(url);
  ws.addEventListener("open", onOpen);
  ws.addEventListener("message", onMessage);
}

function onOpen() {
  started = performance.now();
  while (sent < inFlight) {
    ws.send(String(sent));
    sent++;
  }
}

function onMessage(event) {
  if (event.data != String(received)) {
    throw new Error("echo " + String(received) + " came back as " + event.data);
  }
  received++;
  if (sent < count) {
    ws.send(String(sent));
    sent++;
  } else if (received == count) {
    finished(received, performance.now() - started);
    ws.close();
  }
}
