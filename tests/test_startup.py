"""Start-up: collection paused while `council` opens the app, and back once the first frame is up."""

from __future__ import annotations

import asyncio
import gc
from pathlib import Path

import pytest

from cli import main
from sessions.garbage_collection import IDLE_S, NO_AUTOMATIC_FULL, CollectionPolicy
from tests.conftest import PLANNED
from tui.app import CouncilApp


def test_the_app_collects_again_once_its_first_frame_is_up(demo_dir: Path, clock) -> None:
    async def start() -> tuple[bool, int, int]:
        gc.disable()  # as cli.main does before opening the app
        app = CouncilApp(demo_dir, session_id=PLANNED, clock=clock)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            return gc.isenabled(), gc.get_freeze_count(), gc.get_threshold()[2]

    before = gc.get_threshold()
    try:
        enabled, frozen, full_after = asyncio.run(start())
    finally:
        gc.unfreeze()
        gc.enable()
    assert enabled
    assert frozen > 10_000  # Textual's styles, the validators and the session: out of later collections
    assert full_after == NO_AUTOMATIC_FULL  # Python starts no full collection by itself during the meeting
    assert gc.get_threshold() == before  # and gets its own policy back when the app closes


def test_full_collections_wait_until_nobody_is_typing() -> None:
    policy = CollectionPolicy()
    gc.disable()
    before = gc.get_threshold()
    try:
        assert policy.start()
        full = gc.get_stats()[2]["collections"]
        gc.collect(1)  # something reached the old generation
        policy.key_pressed()
        assert not policy.collect_if_idle(now=policy.last_key + IDLE_S / 2)  # a key just came: wait
        assert gc.get_stats()[2]["collections"] == full
        assert policy.collect_if_idle(now=policy.last_key + IDLE_S)
        assert gc.get_stats()[2]["collections"] == full + 1
    finally:
        policy.stop()
        gc.unfreeze()
        gc.enable()
    assert gc.get_threshold() == before


def test_an_app_started_with_collection_on_freezes_nothing(demo_dir: Path, clock) -> None:
    async def start() -> int:
        app = CouncilApp(demo_dir, session_id=PLANNED, clock=clock)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            return gc.get_freeze_count()

    # Another test in the same process (an xdist worker runs many) may have left objects frozen, and those can
    # be freed while the app runs, so the count is brought to 0 first rather than compared with a moving number.
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    assert asyncio.run(start()) == 0


def test_every_command_leaves_collection_on(demo_dir: Path, tmp_path: Path) -> None:
    assert main(["sessions", "--data", str(demo_dir)]) == 0
    assert gc.isenabled()
    with pytest.raises(SystemExit):
        main(["--data", str(demo_dir), "--no-such-option"])  # refused while parsing the app's options
    assert gc.isenabled()


def test_a_session_opened_at_start_leaves_the_list_unread_until_the_chair_goes_back(demo_dir: Path, clock) -> None:
    """With years of sessions in the folder, the list under the agenda is made and read only when it is shown."""
    from textual.widgets import DataTable

    from tui.screens.agenda import AgendaScreen
    from tui.screens.picker import PickerScreen

    async def start() -> tuple[int, int]:
        app = CouncilApp(demo_dir, session_id=PLANNED, clock=clock)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, AgendaScreen)
            picker = next(s for s in app.screen_stack if isinstance(s, PickerScreen))
            under_agenda = len(picker.query(DataTable))  # nothing made, nothing read
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is picker
            return under_agenda, picker.query_one(DataTable).row_count

    under_agenda, shown = asyncio.run(start())
    assert under_agenda == 0
    assert shown == 2  # the demo's two sessions


def test_reopening_a_session_puts_the_cursor_on_the_item_under_discussion(demo_dir: Path, clock) -> None:
    from textual.widgets import DataTable

    from sessions.service import SessionService
    from sessions.storage import DataFolder

    service = SessionService(DataFolder(demo_dir), PLANNED, clock=clock)
    service.open_session()
    service.select_item(3)
    service.close()

    async def start() -> int:
        app = CouncilApp(demo_dir, session_id=PLANNED, clock=clock)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            return app.screen.query_one("#agenda", DataTable).cursor_row

    assert asyncio.run(start()) == 3


@pytest.mark.parametrize("size", [(100, 30), (80, 24)], ids=["100x30", "80x24"])
def test_the_agenda_s_first_frame_is_the_list_the_chair_keeps_seeing(demo_dir: Path, clock, size) -> None:
    """The list is drawn once the table has its width: the first frame already has every item, titles cut to fit,
    and columns as wide as they stay."""
    from textual.coordinate import Coordinate
    from textual.widgets import DataTable

    from tui.screens.agenda import AgendaScreen

    def titles(screen: AgendaScreen) -> list[str]:
        table = screen.query_one("#agenda", DataTable)
        widths = [str(column.get_render_width(table)) for column in table.ordered_columns]
        return [str(table.get_cell_at(Coordinate(row, 2))) for row in range(table.row_count)] + widths

    async def start() -> tuple[list[str], list[str], int]:
        app = CouncilApp(demo_dir, session_id=PLANNED, clock=clock)
        first: dict[str, list[str]] = {}
        display = app._display

        def watched(screen, renderable) -> None:  # as the cold-start benchmark watches for the first frame
            display(screen, renderable)
            if not first and renderable is not None and isinstance(screen, AgendaScreen):
                first["titles"] = titles(screen)

        app._display = watched
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await pilot.pause()
            table = app.screen.query_one("#agenda", DataTable)
            return first["titles"], titles(app.screen), table.ordered_columns[2].get_render_width(table)

    first, settled, title_width = asyncio.run(start())
    assert len(first) == 12 + 4  # the demo's planned session, and the widths of the 4 columns
    assert first == settled  # the same titles, in columns as wide as they stay (not yet at their headers' widths)
    assert all(len(title) <= title_width for title in settled[:12])
    if size == (80, 24):
        assert any(title.endswith("…") for title in settled)  # cut to the narrow table, not to a guess
