"""Keys: a member marked "left early" during an open vote drops out of it (Pilot)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from sessions.storage import DataFolder
from tests.conftest import PLANNED
from tui.app import CouncilApp
from tui.screens.agenda import AgendaScreen
from tui.screens.attendance import AttendanceScreen
from tui.screens.vote import VoteScreen
from tui.textual_private import shown_notices


async def leave_during_vote(data: Path, clock) -> tuple[str, int]:
    app = CouncilApp(data, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "t")
        assert isinstance(app.screen, AttendanceScreen)
        await pilot.press(*"ppppppp")
        await pilot.press("escape", "s", "v", "enter")
        assert isinstance(app.screen, VoteScreen)
        await pilot.press("escape", "t")
        assert isinstance(app.screen, AttendanceScreen)
        await pilot.press("5", "x")  # seat 5 leaves while the poll is open
        await pilot.press("escape")
        assert isinstance(app.screen, AgendaScreen)
        await pilot.press("v")
        assert isinstance(app.screen, VoteScreen)
        rows = app.screen.query_one("#voters").row_count
        await pilot.press("5", "y")
        notices = [n.message for n in shown_notices(app)]
        tally = str(app.screen.query_one("#tally").render())
        await pilot.press("ctrl+q")
    assert any("Võ Minh Tuấn đã rời phiên họp" in n for n in notices)
    return tally, rows


def test_a_member_who_left_is_not_given_a_vote_nor_waited_for(demo_dir: Path, clock) -> None:
    tally, rows = asyncio.run(leave_during_vote(demo_dir, clock))
    record, _ = DataFolder(demo_dir).load_record(PLANNED)
    poll = record.polls[-1]
    assert "m5" not in poll.votes and poll.left == ["m5"]
    assert rows == 6
    assert "Chưa biểu quyết: 6" in tally  # "5 y" gave nobody a vote: not seat 5, nor the row under the cursor
