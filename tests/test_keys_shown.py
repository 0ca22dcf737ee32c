"""What the footer, `?` and the command palette offer: only what works now, each described (issue 15, items 11-12)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.command import CommandList, CommandPalette

from models.catalog import MESSAGES
from models.i18n import set_language
from tui.app import CouncilApp
from tui.bindings import SEAT_KEYS, all_screen_bindings
from tui.screens.agenda import AgendaScreen


def test_every_key_says_what_it_does_in_both_languages() -> None:
    seats = {b.action for b in SEAT_KEYS}
    for screen, bindings in all_screen_bindings().items():
        for binding in bindings:
            if binding.action in seats:
                continue
            assert binding.tooltip.startswith("does."), (screen, binding.action)
            english, vietnamese = MESSAGES[binding.tooltip]
            assert english and vietnamese and english != vietnamese, binding.tooltip


async def _palette_lines(data: Path, lang: str) -> list[str]:
    set_language(lang)
    app = CouncilApp(data)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")  # the planned session
        assert isinstance(app.screen, AgendaScreen)
        await pilot.press("ctrl+p")
        await app.workers.wait_for_complete()  # the palette gathers its commands in a worker
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        options = app.screen.query_one(CommandList)
        return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def test_the_palette_describes_each_action(demo_dir: Path) -> None:
    lines = asyncio.run(_palette_lines(demo_dir, "en"))
    text = "\n".join(lines)
    assert "Action of this screen" not in text
    assert "Mark who is present, absent, late or left early" in text
    assert "Open the meeting and record its start time" in text
    lines = asyncio.run(_palette_lines(demo_dir, "vi"))
    text = "\n".join(lines)
    assert "Thao tác của màn hình này" not in text
    assert "Ghi nhận có mặt, vắng, đến muộn hoặc về sớm" in text
