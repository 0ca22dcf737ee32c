"""One current item on the agenda: the cursor, the ▶, the bar's "Mục k/N" and v are the same row (issue 15, item 10)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import DataTable

from models.poll import PollMode
from models.session import Presence
from sessions.service import SessionService
from sessions.storage import DataFolder
from tests.conftest import PLANNED
from tui.app import CouncilApp
from tui.screens.agenda import AgendaScreen
from tui.screens.mode_picker import ModePickerScreen
from tui.widgets.session_bar import SessionBar


def _started(data: Path, clock, poll: bool = False) -> None:
    service = SessionService(DataFolder(data), PLANNED, clock=clock)
    for member in service.record.members:
        service.set_attendance(member.id, Presence.PRESENT)
    service.open_session()
    if poll:
        service.open_poll(PollMode.OPEN)
    service.close()


def _marked_rows(app: CouncilApp) -> list[int]:
    table = app.screen.query_one("#agenda", DataTable)
    return [row for row in range(table.row_count) if str(table.get_cell_at((row, 0))).startswith("▶")]


def _bar(app: CouncilApp) -> str:
    return str(app.screen.query_one(SessionBar).render())


def test_the_cursor_is_the_current_item(demo_dir: Path, clock) -> None:
    _started(demo_dir, clock)

    async def run() -> tuple[str, list[int], str, int]:
        app = CouncilApp(demo_dir, session_id=PLANNED, clock=clock)
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.press("down", "down")
            await pilot.pause()
            assert isinstance(app.screen, AgendaScreen)
            bar, marked = _bar(app), _marked_rows(app)
            await pilot.press("v")
            await pilot.pause()
            assert isinstance(app.screen, ModePickerScreen)
            code = app.screen.code
            current = app.service.record.session.current_index
            return bar, marked, code, current

    bar, marked, code, current = asyncio.run(run())
    record = DataFolder(demo_dir).load_record(PLANNED)[0]
    third = record.agenda_items()[2].code
    assert f"Mục 3/{len(record.session.agenda)}: {third}" in bar
    assert marked == [2] and code == third and current == 2
    assert record.session.current_index == 2  # recorded: the session reopens on it


def test_an_open_poll_keeps_the_cursor_on_its_item(demo_dir: Path, clock) -> None:
    _started(demo_dir, clock, poll=True)

    async def run() -> tuple[str, list[int], int]:
        app = CouncilApp(demo_dir, session_id=PLANNED, clock=clock)
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            await pilot.press("down")
            await pilot.pause()
            table = app.screen.query_one("#agenda", DataTable)
            return _bar(app), _marked_rows(app), table.cursor_row

    bar, marked, cursor = asyncio.run(run())
    assert "Mục 1/" in bar and marked == [0] and cursor == 0


def test_read_only_the_bar_follows_the_cursor(demo_dir: Path, clock) -> None:
    _started(demo_dir, clock)

    async def run() -> tuple[str, list[int]]:
        app = CouncilApp(demo_dir, clock=clock)
        async with app.run_test(size=(120, 30)) as pilot:
            app.open_session(PLANNED, read_only=True)
            await pilot.pause()
            assert isinstance(app.screen, AgendaScreen)
            await pilot.press("down")
            await pilot.pause()
            return _bar(app), _marked_rows(app)

    bar, marked = asyncio.run(run())
    assert "Mục 2/" in bar and marked == [1]
