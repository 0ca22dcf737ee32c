"""Tamper evidence: one changed byte, a reordered, deleted or re-typed record, an edited checkpoint."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from cli import main
from models.errors import DomainError
from models.poll import Choice
from models.session import Presence
from sessions.anchor import remove_anchor
from sessions.exporting import export_session
from sessions.service import SessionService
from sessions.storage import DataFolder
from sessions.tinystore import read_tables, write_tables
from sessions.verify import verify_session
from tests.conftest import FIRST, PLANNED
from tests.meeting import crash, decide_item, journal_path, start_meeting

Clock = Callable[[], dt.datetime]


@pytest.fixture
def meeting(demo_dir: Path, clock: Clock) -> Path:
    """The planned session with two items decided and a vote in progress, closed properly."""
    service = start_meeting(demo_dir, clock)
    decide_item(service)
    decide_item(service, Choice.NO)
    poll = service.open_poll()
    service.record_vote(poll.voters[0], Choice.YES)
    service.close()
    return demo_dir


def lines_of(data: Path) -> list[bytes]:
    return journal_path(data).read_bytes().split(b"\n")[:-1]


def write_lines(data: Path, lines: list[bytes]) -> None:
    journal_path(data).write_bytes(b"".join(line + b"\n" for line in lines))


def test_one_changed_byte_in_any_record_is_detected_and_named(meeting: Path) -> None:
    original = journal_path(meeting).read_bytes()
    lines = lines_of(meeting)
    assert len(lines) > 30
    offset = 0
    for number, line in enumerate(lines, start=1):
        for position in sorted({0, 1, 7, len(line) // 3, len(line) // 2, len(line) - 70, len(line) - 2, len(line) - 1}):
            damaged = bytearray(original)
            damaged[offset + position] ^= 0x01  # one bit of one byte
            journal_path(meeting).write_bytes(bytes(damaged))
            report = verify_session(meeting, PLANNED)
            assert not report.ok, (number, position)
            assert report.bad_record == number, (number, position, report)
        offset += len(line) + 1
    journal_path(meeting).write_bytes(original)
    assert verify_session(meeting, PLANNED).ok


def test_a_changed_newline_between_records_is_detected(meeting: Path) -> None:
    lines = lines_of(meeting)
    write_lines(meeting, [*lines[:4], lines[4] + b" " + lines[5], *lines[6:]])
    report = verify_session(meeting, PLANNED)
    assert not report.ok and report.bad_record == 5


def test_reordered_records_are_detected(meeting: Path) -> None:
    lines = lines_of(meeting)
    lines[10], lines[11] = lines[11], lines[10]
    write_lines(meeting, lines)
    report = verify_session(meeting, PLANNED)
    assert (report.ok, report.bad_record, report.reason) == (False, 11, "chain")


def test_a_deleted_record_is_detected(meeting: Path) -> None:
    lines = lines_of(meeting)
    write_lines(meeting, lines[:20] + lines[21:])
    report = verify_session(meeting, PLANNED)
    assert (report.ok, report.bad_record, report.reason) == (False, 21, "chain")


def test_deleted_last_records_are_detected_by_the_anchor_and_by_the_checkpoint(meeting: Path) -> None:
    lines = lines_of(meeting)
    write_lines(meeting, lines[:-2])
    report = verify_session(meeting, PLANNED)
    assert (report.ok, report.bad_record, report.reason) == (False, len(lines), "truncated")
    remove_anchor(DataFolder(meeting).session_dir(PLANNED))
    report = verify_session(meeting, PLANNED)
    assert (report.ok, report.bad_record, report.reason) == (False, len(lines), "checkpoint")


def test_a_record_retyped_with_the_same_meaning_is_detected(meeting: Path) -> None:
    lines = lines_of(meeting)
    doc = json.loads(lines[7])
    lines[7] = json.dumps(doc, ensure_ascii=False).encode("utf-8")  # spaces after separators, same values
    write_lines(meeting, lines)
    report = verify_session(meeting, PLANNED)
    assert (report.ok, report.bad_record, report.reason) == (False, 8, "format")


def test_a_changed_checkpoint_head_is_detected(meeting: Path) -> None:
    path = DataFolder(meeting).session_dir(PLANNED) / "session.json"
    tables = read_tables(path)
    tables["meta"][0]["chain_head"] = "f" * 64
    write_tables(path, tables)
    report = verify_session(meeting, PLANNED)
    assert (report.ok, report.reason) == (False, "checkpoint")
    assert "không khớp nhật ký" in report.message()


def test_a_vote_changed_in_the_checkpoint_is_detected(meeting: Path) -> None:
    """The checkpoint is not hashed, but it must equal what the journal says up to its record."""
    path = DataFolder(meeting).session_dir(PLANNED) / "session.json"
    tables = read_tables(path)
    poll = tables["polls"][0]
    voter = sorted(poll["votes"])[0]
    poll["votes"][voter] = "no" if poll["votes"][voter] == "yes" else "yes"
    write_tables(path, tables)
    report = verify_session(meeting, PLANNED)
    assert (report.ok, report.reason) == (False, "checkpoint_content")
    assert report.bad_record == tables["meta"][0]["journal_seq"]


def test_an_unreadable_checkpoint_is_reported_and_the_journal_still_shows_the_session(meeting: Path) -> None:
    path = DataFolder(meeting).session_dir(PLANNED) / "session.json"
    path.write_bytes(path.read_bytes()[:100])
    report = verify_session(meeting, PLANNED)
    assert not report.ok and "session.json" in report.message()
    record, loaded = DataFolder(meeting).load_record(PLANNED)
    assert loaded.damaged and len(record.polls) == 3  # rebuilt from the journal for reading


def test_the_service_refuses_to_write_to_a_damaged_session(meeting: Path, clock: Clock) -> None:
    lines = lines_of(meeting)
    lines[12] = lines[12].replace(b'"seq":13', b'"seq":31')
    write_lines(meeting, lines)
    service = SessionService(DataFolder(meeting), PLANNED, clock=clock)
    assert service.read_only and service.lock is None  # the lock is free for `council restore`
    assert service.read_only_error is not None
    message = str(service.read_only_error)
    assert "bản ghi 13" in message and "council verify" in message and "chỉ mở để xem" in message
    with pytest.raises(DomainError) as caught:
        service.set_attendance("m1", Presence.LATE)
    assert caught.value.key == "error.journal_damaged" and "bản ghi 13" in str(caught.value)
    assert service.recovery_message() == ""
    service.close()


def test_an_edited_checkpoint_makes_the_session_read_only_too(meeting: Path, clock: Clock) -> None:
    path = DataFolder(meeting).session_dir(PLANNED) / "session.json"
    tables = read_tables(path)
    tables["initiatives"][0]["title"] = "Một tên khác"
    write_tables(path, tables)
    service = SessionService(DataFolder(meeting), PLANNED, clock=clock)
    assert service.read_only and service.read_only_error is not None
    assert service.read_only_error.key == "error.checkpoint_damaged"
    assert service.record.initiatives[tables["initiatives"][0]["id"]].title != "Một tên khác"  # the journal's word
    service.close()


def test_council_verify_prints_ok_or_names_the_record(meeting: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verify", PLANNED, "--data", str(meeting), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("OK:") and "chain head" in out
    lines = lines_of(meeting)
    lines[3] = lines[3].replace(b'"ts":"2026', b'"ts":"2025')
    write_lines(meeting, lines)
    assert main(["verify", PLANNED, "--data", str(meeting), "--lang", "en"]) == 3
    out = capsys.readouterr().out
    assert "FAILED at record 4" in out and "does not match its hash" in out


def test_verify_mentions_a_half_written_last_record(meeting: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with journal_path(meeting).open("ab") as journal:
        journal.write(b'{"data":{"member_id":"m2"')
    assert main(["verify", PLANNED, "--data", str(meeting), "--lang", "en"]) == 0
    assert "half-written" in capsys.readouterr().out


def test_the_minutes_print_the_chain_head_that_verify_prints(demo_dir: Path, tmp_path: Path) -> None:
    head = verify_session(demo_dir, FIRST).head
    minutes = export_session(demo_dir, FIRST, "md", tmp_path / "minutes.md").read_text(encoding="utf-8")
    assert head[:16] in minutes


def test_verify_while_a_crash_left_changes_after_the_checkpoint(demo_dir: Path, clock: Clock) -> None:
    service = start_meeting(demo_dir, clock)
    poll = service.open_poll()
    service.record_vote(poll.voters[0], Choice.YES)
    crash(service)
    assert verify_session(demo_dir, PLANNED).ok
