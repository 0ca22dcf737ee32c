"""Crash harness: a child runs a scripted meeting and is SIGKILLed at a point drawn over its steps.

Every trial ends with a kill inside a live meeting (tests/crash_child.py): the child reports each
step before taking it and each change once it is durable, and dies in the step drawn for it, either
just before one of that step's file-changing system calls (drawn among them, so every window between
write, fsync, rename... is hit) or from outside when the parent reads that the step begins (the kill
lands wherever the step then is, typically inside an fsync). A child that finished its step without
dying waits to be killed; a trial that ends any other way fails.

Where to kill is drawn by kind, each kind getting a fixed share of the trials (``WEIGHTS``): the
steps (attendance, the meeting opened, an item selected, a poll opened, an open vote, a secret
ballot, a poll closed, a finding, the meeting ended), the checkpoints and backups inside the steps
that take them, and the reopening of a session after a kill. Within a kind the step and the call
are drawn uniformly from a clean run of the same meeting (the calibration). Five kills share a
folder, drawn upfront and taken in the meeting's order, so later kills land on a folder already
recovered from earlier ones; then a last child finishes the meeting.

After every kill: each change the child acknowledged is in the files, every file loads, the journal
verifies, the secret ballot's counts match its voters. The test prints (and fails on a degenerate
spread of) where the kills landed: by kind, by what was being written, by part of the meeting.

It runs on a real disk (tmp_path, or a folder in the worktree when tmp_path is in memory): a missing
fsync costs nothing in memory, and the time of a real one is what the outside kills land in.
Power cuts (writes not yet flushed lost) are tests/test_crash_states.py's job.

COUNCIL_CRASH_TRIALS sets the number of kills (default 30; `make soak` runs 500);
COUNCIL_CRASH_SEED another draw.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.context
import os
import random
import shutil
import signal
import tempfile
import threading
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from sessions.atomic import TEMP_SUFFIX
from sessions.backup import check_backup, list_backups
from sessions.journal import read_journal
from sessions.recovery import read_state
from sessions.service import SessionService
from sessions.storage import DataFolder
from sessions.verify import verify_session
from tests import crash_child, crash_report
from tests.conftest import PLANNED
from tests.crash_child import KillPlan, phase_of, step_kind

TRIALS = int(os.environ.get("COUNCIL_CRASH_TRIALS", "30"))
SEED = int(os.environ.get("COUNCIL_CRASH_SEED", "20261122"))
KILLS_PER_FOLDER = 5

# The share of trials each kind of kill point gets. Votes are what must never be lost: they weigh most.
WEIGHTS = {
    "att": 1,
    "open": 1,
    "sel": 1,
    "poll": 1,
    "vote": 4,
    "ballot": 2,
    "close": 1,
    "find": 1,
    "end": 1,
    "checkpoint": 2,
    "backup": 1,
    "reopen": 1,
}
WITHIN = ("checkpoint", "backup")  # kinds that are a part of some steps rather than steps
VOTES = ("vote", "ballot")
OUTSIDE_SHARE = 1 / 3  # of step kills: from outside, on reading that the step begins
MEMORY_FILESYSTEMS = {"tmpfs", "ramfs"}
LOST_STATUS = 255  # what multiprocessing reports when the fork server could not tell how a child ended


def _context() -> multiprocessing.context.BaseContext:
    """A fork server with the program imported once: each child then starts in milliseconds."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["tests.crash_child"])
    return context


CONTEXT = _context()


@dataclass
class Outcome:
    """What one child run printed, and how it ended."""

    acks: list[tuple[int, str, str]] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    done: bool = False
    exitcode: int | None = None
    sent_kill: bool = False  # the parent killed it (on HOLD, or as its step began)

    @property
    def killed(self) -> bool:
        if self.done:
            return False
        if self.exitcode == -signal.SIGKILL:
            return True
        # The fork server sometimes loses a child's status on a loaded machine and CPython then reports 255
        # (multiprocessing/popen_forkserver.py, "perhaps the forkserver process itself got killed"). The kill is
        # still certain when the parent sent it or the child's last words were that it was killing itself.
        return self.exitcode == LOST_STATUS and (
            self.sent_kill or (bool(self.lines) and self.lines[-1].startswith("KILL "))
        )


