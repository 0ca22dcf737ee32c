"""SVG snapshots of the booth, the scoring sheet, the paper tally, the rules and the statistics at a fixed size.

Update with `pytest --snapshot-update` and look at what changed before committing.
"""

from __future__ import annotations

from pathlib import Path

from models.poll import PollMode
from models.session import Presence
from sessions.service import SessionService
from sessions.storage import DataFolder
from tests.conftest import BOOTH_SECRET, PLANNED, still_cursor
from tui.app import CouncilApp

SIZE = (100, 30)


def meeting_with_poll(data: Path, clock, mode: PollMode) -> None:
    """Everyone present but one member away, the meeting started and a poll of ``mode`` open on the first item."""
    service = SessionService(DataFolder(data), PLANNED, clock=clock)
    try:
        for member in service.record.members:
            if member.id == "m4":
                service.set_attendance(member.id, Presence.ABSENT, "Đi công tác")
            else:
                service.set_attendance(member.id, Presence.PRESENT)
        service.open_session()
        service.open_poll(mode)
    finally:
        service.close()


def test_booth(snap_compare, demo_dir: Path, clock) -> None:
    """The booth as members see it: the chair's secret set, the members still to vote, no tally anywhere."""
    meeting_with_poll(demo_dir, clock, PollMode.SECRET)
    app = CouncilApp(demo_dir, session_id=PLANNED, clock=clock)
    keys = ["v", "b", *BOOTH_SECRET, "enter", *BOOTH_SECRET, "enter"]
    assert snap_compare(app, run_before=still_cursor(keys), terminal_size=SIZE)


def test_scoring_sheet(snap_compare, demo_dir: Path, clock) -> None:
    """A member's paper scoring sheet typed by the secretary: the criteria, their bands, a score entered."""
    meeting_with_poll(demo_dir, clock, PollMode.SCORING)
    app = CouncilApp(demo_dir, session_id=PLANNED, clock=clock)
    keys = ["v", "enter", *BOOTH_SECRET, "enter", *BOOTH_SECRET, "enter", *"25"]
    assert snap_compare(app, run_before=still_cursor(keys), terminal_size=SIZE)


def test_paper_tally(snap_compare, demo_dir: Path, clock) -> None:
    """The paper ballots' counts as the vote-counting group reads them out."""
    meeting_with_poll(demo_dir, clock, PollMode.PAPER)
    app = CouncilApp(demo_dir, session_id=PLANNED, clock=clock)
    assert snap_compare(app, run_before=still_cursor(["v"]), terminal_size=SIZE)


def test_rules(snap_compare, demo_dir: Path, clock) -> None:
    app = CouncilApp(demo_dir, session_id=PLANNED, clock=clock)
    assert snap_compare(app, run_before=still_cursor(["g"]), terminal_size=SIZE)


def test_statistics(snap_compare, demo_dir: Path, clock) -> None:
    app = CouncilApp(demo_dir, clock=clock)
    assert snap_compare(app, run_before=still_cursor(["S"]), terminal_size=SIZE)
