"""The journal: torn last records at every byte, failed writes (disk full, read-only) and their cut-back."""

from __future__ import annotations

import datetime as dt
import errno
import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from models.errors import DomainError
from models.poll import Choice
from sessions.journal import GENESIS, Journal, read_journal
from sessions.reducer import EVENTS
from sessions.service import SessionService
from sessions.storage import DataFolder, dump_record
from sessions.verify import verify_session
from tests.conftest import PLANNED
from tests.meeting import crash, decide_item, journal_path, reanchor, start_meeting, state
from tests.session_writer import holding

Clock = Callable[[], dt.datetime]


def last_record_start(raw: bytes) -> int:
    return raw.rstrip(b"\n").rfind(b"\n") + 1


# --- torn writes: a power cut in the middle of the last append


def test_a_journal_cut_at_every_byte_of_its_last_record_loads_without_it(demo_dir: Path, clock: Clock) -> None:
    service = start_meeting(demo_dir, clock)
    decide_item(service)
    poll = service.open_poll()
    service.record_vote(poll.voters[0], Choice.NO)
    service.record_vote(poll.voters[1], Choice.ABSTAIN)  # the last record: after the last checkpoint
    crash(service)
    path = journal_path(demo_dir)
    raw = path.read_bytes()
    start = last_record_start(raw)
    path.write_bytes(raw[:start])
    before = state(demo_dir)
    records_before = read_journal(path).records
    assert before["polls"][-1]["votes"] == {poll.voters[0]: "no"}
    # A record torn by a crash was never acknowledged, so never anchored: the anchor names the one before.
    reanchor(path.parent, records_before[-1].seq, records_before[-1].hash)
    for cut in range(start + 1, len(raw)):  # up to the record without only its newline
        path.write_bytes(raw[:cut])
        record, report = DataFolder(demo_dir).load_record(PLANNED, deep=False)
        assert report.torn_bytes == cut - start
        assert report.damaged_line is None
        assert dump_record(record) == before
        assert read_journal(path).records == records_before
        if cut % 16 == 0 or cut == len(raw) - 1:  # the full check is slower; a sample of cuts is enough
            verified = verify_session(demo_dir, PLANNED)
            assert verified.ok and verified.torn_bytes == cut - start


def test_opening_a_torn_journal_drops_the_half_record_and_tells_the_chair(demo_dir: Path, clock: Clock) -> None:
    service = start_meeting(demo_dir, clock)
    poll = service.open_poll()
    service.record_vote(poll.voters[0], Choice.YES)
    service.record_vote(poll.voters[1], Choice.NO)
    crash(service)
    path = journal_path(demo_dir)
    raw = path.read_bytes()
    start = last_record_start(raw)
    torn = (len(raw) - start) // 2
    path.write_bytes(raw[: start + torn])
    last = read_journal(path).records[-1]  # a torn record was never acknowledged, so never anchored
    reanchor(path.parent, last.seq, last.hash)
    reopened = SessionService(DataFolder(demo_dir), PLANNED, clock=clock)
    message = reopened.recovery_message()
    assert f"({torn} byte)" in message
    assert "ghi dở" in message and "khôi phục" in message.lower()
    assert reopened.record.open_poll().votes == {poll.voters[0]: Choice.YES}
    assert path.read_bytes() == raw[:start]  # the half record is gone from the file too
    reopened.record_vote(poll.voters[1], Choice.NO)  # and the next change chains on the good prefix
    reopened.close()
    assert verify_session(demo_dir, PLANNED).ok
    assert read_journal(path).torn_bytes == 0


# --- failed writes: the disk refuses (full, read-only, I/O error)


def failing(monkeypatch: pytest.MonkeyPatch, name: str, code: int, when: Callable[..., bool]) -> list[int]:
    """Make ``os.<name>`` raise OSError(code) for calls where ``when(*args)`` is true; returns a call count."""
    real = getattr(os, name)
    calls = [0]

    def fake(*args: object, **kwargs: object) -> object:
        if when(*args):
            calls[0] += 1
            raise OSError(code, os.strerror(code))
        return real(*args, **kwargs)

    monkeypatch.setattr(os, name, fake)
    return calls


