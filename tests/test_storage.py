"""Loading a session: checkpoint plus journal replay, what the chair is told, which session to reopen."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from models.i18n import set_language
from models.poll import Choice
from sessions import storage
from sessions.journal import read_journal
from sessions.recovery import recovery_message
from sessions.service import SessionService
from sessions.storage import DataFolder, LoadReport, dump_record
from sessions.tinystore import read_tables
from sessions.verify import verify_session
from tests.conftest import FIRST, PLANNED
from tests.meeting import crash, decide_item, journal_path, start_meeting, state

Clock = Callable[[], dt.datetime]


def full_replay(data: Path) -> dict:
    """The state from the journal alone, ignoring the checkpoint."""
    folder = DataFolder(data)
    reducer = folder.replay(PLANNED, read_journal(folder.journal_path(PLANNED)), LoadReport())
    assert reducer is not None
    return dump_record(reducer.record)


def test_changes_after_the_last_checkpoint_are_replayed_once(demo_dir: Path, clock: Clock) -> None:
    service = start_meeting(demo_dir, clock)
    decide_item(service)
    poll = service.open_poll()
    service.record_vote(poll.voters[0], Choice.YES)
    service.record_vote(poll.voters[1], Choice.NO)
    expected = dump_record(service.record)
    crash(service)
    for _ in range(3):  # crash again and again while reopening: nothing is applied twice
        reopened = SessionService(DataFolder(demo_dir), PLANNED, clock=clock)
        assert reopened.report.replayed == 4  # next item, poll opened, two votes
        assert reopened.report.checkpoint_seq is not None
        assert dump_record(reopened.record) == expected == full_replay(demo_dir)
        crash(reopened)
    reopened = SessionService(DataFolder(demo_dir), PLANNED, clock=clock)
    reopened.close()
    again = SessionService(DataFolder(demo_dir), PLANNED, clock=clock)
    assert again.report.replayed == 0 and again.recovery_message() == ""
    assert dump_record(again.record) == expected
    again.close()


def test_the_app_reopens_on_the_same_item_and_open_poll(demo_dir: Path, clock: Clock) -> None:
    last = DataFolder(demo_dir).last_session()
    assert last is None or not last.running  # the demo closed the session it ran
    service = start_meeting(demo_dir, clock)
    decide_item(service)
    poll = service.open_poll()
    service.record_vote(poll.voters[0], Choice.ABSTAIN)
    crash(service)
    last = DataFolder(demo_dir).last_session()
    assert last is not None and (last.session_id, last.running) == (PLANNED, True)
    reopened = SessionService(DataFolder(demo_dir), last.session_id, clock=clock)
    assert reopened.record.session.current_index == 1
    assert reopened.record.open_poll() is not None and reopened.record.open_poll().id == poll.id
    assert reopened.record.open_poll().votes == {poll.voters[0]: Choice.ABSTAIN}
    reopened.close()
    last = DataFolder(demo_dir).last_session()
    assert last is not None and (last.session_id, last.running) == (PLANNED, False)


def test_a_last_session_that_is_gone_is_not_offered(demo_dir: Path, clock: Clock) -> None:
    SessionService(DataFolder(demo_dir), FIRST, clock=clock).close()
    assert DataFolder(demo_dir).last_session().session_id == FIRST
    (demo_dir / "sessions" / FIRST / "journal.jsonl").unlink()
    assert DataFolder(demo_dir).last_session() is None
    (demo_dir / "state.json").write_text("{not json", encoding="utf-8")
    assert DataFolder(demo_dir).last_session() is None


def test_the_recovery_message_in_both_languages(demo_dir: Path, clock: Clock) -> None:
    service = start_meeting(demo_dir, clock)
    poll = service.open_poll()
    service.record_vote(poll.voters[0], Choice.YES)
    service.record_vote(poll.voters[1], Choice.YES)
    crash(service)
    with journal_path(demo_dir).open("ab") as journal:
        journal.write(b'{"data":{"member_id":')
    reopened = SessionService(DataFolder(demo_dir), PLANNED, clock=clock)
    report = reopened.report
    assert (report.replayed, report.torn_bytes) == (3, 21)
    assert report.previous_holder is not None
    set_language("en")
    assert reopened.recovery_message() == (
        f"The previous run of this session (process {report.previous_holder.pid} on {report.previous_holder.host}, "
        f"since {report.previous_holder.since}) ended without closing it. "
        "3 changes made since the last save point were recovered from the journal. "
        "A half-written last change (21 bytes) was dropped: it had not been shown as recorded. "
        "Everything that was shown as recorded is there."
    )
    set_language("vi")
    assert "Đã khôi phục 3 thay đổi" in reopened.recovery_message()
    reopened.close()
    assert recovery_message(LoadReport()) == ""


def test_a_checkpoint_newer_than_the_journal_is_damage(demo_dir: Path, clock: Clock) -> None:
    """The checkpoint is written after the journal, so a journal shorter than it lost records."""
    service = start_meeting(demo_dir, clock)
    decide_item(service)
    service.close()
    raw = journal_path(demo_dir).read_bytes()
    journal_path(demo_dir).write_bytes(raw[: raw.rstrip(b"\n").rfind(b"\n") + 1])
    record, report = DataFolder(demo_dir).load_record(PLANNED)
    assert report.damaged and report.damage_reason == "truncated"  # the anchor names the lost record
    assert dump_record(record) == full_replay(demo_dir)  # what the journal says, for reading
    viewer = SessionService(DataFolder(demo_dir), PLANNED, clock=clock)
    assert viewer.read_only and viewer.read_only_error.key == "error.journal_truncated"
    viewer.close()


def test_without_a_checkpoint_the_session_is_rebuilt_from_the_journal(demo_dir: Path, clock: Clock) -> None:
    service = start_meeting(demo_dir, clock)
    decide_item(service)
    expected = dump_record(service.record)
    service.close()
    (DataFolder(demo_dir).session_dir(PLANNED) / "session.json").unlink()
    reopened = SessionService(DataFolder(demo_dir), PLANNED, clock=clock)
    assert dump_record(reopened.record) == expected
    assert reopened.report.checkpoint_seq is None and "dựng lại" in reopened.recovery_message()
    reopened.close()
    assert verify_session(demo_dir, PLANNED).ok


def test_a_reader_never_sees_the_checkpoint_ahead_of_the_journal(
    demo_dir: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program reads (export, verify) while the meeting runs: the writer may append a change
    and write a checkpoint between the reader's two reads. Reading the checkpoint first makes that safe."""
    service = start_meeting(demo_dir, clock)
    poll = service.open_poll()
    real_read = storage.read_journal
    voters = iter(poll.voters)

    def writer_moves_on_first(path: Path) -> object:
        service.record_vote(next(voters), Choice.YES)
        service.checkpoint()
        return real_read(path)

    monkeypatch.setattr(storage, "read_journal", writer_moves_on_first)
    for _ in range(3):
        _, report = DataFolder(demo_dir).load_record(PLANNED)
        assert not report.damaged
    monkeypatch.undo()
    service.close()


def test_checkpoints_are_tinydb_files_with_the_chain_head(demo_dir: Path, clock: Clock) -> None:
    service = start_meeting(demo_dir, clock)
    decide_item(service)
    service.close()
    tables = read_tables(DataFolder(demo_dir).session_dir(PLANNED) / "session.json")
    meta = tables["meta"][0]
    found = read_journal(journal_path(demo_dir))
    assert (meta["schema_version"], meta["journal_seq"], meta["chain_head"]) == (2, found.seq, found.head)
    assert len(tables["members"]) == 7 and tables["polls"][0]["votes"]
    assert state(demo_dir)["session"]["current_index"] == 1
