# A short chat with an echo server, written against Brython's WebSocket API: each line sent comes back.
# The echo server listens at /echo on the host that served the page.

LINES = ["hello", "how are you?"]
sent = []


def send_next():
    if len(sent) < len(LINES):
        line = LINES[len(sent)]
        sent.append(line)
        print("sent:", line)
        ws.send(line)
    else:
        ws.close(1000, "done")


def on_open():
    send_next()


def on_message(evt):
    print("received:", evt.data)
    send_next()


def on_close(evt):
    print("closed:", evt.code, evt.reason)


if __BRYTHON__.has_websocket:
    ws = websocket("ws://" + location.host + "/echo")
    ws.on_open = on_open
    ws.on_message = on_message
    ws.on_close = on_close
else:
    print("This browser has no WebSocket")
