// Figure 4's Python program, in the shape Transcrypt 3.9.5 gives it (written by hand here: Transcrypt is not installed;
// compare fixtures/e2e/seed/program.js). message-path.mjs runs it through the plugin at bench time. The Python:
//
//   ws = None
//   count = 0
//   in_flight = 0
//   sent = 0
//   received = 0
//   started = 0
//
//   def run(url, total, window):
//       global ws, count, in_flight
//       count = total
//       in_flight = window
//       ws = websocket(url)
//       ws.on_open = on_open
//       ws.on_message = on_message
//
//   def on_open(evt):
//       global started, sent
//       started = performance.now()
//       while sent < in_flight:
//           ws.send(String(sent))
//           sent += 1
//
//   def on_message(evt):
//       global received, sent
//       if evt.data != String(received):
//           raise Exception("echo " + String(received) + " came back as " + evt.data)
//       received += 1
//       if sent < count:
//           ws.send(String(sent))
//           sent += 1
//       elif received == count:
//           finished(received, performance.now() - started)
//           ws.close()
//
// (Transcrypt imports its whole runtime; the names the plugin hands to its runtime are enough here.)
import {Exception, NotImplementedError, ValueError, py_TypeError} from './org.transcrypt.__runtime__.js';
var __name__ = '__main__';
export var ws = null;
export var count = 0;
export var in_flight = 0;
export var sent = 0;
export var received = 0;
export var started = 0;
export var run = function (url, total, window) {
	count = total;
	in_flight = window;
	ws = websocket (url);
	ws.on_open = on_open;
	ws.on_message = on_message;
};
export var on_open = function (evt) {
	started = performance.now ();
	while (sent < in_flight) {
		ws.send (String (sent));
		sent++;
	}
};
export var on_message = function (evt) {
	if (evt.data != String (received)) {
		var __except0__ = Exception ((('echo ' + String (received)) + ' came back as ') + evt.data);
		__except0__.__cause__ = null;
		throw __except0__;
	}
	received++;
	if (sent < count) {
		ws.send (String (sent));
		sent++;
	}
	else if (received == count) {
		finished (received, performance.now () - started);
		ws.close ();
	}
};
