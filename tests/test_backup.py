"""Rotating backups at the start and end of a meeting, and `council restore`."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path

import pytest

from cli import main
from models.errors import DomainError
from models.poll import Choice
from sessions.backup import KEEP, list_backups, restore_backup, take_backup
from sessions.journal import read_journal
from sessions.service import SessionService
from sessions.storage import DataFolder
from sessions.verify import verify_session
from tests.conftest import PLANNED
from tests.meeting import decide_item, journal_path, start_meeting, state
from tests.test_lock import Holder

Clock = Callable[[], dt.datetime]


def run_meeting(data: Path, clock: Clock) -> None:
    service = start_meeting(data, clock)
    decide_item(service)
    service.close_session(force=True)
    service.close()


def restore(data: Path, *args: str) -> int:
    return main(["restore", "--data", str(data), "--lang", "en", *args])


def test_a_backup_is_taken_when_the_meeting_starts_and_ends(demo_dir: Path, clock: Clock) -> None:
    run_meeting(demo_dir, clock)
    backups = list_backups(demo_dir, PLANNED)
    assert [b.kind for b in backups] == ["close", "open"]  # newest first
    closing, opening = backups
    assert (closing.status, opening.status) == ("closed", "open")
    found = read_journal(journal_path(demo_dir))
    assert (closing.records, closing.head) == (found.seq, found.head)
    assert opening.records < closing.records
    for backup in backups:
        assert read_journal(backup.path / "journal.jsonl").bad_line is None
        assert {p.name for p in backup.path.iterdir()} == {
            "journal.jsonl",
            "session.json",
            "summary.json",
            "backup.json",
        }


def test_only_the_newest_backups_are_kept(demo_dir: Path) -> None:
    folder = DataFolder(demo_dir)
    start = dt.datetime(2026, 11, 22, 8, 0)
    for n in range(KEEP + 3):
        take_backup(folder, PLANNED, "open", start + dt.timedelta(minutes=n))
    backups = list_backups(demo_dir, PLANNED)
    assert len(backups) == KEEP
    assert backups[0].taken == start + dt.timedelta(minutes=KEEP + 2)
    assert backups[-1].taken == start + dt.timedelta(minutes=3)
    assert not [p for p in (demo_dir / "backups" / PLANNED).iterdir() if p.name.startswith(".")]


def test_council_restore_lists_sessions_and_backups(
    demo_dir: Path, tmp_path: Path, clock: Clock, capsys: pytest.CaptureFixture[str]
) -> None:
    assert restore(tmp_path / "empty") == 0
    assert "There are no backups" in capsys.readouterr().out
    run_meeting(demo_dir, clock)
    assert restore(demo_dir) == 0
    out = capsys.readouterr().out
    assert "Sessions with backups" in out and f"{PLANNED}  2 backups" in out
    assert restore(demo_dir, PLANNED) == 0
    out = capsys.readouterr().out
    assert "  1  " in out and "meeting ended" in out and "  2  " in out and "meeting started" in out
    assert f"council restore {PLANNED} NUMBER" in out


def test_restore_puts_a_backup_back_and_keeps_what_it_replaced(
    demo_dir: Path, clock: Clock, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run_meeting(demo_dir, clock)
    closed = state(demo_dir)
    closed_journal = journal_path(demo_dir).read_bytes()
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # not a terminal
    assert restore(demo_dir, PLANNED, "2", "--yes") == 0  # back to when the meeting started
    out = capsys.readouterr().out
    assert "restored to the backup of" in out and "kept as backup" in out
    restored = state(demo_dir)
    assert restored["session"]["status"] == "open" and not restored["polls"]
    assert verify_session(demo_dir, PLANNED).ok
    kept = list_backups(demo_dir, PLANNED)[0]
    assert kept.kind == "restore" and (kept.path / "journal.jsonl").read_bytes() == closed_journal
    # And the restore can itself be undone.
    assert restore(demo_dir, PLANNED, kept.name, "--yes") == 0
    assert state(demo_dir) == closed
    service = SessionService(DataFolder(demo_dir), PLANNED, clock=clock)
    assert service.record.session.status.value == "closed" and not service.read_only
    service.close()


def test_restore_without_a_terminal_needs_yes(
    demo_dir: Path, clock: Clock, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run_meeting(demo_dir, clock)
    before = journal_path(demo_dir).read_bytes()
    monkeypatch.setattr("sys.stdin", io.StringIO("y\n"))
    assert restore(demo_dir, PLANNED, "2") == 2
    assert "add --yes" in capsys.readouterr().err
    assert journal_path(demo_dir).read_bytes() == before


@pytest.mark.parametrize(("answer", "code"), [("n", 1), ("", 1), ("y", 0), ("có", 0)])
def test_restore_asks_at_a_terminal(
    demo_dir: Path,
    clock: Clock,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    answer: str,
    code: int,
) -> None:
    run_meeting(demo_dir, clock)
    before = journal_path(demo_dir).read_bytes()
    asked: list[str] = []
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    monkeypatch.setattr("builtins.input", lambda prompt: asked.append(prompt) or answer)
    assert restore(demo_dir, PLANNED, "2") == code
    assert asked and "[y/N]" in asked[0] and "meeting started" in asked[0]
    changed = journal_path(demo_dir).read_bytes() != before
    assert changed == (code == 0)
    if code:
        assert "Nothing was changed" in capsys.readouterr().out


def test_restore_is_refused_while_the_session_runs(
    demo_dir: Path, clock: Clock, capsys: pytest.CaptureFixture[str]
) -> None:
    run_meeting(demo_dir, clock)
    before = journal_path(demo_dir).read_bytes()
    holder = Holder(demo_dir)
    try:
        assert restore(demo_dir, PLANNED, "1", "--yes") == 2
        err = capsys.readouterr().err
        assert f"process {holder.pid}" in err
        assert journal_path(demo_dir).read_bytes() == before
    finally:
        holder.release()
    assert restore(demo_dir, PLANNED, "1", "--yes") == 0


def test_unknown_or_damaged_backups_are_refused(
    demo_dir: Path, clock: Clock, capsys: pytest.CaptureFixture[str]
) -> None:
    run_meeting(demo_dir, clock)
    assert restore(demo_dir, PLANNED, "9", "--yes") == 2
    assert "has no backup 9" in capsys.readouterr().err
    backup = list_backups(demo_dir, PLANNED)[0]
    journal = backup.path / "journal.jsonl"
    journal.write_bytes(journal.read_bytes().replace(b'"seq":3,', b'"seq":4,', 1))
    before = journal_path(demo_dir).read_bytes()
    with pytest.raises(DomainError) as caught:
        restore_backup(DataFolder(demo_dir), backup, dt.datetime(2026, 11, 22, 18, 0))
    assert caught.value.key == "error.backup_damaged" and caught.value.params["line"] == 3
    assert journal_path(demo_dir).read_bytes() == before


def test_a_session_whose_files_were_lost_can_be_restored(demo_dir: Path, clock: Clock) -> None:
    run_meeting(demo_dir, clock)
    closed = state(demo_dir)
    for path in DataFolder(demo_dir).session_dir(PLANNED).iterdir():
        path.unlink()
    assert restore(demo_dir, PLANNED, "1", "--yes") == 0
    assert state(demo_dir) == closed
    assert verify_session(demo_dir, PLANNED).ok


def test_a_failed_backup_does_not_stop_the_meeting(
    demo_dir: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*args: object, **kwargs: object) -> None:
        raise DomainError("error.write_failed", path="backups", detail="No space left on device")

    monkeypatch.setattr("sessions.service.take_backup", full)
    service = start_meeting(demo_dir, clock)
    assert service.record.session.status.value == "open"
    assert service.checkpoint_error is not None and "No space" in str(service.checkpoint_error)
    poll = service.open_poll()
    service.record_vote(poll.voters[0], Choice.YES)
    service.close()
