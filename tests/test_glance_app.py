"""A session reopened after a normal close: its first frame comes from the glance, and nothing waits or is lost."""

from __future__ import annotations

import asyncio
import html
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.widgets import DataTable

from sessions.glance import read_glance
from sessions.service import SessionService
from sessions.storage import DataFolder
from tests.conftest import PLANNED
from tests.meeting import start_meeting
from tui.app import CouncilApp
from tui.screens.agenda import AgendaScreen
from tui.screens.dialogs import ConfirmScreen
from tui.screens.picker import PickerScreen

SIZE = (110, 32)


def _closed_by_the_app(demo_dir: Path, clock) -> None:
    """A meeting under way (everyone present, second item current), then closed from the app."""
    service = start_meeting(demo_dir, clock)
    service.next_item()
    service.close()

    async def open_and_quit() -> None:
        app = CouncilApp(demo_dir, session_id=PLANNED, clock=clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("ctrl+q")

    asyncio.run(open_and_quit())
    assert read_glance(demo_dir, PLANNED, language="vi") is not None


def _run(
    demo_dir: Path, clock, check: Callable[[CouncilApp, Any, Callable[[], Any]], Any], *, hold: bool = True
) -> Any:
    """Start the app on the planned session; with ``hold``, it stays on its glance until ``open_now()``."""

    async def go() -> Any:
        app = CouncilApp(demo_dir, session_id=PLANNED, clock=clock)
        asked: list[AgendaScreen] = []
        real = app.start_up.open_behind_glance

        async def wait(screen: AgendaScreen) -> None:
            asked.append(screen)

        if hold:
            app.start_up.open_behind_glance = wait  # type: ignore[method-assign]
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()

            async def open_now() -> None:
                assert asked, "the agenda asks for its session once its first frame is up"
                await real(asked[0])
                await pilot.pause()

            try:
                return await check(app, pilot, open_now)
            finally:
                app.close_service()  # the lock, for the next start in this process

    return asyncio.run(go())


def _screen(app: CouncilApp) -> str:
    """The screen as an SVG: every character and colour (the id Rich derives from non-visual data left out)."""
    return re.sub(r"terminal-\d+", "terminal", app.export_screenshot())


def _plain(svg: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")


def test_the_glance_draws_the_same_screen_as_the_open_session(demo_dir: Path, clock) -> None:
    _closed_by_the_app(demo_dir, clock)

    async def from_the_session(app: CouncilApp, pilot, open_now) -> str:
        return _screen(app)

    async def from_the_glance(app: CouncilApp, pilot, open_now) -> tuple[str, bool, bool]:
        glance = _screen(app)
        unopened = app.service is None and app.start_up.held_input == []
        screen = app.screen
        assert isinstance(screen, AgendaScreen)
        shown = screen.shown
        await open_now()
        # The open session shows the same: nothing is drawn again, and keys are handled at once.
        return glance, unopened and app.service is not None and screen.shown is shown, app.start_up.held_input is None

    glance, opened_without_redrawing, keys_flow = _run(demo_dir, clock, from_the_glance)
    (DataFolder(demo_dir).session_dir(PLANNED) / "glance.json").unlink()
    opened = _run(demo_dir, clock, from_the_session, hold=False)
    assert "SK-" in _plain(glance) and "số lượng" in _plain(glance).lower()  # the quorum badge
    assert glance == opened
    assert opened_without_redrawing and keys_flow


def test_keys_pressed_before_the_session_opens_are_handled_after_it_in_order(demo_dir: Path, clock) -> None:
    _closed_by_the_app(demo_dir, clock)

    async def check(app: CouncilApp, pilot, open_now) -> tuple[int, int, int, int]:
        table = app.screen.query_one("#agenda", DataTable)
        before = table.cursor_row
        await pilot.press("down", "down", "enter")  # two rows down, and make that item current
        waited = table.cursor_row
        await open_now()
        assert app.service is not None
        return before, waited, table.cursor_row, app.service.record.session.current_index

    before, waited, after, current = _run(demo_dir, clock, check)
    assert before == waited == 1  # nothing moved while the session was opening
    assert after == current == 3  # then every key did its work, in order
    reopened = SessionService(DataFolder(demo_dir), PLANNED, clock=clock, read_only=True)
    assert reopened.record.session.current_index == 3  # and the change is in the journal


def test_a_session_changed_after_its_glance_opens_as_usual(demo_dir: Path, clock) -> None:
    _closed_by_the_app(demo_dir, clock)
    service = SessionService(DataFolder(demo_dir), PLANNED, clock=clock)
    service.next_item()
    service.release()  # as a crash leaves it: the change in the journal, no closing

    async def check(app: CouncilApp, pilot, open_now) -> tuple[bool, int]:
        return app.start_up.held_input is None and app.service is not None, app.screen.query_one(DataTable).cursor_row

    opened_at_once, cursor = _run(demo_dir, clock, check)
    assert opened_at_once and cursor == 2


def test_a_session_locked_meanwhile_goes_back_to_the_list_and_asks_unanswered(demo_dir: Path, clock) -> None:
    _closed_by_the_app(demo_dir, clock)

    async def check(app: CouncilApp, pilot, open_now) -> list[type]:
        other = SessionService(DataFolder(demo_dir), PLANNED, clock=clock)  # another program takes the session
        try:
            await pilot.press("enter")  # meant for the agenda: it must not answer the question that replaces it
            await open_now()
            return [type(s) for s in app.screen_stack[1:]]
        finally:
            other.release()

    assert _run(demo_dir, clock, check) == [PickerScreen, ConfirmScreen]


def test_leaving_an_agenda_opened_from_its_glance_shows_the_list(demo_dir: Path, clock) -> None:
    _closed_by_the_app(demo_dir, clock)

    async def check(app: CouncilApp, pilot, open_now) -> tuple[bool, bool]:
        await open_now()
        await pilot.press("escape")
        await pilot.pause()
        return isinstance(app.screen, PickerScreen), app.service is None

    assert _run(demo_dir, clock, check) == (True, True)


def test_behind_a_glance_collection_resumes_once_the_session_is_open(demo_dir: Path, clock) -> None:
    """The start's objects (the session's included) are frozen once it is open, not at the glance's first frame."""
    import gc

    _closed_by_the_app(demo_dir, clock)

    async def check(app: CouncilApp, pilot, open_now) -> tuple[bool, bool]:
        waiting = gc.isenabled()
        await open_now()
        return waiting, gc.isenabled() and gc.get_freeze_count() > 10_000

    gc.disable()  # as cli.main does before opening the app
    try:
        waiting, resumed = _run(demo_dir, clock, check)
    finally:
        gc.unfreeze()
        gc.enable()
    assert not waiting  # the first frame is up, but the session is still to be loaded
    assert resumed
