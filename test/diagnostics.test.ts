// Misspelt handlers on sockets: reported with a code frame and a suggestion, as the unknownHandlers option says.
import { jest } from "@jest/globals";
import { BABEL_CORES } from "./support/babel-cores.js";
import { plain, transform } from "./support/transform.js";

const MISSPELT = `function connect(url, show) {
  var ws = websocket(url);
  ws.on_mesage = show;
  ws.onclose = show;
  self.ws = websocket(url);
  self.ws.on_opne = show;
}
function elsewhere(ws, show) {
  ws.on_mesage = show;
}
`;

describe.each(BABEL_CORES)("%s", (_label, core) => {
  let warn: jest.SpiedFunction<typeof console.warn>;
  beforeEach(() => {
    warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  test('"warn" (the default) reports each misspelt handler on a provable socket, and builds', () => {
    const output = transform(core, MISSPELT);
    const messages = warn.mock.calls.map(([message]) => plain(String(message)));
    expect(messages).toHaveLength(3);
    expect(messages[0]).toContain("`on_mesage` is not a WebSocket handler: did you mean on_message?");
    expect(messages[0]).toMatch(/> +3 \| +ws\.on_mesage = show;/);
    expect(messages[1]).toContain("`onclose` is not a WebSocket handler: did you mean on_close?");
    expect(messages[2]).toContain("`on_opne` is not a WebSocket handler: did you mean on_open?");
    // The attribute stays a plain assignment: the build's output is otherwise unaffected.
    expect(output).toContain("ws.on_mesage = show;");
  });

  test('"off" says nothing', () => {
    transform(core, MISSPELT, { pluginOptions: { unknownHandlers: "off" } });
    expect(warn).not.toHaveBeenCalled();
  });

  test("an object not known to be a socket may have such attributes", () => {
    transform(core, "ws = websocket('wss://x');\nfunction f(door) { door.on_knock = 1; }\n");
    expect(warn).not.toHaveBeenCalled();
  });
});
