"""Nothing writes a session's files without its lock, and no writer cuts what it did not write.

Every rule is tried with two real processes: this test process and a second `council` program
(tests/session_writer.py), one running the session and the other reading it, or taking it over
after its ``lock`` file was deleted, or writing the journal behind its back.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from models.errors import DomainError
from models.poll import Choice, PollMode
from sessions.ballot_box import BOX_NAME, BallotBox, BoxState
from sessions.glance import GLANCE_FILE, write_glance
from sessions.journal import Record, read_journal, record_hash
from sessions.lock import LOCK_FILE, SessionLock
from sessions.service import SessionService
from sessions.storage import DataFolder
from sessions.verify import verify_session
from tests import session_writer
from tests.conftest import BOOTH_SECRET, PLANNED
from tests.meeting import start_meeting
from tui.app import CouncilApp
from tui.screens.booth import BallotScreen, BoothScreen, ReceivedScreen
from tui.screens.booth_secret import SecretScreen
from tui.screens.dialogs import ConfirmScreen
from tui.screens.vote import VoteScreen
from tui.textual_private import shown_notices
from tui.widgets.session_bar import SessionBar

Clock = Callable[[], dt.datetime]
CHILD = str(Path(session_writer.__file__))
# Windows refuses to delete or replace a file a program holds open: there the lock file and the
# journal cannot be taken from under their writer at all (tests/test_platform.py checks it).
HELD_FILES_STAY = pytest.mark.skipif(os.name == "nt", reason="Windows refuses to delete a file held open")


class Program:
    """A second `council` program on the same data folder, answering one command per line."""

    def __init__(self, data: Path, *, read_only: bool = False) -> None:
        self.process = subprocess.Popen(
            [sys.executable, CHILD, str(data), PLANNED, *(["--read-only"] if read_only else [])],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.first_line = self._line()

    def _line(self) -> str:
        assert self.process.stdout is not None
        return self.process.stdout.readline().strip()

    def do(self, command: str) -> str:
        assert self.process.stdin is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        return self._line()

    def close(self) -> None:
        if self.process.poll() is None:
            assert self.do("close") == "CLOSED"
        self.process.wait()

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def programs() -> Iterator[list[Program]]:
    started: list[Program] = []
    yield started
    for program in started:
        program.kill()


def start(programs: list[Program], data: Path, *, read_only: bool = False) -> Program:
    program = Program(data, read_only=read_only)
    programs.append(program)
    return program


def session_files(data: Path) -> dict[str, bytes]:
    folder = DataFolder(data).session_dir(PLANNED)
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file() and p.name != LOCK_FILE}


def votes_on_disk(data: Path) -> dict[str, str]:
    record, report = DataFolder(data).load_record(PLANNED)
    assert not report.damaged
    return {m: c.value for m, c in record.polls[-1].votes.items()}


# --- a read-only copy writes nothing


def test_a_read_only_copy_cannot_cast_a_secret_ballot(demo_dir: Path, clock: Clock, programs: list[Program]) -> None:
    """App B views read-only while app A runs a secret ballot: B's booth is refused, A's box stays whole."""
    chair = start_meeting(demo_dir, clock)
    poll = chair.open_poll(PollMode.SECRET)
    chair.booth.open(BOOTH_SECRET)
    first, second = poll.voters[0], poll.voters[1]
    chair.booth.cast(first, Choice.YES)
    box = DataFolder(demo_dir).session_dir(PLANNED) / BOX_NAME
    before = box.read_bytes()

    viewer = start(programs, demo_dir, read_only=True)
    assert viewer.first_line == "READY"
    assert viewer.do(f"secret {second} no") == "ERROR error.read_only"
    assert viewer.do(f"attend {second}") == "ERROR error.read_only"
    viewer.close()
    assert box.read_bytes() == before  # the read-only copy changed nothing

    # The member whose ballot was refused can still vote, once, at the chair's booth.
    chair.booth.cast(second, Choice.NO)
    with pytest.raises(DomainError, match="đã bỏ phiếu"):
        chair.booth.cast(second, Choice.YES)
    result = chair.close_poll(force=True)
    assert (result.counts.yes, result.counts.no) == (1, 1)
    chair.close()
    assert verify_session(demo_dir, PLANNED).ok


def test_no_session_file_is_written_by_a_program_without_the_lock(
    demo_dir: Path, clock: Clock, programs: list[Program]
) -> None:
    """Another program runs the session; this one writes its checkpoint, glance, box and journal: all refused."""
    runner = start(programs, demo_dir)
    assert runner.first_line == "READY"
    for command in [f"attend m{n}" for n in range(1, 8)] + ["open"]:
        assert runner.do(command) == "OK"
    assert runner.do("poll secret") == "OK"
    assert runner.do("secret m1 yes") == "OK"
    before = session_files(demo_dir)

    folder = DataFolder(demo_dir)
    record, report = folder.load_record(PLANNED)
    session_dir = folder.session_dir(PLANNED)
    attempts: list[Callable[[], object]] = [
        lambda: folder.write_checkpoint(record, report.journal_seq, report.chain_head),
        lambda: write_glance(session_dir, {"x": 1}, journal_seq=1, chain_head="0" * 64, language="vi"),
        lambda: BallotBox(session_dir).write(BoxState(record.polls[-1].id, {"m2"})),
    ]
    for attempt in attempts:
        with pytest.raises(DomainError) as refused:
            attempt()
        assert refused.value.key == "error.read_only"
    viewer = SessionService(folder, PLANNED, clock=clock, read_only=True)
    for change in (
        lambda: viewer.booth.cast("m2", Choice.NO),
        lambda: viewer.set_attendance("m2", viewer.record.presence("m2")),
    ):
        with pytest.raises(DomainError, match="chỉ xem"):
            change()
    viewer.close()
    assert session_files(demo_dir) == before
    assert not (session_dir / GLANCE_FILE).exists()
    assert runner.do("secret m2 no") == "OK"  # the lock holder still writes
    runner.close()


def test_a_second_program_cannot_take_a_running_session(demo_dir: Path, clock: Clock, programs: list[Program]) -> None:
    chair = start_meeting(demo_dir, clock)
    second = start(programs, demo_dir)
    assert second.first_line == "ERROR error.locked"
    chair.close()
    third = start(programs, demo_dir)
    assert third.first_line == "READY"  # free once the first one closed it
    third.close()


# --- the lock file deleted


@HELD_FILES_STAY
def test_a_deleted_lock_file_never_costs_a_vote(demo_dir: Path, clock: Clock, programs: list[Program]) -> None:
    """A runs the meeting; `lock` is deleted; B takes the session and records a vote; A stops, cutting nothing."""
    chair = start_meeting(demo_dir, clock)
    poll = chair.open_poll()
    a_voter, b_voter, later = poll.voters[0], poll.voters[1], poll.voters[2]
    chair.record_vote(a_voter, Choice.YES)
    lock_file = DataFolder(demo_dir).session_dir(PLANNED) / LOCK_FILE
    lock_file.unlink()

    intruder = start(programs, demo_dir)
    assert intruder.first_line == "READY"  # nothing held the path any more: B got a lock of its own
    assert intruder.do(f"vote {b_voter} no") == "OK"
    assert votes_on_disk(demo_dir) == {a_voter: "yes", b_voter: "no"}

    journal = DataFolder(demo_dir).journal_path(PLANNED)
    on_disk = journal.read_bytes()
    with pytest.raises(DomainError) as stopped:
        chair.record_vote(later, Choice.ABSTAIN)
    assert stopped.value.key == "error.lock_lost"
    assert "ngừng ghi" in str(stopped.value)  # the chair is told, in words
    assert journal.read_bytes() == on_disk  # B's acknowledged vote is still there, nothing appended
    assert chair.read_only and chair.read_only_error is not None
    assert chair.read_only_error.key == "error.lock_lost"
    with pytest.raises(DomainError):
        chair.record_vote(later, Choice.ABSTAIN)  # and it stays stopped
    chair.close()  # no checkpoint over B's, and B's holder file stays
    assert journal.read_bytes() == on_disk
    assert SessionLock(DataFolder(demo_dir).session_dir(PLANNED)).holder().pid == intruder.process.pid

    assert intruder.do(f"vote {later} abstain") == "OK"  # B runs on, whole
    intruder.close()
    assert votes_on_disk(demo_dir) == {a_voter: "yes", b_voter: "no", later: "abstain"}
    assert verify_session(demo_dir, PLANNED).ok


@HELD_FILES_STAY
def test_a_deleted_lock_file_stops_the_writer_even_before_anyone_takes_over(demo_dir: Path, clock: Clock) -> None:
    chair = start_meeting(demo_dir, clock)
    (DataFolder(demo_dir).session_dir(PLANNED) / LOCK_FILE).unlink()
    with pytest.raises(DomainError) as stopped:
        chair.open_poll()
    assert stopped.value.key == "error.lock_lost" and chair.read_only
    chair.close()
    assert verify_session(demo_dir, PLANNED).ok


# --- the journal changed under its writer


def foreign_record(journal: Path, kind: str = "note") -> bytes:
    """The next record of ``journal`` in its chain, as another program would append it."""
    found = read_journal(journal)
    seq, ts, data = found.seq + 1, "2026-11-22T15:00:00", {"by": "another program"}
    return Record(seq, ts, kind, data, found.head, record_hash(found.head, seq, ts, kind, data)).line()


def append_from_another_process(journal: Path, line: bytes, *, replace: bool = False) -> None:
    """Another process, not holding the lock, appends ``line`` (or rewrites the journal with it, as a new file)."""
    script = (
        "import os, sys\n"
        "path, line, replace = sys.argv[1], sys.argv[2].encode('utf-8'), sys.argv[3] == '1'\n"
        "if replace:\n"
        "    old = open(path, 'rb').read()\n"
        "    open(path + '.new', 'wb').write(old + line)\n"
        "    os.replace(path + '.new', path)\n"
        "else:\n"
        "    open(path, 'ab').write(line)\n"
    )
    subprocess.run(
        [sys.executable, "-c", script, str(journal), line.decode("utf-8"), "1" if replace else "0"], check=True
    )


@pytest.mark.parametrize("replace", [False, pytest.param(True, marks=HELD_FILES_STAY)], ids=["appended", "replaced"])
def test_a_writer_never_cuts_records_it_did_not_write(demo_dir: Path, clock: Clock, replace: bool) -> None:
    """Another process adds a record to the journal behind the writer's back: the writer stops, the record stays."""
    chair = start_meeting(demo_dir, clock)
    poll = chair.open_poll()
    chair.record_vote(poll.voters[0], Choice.YES)
    journal = DataFolder(demo_dir).journal_path(PLANNED)
    line = foreign_record(journal)
    append_from_another_process(journal, line, replace=replace)
    on_disk = journal.read_bytes()
    assert on_disk.endswith(line)

    with pytest.raises(DomainError) as stopped:
        chair.record_vote(poll.voters[1], Choice.NO)
    assert stopped.value.key == "error.journal_changed"
    assert "council verify" in str(stopped.value)
    assert journal.read_bytes() == on_disk  # the other program's record is not cut
    assert chair.read_only and chair.read_only_error is not None
    assert poll.voters[1] not in chair.record.polls[-1].votes  # the screen does not pretend
    chair.close()
    assert journal.read_bytes() == on_disk
    found = read_journal(journal)
    assert found.bad_line is None and found.records[-1].data == {"by": "another program"}


