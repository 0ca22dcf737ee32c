"""Vote latency inside a headless run of the real app.

Each vote key is a real ``events.Key`` sent to the app the way a terminal driver sends it. The
latency of a vote runs from the key event's own timestamp (taken when the key is created, just
before it is sent) to ``CouncilApp.vote_hook``, which the vote screen calls once the vote is on
disk (journal fsynced) and the screen's widgets show it. The time to the next frame the
compositor renders is recorded beside it. Pilot is used only between votes (to open and close
polls), never to time anything.
"""

from __future__ import annotations

import asyncio
import gc
import random
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual import events

from tui.app import CouncilApp
from tui.screens.agenda import AgendaScreen
from tui.screens.vote import VoteScreen


async def _run(
    data: Path, session_id: str, votes: int, seed: int, before: Callable[[CouncilApp], Awaitable[None]] | None = None
) -> dict[str, object]:
    rng = random.Random(seed)
    # As `council` opens the app (cli/__init__.py): collection paused for the start, after which the app
    # runs its own collection policy (sessions/garbage_collection.py). Without this the app keeps Python's policy.
    gc.disable()
    app = CouncilApp(data, session_id=session_id)
    handled: list[float] = []
    painted: list[float] = []
    state: dict[str, object] = {"key": None, "paint": False}
    done = asyncio.Event()

    def hook() -> None:
        key = state["key"]
        assert isinstance(key, events.Key), "a vote without a timed key"
        handled.append(time.monotonic() - key.time)
        state["paint"] = True
        done.set()

    display = app._display

    def timed_display(screen, renderable) -> None:
        display(screen, renderable)
        if state["paint"] and renderable is not None:
            state["paint"] = False
            painted.append(time.monotonic() - state["key"].time)  # type: ignore[union-attr]

    app.vote_hook = hook
    app._display = timed_display  # type: ignore[method-assign]
    polls = 0
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        if not isinstance(app.screen, AgendaScreen):
            raise RuntimeError(f"expected the agenda, got {type(app.screen).__name__}")
        if before is not None:
            await before(app)  # (bench/room.py: the room opened and its boards connected, before any vote)
        while len(handled) < votes:
            await pilot.press("v", "enter")  # the open vote is the first mode offered
            screen = app.screen
            if not isinstance(screen, VoteScreen):
                raise RuntimeError(f"expected the vote screen, got {type(screen).__name__}")
            polls += 1
            for _ in screen.poll.voters:
                key = rng.choice("yna")
                event = events.Key(key, key)  # its .time is taken here: the key reaches the app
                event.set_sender(app)
                state["key"] = event
                done.clear()
                app._driver.send_message(event)  # as the terminal driver does
                await asyncio.wait_for(done.wait(), timeout=10)
                await pilot.pause()  # let the frame be drawn before the next key (not timed)
                state["key"] = None
            await pilot.press("c")  # every voter voted: the poll closes (checkpoint)
            await pilot.press("escape", "n")  # back to the agenda, next item
        await app.action_quit()
    return {"handled_s": handled, "painted_s": painted, "polls": polls}


def measure_votes(
    data: Path,
    session_id: str,
    votes: int = 500,
    seed: int = 7,
    before: Callable[[CouncilApp], Awaitable[None]] | None = None,
) -> dict[str, object]:
    """Cast at least ``votes`` votes (whole polls) and return the per-vote latencies in seconds."""
    return asyncio.run(_run(data, session_id, votes, seed, before))
