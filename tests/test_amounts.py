"""One amount parser: what the initiative form and the import accept as a benefit, the findings accept too."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.widgets import Input, Label

from models.parsing import parse_amount, validate_field
from tests.test_app_markup import in_app, plant
from tui.screens.dialogs import ConfirmScreen
from tui.screens.findings import FindingsScreen

TYPED = ["1250000 d", "không tính được", "1.250.000 đồng", "12,5", "10000000000000000000", ""]


def test_the_parser_reads_the_ways_a_secretary_types_an_amount():
    assert parse_amount("1250000 d") == 1_250_000
    assert parse_amount("không tính được") is None
    assert parse_amount("đồng") is None


def test_the_findings_form_judges_every_amount_as_the_initiative_form_does(demo_dir: Path, clock) -> None:
    plant(demo_dir, clock)
    seen: dict[str, str] = {}

    async def scenario(app, pilot) -> None:
        await pilot.press("enter", "f")
        assert isinstance(app.screen, FindingsScreen)
        benefit = app.screen.query_one("#benefit", Input)
        for text in TYPED:
            benefit.value = text
            await pilot.pause()
            seen[text] = str(app.screen.query_one("#benefit-error", Label).render())
        await pilot.press("escape")  # the form changed: leaving asks first
        if isinstance(app.screen, ConfirmScreen):
            await pilot.press("enter")

    asyncio.run(in_app(demo_dir, clock, scenario))
    assert seen == {text: validate_field("benefit_vnd", text) or "" for text in TYPED}
    assert seen["1250000 d"] == "" and seen["không tính được"] == ""
    assert "tối đa" in seen["10000000000000000000"]


@pytest.mark.parametrize("text", ["1250000 d", "không tính được"])
def test_old_files_migrate_with_the_same_parser(text):
    from sessions.migrations import _money

    assert _money(text) == parse_amount(text)
