"""The light theme for projectors, as SVG snapshots (the dark one is the default of every other snapshot).

The theme is read from the settings file at start, as after choosing it in the palette.
"""

from __future__ import annotations

from pathlib import Path

from sessions.settings import remember
from tests.conftest import PLANNED
from tests.test_snapshots import SIZE, prepare_meeting
from tui.app import CouncilApp


def test_light_agenda_without_quorum(snap_compare, demo_dir: Path, clock) -> None:
    remember(theme="light")
    assert snap_compare(CouncilApp(demo_dir, clock=clock), press=["enter"], terminal_size=SIZE)


def test_light_open_vote(snap_compare, demo_dir: Path, clock) -> None:
    remember(theme="light")
    prepare_meeting(demo_dir, clock, votes=3)
    app = CouncilApp(demo_dir, session_id=PLANNED, clock=clock)
    assert snap_compare(app, press=["v"], terminal_size=SIZE)
