"""Each checkpoint's fingerprint is journaled: opening trusts a checkpoint the journal vouches for, and only that."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from models.errors import DomainError
from models.poll import Choice, PollMode
from sessions import storage
from sessions.journal import read_journal
from sessions.reducer import Reducer
from sessions.service import SessionService
from sessions.storage import CHECKPOINT_EVENT, DataFolder, dump_record, moved_position
from sessions.tinystore import read_tables
from sessions.verify import verify_session
from tests.conftest import BOOTH_SECRET, PLANNED
from tests.meeting import crash, decide_item, journal_path, start_meeting

Clock = Callable[[], dt.datetime]


def checkpoint_path(data: Path) -> Path:
    return DataFolder(data).session_dir(PLANNED) / "session.json"


def full_replay(data: Path) -> dict:
    """The state the journal alone gives, every record applied from the first."""
    found = read_journal(journal_path(data))
    reducer = Reducer.__new__(Reducer)
    for record in found.records:
        reducer.apply(record.type, record.data, record.ts)
    return dump_record(reducer.record)


def test_a_checkpoint_stands_at_its_own_fingerprint_record(demo_dir: Path, clock: Clock) -> None:
    service = start_meeting(demo_dir, clock)
    decide_item(service)
    service.close()
    found = read_journal(journal_path(demo_dir))
    meta = read_tables(checkpoint_path(demo_dir))["meta"][0]
    mark = found.records[meta["journal_seq"] - 1]
    assert (meta["journal_seq"], meta["chain_head"]) == (found.seq, found.head)
    assert mark.type == CHECKPOINT_EVENT and mark.data["seq"] == found.seq - 1
    content = checkpoint_path(demo_dir).read_bytes()
    as_fingerprinted = moved_position(content, (found.seq, found.head), (found.seq - 1, found.records[-2].hash))
    assert as_fingerprinted is not None
    assert hashlib.sha256(as_fingerprinted).hexdigest() == mark.data["sha256"]
    # Only when a checkpoint is taken, not per vote.
    kinds = [r.type for r in found.records]
    assert kinds.count("vote_recorded") > kinds.count(CHECKPOINT_EVENT) > 0


def test_opening_uses_a_fingerprinted_checkpoint_and_replays_only_what_follows(
    demo_dir: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = start_meeting(demo_dir, clock)
    decide_item(service)
    poll = service.open_poll()
    service.record_vote(poll.voters[0], Choice.NO)
    service.record_vote(poll.voters[1], Choice.YES)
    expected = dump_record(service.record)
    crash(service)
    applied: list[str] = []
    real_apply = Reducer.apply
    monkeypatch.setattr(
        Reducer, "apply", lambda self, kind, data, ts: (applied.append(kind), real_apply(self, kind, data, ts))
    )
    reopened = SessionService(DataFolder(demo_dir), PLANNED, clock=clock)
    assert not reopened.read_only
    assert applied == ["item_selected", "poll_opened", "vote_recorded", "vote_recorded"]  # none before it
    assert reopened.report.replayed == 4
    assert dump_record(reopened.record) == expected == full_replay(demo_dir)
    reopened.close()


def test_an_edited_checkpoint_is_still_found_and_named(demo_dir: Path, clock: Clock) -> None:
    service = start_meeting(demo_dir, clock)
    decide_item(service)
    service.close()
    path = checkpoint_path(demo_dir)
    raw = json.loads(path.read_bytes())
    first = raw["initiatives"]["1"]
    first["title"] = first["title"] + " (sửa)"
    path.write_bytes(json.dumps(raw, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8"))
    record, report = DataFolder(demo_dir).load_record(PLANNED)
    assert (report.damaged, report.damage_reason) == (True, "checkpoint_content")
    assert dump_record(record) == full_replay(demo_dir)
    viewer = SessionService(DataFolder(demo_dir), PLANNED, clock=clock)
    assert viewer.read_only and viewer.read_only_error.key == "error.checkpoint_damaged"
    viewer.close()
    verdict = verify_session(demo_dir, PLANNED)
    assert (verdict.ok, verdict.reason) == (False, "checkpoint_content")


def test_a_checkpoint_rewritten_byte_for_byte_the_same_except_spacing_is_checked_in_full(
    demo_dir: Path, clock: Clock
) -> None:
    service = start_meeting(demo_dir, clock)
    decide_item(service)
    service.close()
    path = checkpoint_path(demo_dir)
    path.write_bytes(json.dumps(json.loads(path.read_bytes()), ensure_ascii=False, indent=2).encode("utf-8"))
    record, report = DataFolder(demo_dir).load_record(PLANNED)
    assert not report.damaged  # same content: the full check finds nothing wrong
    assert dump_record(record) == full_replay(demo_dir)


def test_a_crash_between_the_fingerprint_and_the_checkpoint_loses_nothing(
    demo_dir: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = start_meeting(demo_dir, clock)
    decide_item(service)
    before = checkpoint_path(demo_dir).read_bytes()
    real_write = storage.write_session_file

    def power_cut(path: Path, data: bytes) -> None:
        if path.name == "session.json":
            raise DomainError("error.write_failed", path=str(path), detail="power cut")
        real_write(path, data)

    monkeypatch.setattr(storage, "write_session_file", power_cut)
    poll = service.open_poll()
    for voter in poll.voters:
        service.record_vote(voter, Choice.NO)
    service.close_poll()  # closing a poll takes a checkpoint: its fingerprint is journaled, the file is not
    expected = dump_record(service.record)
    crash(service)
    monkeypatch.setattr(storage, "write_session_file", real_write)
    found = read_journal(journal_path(demo_dir))
    assert found.records[-1].type == CHECKPOINT_EVENT
    assert checkpoint_path(demo_dir).read_bytes() == before
    reopened = SessionService(DataFolder(demo_dir), PLANNED, clock=clock)
    assert not reopened.read_only
    assert dump_record(reopened.record) == expected
    reopened.next_item()
    decide_item(reopened)
    reopened.close()
    assert verify_session(demo_dir, PLANNED).ok
    again = SessionService(DataFolder(demo_dir), PLANNED, clock=clock)
    assert again.report.replayed == 0 and not again.read_only
    again.close()


def test_a_checkpoint_during_a_secret_ballot_holds_no_ballot(demo_dir: Path, clock: Clock) -> None:
    service = start_meeting(demo_dir, clock)
    poll = service.open_poll(mode=PollMode.SECRET)
    service.booth.open(BOOTH_SECRET)
    for voter in poll.voters:
        service.booth.cast(voter, Choice.NO)
    service._since_checkpoint += 1
    service.checkpoint()
    crash(service)
    polls = read_tables(checkpoint_path(demo_dir))["polls"]
    assert polls[-1]["votes"] == {}
    assert read_journal(journal_path(demo_dir)).records[-1].type == CHECKPOINT_EVENT
    reopened = SessionService(DataFolder(demo_dir), PLANNED, clock=clock)
    assert not reopened.read_only
    reopened.close()
