// browser.websocket for Transcrypt: Brython's module (supported, WebSocket) on the platform's WebSocket.
// Shipped by babel-plugin-python-websocket. Transcrypt compiles websocket.py beside it, which includes this file: its
// output imports Transcrypt's runtime names (NotImplementedError among them), then this code.
// With the plugin, a program's import of this module becomes native code and none of this ships.
// Without it, this plain version runs: no Python-side checks, binary messages arrive as the platform gives them.

var Native = globalThis.WebSocket;

export var supported = typeof Native == 'function';

// The arguments as Python binds them to names: positional ones, then Transcrypt's keyword object if last.
function bindArguments (names, args) {
	var values = [].slice.call (args);
	var last = values [values.length - 1];
	if (last && typeof last == 'object' && Object.prototype.hasOwnProperty.call (last, '__kwargtrans__')) {
		values.pop ();
		for (var index = 0; index < names.length; index++) {
			if (Object.prototype.hasOwnProperty.call (last, names [index])) {
				values [index] = last [names [index]];
			}
		}
	}
	return values;
}

export function WebSocket (url, protocols) {
	var args = bindArguments (['url', 'protocols'], arguments);
	url = args [0];
	protocols = args [1];
	if (!supported) {
		throw NotImplementedError ('WebSocket is not supported');
	}
	var socket = protocols == null ? new Native (url) : new Native (url, protocols);
	var bindings = [];	// [evt, handler, listener] in bind order
	// bind(evt, handler): handler(event) on each event evt; several handlers per event, in bind order.
	socket.bind = function (evt, handler) {
		var args = bindArguments (['evt', 'handler'], arguments);
		evt = args [0];
		handler = args [1];
		var listener = function (event) {
			handler (event);
		};
		bindings.push ([evt, handler, listener]);
		socket.addEventListener (evt, listener);
		return null;
	};
	// unbind(evt, handler): removes that handler (each time it was bound); unbind(evt): every handler of evt.
	socket.unbind = function (evt, handler) {
		var args = bindArguments (['evt', 'handler'], arguments);
		evt = args [0];
		handler = args [1];
		bindings = bindings.filter (function (binding) {
			var match = binding [0] == evt && (handler == null || binding [1] === handler);
			if (match) {
				socket.removeEventListener (binding [0], binding [2]);
			}
			return !match;
		});
		return null;
	};
	return socket;
}