def run_child(data: Path, plan: KillPlan | None = None, calibrate: bool = False) -> Outcome:
    """Run the scripted meeting on ``data``; with ``plan``, make sure it is killed where planned."""
    reader, writer = CONTEXT.Pipe(duplex=False)
    child = CONTEXT.Process(
        target=crash_child.child_main, args=(writer, data, PLANNED, plan, crash_child.ITEMS, calibrate)
    )
    child.start()
    writer.close()
    outside = plan is not None and plan.step and plan.call == 0
    outcome = Outcome()
    try:
        while True:
            try:
                line = reader.recv_bytes().decode("utf-8")
            except EOFError:
                break  # the child is gone (after a kill: once the lines it wrote before dying are read)
            outcome.lines.append(line)
            if line.startswith("ACK "):
                _, seq, head, step = line.split(" ", 3)
                outcome.acks.append((int(seq), head, step))
            elif line == "DONE":
                outcome.done = True
            elif line == "HOLD" or (outside and plan is not None and line == f"STEP {plan.step}"):
                child.kill()  # SIGKILL, whatever the child is doing right now
                outcome.sent_kill = True
    finally:
        child.join()
        reader.close()
    outcome.exitcode = child.exitcode
    return outcome


# --- the calibration: the meeting's steps and the calls each makes, from one clean run
@dataclass(frozen=True)
class Calibration:
    steps: list[str]
    calls: dict[str, list[str]]  # step -> the region of each of its file-changing calls, in order
    opening: int  # file-changing calls made while opening the session

    def index(self, step: str) -> int:
        return self.steps.index(step)


_calibrations: dict[str, Calibration] = {}
_calibration_lock = threading.Lock()


def calibrate(base: Path, scratch: Path) -> Calibration:
    with _calibration_lock:
        if "meeting" not in _calibrations:
            target = shutil.copytree(base, scratch / "calibration")
            outcome = run_child(target, calibrate=True)
            assert outcome.done, outcome.lines
            steps: list[str] = []
            calls: dict[str, list[str]] = {}
            opening = 0
            for line in outcome.lines:
                if line == "CLOSING":
                    break
                if line.startswith("STEP "):
                    steps.append(line[5:])
                    calls[steps[-1]] = []
                elif line.startswith("CALL "):
                    region = line.split(" ")[1]
                    if steps:
                        calls[steps[-1]].append(region)
                    elif region.startswith("reopen"):
                        opening += 1
            _calibrations["meeting"] = Calibration(steps, calls, opening)
        return _calibrations["meeting"]


# --- drawing where to kill
@dataclass(frozen=True)
class Target:
    kind: str
    step: str  # "" for a kill while reopening
    call: int  # 0: from outside
    order: tuple[int, int]  # where in the meeting, to take a folder's targets in order

    @property
    def plan(self) -> KillPlan:
        return KillPlan(self.step, self.call)


def share_out(trials: int, rng: random.Random) -> list[str]:
    """The kind of each trial: every kind its share of ``trials`` (largest remainders), in kind order."""
    total = sum(WEIGHTS.values())
    exact = {kind: trials * weight / total for kind, weight in WEIGHTS.items()}
    counts = {kind: int(value) for kind, value in exact.items()}
    rest = sorted(WEIGHTS, key=lambda kind: (counts[kind] - exact[kind], rng.random()))
    for kind in rest[: trials - sum(counts.values())]:
        counts[kind] += 1
    return [kind for kind in WEIGHTS for _ in range(counts[kind])]


def draw(
    kind: str, cal: Calibration, rng: random.Random, after: int = 0, avoid: frozenset[str] = frozenset()
) -> Target | None:
    """A kill point of ``kind`` in a step from index ``after`` on (None: the meeting has none left)."""
    if kind == "reopen":
        return Target(kind, "", rng.randint(1, max(1, cal.opening)), (rng.randrange(after, len(cal.steps)), -1))
    if kind in WITHIN:
        steps = [s for s in cal.steps[after:] if kind in cal.calls[s] and s not in avoid]
    else:
        steps = [s for s in cal.steps[after:] if step_kind(s) == kind and s not in avoid]
    if not steps:
        return None
    step = rng.choice(steps)
    regions = cal.calls[step]
    if kind in WITHIN:
        call = rng.choice([n for n, region in enumerate(regions, start=1) if region == kind])
    else:
        # What the step itself writes (the journal, the anchor, the ballot box): each alike, then a call in it.
        own = sorted({region for region in regions if region not in (*WITHIN, "state")})
        if not own or rng.random() < OUTSIDE_SHARE:
            call = 0
        else:
            written = rng.choice(own)
            call = rng.choice([n for n, region in enumerate(regions, start=1) if region == written])
    return Target(kind, step, call, (cal.index(step), call))


