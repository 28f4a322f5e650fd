"""Signal connections the plugin makes to QGIS objects, so unload can undo each one."""


class ConnectionRegistry:
    def __init__(self):
        self._connections = []

    def connect(self, signal, slot) -> None:
        signal.connect(slot)
        self._connections.append((signal, slot))

    def disconnect_all(self) -> None:
        while self._connections:
            signal, slot = self._connections.pop()
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                # The sender is already gone (for example the project closed): nothing to undo.
                pass

    def __len__(self) -> int:
        return len(self._connections)
