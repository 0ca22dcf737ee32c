"""What has to fit on a small terminal (80×24) and a usual one (100×30), in both languages (Pilot).

Each test reads the screen as drawn (the SVG screenshot's text, line by line), so that a label cut
by its widget or pushed out of sight fails, whatever the widget's own value holds.
"""

from __future__ import annotations

import asyncio
import html
import re
from collections import defaultdict
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.widgets import Button

from models.i18n import set_language, t
from models.poll import PollMode
from tests.conftest import BOOTH_SECRET, PLANNED
from tests.test_app_booth import prepare
from tui.app import CouncilApp
from tui.screens.booth import BallotScreen

SMALL = (80, 24)
USUAL = (100, 30)


def screen_lines(app: CouncilApp) -> list[str]:
    """The screen's text, one string per terminal line (from the screenshot, as a user sees it)."""
    svg = app.export_screenshot()
    rows: dict[float, list[tuple[float, str]]] = defaultdict(list)
    for x, y, text in re.findall(r'<text[^>]*x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]*)</text>', svg):
        rows[float(y)].append((float(x), html.unescape(text).replace("\xa0", " ")))
    return ["".join(text for _, text in sorted(parts)) for _, parts in sorted(rows.items())]


def on_screen(app: CouncilApp, text: str) -> bool:
    return any(text in line for line in screen_lines(app))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_choice_of_a_ballot_is_whole_at_80x24(demo_dir: Path, clock, lang: str) -> None:
    prepare(demo_dir, clock, PollMode.SECRET, {})
    set_language(lang)

    async def run() -> None:
        app = CouncilApp(demo_dir, session_id=PLANNED, clock=clock)
        async with app.run_test(size=SMALL) as pilot:
            await pilot.press("v", "b", *BOOTH_SECRET, "enter", *BOOTH_SECRET, "enter", "enter")
            assert isinstance(app.screen, BallotScreen)
            await pilot.pause()
            for choice in ("yes", "no", "abstain"):
                button = app.screen.query_one(f"#{choice}", Button)
                label = t(choice)
                assert on_screen(app, label), (label, screen_lines(app))
                # The whole button is on screen, and its label fits inside its borders and padding.
                assert button.region.right <= SMALL[0]
                assert cell_len(label) <= button.content_region.width, (label, button.content_region)
            app.exit()

    asyncio.run(run())


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_agenda_detail_shows_whole_codes_at_80x24(demo_dir: Path, clock, lang: str) -> None:
    set_language(lang)

    async def run() -> None:
        app = CouncilApp(demo_dir, session_id=PLANNED, clock=clock)
        async with app.run_test(size=SMALL) as pilot:
            await pilot.pause()
            record = app.service.record
            code = record.agenda_items()[0].code
            pane = [line.split("▏")[-1] for line in screen_lines(app) if "▏" in line]
            assert any(code in line for line in pane), pane
            assert not any("…" in line for line in pane[:12]), pane
            app.exit()

    asyncio.run(run())


@pytest.mark.parametrize("size", [SMALL, USUAL])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_session_list_shows_every_column(demo_dir: Path, clock, lang: str, size: tuple[int, int]) -> None:
    set_language(lang)

    async def run() -> None:
        app = CouncilApp(demo_dir, clock=clock)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            lines = screen_lines(app)
            header = next(line for line in lines if t("col.date") in line and t("col.status") in line)
            for key in ("col.session", "col.progress", "col.place", "col.id"):
                assert t(key) in header, (key, header)
            for session_id in ("2026-11-22", "2026-05-14"):
                assert on_screen(app, session_id), lines
            assert all(len(line.rstrip()) <= size[0] for line in lines)
            # The titles keep their end, where sessions differ ("đợt 1", "đợt 2").
            assert on_screen(app, "1 năm 2026") and on_screen(app, "2 năm 2026"), lines
            app.exit()

    asyncio.run(run())


def footer_cut(app: CouncilApp) -> list[str]:
    """The footer's keys not shown whole on the footer's line (key and description, as drawn)."""
    from tui.textual_private import FooterKey

    footer = app.screen.query_one("Footer")
    assert footer.region.bottom == app.size.height  # docked at the bottom: the screen's last line
    line = screen_lines(app)[-1]
    cut = []
    for key in footer.query(FooterKey):
        if not key.display:
            continue  # left out for want of room: `?` lists it
        text = f"{key.key_display} {key.description}".strip()
        if text not in line:
            cut.append(text)
    return cut


@pytest.mark.parametrize("size", [SMALL, USUAL])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_footers_show_whole_keys_only(demo_dir: Path, clock, lang: str, size: tuple[int, int]) -> None:
    set_language(lang)

    async def run() -> dict[str, list[str]]:
        cut: dict[str, list[str]] = {}
        app = CouncilApp(demo_dir, clock=clock)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            cut["picker"] = footer_cut(app)
            await pilot.press("enter")
            await pilot.pause()
            cut["agenda"] = footer_cut(app)
            await pilot.press("t")
            await pilot.pause()
            cut["attendance"] = footer_cut(app)
            for _ in app.service.record.members:
                await pilot.press("p")
            await pilot.press("escape", "s")
            await pilot.pause()
            cut["agenda, started"] = footer_cut(app)
            await pilot.press("v", "enter")
            await pilot.pause()
            cut["open vote"] = footer_cut(app)
            app.exit()
        return cut

    cut = asyncio.run(run())
    assert cut == {k: [] for k in cut}
