"""One amount parser everywhere: the findings read money as the initiative's form and the import do."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.widgets import Input

from models.i18n import set_language
from models.parsing import parse_amount
from models.poll import Choice
from sessions.storage import DataFolder
from tests.conftest import PLANNED
from tests.meeting import start_meeting
from tui.app import CouncilApp
from tui.screens.findings import FindingsScreen


async def _save_findings_benefit(data: Path, clock, typed: str) -> tuple[int | None, str]:
    """A passed poll on the first item; ``typed`` as the confirmed benefit, ctrl+s: what was stored, and the
    message shown under the field."""
    service = start_meeting(data, clock)
    poll = service.open_poll()
    for voter in poll.voters:
        service.record_vote(voter, Choice.YES)
    assert service.close_poll().passed
    service.close()
    app = CouncilApp(data, session_id=PLANNED, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f")
        assert isinstance(app.screen, FindingsScreen)
        app.screen.query_one("#benefit", Input).value = typed
        await pilot.pause()
        error = str(app.screen.query_one("#benefit-error").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+q")
    record, _ = DataFolder(data).load_record(PLANNED)
    finding = record.findings.get(record.polls[0].initiative_id)
    return (finding.confirmed_benefit_vnd if finding else None), error


@pytest.mark.parametrize(("typed", "stored"), [("1250000 d", 1_250_000), ("không tính được", None)])
def test_findings_read_amounts_as_the_forms_and_imports_do(demo_dir: Path, clock, typed: str, stored) -> None:
    set_language("vi")
    amount, error = asyncio.run(_save_findings_benefit(demo_dir, clock, typed))
    assert error.strip() == ""  # no "not an amount" under the field
    assert amount == stored
    assert parse_amount(typed) == stored  # the same answer as the initiative form and the import


def test_the_findings_refuse_an_absurd_benefit_naming_the_limit(demo_dir: Path, clock) -> None:
    set_language("vi")
    _amount, error = asyncio.run(_save_findings_benefit(demo_dir, clock, "1" + "0" * 40))
    assert "1.000.000.000.000.000 đồng" in error
