"""The room's benchmark cannot rot: its two children run on the demo with two boards (nothing is timed)."""

from __future__ import annotations

from pathlib import Path

from bench.room import app_votes, board_latency
from tests.conftest import PLANNED
from tests.meeting import start_meeting


def test_the_room_benchmark_runs(demo_dir: Path, clock) -> None:
    start_meeting(demo_dir, clock).close()
    latency = board_latency(demo_dir, PLANNED, changes=4, boards=2)
    assert latency["changes"] == 4 and latency["missed"] == 0
    assert len(latency["latency_s"]) == 8 and all(0 < s < 10 for s in latency["latency_s"])
    voted = app_votes(demo_dir, PLANNED, votes=2, boards=2)
    assert len(voted["handled_s"]) >= 2 and voted["vm_hwm_mb"] > 0
    assert min(voted["events_per_board"]) >= 3  # the first view, then each vote
