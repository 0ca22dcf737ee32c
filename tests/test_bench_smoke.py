"""The benchmark code cannot rot: its data generator and one benchmark run on tiny sizes (nothing is timed)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bench.generate import LARGE_ID, LIVE_ID, Sizes, ensure
from bench.measure import open_recover
from bench.report import Target
from bench.votes import measure_votes
from sessions.storage import DataFolder


def test_generated_data_is_real_and_the_vote_benchmark_runs(tmp_path: Path) -> None:
    sizes = Sizes.tiny()
    paths = ensure(tmp_path / "data", sizes, workers=1, log=lambda _: None)

    archive = DataFolder(paths["archive"])
    summaries = archive.summaries()
    assert len(summaries) == sizes.archive_sessions
    assert all(s.status == "closed" and s.decided == s.total == sizes.archive_items for s in summaries)
    record, report = archive.load_record(summaries[0].id)
    assert not report.damaged
    assert any("ế" in i.title or "ệ" in i.title or "ả" in i.title for i in record.initiatives.values())

    live = tmp_path / "live"
    shutil.copytree(paths["base"], live)
    result = measure_votes(live, LIVE_ID, votes=sizes.members + 1)
    assert len(result["handled_s"]) >= sizes.members + 1
    assert result["polls"] == 2
    record, _ = DataFolder(live).load_record(LIVE_ID)
    assert sum(len(p.votes) for p in record.polls) == len(result["handled_s"])

    large = tmp_path / "large"
    shutil.copytree(paths["large"], large)
    pristine = paths["large"] / "sessions" / LARGE_ID
    recovered = open_recover(large, LARGE_ID, pristine, runs=1)
    assert recovered["replayed"] == sizes.members + 2  # item selected, poll opened, its votes
    assert recovered["ballots"] == sizes.large_items * sizes.members

    # The cold-start child: the console script's path, headless, to the agenda's first frame.
    cold = tmp_path / "cold"
    shutil.copytree(paths["base"], cold)
    args = [sys.executable, "-m", "bench.child", "council", f"{time.time():.6f}", str(cold), LIVE_ID]
    done = subprocess.run(args, capture_output=True, text=True, timeout=120, cwd=Path(__file__).parent.parent)
    assert done.returncode == 0, done.stderr[-2000:]
    first = json.loads(done.stdout.strip().splitlines()[-1])
    assert first["first_frame_rows"] == sizes.live_items  # the frame timed is the whole agenda, not an empty table
    assert first["first_frame_s"] > 0


def test_target_lines_read_as_scripts_expect() -> None:
    assert Target("vote_latency_p99", 7.3, "ms", "<=", 20).line() == "vote_latency_p99: 7.3 ms (target <= 20 ms) ok"
    assert Target("archive_ratio", 1.3, "x", "<=", 1.2).line() == "archive_ratio: 1.30 x (target <= 1.2 x) MISSED"
    assert Target("vs_tinydb_jsonstorage", 140, "x", ">=", 20).line().endswith("(target >= 20 x) ok")


def test_peak_memory_is_the_child_s_own_not_its_parent_s() -> None:
    """A parent holding 300 MB starts the measuring child: ``ru_maxrss`` would report the parent's peak
    (Linux keeps it across ``execve``), the figure the bench prints is the child's own."""
    parent = (
        "import json, resource, subprocess, sys\n"
        "held = b'x' * (300 << 20)\n"
        "code = 'import json, resource; from bench.child import own_peak_rss_kb; "
        "print(json.dumps([*own_peak_rss_kb(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss]))'\n"
        "print(subprocess.run([sys.executable, '-c', code], capture_output=True, text=True, check=True).stdout)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", parent], capture_output=True, text=True, timeout=60, cwd=Path(__file__).parent.parent
    )
    assert done.returncode == 0, done.stderr[-2000:]
    own_kb, source, inherited_kb = json.loads(done.stdout.strip().splitlines()[-1])
    assert source == "VmHWM"
    assert inherited_kb > 300 * 1024  # what the bench used to print
    assert own_kb < 100 * 1024


def test_the_phones_benchmark_runs_and_counts_every_vote_once(tmp_path: Path, monkeypatch) -> None:
    """bench/phones.py on a few phones and rounds: the load loses and double-counts nothing (nothing timed)."""
    import asyncio

    from bench import phones

    for name, value in (("PHONES", 5), ("BOARDS", 1), ("LOAD_ROUNDS", 2), ("FOLLOW_VOTES", 5)):
        monkeypatch.setattr(phones, name, value)
    monkeypatch.setattr(phones, "MEETING_ITEMS", 2)
    monkeypatch.setattr(phones, "MEETING_MEMBERS", 3)
    raw = asyncio.run(phones.run(tmp_path / "phones"))
    assert raw["load"]["problems"] == [] and len(raw["load"]["first_s"]) == 10
    assert len(raw["follow"]["board_s"]) == 5 and raw["meeting"]["items"] == 2
    rows, details = phones.targets(raw)
    assert [t.name for t in rows][:3] == ["phone_vote_p50", "phone_vote_p99", "phone_votes_wrong"]
    assert rows[2].value == 0 and len(details) == 7
