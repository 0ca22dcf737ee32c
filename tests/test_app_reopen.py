"""Starting the app after a crash goes back to the session left running and its open poll (Pilot).

The end-to-end suite (tests/e2e) does the same with a real SIGKILL in tmux; this runs everywhere.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from models.poll import Choice, PollMode
from models.session import Presence
from sessions.service import SessionService
from sessions.storage import DataFolder
from tests.conftest import BOOTH_SECRET, PLANNED
from tests.meeting import crash
from tui.app import CouncilApp
from tui.screens.agenda import AgendaScreen
from tui.screens.ballot_overview import BallotOverviewScreen
from tui.screens.dialogs import ConfirmScreen
from tui.screens.picker import PickerScreen


def ballot_in_progress(data: Path, clock) -> SessionService:
    """The planned session running, a secret ballot open, two members have voted."""
    service = SessionService(DataFolder(data), PLANNED, clock=clock)
    for member in service.record.voting_members:
        service.set_attendance(member.id, Presence.PRESENT)
    service.open_session()
    service.open_poll(PollMode.SECRET)
    service.booth.open(BOOTH_SECRET)
    service.booth.cast("m1", Choice.YES)
    service.booth.cast("m2", Choice.NO)
    return service


async def first_screen(data: Path, clock) -> tuple[type, list[str], str]:
    app = CouncilApp(data, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        poll = app.service.record.open_poll() if app.service else None
        voted = app.service.voted_members(poll) if app.service and poll else []
        question = getattr(screen, "question", "")
        await pilot.press("ctrl+q")
    return type(screen), voted, question


def test_after_a_crash_the_app_reopens_the_running_poll(demo_dir: Path, clock) -> None:
    crash(ballot_in_progress(demo_dir, clock))
    screen, voted, _ = asyncio.run(first_screen(demo_dir, clock))
    assert screen is BallotOverviewScreen
    assert voted == ["m1", "m2"]


def test_a_session_left_properly_is_not_reopened(demo_dir: Path, clock) -> None:
    ballot_in_progress(demo_dir, clock).close()
    screen, _, _ = asyncio.run(first_screen(demo_dir, clock))
    assert screen is PickerScreen


def test_a_session_run_elsewhere_is_offered_read_only(demo_dir: Path, clock) -> None:
    running = ballot_in_progress(demo_dir, clock)
    try:
        screen, _, question = asyncio.run(first_screen(demo_dir, clock))
    finally:
        running.close()
    assert screen is ConfirmScreen
    assert "đang được điều hành bởi một chương trình council khác" in question


def test_a_running_session_without_a_poll_opens_on_the_agenda(demo_dir: Path, clock) -> None:
    service = SessionService(DataFolder(demo_dir), PLANNED, clock=clock)
    service.set_attendance("m1", Presence.PRESENT)
    crash(service)
    screen, _, _ = asyncio.run(first_screen(demo_dir, clock))
    assert screen is AgendaScreen
