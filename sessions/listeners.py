"""Who wants to know that a session changed: the room's board (room/), told after each durable change.

A listener is called on the thread that made the change, right after the change is on disk and applied,
with no arguments: it reads what it needs from the service itself. It must be quick (the chair's key waits
for it) and should not raise; an error in one is swallowed, so that a board never
undoes or delays a vote.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

Listener = Callable[[], None]


class ChangeListeners:
    """A part of the session service: ``subscribe`` a listener, get back the function that unsubscribes it."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        listeners = self._listeners
        listeners.append(listener)

        def unsubscribe() -> None:
            with contextlib.suppress(ValueError):
                listeners.remove(listener)

        return unsubscribe

    def tell(self) -> None:
        """Tell every listener that the session changed (called once the change is durable)."""
        for listener in list(self._listeners):
            with contextlib.suppress(Exception):  # a board's trouble never reaches the chair's key
                listener()