def on_journal(service: SessionService) -> Callable[..., bool]:
    return lambda fd, *rest: service.journal is not None and fd == service.journal._fd


@pytest.mark.parametrize(
    ("call", "code"),
    [("write", errno.ENOSPC), ("write", errno.EROFS), ("fsync", errno.EIO), ("fsync", errno.ENOSPC)],
)
def test_a_vote_the_disk_refuses_is_not_recorded_anywhere(
    demo_dir: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch, call: str, code: int
) -> None:
    service = start_meeting(demo_dir, clock)
    poll = service.open_poll()
    service.record_vote(poll.voters[0], Choice.YES)
    on_disk, in_memory = journal_path(demo_dir).read_bytes(), dump_record(service.record)
    calls = failing(monkeypatch, call, code, on_journal(service))
    with pytest.raises(DomainError) as caught:
        service.record_vote(poll.voters[1], Choice.NO)
    assert calls[0] >= 1
    assert caught.value.key == "error.write_failed"
    message = str(caught.value)
    assert "Chưa có gì được ghi nhận" in message and os.strerror(code) in message
    assert dump_record(service.record) == in_memory  # the screen does not pretend
    assert journal_path(demo_dir).read_bytes() == on_disk
    assert verify_session(demo_dir, PLANNED).ok
    monkeypatch.undo()  # space freed: the same key now works
    service.record_vote(poll.voters[1], Choice.NO)
    service.close()
    assert state(demo_dir)["polls"][-1]["votes"] == {poll.voters[0]: "yes", poll.voters[1]: "no"}
    assert verify_session(demo_dir, PLANNED).ok


