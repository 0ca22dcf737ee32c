"""The clock a session reads; a module of its own so that the app can name it without loading the session code."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

Clock = Callable[[], dt.datetime]


def local_now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)
