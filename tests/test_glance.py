"""What the agenda showed at closing is offered to the next start only while the journal still ends there."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from models.poll import Choice
from models.session import SessionStatus
from sessions.glance import GLANCE_FILE, read_glance
from sessions.service import SessionService
from sessions.storage import DataFolder
from tests.conftest import PLANNED
from tests.meeting import start_meeting

SHOWN = {"rows": [["SK-01", "Phần mềm quản lý hồ sơ"]]}


def shown(service) -> tuple[dict, str]:
    return SHOWN, "vi"


def _closed_with_glance(demo_dir: Path, clock) -> None:
    service = start_meeting(demo_dir, clock, first_frame=shown)
    service.close()


def test_a_session_closed_with_a_glance_offers_it_to_the_next_start(demo_dir: Path, clock) -> None:
    _closed_with_glance(demo_dir, clock)
    assert read_glance(demo_dir, PLANNED, language="vi") == SHOWN


def test_a_change_after_the_glance_makes_it_stale(demo_dir: Path, clock) -> None:
    _closed_with_glance(demo_dir, clock)
    service = SessionService(DataFolder(demo_dir), PLANNED, clock=clock)
    poll = service.open_poll()
    service.record_vote(poll.voters[0], Choice.YES)
    service.release()  # as a crash would leave it: the vote in the journal, no closing
    assert read_glance(demo_dir, PLANNED, language="vi") is None


def test_a_session_another_program_holds_gets_no_glance(demo_dir: Path, clock) -> None:
    _closed_with_glance(demo_dir, clock)
    holder = SessionService(DataFolder(demo_dir), PLANNED, clock=clock)  # holds the lock, changes nothing
    try:
        assert read_glance(demo_dir, PLANNED, language="vi") is None
    finally:
        holder.release()
    assert read_glance(demo_dir, PLANNED, language="vi") == SHOWN


def test_another_language_or_a_damaged_file_gets_no_glance(demo_dir: Path, clock) -> None:
    _closed_with_glance(demo_dir, clock)
    assert read_glance(demo_dir, PLANNED, language="en") is None
    path = DataFolder(demo_dir).session_dir(PLANNED) / GLANCE_FILE
    path.write_bytes(path.read_bytes()[:-5])
    assert read_glance(demo_dir, PLANNED, language="vi") is None
    path.write_text('{"glance_version": 1}', encoding="utf-8")
    assert read_glance(demo_dir, PLANNED, language="vi") is None


def test_no_glance_for_a_session_closed_without_one_or_an_odd_name(demo_dir: Path, clock) -> None:
    start_meeting(demo_dir, clock).close()
    assert read_glance(demo_dir, PLANNED, language="vi") is None
    assert read_glance(demo_dir, "../" + PLANNED, language="vi") is None
    assert read_glance(demo_dir, "no-such-session", language="vi") is None


def test_a_glance_that_cannot_be_written_changes_nothing_else(demo_dir: Path, clock, monkeypatch) -> None:
    service = start_meeting(demo_dir, clock, first_frame=shown)

    def refuse(*args, **kwargs) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("sessions.service.write_glance", refuse)
    service.close()  # closes as usual: the glance is only a shortcut
    assert read_glance(demo_dir, PLANNED, language="vi") is None
    assert SessionService(DataFolder(demo_dir), PLANNED, clock=clock).record.session.status == SessionStatus.OPEN


def test_reading_a_glance_imports_no_session_code() -> None:
    # The point of the glance is a first frame before pydantic and the session code are loaded.
    code = "import sys, sessions.glance; print(sorted(m for m in sys.modules if m.startswith(('pydantic', 'tinydb'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
