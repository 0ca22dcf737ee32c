"""Every kind of journal event is declared once (sessions/reducer.py), has its migration entry
(sessions/migrations.py) and is written by a test here, and a replay of what was written gives the same record.

Adding a kind without a handler, a migration entry or a way to write it makes one of these fail.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from models.poll import Choice, PaperTally, PollMode
from models.record import SCHEMA_VERSION
from models.rules import PRESETS
from models.session import Conclusion, Finding, Presence
from sessions.council_setup import CouncilEditor
from sessions.editing import AgendaEditor
from sessions.importing import apply_initiatives, preview_initiatives
from sessions.journal import read_journal
from sessions.migrations import EVENT_MIGRATIONS
from sessions.reducer import EVENTS, Reducer
from sessions.service import SessionService
from sessions.storage import DataFolder, dump_record
from tests.conftest import PLANNED

Clock = Callable[[], dt.datetime]
SCHEMA_V0 = Path(__file__).parent / "data" / "schema_v0"
HEADER = "Mã số,Tên sáng kiến,Loại giải pháp,Nhóm,Lĩnh vực,Tác giả (tỷ lệ),Giá trị làm lợi (đồng)"
ROW = "SK-2026-30,Sổ tay điện tử điều dưỡng,Giải pháp kỹ thuật,tiết kiệm,Y tế,Ngô Văn An (100%),"


def written_kinds(journal: Path) -> set[str]:
    return {record.type for record in read_journal(journal).records}


def replayed(journal: Path) -> dict:
    """The state the journal alone gives, every record applied from the first."""
    reducer = Reducer.__new__(Reducer)
    for record in read_journal(journal).records:
        reducer.apply(record.type, record.data, record.ts)
    return dump_record(reducer.record)


def prepare_and_run_a_whole_session(data: Path, clock: Clock) -> None:
    """Everything a chair and a secretary do to a session, each through the service as the screens do."""
    folder = DataFolder(data)
    council = CouncilEditor(folder)
    council.update_member_from_form("m2", {"name": "Trần Thị Mai Anh"})
    service = SessionService(folder, PLANNED, clock=clock)
    editor = AgendaEditor(service)
    editor.refresh_from_council(council.council)
    editor.update_session(place="Phòng họp số 2")
    service.set_rulebook(PRESETS["two_thirds_present"])
    plan = preview_initiatives(f"{HEADER}\r\n{ROW}\r\n".encode(), service.record, name="a.csv")
    assert plan.ok
    (imported,) = apply_initiatives(service, plan)
    editor.save_initiative(imported.model_copy(update={"title": "Sổ tay điện tử"}))
    editor.reorder([imported.id, *[i for i in service.record.session.agenda if i != imported.id]])
    editor.remove_initiative(imported.id)
    voters = [m.id for m in service.record.voting_members]
    for member_id in voters:
        service.set_attendance(member_id, Presence.PRESENT)
    service.open_session()
    first = service.record.current_initiative
    assert first is not None
    service.recuse(first.id, voters[-1], "Vợ tác giả")
    poll = service.open_poll()
    service.record_vote(voters[0], Choice.NO)
    service.clear_vote(voters[0])
    service.record_all(Choice.YES)
    assert service.close_poll().passed
    service.save_finding(first.id, Finding(remarks="Đạt.", conclusion=Conclusion.RECOGNISED))
    service.next_item()
    paper = len(service.open_poll(PollMode.PAPER).in_room_voters)
    service.record_paper(PaperTally(issued=paper, returned=paper, valid=paper, invalid=0, yes=paper, no=0, abstain=0))
    service.void_poll("Phiếu in sai tên sáng kiến")
    service.open_poll(PollMode.OPEN, revote_reason="Phiếu in sai tên sáng kiến")
    for member_id in voters[: len(voters) // 2 + 1]:
        service.set_attendance(member_id, Presence.ABSENT, "Có việc đột xuất")
    assert service.poll(poll.id).initiative_id == first.id
    service.close_poll(force=True)
    service.close_session(force=True)
    service.record_recognition("12/QĐ-BV", service.record.session.date)
    service.close()


def test_every_kind_of_event_is_declared_once_with_its_migration_entry() -> None:
    assert set(EVENTS) == set(EVENT_MIGRATIONS), "a kind without its entry in sessions/migrations.py"
    for kind, steps in EVENT_MIGRATIONS.items():
        assert all(0 <= version < SCHEMA_VERSION for version in steps), kind
    assert all(callable(declared.handler) and declared.name == kind for kind, declared in EVENTS.items())


def test_every_kind_of_event_is_written_and_replays_to_the_record_the_service_holds(
    demo_dir: Path, tmp_path: Path, clock: Clock
) -> None:
    prepare_and_run_a_whole_session(demo_dir, clock)
    journal = DataFolder(demo_dir).journal_path(PLANNED)
    assert replayed(journal) == dump_record(DataFolder(demo_dir).load_record(PLANNED)[0])
    # The mark a newer program leaves in an older journal before its first change.
    old = tmp_path / "old"
    shutil.copytree(SCHEMA_V0, old, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    service = SessionService(DataFolder(old), PLANNED, clock=clock)
    open_poll = service.record.open_poll()
    assert open_poll is not None
    service.record_vote(next(m for m in open_poll.voters if m not in open_poll.votes), Choice.NO)
    service.close()
    written = written_kinds(journal) | written_kinds(DataFolder(old).journal_path(PLANNED))
    assert set(EVENTS) - written == set(), "a kind no test writes: add it to prepare_and_run_a_whole_session"


def test_an_event_no_replay_could_apply_is_never_written(demo_dir: Path, clock: Clock) -> None:
    """A bug that names an unknown kind, or leaves out a key, is stopped before the journal: nothing changes."""
    service = SessionService(DataFolder(demo_dir), PLANNED, clock=clock)
    journal = DataFolder(demo_dir).journal_path(PLANNED)
    try:
        before, state = journal.read_bytes(), dump_record(service.record)
        with pytest.raises(ValueError, match="unknown event"):
            service._commit("recusal_cleared", {"initiative_id": "sk-2026-10", "member_id": "m2"})
        with pytest.raises(ValueError, match="without member_id"):
            service._commit("attendance_set", {"presence": "present"})
        assert journal.read_bytes() == before and dump_record(service.record) == state
    finally:
        service.close()
