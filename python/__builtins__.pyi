# The builtins of Brython's first WebSocket API (its 2012 docs), for editors: pyright and Pylance add the names of a
# __builtins__.pyi on their import path to every file's builtins. Shipped by babel-plugin-python-websocket, which
# gives these names their meaning in the transpiled program; no transpiler reads .pyi files.
from typing import overload

from browser.websocket import WebSocket as _WebSocket

@overload
def websocket(host: str, protocols: str | list[str] | None = None) -> _WebSocket:
    """Opens a WebSocket to host. Raises NotImplementedError where the platform has no WebSocket."""

@overload
def websocket(*, url: str, protocols: str | list[str] | None = None) -> _WebSocket: ...

class _Brython:
    has_websocket: bool
    """True exactly when the platform has WebSocket."""

__BRYTHON__: _Brython
