"""Crash harness: a child runs a scripted meeting and is SIGKILLed at random moments.

After every kill: each change the child acknowledged is in the files, every file loads, the
journal verifies, and a new child takes the lock over and carries on from there. Half of the
kills come from outside after a random number of acknowledgements (so they land anywhere in the
child's work); the other half make the child kill itself just before a random file-changing
system call (so every window between write, fsync, rename... is hit). Seeded and repeatable.

COUNCIL_CRASH_TRIALS sets the number of kills (default 30; `make soak` runs 500).

The folders live in memory (/dev/shm) when there is one: a killed process loses nothing that
reached the kernel, fsync or not, so these tests exercise what a crash of the program can leave
and would only wait on the disk. Power cuts are the torn-write tests' job (test_journal.py).
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.context
import os
import random
import shutil
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from sessions.atomic import TEMP_SUFFIX
from sessions.backup import check_backup, list_backups
from sessions.journal import read_journal
from sessions.recovery import read_state
from sessions.storage import DataFolder
from sessions.verify import verify_session
from tests import crash_child
from tests.conftest import PLANNED

TRIALS = int(os.environ.get("COUNCIL_CRASH_TRIALS", "30"))
SEED = int(os.environ.get("COUNCIL_CRASH_SEED", "20261122"))
KILLS_PER_FOLDER = 5


@dataclass
class Outcome:
    """What one child run printed."""

    acks: list[tuple[int, str, str]] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    done: bool = False


def _context() -> multiprocessing.context.BaseContext:
    """A fork server with the program imported once: each child then starts in milliseconds."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["tests.crash_child"])
    return context


CONTEXT = _context()


def run_child(data: Path, rng: random.Random | None, die_at: int = 0) -> Outcome:
    """Run the scripted meeting on ``data``; with ``rng``, kill it at a random moment (None: let it finish)."""
    after_acks = None
    if rng is not None:
        if rng.random() < 0.5:
            die_at = rng.randint(1, 500)
        else:
            after_acks = rng.randint(0, 40)
    reader, writer = CONTEXT.Pipe(duplex=False)
    child = CONTEXT.Process(target=crash_child.child_main, args=(writer, data, PLANNED, die_at))
    child.start()
    writer.close()
    outcome = Outcome()
    try:
        while after_acks != 0:
            try:
                line = reader.recv_bytes().decode("utf-8")
            except EOFError:
                break
            outcome.lines.append(line)
            if line.startswith("ACK "):
                _, seq, head, step = line.split(" ", 3)
                outcome.acks.append((int(seq), head, step))
                if after_acks is not None and len(outcome.acks) >= after_acks:
                    break
            elif line == "DONE":
                outcome.done = True
    finally:
        if after_acks is not None:
            child.kill()  # SIGKILL, whatever the child is doing right now
        child.join()
        reader.close()
    return outcome


def check_folder(data: Path, acks: list[tuple[int, str, str]]) -> None:
    """Everything acknowledged so far is there, every file loads and the journal verifies."""
    folder = DataFolder(data)
    folder.load_council()
    record, report = folder.load_record(PLANNED)
    assert report.damaged_line is None, report
    assert verify_session(data, PLANNED).ok
    folder.summaries()
    for backup in list_backups(data, PLANNED):
        check_backup(backup)  # raises when a backup does not verify
    records = read_journal(folder.journal_path(PLANNED)).records
    for seq, head, step in acks:
        assert seq <= len(records) and records[seq - 1].hash == head, f"acknowledged record {seq} ({step}) lost"
        assert crash_child.is_done(record, step), f"acknowledged change {step} missing"


def crash_chain(base: Path, target: Path, seed: int, kills: int) -> int:
    """Kill a child ``kills`` times on one folder, checking after each; then let one finish."""
    shutil.copytree(base, target)
    rng = random.Random(seed)
    acks: list[tuple[int, str, str]] = []
    for _ in range(kills):
        outcome = run_child(target, rng)
        assert not [line for line in outcome.lines if line.startswith("ERROR")], outcome.lines
        acks += outcome.acks
        check_folder(target, acks)
    final = run_child(target, None)
    assert final.done, final.lines
    acks += final.acks
    check_folder(target, acks)
    record, _ = DataFolder(target).load_record(PLANNED)
    assert crash_child.next_step(record) is None  # the whole scripted meeting is recorded, exactly once
    assert len(record.polls) == crash_child.ITEMS
    last = read_state(target)
    assert last is not None and (last.session_id, last.running) == (PLANNED, False)
    assert not list(target.rglob(f"*{TEMP_SUFFIX}"))  # the last run swept what the killed ones left
    return kills


@pytest.fixture
def scratch(tmp_path: Path) -> Iterator[Path]:
    """A folder in memory when possible (see the module's docstring), else ``tmp_path``."""
    shm = Path("/dev/shm")
    if not (shm.is_dir() and os.access(shm, os.W_OK)):
        yield tmp_path
        return
    folder = Path(tempfile.mkdtemp(prefix="council-crash-", dir=shm))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_every_acknowledged_change_survives_sigkill(demo_dir: Path, scratch: Path) -> None:
    chains = max(1, -(-TRIALS // KILLS_PER_FOLDER))
    kills = [KILLS_PER_FOLDER] * (TRIALS // KILLS_PER_FOLDER) + ([TRIALS % KILLS_PER_FOLDER] if TRIALS % 5 else [])
    assert len(kills) == chains and sum(kills) == TRIALS
    workers = max(2, min(4, os.cpu_count() or 2))
    with ThreadPoolExecutor(workers) as pool:
        futures = [
            pool.submit(crash_chain, demo_dir, scratch / f"chain-{n}", SEED + n, count) for n, count in enumerate(kills)
        ]
        done = sum(f.result() for f in futures)
    assert done == TRIALS


def test_killed_while_opening_leaves_a_session_that_opens(demo_dir: Path, scratch: Path) -> None:
    """The first system calls are the lock, temp cleaning and state.json: a crash there is harmless too."""
    demo_dir = shutil.copytree(demo_dir, scratch / "data")
    for limit in range(1, 16):
        outcome = run_child(demo_dir, None, die_at=limit)
        assert not outcome.done
        check_folder(demo_dir, outcome.acks)
    final = run_child(demo_dir, None)
    assert final.done, final.lines
    check_folder(demo_dir, final.acks)
