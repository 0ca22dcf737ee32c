"""The board's feed: the latest view of the session, and every connected board waiting for the next one.

The service tells the feed after each durable change (sessions/listeners.py); the feed only schedules a
refresh on the loop, so the chair's key never waits for a board. The refresh builds the view once for all
boards and, when it differs from the last, numbers it and hands it to each board's queue.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sessions.board import board_of

if TYPE_CHECKING:
    from sessions.service import SessionService

QUEUE_LIMIT = 64  # a board this far behind is given only the newest view


@dataclass(frozen=True)
class Update:
    """One numbered view of the session, as the JSON sent to boards."""

    number: int
    data: str


CLOSED = Update(-1, "")  # handed to every board when the room closes: its stream ends


class BoardFeed:
    """Follows one session service; boards ``listen`` for numbered updates."""

    def __init__(self, service: SessionService, view: Callable[[SessionService], dict[str, Any]] = board_of) -> None:
        self.service = service
        self._view = view
        self._queues: set[asyncio.Queue[Update]] = set()
        self._pending = False
        self._loop: asyncio.AbstractEventLoop | None = None
        self.latest = Update(1, self._build())
        self._unsubscribe = service.subscribe(self._changed)
        self.closed = False

    def _build(self) -> str:
        return json.dumps(self._view(self.service), ensure_ascii=False, sort_keys=True)

    def start(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop

    def _changed(self) -> None:
        # Called inside the service's change, on the loop's thread: only note it, build the view once it is done.
        if self._pending or self._loop is None or self.closed:
            return
        self._pending = True
        self._loop.call_soon_threadsafe(self.refresh)  # (a change made off the loop wakes it too)

    def refresh(self) -> None:
        """Build the view now; if it changed, send it to every board."""
        self._pending = False
        if self.closed:
            return
        data = self._build()
        if data == self.latest.data:
            return
        self.latest = Update(self.latest.number + 1, data)
        for queue in self._queues:
            _put(queue, self.latest)

    @property
    def listeners(self) -> int:
        return len(self._queues)

    def delivered(self) -> bool:
        """Whether every board's stream has taken the newest view (the bench paces its changes on it)."""
        return all(queue.empty() for queue in self._queues)

    def listen(self) -> asyncio.Queue[Update]:
        """A queue that receives the current view at once, then every later one."""
        queue: asyncio.Queue[Update] = asyncio.Queue()
        queue.put_nowait(CLOSED if self.closed else self.latest)
        self._queues.add(queue)
        return queue

    def leave(self, queue: asyncio.Queue[Update]) -> None:
        self._queues.discard(queue)

    def close(self) -> None:
        """Stop following the service and end every board's stream."""
        if self.closed:
            return
        self.closed = True
        self._unsubscribe()
        for queue in self._queues:
            _put(queue, CLOSED)


def _put(queue: asyncio.Queue[Update], update: Update) -> None:
    if queue.qsize() >= QUEUE_LIMIT:
        # A board that stopped reading gets only what it must: the newest view (or the end).
        with contextlib.suppress(asyncio.QueueEmpty):
            while True:
                queue.get_nowait()
    queue.put_nowait(update)
