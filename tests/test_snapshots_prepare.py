"""SVG snapshot of the initiative form (update with `pytest --snapshot-update tests/test_snapshots_prepare.py`)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import PLANNED, still_cursor
from tui.app import CouncilApp

SIZE = (100, 30)


def test_initiative_form(snap_compare, demo_dir: Path, clock) -> None:
    # The first initiative of the planned session, every field filled in; the code made a duplicate
    # so that the message under a wrong field is in the picture too.
    app = CouncilApp(demo_dir, session_id=PLANNED, clock=clock)
    assert snap_compare(app, run_before=still_cursor(["E", "end", "backspace", "1"]), terminal_size=SIZE)