def test_a_journal_cut_under_its_writer_stops_it(demo_dir: Path, clock: Clock) -> None:
    chair = start_meeting(demo_dir, clock)
    journal = DataFolder(demo_dir).journal_path(PLANNED)
    with open(journal, "r+b") as other:
        other.truncate(os.path.getsize(journal) - 1)
    with pytest.raises(DomainError) as stopped:
        chair.open_poll()
    assert stopped.value.key == "error.journal_changed" and chair.read_only
    chair.close()


# --- the app tells the chair


async def chair_loses_the_session(data: Path, clock: Clock, programs: list[Program]) -> tuple[str, str, str]:
    """The chair votes in the app; meanwhile `lock` is deleted and a second program takes over and votes."""
    app = CouncilApp(data, session_id=PLANNED, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("v", "enter")  # an open vote on the first initiative
        assert isinstance(app.screen, VoteScreen)
        await pilot.press("y")
        (DataFolder(data).session_dir(PLANNED) / LOCK_FILE).unlink()
        intruder = start(programs, data)
        assert intruder.first_line == "READY"
        assert intruder.do("vote m7 no") == "OK"
        await pilot.press("y")
        await pilot.pause()
        notices = " ".join(str(n.message) for n in shown_notices(app))
        bar = str(app.screen.query_one(SessionBar).render())
        await pilot.press("ctrl+q")
    intruder.close()
    return notices, bar, str(app.return_code)


@HELD_FILES_STAY
def test_the_app_tells_the_chair_it_stopped_writing(demo_dir: Path, clock: Clock, programs: list[Program]) -> None:
    start_meeting(demo_dir, clock).close()
    notices, bar, _ = asyncio.run(chair_loses_the_session(demo_dir, clock, programs))
    assert "ngừng ghi" in notices and "CHỈ XEM" in bar
    votes = votes_on_disk(demo_dir)
    assert votes["m7"] == "no" and len(votes) == 2  # the chair's first vote and the other program's, no more
    assert verify_session(demo_dir, PLANNED).ok


async def vote_in_a_read_only_booth(data: Path, clock: Clock) -> tuple[str, bool, bool]:
    """App B takes "View read-only" of the session app A runs, opens the booth, and member 1 votes."""
    app = CouncilApp(data, session_id=PLANNED, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)  # "being run by another program": view read-only?
        await pilot.press("enter")
        assert app.service is not None and app.service.read_only
        await pilot.press("v", "b")
        await pilot.pause()
        # The booth does not open at all: no secret is asked, no ballot offered.
        received = isinstance(app.screen, (BoothScreen, SecretScreen, BallotScreen, ReceivedScreen))
        notices = " ".join(str(n.message) for n in shown_notices(app))
        offered = bool(app.screen.check_action("booth", ()))  # a read-only view may not even offer `b`
    return notices, received, offered


def test_the_read_only_apps_booth_takes_no_ballot(demo_dir: Path, clock: Clock, programs: list[Program]) -> None:
    chair = start(programs, demo_dir)
    for command in [f"attend m{n}" for n in range(1, 8)] + ["open", "poll secret"]:
        assert chair.do(command) == "OK"
    box = DataFolder(demo_dir).session_dir(PLANNED) / BOX_NAME
    before = box.read_bytes() if box.exists() else None
    notices, received, offered = asyncio.run(vote_in_a_read_only_booth(demo_dir, clock))
    assert not received  # "Your vote has been received" is not said
    assert "chỉ xem" in notices or not offered  # refused with the reason, or the key not offered at all
    assert (box.read_bytes() if box.exists() else None) == before
    assert chair.do("secret m1 yes") == "OK"  # the member votes, once, at the chair's booth
    assert chair.do("secret m1 no") == "ERROR error.already_voted"
    chair.close()


@HELD_FILES_STAY
@pytest.mark.parametrize("saved", [False, True], ids=["a change to save", "nothing to save"])
def test_closing_after_the_lock_was_taken_writes_nothing_over_the_new_holder(
    demo_dir: Path, clock: Clock, programs: list[Program], saved: bool
) -> None:
    """A's lock file is deleted and B takes the session; A then closes, without another change: B's files stay B's."""
    chair = start_meeting(demo_dir, clock, first_frame=lambda s: ({"shown": "by A"}, "vi"))
    chair.open_poll()
    if saved:
        chair.checkpoint()
    (DataFolder(demo_dir).session_dir(PLANNED) / LOCK_FILE).unlink()
    intruder = start(programs, demo_dir)
    assert intruder.first_line == "READY"
    assert intruder.do("vote m1 yes") == "OK"
    assert intruder.do("checkpoint") == "OK"
    before, running = session_files(demo_dir), (demo_dir / "state.json").read_bytes()
    chair.close()
    assert session_files(demo_dir) == before  # no checkpoint, glance or holder file of A's over B's
    assert (demo_dir / "state.json").read_bytes() == running  # B still runs it, as far as a restart knows
    assert SessionLock(DataFolder(demo_dir).session_dir(PLANNED)).holder().pid == intruder.process.pid
    assert intruder.do("vote m2 no") == "OK"
    intruder.close()
    assert votes_on_disk(demo_dir) == {"m1": "yes", "m2": "no"}
    assert verify_session(demo_dir, PLANNED).ok


def test_only_its_own_half_written_record_is_cut_by_a_writer(
    demo_dir: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A half-written record the disk would not let it take back is its own to cut; another's record after it is not."""
    chair = start_meeting(demo_dir, clock)
    poll = chair.open_poll()
    journal = DataFolder(demo_dir).journal_path(PLANNED)
    real_write, real_truncate = os.write, os.ftruncate
    mine = chair.journal._fd if chair.journal is not None else -1

    def half(fd: int, data: bytes) -> int:
        return real_write(fd, bytes(data)[: len(data) // 2]) if fd == mine else real_write(fd, data)

    def refuse(fd: int, length: int) -> None:
        if fd == mine:
            raise OSError(30, "Read-only file system")
        real_truncate(fd, length)

    monkeypatch.setattr(os, "write", half)
    monkeypatch.setattr(os, "ftruncate", refuse)
    with pytest.raises(DomainError):
        chair.record_vote(poll.voters[0], Choice.YES)
    monkeypatch.undo()
    torn = journal.read_bytes()
    append_from_another_process(journal, b"\n" + foreign_record(journal))  # ends the torn line, adds its own
    on_disk = journal.read_bytes()
    assert on_disk.startswith(torn) and len(on_disk) > len(torn)
    with pytest.raises(DomainError) as stopped:
        chair.record_vote(poll.voters[0], Choice.YES)
    assert stopped.value.key == "error.journal_changed"
    assert journal.read_bytes() == on_disk
    chair.close()
