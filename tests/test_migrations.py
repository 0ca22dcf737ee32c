"""Schema versions: files of version 0 (kept in tests/data/schema_v0) load and migrate; newer files are refused."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from models.errors import DomainError
from models.poll import Choice
from models.record import SCHEMA_VERSION
from sessions.journal import Journal, read_journal
from sessions.migrations import SCHEMA_MARK
from sessions.service import SessionService
from sessions.storage import DataFolder, dump_record
from sessions.tinystore import read_tables, write_tables
from sessions.verify import verify_session
from tests.session_writer import holding

Clock = Callable[[], dt.datetime]
SAMPLES = Path(__file__).parent / "data" / "schema_v0"
SESSION = "2026-11-22"


@pytest.fixture
def old_data(tmp_path: Path) -> Path:
    """A copy of the version-0 data folder."""
    target = tmp_path / "old"
    shutil.copytree(SAMPLES, target, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return target


def test_the_samples_really_are_version_0() -> None:
    council = json.loads((SAMPLES / "council.json").read_text(encoding="utf-8"))
    assert "schema_version" not in council["council"]["1"]
    assert all("seat" not in m for m in council["members"].values())
    checkpoint = json.loads((SAMPLES / "sessions" / SESSION / "session.json").read_text(encoding="utf-8"))
    assert "schema_version" not in checkpoint["meta"]["1"]
    assert any(isinstance(i["benefit_vnd"], str) and i["benefit_vnd"] for i in checkpoint["initiatives"].values())
    first = read_journal(SAMPLES / "sessions" / SESSION / "journal.jsonl").records[0]
    assert "schema_version" not in first.data["record"]


def test_a_version_0_council_loads_with_seats_in_list_order(old_data: Path) -> None:
    council = DataFolder(old_data).load_council()
    assert [(m.id, m.seat) for m in council.members] == [(f"m{n}", n) for n in range(1, 8)]
    assert council.info.name.startswith("Hội đồng Sáng kiến")
    DataFolder(old_data).save_council(council)  # saved in the current layout
    saved = read_tables(old_data / "council.json")
    assert saved["council"][0]["schema_version"] == SCHEMA_VERSION and saved["members"][0]["seat"] == 1


def test_a_version_0_session_loads_migrated_and_verifies(old_data: Path) -> None:
    record, report = DataFolder(old_data).load_record(SESSION)
    assert report.journal_version == 0 and not report.damaged
    # A checkpoint older than version 2 is not used (it lacks the actual times): all 34 records are replayed.
    assert report.replayed == 34 and report.checkpoint_seq is None
    assert [m.seat for m in record.voting_members] == list(range(1, 8))
    assert record.initiatives["sk-2026-20"].benefit_vnd == 24_000_000  # was "24.000.000"
    assert record.findings["sk-2026-11"].confirmed_benefit_vnd == 61_000_000  # was "61.000.000 đồng"
    assert record.findings["sk-2026-10"].confirmed_benefit_vnd is None  # was ""
    assert record.open_poll() is not None and len(record.open_poll().votes) == 3
    assert verify_session(old_data, SESSION).ok


def test_running_a_version_0_session_marks_the_journal_and_writes_the_current_layout(
    old_data: Path, clock: Clock
) -> None:
    journal = old_data / "sessions" / SESSION / "journal.jsonl"
    old_bytes = journal.read_bytes()
    service = SessionService(DataFolder(old_data), SESSION, clock=clock)
    poll = service.record.open_poll()
    missing = [m for m in poll.voters if m not in poll.votes]
    service.record_vote(missing[0], Choice.NO)
    expected = dump_record(service.record)
    service.close()
    assert journal.read_bytes().startswith(old_bytes)  # old records are never rewritten (the chain holds)
    found = read_journal(journal)
    changes = [r for r in found.records if r.type != "checkpoint"]  # fingerprints of checkpoints aside
    assert [r.type for r in changes[-2:]] == [SCHEMA_MARK, "vote_recorded"]
    assert changes[-2].data == {"from": 0, "to": SCHEMA_VERSION}
    meta = read_tables(old_data / "sessions" / SESSION / "session.json")["meta"][0]
    assert meta["schema_version"] == SCHEMA_VERSION
    record, report = DataFolder(old_data).load_record(SESSION)
    assert dump_record(record) == expected and report.journal_version == SCHEMA_VERSION
    assert verify_session(old_data, SESSION).ok
    (old_data / "sessions" / SESSION / "session.json").unlink()  # and from the journal alone, old and new records
    assert dump_record(DataFolder(old_data).load_record(SESSION)[0]) == expected


def test_reading_a_version_0_session_changes_nothing(old_data: Path, clock: Clock) -> None:
    """Opening, even for running, is not a change: the chain head printed in old minutes stays valid."""
    before = {p.name: p.read_bytes() for p in (old_data / "sessions" / SESSION).iterdir()}
    SessionService(DataFolder(old_data), SESSION, clock=clock, read_only=True).close()
    assert {p.name: p.read_bytes() for p in (old_data / "sessions" / SESSION).iterdir()} == before


def test_a_version_0_amount_that_is_not_money_is_reported_with_the_file(old_data: Path) -> None:
    path = old_data / "sessions" / SESSION / "session.json"
    tables = read_tables(path)
    tables["initiatives"][0]["benefit_vnd"] = "khoảng 20 triệu"
    write_tables(path, tables)
    with pytest.raises(DomainError) as caught:
        DataFolder(old_data).read_checkpoint(SESSION)
    assert caught.value.key == "error.file_invalid" and "session.json" in str(caught.value)


def test_a_council_file_newer_than_the_program_is_refused(old_data: Path) -> None:
    tables = read_tables(old_data / "council.json")
    tables["council"][0]["schema_version"] = SCHEMA_VERSION + 1
    write_tables(old_data / "council.json", tables)
    with pytest.raises(DomainError) as caught:
        DataFolder(old_data).load_council()
    assert caught.value.key == "error.schema_newer"
    assert "phiên bản council mới hơn" in str(caught.value) and "council.json" in str(caught.value)


def test_a_checkpoint_newer_than_the_program_is_refused(demo_dir: Path) -> None:
    path = demo_dir / "sessions" / SESSION / "session.json"
    tables = read_tables(path)
    tables["meta"][0]["schema_version"] = SCHEMA_VERSION + 1
    write_tables(path, tables)
    with pytest.raises(DomainError) as caught:
        DataFolder(demo_dir).load_record(SESSION)
    assert caught.value.key == "error.schema_newer" and caught.value.params["version"] == SCHEMA_VERSION + 1


def test_a_journal_newer_than_the_program_is_refused(demo_dir: Path) -> None:
    path = demo_dir / "sessions" / SESSION / "journal.jsonl"
    found = read_journal(path)
    with holding(path.parent):
        journal = Journal(path, found.head, found.seq)
        journal.append(SCHEMA_MARK, {"from": SCHEMA_VERSION, "to": SCHEMA_VERSION + 1}, "2030-01-01T08:00:00")
        journal.close()
    with pytest.raises(DomainError) as caught:
        DataFolder(demo_dir).load_record(SESSION)
    assert caught.value.key == "error.schema_newer" and "journal.jsonl" in str(caught.value)


def test_an_old_journal_starts_when_the_chair_started_it_not_at_the_planned_time(old_data: Path) -> None:
    """Its session_opened carried the planned start (14:00); the minutes print the time the key was pressed."""
    record, _ = DataFolder(old_data).load_record(SESSION)
    assert record.session.start_time == dt.time(14, 0)  # planned, as prepared
    assert record.session.started_at == dt.time(8, 5)  # the journal record's own time
    assert record.session.present_at_start == [f"m{n}" for n in range(1, 8)]
    assert [c.presence.value for c in record.attendance_log] == ["present"] * 7  # the roll, before the start
