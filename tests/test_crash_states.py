"""Every state a power cut could leave during a scripted meeting opens and holds what was acknowledged.

See tests/crash_states.py for the method (ALICE's, OSDI 2014) and docs/durability.md for the model.
COUNCIL_CRASH_STATES=all checks every state (`make soak`); otherwise a seeded sample of
COUNCIL_CRASH_STATES (default 60) states of each persistence model is checked.
"""

from __future__ import annotations

import os
import random
import shutil
import tempfile
from collections import Counter
from pathlib import Path

import pytest

import sessions.atomic
import sessions.ballot_box
import sessions.journal
from sessions.demo.build import build_demo
from sessions.storage import DataFolder
from tests import crash_report
from tests.conftest import PLANNED, TODAY
from tests.crash_states import PERSISTENCE, Findings, Trace, check_states, crash_states, record, record_recovery

SETTING = os.environ.get("COUNCIL_CRASH_STATES", "60")
SAMPLE = None if SETTING == "all" else int(SETTING)
SEED = int(os.environ.get("COUNCIL_CRASH_SEED", "20261122"))
CUTS = 6 if SAMPLE is None else 3  # random cut points per torn file, besides its edges and line ends


def _summary(trace: Trace, results: dict[str, Findings]) -> list[str]:
    ops = Counter(call.op for call in trace.calls)
    lines = [
        f"{len(trace.calls)} file-system calls recorded, {len(trace.acks)} changes acknowledged: "
        + ", ".join(f"{op} {n}" for op, n in sorted(ops.items()))
    ]
    for persistence, found in results.items():
        lines.append(
            f"{persistence}: {found.states} distinct crash states, {found.checked} checked"
            + (" (all)" if found.checked == found.states else " (sample)")
            + f", {len(found.problems)} with a problem"
        )
        for state, problems in found.problems[:5]:
            lines.append(f"  {state.how}: {'; '.join(problems)}")
    return lines


@pytest.fixture(scope="module")
def meeting(tmp_path_factory: pytest.TempPathFactory) -> Trace:
    """The calls of the whole scripted meeting on the demo council, recorded once for this module.

    Recorded in memory when possible: the log is the same, and the disk's fsyncs would only be waited for.
    """
    shm = Path("/dev/shm")
    use_shm = shm.is_dir() and os.access(shm, os.W_OK)
    base = Path(tempfile.mkdtemp(prefix="council-trace-", dir=shm)) if use_shm else tmp_path_factory.mktemp("trace")
    try:
        build_demo(DataFolder(base / "data"), TODAY)
        return record(base / "data", PLANNED)
    finally:
        if use_shm:
            shutil.rmtree(base, ignore_errors=True)


def _check_both(trace: Trace, sample: int | None) -> dict[str, Findings]:
    """Both models' states: all of them, or ``sample`` of those a crash after some of the calls leaves."""
    points = None
    if sample is not None:
        every = range(len(trace.calls) + 1)
        points = set(random.Random(SEED).sample(every, min(len(every), sample // 2)))
    results = {}
    for persistence in PERSISTENCE:
        states = crash_states(trace, persistence, cuts=CUTS, seed=SEED, points=points)
        results[persistence] = check_states(trace, states, sample, seed=SEED)
    return results


def test_every_crash_state_opens_and_keeps_what_was_acknowledged(meeting: Trace) -> None:
    trace = meeting
    kinds = Counter(step.split(":")[0] for _, step in trace.acks)
    assert kinds["ballot"] >= 5 and kinds["vote"] >= 10 and kinds["close"] == 3  # the meeting is the whole script
    results = _check_both(trace, SAMPLE)
    crash_report.add("power-cut crash states (tests/test_crash_states.py)", _summary(trace, results))
    for persistence, found in results.items():
        assert not found.problems, (persistence, [(s.how, p) for s, p in found.problems[:5]])


def test_every_crash_state_of_a_recovery_opens(meeting: Trace, tmp_path: Path) -> None:
    """Power cut again while recovering from one: the secret poll's closing line was torn, its box full."""
    trace = record_recovery(meeting, tmp_path / "after-cut")
    assert any(step.startswith("ballot:") for step in trace.before)
    assert any(c.op == "rename" and c.dest.endswith("journal.jsonl") for c in trace.calls)  # the torn tail cut off
    assert trace.acks[0][1].startswith("close:")  # and the torn line written again
    results = _check_both(trace, None if SAMPLE is None else SAMPLE // 2)
    crash_report.add("power-cut crash states of a recovery (tests/test_crash_states.py)", _summary(trace, results))
    for persistence, found in results.items():
        assert not found.problems, (persistence, [(s.how, p) for s, p in found.problems[:5]])


# --- the harness catches what it claims to: durability broken on purpose is found


def _first_problem(data: Path, stop_after: int, sought: str) -> list[str]:
    """Check the states of a meeting cut short after ``stop_after`` steps until a problem naming ``sought``."""
    trace = record(data, PLANNED, stop_after=stop_after)
    # From the last acknowledged step's start: where what it wrote can be lost.
    points = set(range(trace.acks[-2][0], len(trace.calls) + 1))
    states = crash_states(trace, "ordered", cuts=2, seed=SEED, points=points)
    found = check_states(trace, states, None, seed=SEED, until=lambda problems: any(sought in p for p in problems))
    return [p for _, problems in found.problems for p in problems]


BALLOTS = 8 + 11 + 4  # attendance and opening, the first item, the second item's poll and 3 ballots


def test_a_missing_folder_fsync_is_found(demo_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the fsync of the folder after the rename, an acknowledged ballot can be lost."""
    monkeypatch.setattr(sessions.atomic, "fsync_dir", lambda folder: None)
    problems = _first_problem(demo_dir, BALLOTS, "acknowledged ballot:")
    assert any("acknowledged ballot:" in p for p in problems), problems[:3]


def test_a_missing_file_fsync_is_found(demo_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Renaming a ballot box that was never flushed leaves an empty or torn box: found."""

    def unflushed(path: Path, data: bytes) -> None:
        temp = path.with_name(path.name + ".new")
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.write(fd, data)
        os.close(fd)  # no fsync before the rename
        os.replace(temp, path)
        sessions.atomic.fsync_dir(path.parent)

    monkeypatch.setattr(sessions.ballot_box, "write_session_file", unflushed)
    problems = _first_problem(demo_dir, BALLOTS, "")
    assert problems, "an unflushed ballot box went unnoticed"


class _WithoutFsync:
    """The os module as sessions/journal.py sees it, except that fsync does nothing."""

    def __getattr__(self, name: str) -> object:
        return getattr(os, name)  # looked up at each call, so the interposed calls are still seen

    @staticmethod
    def fsync(fd: int) -> None:
        return None


def test_a_journal_append_without_fsync_is_found(demo_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A vote acknowledged before its journal line is flushed can be lost to a power cut: found."""
    monkeypatch.setattr(sessions.journal, "os", _WithoutFsync())
    problems = _first_problem(demo_dir, 10, "acknowledged att:")
    assert any("acknowledged att:" in p for p in problems), problems[:3]


def test_weak_ordering_is_stricter_than_ordered(demo_dir: Path, tmp_path: Path) -> None:
    """The weak model undoes namespace operations in any order, so it builds every ordered state and more."""
    data = shutil.copytree(demo_dir, tmp_path / "short")
    trace = record(data, PLANNED, stop_after=9)
    ordered = crash_states(trace, "ordered", cuts=1, seed=SEED)
    weak = crash_states(trace, "weak", cuts=1, seed=SEED)
    assert set(ordered) < set(weak) and len(ordered) > len(trace.calls) // 2
