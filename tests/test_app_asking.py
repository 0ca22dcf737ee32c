"""What the app asks, and when (Pilot): a refusal comes before any question, forms keep what was typed."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import DataTable

from models.i18n import t
from models.session import Presence
from sessions.service import SessionService
from sessions.storage import DataFolder
from tests.conftest import PLANNED
from tui.app import CouncilApp
from tui.screens.agenda import AgendaScreen
from tui.screens.attendance import AttendanceScreen


def notices(app: CouncilApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


def test_without_quorum_v_refuses_before_asking_how_to_decide(demo_dir: Path, clock) -> None:
    service = SessionService(DataFolder(demo_dir), PLANNED, clock=clock)
    service.set_attendance("m1", Presence.PRESENT)
    service.open_session()
    service.close()

    async def run() -> tuple[type, list[str]]:
        app = CouncilApp(demo_dir, clock=clock)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("enter")
            assert isinstance(app.screen, AgendaScreen)
            await pilot.press("v")
            await pilot.pause()
            screen = type(app.screen)
            said = notices(app)
            await pilot.press("ctrl+q")
        return screen, said

    screen, said = asyncio.run(run())
    assert screen is AgendaScreen  # not the list of voting methods
    assert t("error.no_quorum", present=1, needed=5) in said


def test_read_only_absent_refuses_before_asking_for_a_reason(demo_dir: Path, clock) -> None:
    async def run() -> tuple[type, list[str]]:
        app = CouncilApp(demo_dir, clock=clock)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("r")  # the planned session, read-only
            assert isinstance(app.screen, AgendaScreen)
            await pilot.press("t")
            assert isinstance(app.screen, AttendanceScreen)
            await pilot.press("a")
            await pilot.pause()
            screen = type(app.screen)
            said = notices(app)
            await pilot.press("ctrl+q")
        return screen, said

    screen, said = asyncio.run(run())
    assert screen is AttendanceScreen  # no question about a reason
    assert t("error.read_only") in said


def test_read_only_recusal_refuses_before_asking_whom(demo_dir: Path, clock) -> None:
    async def run() -> tuple[type, list[str]]:
        app = CouncilApp(demo_dir, clock=clock)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("r")
            assert isinstance(app.screen, AgendaScreen)
            assert app.screen.query_one("#agenda", DataTable).row_count
            await pilot.press("r")
            await pilot.pause()
            screen = type(app.screen)
            said = notices(app)
            await pilot.press("ctrl+q")
        return screen, said

    screen, said = asyncio.run(run())
    assert screen is AgendaScreen
    assert t("error.read_only") in said
