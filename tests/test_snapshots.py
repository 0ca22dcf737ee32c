"""SVG snapshots of the main screens at a fixed size (update with `pytest --snapshot-update`)."""

from __future__ import annotations

from pathlib import Path

from models.poll import Choice
from models.session import Presence
from sessions.service import SessionService
from sessions.storage import DataFolder
from tests.conftest import PLANNED, still_cursor
from tui.app import CouncilApp

SIZE = (100, 30)


def prepare_meeting(data: Path, clock, *, votes: int) -> None:
    """Roll taken (one absent), meeting started, a poll on the first item with ``votes`` votes."""
    service = SessionService(DataFolder(data), PLANNED, clock=clock)
    try:
        for member in service.record.members:
            if member.id == "m4":
                service.set_attendance(member.id, Presence.ABSENT, "Đi công tác")
            else:
                service.set_attendance(member.id, Presence.PRESENT)
        service.open_session()
        poll = service.open_poll()
        for member_id, choice in zip(poll.voters[:votes], [Choice.YES, Choice.YES, Choice.NO], strict=False):
            service.record_vote(member_id, choice)
    finally:
        service.close()


def test_session_picker(snap_compare, demo_dir: Path, clock) -> None:
    assert snap_compare(CouncilApp(demo_dir, clock=clock), terminal_size=SIZE)


def test_agenda(snap_compare, demo_dir: Path, clock) -> None:
    assert snap_compare(CouncilApp(demo_dir, clock=clock), press=["enter"], terminal_size=SIZE)


def test_attendance(snap_compare, demo_dir: Path, clock) -> None:
    app = CouncilApp(demo_dir, clock=clock)
    assert snap_compare(app, press=["enter", "t", "p", "p", "l"], terminal_size=SIZE)


def test_open_vote(snap_compare, demo_dir: Path, clock) -> None:
    prepare_meeting(demo_dir, clock, votes=3)
    app = CouncilApp(demo_dir, session_id=PLANNED, clock=clock)
    assert snap_compare(app, press=["v"], terminal_size=SIZE)


def test_findings(snap_compare, demo_dir: Path, clock) -> None:
    app = CouncilApp(demo_dir, session_id="2026-05-14", clock=clock)
    assert snap_compare(app, run_before=still_cursor(["f"]), terminal_size=SIZE)
