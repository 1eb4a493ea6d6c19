# A chat page written as Brython programs are: it imports document, window and alert beside websocket, and finds its
# elements with document[id]. Each line typed in the box is sent to an echo server, which sends it back.
# Here the page types and clicks by itself, two lines, then closes. The echo server listens at /echo on the host that
# served the page.
from browser import websocket, window, document, alert

LINES = ["hello", "how are you?"]

log = document["log"]
box = document["msg"]
button = document["send"]
sent = []

# Brython's document[id] raises KeyError where no element has that id: this page has no status line yet.
try:
    status = document["status"]
except KeyError:
    status = document.createElement("p")
    status.id = "status"
    document.body.appendChild(status)


def show(line):
    # Brython writes `log <= html.LI(line)`; the platform's way is createElement and appendChild.
    item = document.createElement("li")
    item.textContent = line
    log.appendChild(item)
    print(line)


def send(evt):
    line = box.value
    sent.append(line)
    show("sent: " + line)
    ws.send(line)
    box.value = ""


def type_next():
    # What a user would do: type the next line and click Send. After the last one, close.
    if len(sent) < len(LINES):
        box.value = LINES[len(sent)]
        button.click()
    else:
        ws.close(1000, "done")


def on_open(evt):
    button.disabled = False
    status.textContent = "connected"
    type_next()


def on_message(evt):
    show("received: " + evt.data)
    type_next()


def on_close(evt):
    button.disabled = True
    status.textContent = "closed"
    show("closed: " + str(evt.code) + " " + evt.reason)


if websocket.supported:
    ws = websocket.WebSocket("ws://" + window.location.host + "/echo")
    ws.bind("open", on_open)
    ws.bind("message", on_message)
    ws.bind("close", on_close)
    button.addEventListener("click", send)
else:
    alert("This browser has no WebSocket")
