"""Pausing Python's garbage collector while a session is loaded or exported."""

from __future__ import annotations

import gc
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
