"""Forgeries and damage not believed: a cut-off journal end, edited caches and backups, a torn first record."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from cli import main
from models.errors import DomainError
from models.i18n import t
from models.poll import Choice
from models.session import Presence
from sessions.anchor import ANCHOR_FILES, remove_anchor, write_anchor
from sessions.backup import list_backups, restore_backup
from sessions.journal import read_journal
from sessions.listing import quick_listing
from sessions.service import SessionService
from sessions.storage import DataFolder
from sessions.tinystore import read_tables, write_tables
from sessions.verify import verify_session
from tests.conftest import FIRST, PLANNED
from tests.meeting import crash, decide_item, journal_path, reanchor, start_meeting

Clock = Callable[[], dt.datetime]


def verify_cli(data: Path, session: str, capsys: pytest.CaptureFixture[str], lang: str = "en") -> tuple[int, str]:
    code = main(["verify", session, "--data", str(data), "--lang", lang])
    return code, capsys.readouterr().out


@pytest.fixture
def open_poll_crashed(demo_dir: Path, clock: Clock) -> Path:
    """The issue's case: one item decided, then a poll opened and 6 votes cast; the program killed."""
    service = start_meeting(demo_dir, clock)
    decide_item(service)
    poll = service.open_poll()
    for voter in poll.voters[:6]:
        service.record_vote(voter, Choice.YES)
    crash(service)
    return demo_dir


def cut_after_last_checkpoint(data: Path) -> int:
    """Remove every journal line after the last checkpoint record; returns how many were removed."""
    lines = journal_path(data).read_bytes().split(b"\n")[:-1]
    last = max(i for i, line in enumerate(lines) if b'"type":"checkpoint"' in line)
    journal_path(data).write_bytes(b"".join(line + b"\n" for line in lines[: last + 1]))
    return len(lines) - last - 1


# --- 7. trailing deletion


def test_votes_cut_off_the_journal_end_are_detected(open_poll_crashed: Path, clock: Clock, capsys) -> None:
    removed = cut_after_last_checkpoint(open_poll_crashed)
    assert removed == 8  # the next item selected, the poll opened and its 6 votes
    code, out = verify_cli(open_poll_crashed, PLANNED, capsys)
    assert code == 3
    end = read_journal(journal_path(open_poll_crashed)).seq
    assert f"FAILED at record {end + removed}" in out and f"ends at record {end}" in out
    assert "removed from its end" in out
    service = SessionService(DataFolder(open_poll_crashed), PLANNED, clock=clock)
    assert service.read_only and service.read_only_error is not None
    assert service.read_only_error.key == "error.journal_truncated"
    assert "read-only" in str(service.read_only_error) and "council restore" in str(service.read_only_error)
    with pytest.raises(DomainError):
        service.set_attendance("m1", Presence.LATE)
    service.close()


def test_a_crash_or_power_cut_leaves_an_anchor_that_still_verifies(open_poll_crashed: Path, clock: Clock) -> None:
    assert verify_session(open_poll_crashed, PLANNED).ok
    # A power cut may lose the anchor's last replacement: an older anchor is still true.
    found = read_journal(journal_path(open_poll_crashed))
    folder = DataFolder(open_poll_crashed).session_dir(PLANNED)
    reanchor(folder, found.seq - 3, found.records[found.seq - 4].hash)
    assert verify_session(open_poll_crashed, PLANNED).ok
    for name in ANCHOR_FILES:
        (folder / name).write_bytes(b"")  # renamed into place, their content lost: no anchor, not damage
    report = verify_session(open_poll_crashed, PLANNED)
    assert report.ok and "anchor-1.json" in report.message()
    service = SessionService(DataFolder(open_poll_crashed), PLANNED, clock=clock)
    assert not service.read_only and len(service.record.open_poll().votes) == 6
    service.close()


def test_an_anchor_naming_another_record_is_detected(open_poll_crashed: Path) -> None:
    found = read_journal(journal_path(open_poll_crashed))
    folder = DataFolder(open_poll_crashed).session_dir(PLANNED)
    write_anchor(folder, found.seq, "e" * 64)
    report = verify_session(open_poll_crashed, PLANNED)
    assert (report.ok, report.reason, report.bad_record) == (False, "rewritten", found.seq)


def test_verify_says_what_it_cannot_detect_in_both_languages(demo_dir: Path, capsys) -> None:
    code, out = verify_cli(demo_dir, FIRST, capsys, "en")
    assert code == 0 and out.startswith("OK:")
    assert "cannot show" in out and "no secret key" in out and "signed minutes" in out
    code, out = verify_cli(demo_dir, FIRST, capsys, "vi")
    assert code == 0 and "không giữ khóa bí mật" in out and "biên bản đã ký" in out


def test_a_restore_leaves_an_anchor_for_the_restored_journal(demo_dir: Path, clock: Clock) -> None:
    service = start_meeting(demo_dir, clock)
    decide_item(service)
    service.close_session(force=True)
    service.close()
    opening = next(b for b in list_backups(demo_dir, PLANNED) if b.kind == "open")
    restore_backup(DataFolder(demo_dir), opening, dt.datetime(2026, 11, 22, 18, 0))
    assert verify_session(demo_dir, PLANNED).ok
    service = SessionService(DataFolder(demo_dir), PLANNED, clock=clock)
    assert not service.read_only
    service.close()


