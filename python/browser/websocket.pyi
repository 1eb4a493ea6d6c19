# Type stubs of browser.websocket, Brython's module, for editors (Pylance, pyright): they read .pyi, the transpilers
# do not. Shipped by babel-plugin-python-websocket. The modules that compile are websocket.js (Transcrypt) and
# websocket.pyj (RapydScript-ng); with the plugin, a program's use of them becomes native WebSocket code.
from typing import Callable, ClassVar, Literal, overload, type_check_only

from typing_extensions import deprecated

supported: bool
"""True exactly when the platform has WebSocket. Where it is False, WebSocket() raises NotImplementedError."""

# The events are the platform's. These classes exist for the editor only: there is nothing to import at run time.
@type_check_only
class Event:
    target: WebSocket
    js_type: str
    """The event's type ("open", "error", "message" or "close"), in Transcrypt."""
    @property
    @deprecated("Transcrypt reads evt.type as evt.py_metatype: write evt.js_type (RapydScript-ng reads evt.type)")
    def type(self) -> str: ...

@type_check_only
class MessageEvent(Event):
    data: str | bytes
    """A text message as str. A binary one as bytes, with the plugin (without it, as the platform gives it)."""
    origin: str

@type_check_only
class CloseEvent(Event):
    code: int
    reason: str
    wasClean: bool

# A handler takes the event, or no argument at all (it then ignores the event).
_Handler = Callable[[Event], object] | Callable[[], object]
_MessageHandler = Callable[[MessageEvent], object] | Callable[[], object]
_CloseHandler = Callable[[CloseEvent], object] | Callable[[], object]

class WebSocket:
    """A native WebSocket, with Brython's bind and unbind and the old API's on_* handlers."""

    CONNECTING: ClassVar[int]
    OPEN: ClassVar[int]
    CLOSING: ClassVar[int]
    CLOSED: ClassVar[int]

    def __init__(self, url: str, protocols: str | list[str] | None = None) -> None:
        """Opens a WebSocket to url (ws://, wss://, http:// or https://). Raises NotImplementedError where the
        platform has no WebSocket."""

    @property
    def readyState(self) -> int: ...
    @property
    def url(self) -> str: ...
    @property
    def protocol(self) -> str: ...
    @property
    def extensions(self) -> str: ...
    @property
    def bufferedAmount(self) -> int: ...
    binaryType: Literal["blob", "arraybuffer"]

    # The old API's handlers: one per event. Assigning again replaces it; None removes it.
    on_open: _Handler | None
    on_error: _Handler | None
    on_message: _MessageHandler | None
    on_close: _CloseHandler | None

    @overload
    def bind(self, evt: Literal["open", "error"], handler: _Handler) -> None: ...
    @overload
    def bind(self, evt: Literal["message"], handler: _MessageHandler) -> None: ...
    @overload
    def bind(self, evt: Literal["close"], handler: _CloseHandler) -> None: ...
    @overload
    def bind(self, evt: str, handler: Callable[..., object]) -> None:
        """Adds handler for the event evt: several handlers per event, called in the order they were bound."""

    def unbind(self, evt: str, handler: Callable[..., object] | None = None) -> None:
        """Removes that handler of evt (each time it was bound), or, without handler, every handler of evt."""

    def send(self, data: str | bytes | bytearray | memoryview) -> None:
        """Sends a str as a text frame, bytes as a binary one. Raises ConnectionError when the socket is not open."""

    def close(self, code: int | None = None, reason: str | None = None) -> None:
        """Closes the socket. code is 1000 or 3000-4999; reason at most 123 UTF-8 bytes, and only with a code."""
