"""A board as a program: reads the room's server-sent events with a real HTTP client (httpx), for tests and bench."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import httpx

WAIT_S = 10.0  # the longest a test waits for an event before it fails


@dataclass
class Event:
    number: int
    view: dict[str, Any]


class BoardStream:
    """One connected board: ``next()`` is the next event it receives."""

    def __init__(self, response: httpx.Response) -> None:
        self.response = response
        self._lines = response.aiter_lines()

    async def next(self, timeout: float = WAIT_S) -> Event:
        async with asyncio.timeout(timeout):
            number, data = 0, ""
            async for line in self._lines:
                if line.startswith("id:"):
                    number = int(line[3:].strip())
                elif line.startswith("data:"):
                    data = line[5:].strip()
                elif line == "" and data:
                    return Event(number, json.loads(data))
            raise EOFError("the stream ended")

    async def until(self, predicate, timeout: float = WAIT_S) -> Event:
        """The first event whose view satisfies ``predicate``."""
        async with asyncio.timeout(timeout):
            while True:
                event = await self.next(timeout)
                if predicate(event.view):
                    return event


@asynccontextmanager
async def board(client: httpx.AsyncClient, url: str) -> AsyncIterator[BoardStream]:
    async with client.stream("GET", url + "/events", timeout=httpx.Timeout(WAIT_S, read=None)) as response:
        assert response.status_code == 200, response.status_code
        assert response.headers["content-type"].startswith("text/event-stream")
        yield BoardStream(response)