# --- 9. derived files are not believed


def summary_path(data: Path, session: str = FIRST) -> Path:
    return DataFolder(data).session_dir(session) / "summary.json"


def edit_json(path: Path, change: Callable[[dict], None]) -> None:
    doc = json.loads(path.read_bytes())
    change(doc)
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")


def test_a_summary_with_an_impossible_date_is_rebuilt(demo_dir: Path, capsys) -> None:
    edit_json(summary_path(demo_dir), lambda doc: doc.update(date="2026-35-14"))
    assert main(["sessions", "--data", str(demo_dir), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert FIRST in out and "14/05/2026" in out
    listing = quick_listing(demo_dir)
    assert listing is None or all(s.date != "2026-35-14" for s in listing.sessions)
    assert [s.date for s in DataFolder(demo_dir).summaries() if s.id == FIRST] == ["2026-05-14"]


def test_a_changed_summary_is_not_shown_and_verify_names_it(demo_dir: Path, capsys) -> None:
    edit_json(summary_path(demo_dir), lambda doc: doc.update(title="Phiên họp giả mạo", decided=0))
    listed = {s.id: s for s in DataFolder(demo_dir).summaries()}
    assert listed[FIRST].title != "Phiên họp giả mạo" and listed[FIRST].decided == 9
    listing = quick_listing(demo_dir)
    assert listing is None or all(s.title != "Phiên họp giả mạo" for s in listing.sessions)
    code, out = verify_cli(demo_dir, FIRST, capsys)
    assert code == 3 and "summary.json" in out and "changed or damaged" in out


def test_a_changed_benefit_in_the_statistics_digest_is_not_shown(demo_dir: Path, capsys) -> None:
    path = DataFolder(demo_dir).session_dir(FIRST) / "stats.json"
    raw = path.read_bytes()
    assert b'"benefit":86500000' in raw
    path.write_bytes(raw.replace(b'"benefit":86500000', b'"benefit":86500008'))
    assert main(["stats", "--data", str(demo_dir), "--session", FIRST, "--lang", "vi"]) == 0
    out = capsys.readouterr().out
    assert "246.500.000" in out and "246.500.008" not in out
    code, out = verify_cli(demo_dir, FIRST, capsys)
    assert code == 3 and "stats.json" in out


def test_an_unreadable_summary_is_rebuilt_and_reported(demo_dir: Path, capsys) -> None:
    summary_path(demo_dir).write_bytes(b'{"id": "2026-05')
    assert main(["sessions", "--data", str(demo_dir), "--lang", "en"]) == 0
    assert FIRST in capsys.readouterr().out
    code, out = verify_cli(demo_dir, FIRST, capsys)
    assert code == 3 and "summary.json cannot be read" in out


def test_a_derived_file_ahead_of_the_journal_is_evidence_of_a_cut(open_poll_crashed: Path, clock: Clock) -> None:
    service = SessionService(
        DataFolder(open_poll_crashed), PLANNED, clock=clock, first_frame=lambda s: ({"shown": True}, "vi")
    )
    service.close()  # checkpoint + glance at the journal's end
    folder = DataFolder(open_poll_crashed).session_dir(PLANNED)
    remove_anchor(folder)
    lines = journal_path(open_poll_crashed).read_bytes().split(b"\n")[:-1]
    journal_path(open_poll_crashed).write_bytes(b"".join(line + b"\n" for line in lines[:-9]))
    report = verify_session(open_poll_crashed, PLANNED)
    assert not report.ok
    assert {f.name for f in report.files if f.kind == "truncated"} >= {"summary.json", "glance.json"}


def test_derived_files_of_a_normal_meeting_verify(demo_dir: Path, clock: Clock) -> None:
    service = start_meeting(demo_dir, clock, first_frame=lambda s: ({"shown": True}, "vi"))
    decide_item(service)
    poll = service.open_poll()
    service.record_vote(poll.voters[0], Choice.NO)
    service.close()
    report = verify_session(demo_dir, PLANNED)
    assert report.ok and report.files == ()
    for session in (FIRST, PLANNED):
        assert [s for s in quick_listing(demo_dir).sessions if s.id == session]


# --- 10. restore verifies a backup fully


@pytest.fixture
def backed_up(demo_dir: Path, clock: Clock) -> Path:
    service = start_meeting(demo_dir, clock)
    decide_item(service)
    decide_item(service, Choice.NO)
    service.close_session(force=True)
    service.close()
    return demo_dir


def closing_backup(data: Path):
    return next(b for b in list_backups(data, PLANNED) if b.kind == "close")


@pytest.mark.parametrize(
    "edit",
    [
        "vote_in_checkpoint",
        "title_in_checkpoint",
        "summary_counts",
        "journal_cut",
    ],
)
def test_restore_refuses_an_edited_backup_and_changes_nothing(backed_up: Path, edit: str, capsys) -> None:
    backup = closing_backup(backed_up)
    if edit == "vote_in_checkpoint":
        tables = read_tables(backup.path / "session.json")
        poll = tables["polls"][0]
        voter = sorted(poll["votes"])[0]
        poll["votes"][voter] = "no" if poll["votes"][voter] == "yes" else "yes"
        write_tables(backup.path / "session.json", tables)
    elif edit == "title_in_checkpoint":
        tables = read_tables(backup.path / "session.json")
        tables["initiatives"][0]["title"] = "Một tên khác"
        write_tables(backup.path / "session.json", tables)
    elif edit == "summary_counts":
        edit_json(backup.path / "summary.json", lambda doc: doc.update(decided=0))
    else:
        lines = (backup.path / "journal.jsonl").read_bytes().split(b"\n")[:-1]
        (backup.path / "journal.jsonl").write_bytes(b"".join(line + b"\n" for line in lines[:-3]))
        (backup.path / "session.json").unlink()
        (backup.path / "summary.json").unlink()
    before = journal_path(backed_up).read_bytes()
    code = main(["restore", PLANNED, backup.name, "--data", str(backed_up), "--yes", "--lang", "en"])
    err = capsys.readouterr().err
    assert code == 2 and "does not verify" in err and "nothing was changed" in err
    assert journal_path(backed_up).read_bytes() == before
    assert len(list_backups(backed_up, PLANNED)) == 2  # no "restore" backup was taken either
    assert verify_session(backed_up, PLANNED).ok


def test_a_backup_whose_info_names_another_chain_head_says_so(backed_up: Path, capsys) -> None:
    """One changed digit of backup.json's head: the message names the head, not "record 11 but record 11"."""
    backup = closing_backup(backed_up)
    edit_json(backup.path / "backup.json", lambda doc: doc.update(head="0" * 64))
    code = main(["restore", PLANNED, backup.name, "--data", str(backed_up), "--yes", "--lang", "en"])
    err = capsys.readouterr().err
    assert code == 2 and "nothing was changed" in err
    assert "chain head" in err and "0000000000000000" in err
    assert "but backup.json says it was taken at record" not in err


# --- 11. a journal torn inside its first record


def test_a_journal_torn_in_its_first_record_says_what_happened(demo_dir: Path, capsys) -> None:
    path = journal_path(demo_dir)
    path.write_bytes(path.read_bytes().split(b"\n")[0][:500])
    with pytest.raises(DomainError) as caught:
        DataFolder(demo_dir).load_record(PLANNED)
    assert caught.value.key == "error.journal_torn_first"
    message = t("error.journal_torn_first", "en", **caught.value.params)
    assert "half-written first record (500 bytes)" in message and "council restore" in message
    assert "not a council data file" not in message
    assert main(["export", PLANNED, "--data", str(demo_dir), "--format", "md", "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "half-written first record" in err and "choose the right data folder" not in err
    code, out = verify_cli(demo_dir, PLANNED, capsys)
    assert code == 3 and "half-written first record (500 bytes)" in out


@pytest.mark.parametrize("command", ["sessions", "verify", "export"])
def test_a_folder_in_place_of_the_journal_is_a_message_not_an_internal_error(
    demo_dir: Path, command: str, capsys
) -> None:
    path = journal_path(demo_dir)
    path.unlink()
    path.mkdir()
    args = {"sessions": ["sessions"], "verify": ["verify", PLANNED], "export": ["export", PLANNED, "--format", "md"]}
    code = main([*args[command], "--data", str(demo_dir), "--lang", "en"])
    captured = capsys.readouterr()
    assert code != 1, "an internal error"
    if command == "sessions":  # the list shows the others, and this one as damaged (tests/test_listing.py)
        assert code == 0 and "damaged" in captured.out
    else:
        assert f"Cannot read {path}" in captured.err + captured.out
    assert "Something went wrong" not in captured.err + captured.out
    assert path.is_dir() and not any(path.iterdir())


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_an_emptied_journal_says_what_happened(demo_dir: Path, lang: str, capsys) -> None:
    path = journal_path(demo_dir)
    path.write_bytes(b"")  # cut off before its first byte, or emptied by a sync tool
    code = main(["export", PLANNED, "--data", str(demo_dir), "--format", "md", "--lang", lang])
    err = capsys.readouterr().err
    assert code == 2 and ("is empty (0 bytes)" in err or "trống (0 byte)" in err)
    assert "choose the right data folder" not in err and "chọn đúng thư mục" not in err
    assert path.read_bytes() == b""


def test_a_deleted_journal_is_named_not_an_unknown_session(demo_dir: Path, capsys) -> None:
    path = journal_path(demo_dir)
    path.unlink()
    code = main(["verify", PLANNED, "--data", str(demo_dir), "--lang", "en"])
    captured = capsys.readouterr()
    out = captured.out + captured.err
    assert code in (2, 3)
    assert "has lost its journal" in out and f"council restore {PLANNED}" in out
    assert "There is no session" not in out
    assert not path.exists()
