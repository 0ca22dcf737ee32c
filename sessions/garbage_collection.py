"""When Python collects garbage: never while a session is loaded or exported, nor in the middle of a key.

``collection_paused()`` holds it off while a session is loaded or exported. ``CollectionPolicy`` is the app's: a full
collection walks every object the app holds (some 350,000 after thirty polls of a
200-item session, about 0.2 s on a slow laptop), and Python starts one by itself while memory is
being allocated, which in this app means while a key is being handled: the chair's vote key would
wait. So, when `council` opened the app with collection paused (cli/__init__.py):

- at the first frame, what the start built (Textual's styles, pydantic's validators, the session)
  is frozen: no later collection walks it again;
- young objects are collected by Python as usual (a few milliseconds at most);
- full collections are the app's: they run when no key has come for ``IDLE_S`` seconds, and a
  meeting has many such moments.

An app started otherwise (tests, a library user) keeps Python's own policy.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collection_paused() -> Iterator[None]:
    """Pause the cyclic collector inside the block, and resume it after if it was running.

    Loading or exporting a session makes hundreds of thousands of objects that all stay alive until
    the block ends; the collector would walk them again and again to find nothing to free.
    """
    running = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if running:
            gc.enable()


IDLE_S = 2.0
"""No key for this long, and the app collects what has piled up."""

NO_AUTOMATIC_FULL = 1_000_000
"""Young collections before Python would start a full one by itself: in practice never."""


class CollectionPolicy:
    """Freezes the start, then keeps full collections for the moments nobody is typing."""

    def __init__(self) -> None:
        self.last_key = time.monotonic()
        self._saved: tuple[int, int, int] | None = None

    @property
    def active(self) -> bool:
        return self._saved is not None

    def start(self) -> bool:
        """At the first frame; True when collection was paused for the start and the policy now runs."""
        if gc.isenabled() or self.active:
            return False
        gc.freeze()
        self._saved = gc.get_threshold()
        young, middle, _ = self._saved
        gc.set_threshold(young, middle, NO_AUTOMATIC_FULL)
        gc.enable()
        return True

    def key_pressed(self) -> None:
        self.last_key = time.monotonic()

    def collect_if_idle(self, now: float | None = None) -> bool:
        """Run a full collection if nobody typed for ``IDLE_S`` and something reached the old generation."""
        now = time.monotonic() if now is None else now
        if not self.active or now - self.last_key < IDLE_S or gc.get_count()[2] == 0:
            return False
        gc.collect()
        return True

    def stop(self) -> None:
        """Give Python back its own thresholds (the app is closing)."""
        if self._saved is not None:
            gc.set_threshold(*self._saved)
            self._saved = None