def draw_folder(kinds: list[str], cal: Calibration, rng: random.Random) -> list[Target]:
    """One folder's kill points, in the meeting's order. Only one may fall in the last step (it ends the meeting)."""
    last = frozenset(cal.steps[-1:])
    targets: list[Target] = []
    for kind in sorted(kinds, key=lambda k: k != "end"):
        taken = any(t.step in last for t in targets)
        target = draw(kind, cal, rng, avoid=last if taken else frozenset())
        assert target is not None, kind
        targets.append(target)
    targets.sort(key=lambda t: t.order)
    if len(targets) > 1 and targets[0].kind == "reopen":
        targets[0], targets[1] = targets[1], targets[0]  # a reopening after a kill, not the first opening
    return targets


# --- what each kill did
@dataclass(frozen=True)
class Landing:
    planned: str
    kind: str  # where it landed, in the same kinds
    region: str  # what was being written (or mid-step / after-ack for outside kills)
    phase: str  # the part of the meeting
    redrawn: bool


def landing(planned: Target, outcome: Outcome, at: str, redrawn: bool) -> Landing:
    lines = outcome.lines
    started = [line[5:] for line in lines if line.startswith("STEP ")]
    step = started[-1] if started else ""
    kill = next((line for line in lines if line.startswith("KILL ")), None)
    if kill is not None:
        region = kill.split(" ")[1]
    elif step:
        region = "after-ack" if any(a[2] == step for a in outcome.acks) else "mid-step (outside kill)"
    else:
        region = "reopen:after-open"
    if not step:
        return Landing(planned.kind, "reopen", region, phase_of(at), redrawn)
    return Landing(planned.kind, region if region in WITHIN else step_kind(step), region, phase_of(step), redrawn)


def spread_problems(landings: list[Landing], trials: int) -> list[str]:
    """What makes a spread of kills degenerate; [] when it tests what it claims."""
    problems = []
    total = len(landings)
    if total != trials:
        problems.append(f"{total} kills for {trials} trials")
    kinds = Counter(x.kind for x in landings)
    votes = sum(kinds[k] for k in VOTES)
    if votes < 0.25 * total:
        problems.append(f"only {votes} of {total} kills during votes")
    if trials >= sum(WEIGHTS.values()):
        problems += [f"no kill landed in {kind}" for kind in WEIGHTS if not kinds[kind]]
    after = sum(1 for x in landings if x.region == "after-ack")
    if after > 0.2 * total:
        problems.append(f"{after} of {total} kills after the step was done")
    astray = sum(1 for x in landings if x.kind != x.planned)
    if astray > 0.15 * total:
        problems.append(f"{astray} of {total} kills landed elsewhere than drawn")
    return problems


def spread_report(landings: list[Landing], filesystem: str) -> list[str]:
    total = len(landings)
    lines = [f"{total} kills on {filesystem}, every one inside a live meeting"]
    lines += crash_report.table("by kind (where the kill landed)", Counter(x.kind for x in landings), total)
    lines += crash_report.table("by what was being written", Counter(x.region for x in landings), total)
    lines += crash_report.table("by part of the meeting", Counter(x.phase for x in landings), total)
    astray = sum(1 for x in landings if x.kind != x.planned)
    lines.append(
        f"redrawn (their step was already done): {sum(x.redrawn for x in landings)}; landed elsewhere: {astray}"
    )
    return lines


# --- checking a folder
def check_folder(data: Path, acks: list[tuple[int, str, str]]) -> SessionService:
    """Everything acknowledged so far is there, every file loads and the journal verifies."""
    folder = DataFolder(data)
    folder.load_council()
    _, report = folder.load_record(PLANNED)
    assert report.damaged_line is None, report
    assert verify_session(data, PLANNED).ok
    folder.summaries()
    for backup in list_backups(data, PLANNED):
        check_backup(backup)  # raises when a backup does not verify
    records = read_journal(folder.journal_path(PLANNED)).records
    service = SessionService(folder, PLANNED, read_only=True)
    for seq, head, step in acks:
        assert seq <= len(records) and records[seq - 1].hash == head, f"acknowledged record {seq} ({step}) lost"
        assert crash_child.is_done(service, step), f"acknowledged change {step} missing"
    assert crash_child.ballots_add_up(service), "the secret ballot's counts do not match its voters"
    return service


def where(data: Path) -> str:
    """The next step of the scripted meeting on ``data``; the meeting must still be live."""
    step = crash_child.next_step(SessionService(DataFolder(data), PLANNED, read_only=True))
    assert step is not None, "a trial would start on a meeting already ended"
    return step[0]