def test_a_half_written_record_that_cannot_be_taken_back_is_cut_before_the_next_one(
    demo_dir: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Short write, then the cut-back fails too (read-only remount): the next append repairs first."""
    service = start_meeting(demo_dir, clock)
    poll = service.open_poll()
    on_disk = journal_path(demo_dir).read_bytes()
    real_write = os.write
    is_journal = on_journal(service)

    def short_write(fd: int, data: bytes) -> int:
        if is_journal(fd):
            return real_write(fd, bytes(data)[: len(data) // 2])
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", short_write)
    failing(monkeypatch, "ftruncate", errno.EROFS, is_journal)
    with pytest.raises(DomainError, match="Không ghi được"):
        service.record_vote(poll.voters[0], Choice.YES)
    assert journal_path(demo_dir).read_bytes().startswith(on_disk)
    assert len(journal_path(demo_dir).read_bytes()) > len(on_disk)  # the torn half is on disk
    assert not service.record.open_poll().votes
    reader = DataFolder(demo_dir).load_record(PLANNED)[1]  # another program reading now: the half is dropped
    assert reader.torn_bytes and reader.damaged_line is None
    monkeypatch.undo()
    service.record_vote(poll.voters[0], Choice.YES)
    assert read_journal(journal_path(demo_dir)).torn_bytes == 0
    service.close()
    assert verify_session(demo_dir, PLANNED).ok
    assert state(demo_dir)["polls"][-1]["votes"] == {poll.voters[0]: "yes"}


def test_a_checkpoint_the_disk_refuses_loses_nothing(
    demo_dir: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The checkpoint is a convenience: the closed poll is in the journal, so it is recorded and shown."""
    service = start_meeting(demo_dir, clock)
    poll = service.open_poll()
    for voter in poll.voters:
        service.record_vote(voter, Choice.YES)
    checkpoint = DataFolder(demo_dir).session_dir(PLANNED) / "session.json"
    old = checkpoint.read_bytes()
    failing(monkeypatch, "replace", errno.ENOSPC, lambda *args: True)
    result = service.close_poll()
    assert result.passed
    assert service.checkpoint_error is not None and service.checkpoint_error.key == "error.write_failed"
    assert checkpoint.read_bytes() == old
    assert not list(checkpoint.parent.glob("*.tmp-council"))  # no half-written file left behind
    crash(service)
    monkeypatch.undo()
    reopened = SessionService(DataFolder(demo_dir), PLANNED, clock=clock)
    assert reopened.record.polls[-1].result is not None and reopened.record.polls[-1].result.passed
    assert reopened.report.replayed > 0
    reopened.close()


def test_a_session_on_a_read_only_disk_opens_read_only(
    demo_dir: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = DataFolder(demo_dir)
    lock_path = str(folder.session_dir(PLANNED) / "lock")
    real_open = os.open

    def ro_open(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if str(path) == lock_path and flags & os.O_CREAT:
            raise OSError(errno.EROFS, os.strerror(errno.EROFS))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", ro_open)
    with pytest.raises(DomainError) as caught:
        SessionService(folder, PLANNED, clock=clock)
    assert caught.value.key == "error.write_failed" and os.strerror(errno.EROFS) in str(caught.value)
    viewer = SessionService(folder, PLANNED, clock=clock, read_only=True)
    assert viewer.record.session.id == PLANNED
    with pytest.raises(DomainError) as refused:
        viewer.set_attendance("m1", viewer.record.presence("m1"))
    assert refused.value.key in ("error.read_only", "error.write_failed")


def test_a_change_that_cannot_be_applied_is_taken_back(
    demo_dir: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fault after the journal write (a bug) must not leave a record the state does not show."""
    service = start_meeting(demo_dir, clock)
    poll = service.open_poll()
    on_disk, in_memory = journal_path(demo_dir).read_bytes(), dump_record(service.record)

    def broken(self: object, data: dict, ts: str) -> None:
        self._polls[data["poll_id"]].votes[data["member_id"]] = Choice.YES  # half-applied, then fails
        raise RuntimeError("bug")

    monkeypatch.setitem(EVENTS, "vote_recorded", replace(EVENTS["vote_recorded"], handler=broken))
    with pytest.raises(RuntimeError):
        service.record_vote(poll.voters[0], Choice.NO)
    assert journal_path(demo_dir).read_bytes() == on_disk
    assert dump_record(service.record) == in_memory
    monkeypatch.undo()
    service.record_vote(poll.voters[0], Choice.NO)
    service.close()
    assert verify_session(demo_dir, PLANNED).ok


# --- the journal file itself


@pytest.mark.skipif(os.name == "nt", reason="folders are synced on POSIX only (sessions/platform.py)")
def test_a_new_journal_is_made_durable_with_its_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[Path] = []
    real = os.fsync

    def spy(fd: int) -> None:
        synced.append(Path(os.readlink(f"/proc/self/fd/{fd}")))
        real(fd)

    monkeypatch.setattr(os, "fsync", spy)
    path = tmp_path / "sessions" / "new" / "journal.jsonl"
    with holding(path.parent):
        journal = Journal(path)
        journal.append("session_created", {"record": {}}, "2026-11-22T08:00:00")
        journal.close()
    for folder in (tmp_path, tmp_path / "sessions", tmp_path / "sessions" / "new"):
        assert folder in synced  # each new name is durable in its parent
    assert path in synced
    found = read_journal(path)
    assert found.seq == 1 and found.records[0].prev == GENESIS


def test_appends_chain_and_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / "journal.jsonl"
    with holding(tmp_path):
        journal = Journal(path)
        for n in range(5):
            journal.append("note", {"n": n, "text": "Nguyễn Thị Mai – phiếu kín"}, f"2026-11-22T08:0{n}:00")
        journal.close()
        reopened, found = Journal.open(path)
        assert [r.data["n"] for r in found.records] == list(range(5))
        record = reopened.append("note", {"n": 5}, "2026-11-22T08:05:00")
        assert record.seq == 6 and record.prev == found.head
        reopened.close()
    assert read_journal(path).seq == 6


def test_opening_a_damaged_journal_for_writing_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "journal.jsonl"
    with holding(tmp_path):
        journal = Journal(path)
        for n in range(3):
            journal.append("note", {"n": n}, "2026-11-22T08:00:00")
        journal.close()
    path.write_bytes(path.read_bytes().replace(b'"n":1', b'"n":7'))
    with pytest.raises(DomainError) as caught:
        Journal.open(path)
    assert caught.value.key == "error.journal_damaged" and caught.value.params["line"] == 2
