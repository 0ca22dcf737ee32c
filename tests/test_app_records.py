"""What the chair's keys record (Pilot): a preset then ctrl+s keeps the preset."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import Input, Select

from models.rules import PRESETS, PassBase
from sessions.storage import DataFolder
from tests.conftest import PLANNED
from tui.app import CouncilApp
from tui.screens.agenda import AgendaScreen
from tui.screens.rules import RulesScreen


def test_a_preset_then_ctrl_s_keeps_the_preset(demo_dir: Path, clock) -> None:
    async def run() -> tuple[object, str]:
        app = CouncilApp(demo_dir, clock=clock)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("enter")  # the planned session is first in the list
            assert isinstance(app.screen, AgendaScreen)
            await pilot.press("g")
            assert isinstance(app.screen, RulesScreen)
            assert list(PRESETS)[1] == "two_thirds_present"
            await pilot.press("down", "enter")
            await pilot.pause()
            shown = app.screen.query_one("#base", Select).value
            await pilot.press("ctrl+s")
            await pilot.pause()
            threshold = app.screen.query_one("#threshold", Input).value
            await pilot.press("escape", "ctrl+q")
        return shown, threshold

    shown, threshold = asyncio.run(run())
    assert shown == PassBase.PRESENT.value  # the form shows the rules in force
    assert threshold == "2/3"
    record, _ = DataFolder(demo_dir).load_record(PLANNED)
    assert record.rulebook == PRESETS["two_thirds_present"]  # saving kept the preset, by its name