def crash_folder(base: Path, target: Path, seed: int, kinds: list[str], cal: Calibration) -> list[Landing]:
    """Kill a child once per kind in ``kinds`` on one folder, checking after each; then let one finish."""
    shutil.copytree(base, target)
    rng = random.Random(seed)
    acks: list[tuple[int, str, str]] = []
    landings = []
    targets = draw_folder(kinds, cal, rng)
    for number, planned in enumerate(targets):
        at = where(target)
        now, redrawn = cal.index(at), False
        if planned.step and cal.index(planned.step) < now:
            # An earlier kill in the same step came after its change was durable: the step is done.
            # Draw again from here on, leaving the meeting's last step to the last kill.
            redrawn = True
            avoid = frozenset(cal.steps[-1:]) if number < len(targets) - 1 else frozenset()
            planned = draw(planned.kind, cal, rng, after=now, avoid=avoid) or (
                Target(step_kind(at), at, 0, (now, 0)) if at not in avoid else draw("reopen", cal, rng, after=now)
            )
            assert planned is not None
        outcome = run_child(target, planned.plan)
        assert outcome.killed, (planned, outcome.exitcode, outcome.lines)
        assert not [line for line in outcome.lines if line.startswith("ERROR")], outcome.lines
        acks += outcome.acks
        check_folder(target, acks)
        landings.append(landing(planned, outcome, at, redrawn))
    final = run_child(target)
    assert final.done, final.lines
    acks += final.acks
    service = check_folder(target, acks)
    assert crash_child.next_step(service) is None  # the whole scripted meeting is recorded, exactly once
    assert len(service.record.polls) == crash_child.ITEMS
    last = read_state(target)
    assert last is not None and (last.session_id, last.running) == (PLANNED, False)
    assert not list(target.rglob(f"*{TEMP_SUFFIX}"))  # the last run swept what the killed ones left
    return landings


def filesystem_of(path: Path) -> str:
    """The type of the file system holding ``path`` ("?" when /proc/mounts cannot tell)."""
    best, kind = "", "?"
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8").splitlines()
    except OSError:
        return kind
    text = str(path.resolve()) + "/"
    for line in mounts:
        fields = line.split()
        if len(fields) >= 3 and text.startswith(fields[1].rstrip("/") + "/") and len(fields[1]) >= len(best):
            best, kind = fields[1], fields[2]
    return kind


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    """A folder on a real disk: ``tmp_path`` unless it is in memory, else one in the worktree."""
    if filesystem_of(tmp_path) not in MEMORY_FILESYSTEMS:
        yield tmp_path
        return
    root = Path(__file__).resolve().parent.parent / ".crash-scratch"
    root.mkdir(exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="council-crash-", dir=root))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_every_acknowledged_change_survives_sigkill(demo_dir: Path, disk: Path) -> None:
    filesystem = filesystem_of(disk)
    assert filesystem not in MEMORY_FILESYSTEMS
    cal = calibrate(demo_dir, disk)
    rng = random.Random(SEED)
    kinds = share_out(TRIALS, rng)
    folders = max(1, -(-TRIALS // KILLS_PER_FOLDER))
    dealt = [kinds[n::folders] for n in range(folders)]  # each kind spread over the folders
    workers = max(2, min(4, os.cpu_count() or 2))
    with ThreadPoolExecutor(workers) as pool:
        futures = [
            pool.submit(crash_folder, demo_dir, disk / f"folder-{n}", SEED + n, share, cal)
            for n, share in enumerate(dealt)
        ]
        landings = [x for f in futures for x in f.result()]
    crash_report.add("SIGKILL trials (tests/test_crash.py)", spread_report(landings, filesystem))
    assert not spread_problems(landings, TRIALS)


def test_a_degenerate_spread_fails() -> None:
    """The spread check itself: kills that all came after the step, or never during votes, are refused."""
    late = [Landing("vote", "vote", "after-ack", "item 1 (open vote)", False)] * 30
    assert any("after the step" in p for p in spread_problems(late, 30))
    no_votes = [Landing("att", "att", "journal", "opening", False)] * 30
    problems = spread_problems(no_votes, 30)
    assert any("during votes" in p for p in problems) and any("no kill landed in ballot" in p for p in problems)
    assert spread_problems(no_votes[:29], 30)  # a trial that was not killed


def test_killed_while_opening_leaves_a_session_that_opens(demo_dir: Path, disk: Path) -> None:
    """The first system calls are the lock, temp cleaning and state.json: a crash there is harmless too."""
    cal = calibrate(demo_dir, disk)
    data = shutil.copytree(demo_dir, disk / "opening")
    for call in range(1, cal.opening + 1):
        outcome = run_child(data, KillPlan("", call))
        assert outcome.killed, outcome.lines
        check_folder(data, outcome.acks)
    final = run_child(data)
    assert final.done, final.lines
    check_folder(data, final.acks)
