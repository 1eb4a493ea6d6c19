// browser for Transcrypt: the names Brython programs import beside `websocket` (window, document, alert, prompt,
// confirm, console), each the platform's own object. Shipped by babel-plugin-python-websocket; Transcrypt compiles
// __init__.py beside it, which includes it, to __target__/browser.js. (`from browser import websocket` finds
// browser/websocket.py, a module of its own.)
// With the plugin, a program's imports of these names become the platform's globals and none of this ships
// (`document[id]` then finds the element with that id, as in Brython; without it, it is the platform's `document[id]`).
export var window = globalThis;
export var document = globalThis.document;
export var alert = globalThis.alert;
export var prompt = globalThis.prompt;
export var confirm = globalThis.confirm;
export var console = globalThis.console;
