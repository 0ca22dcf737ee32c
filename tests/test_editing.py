"""Preparing a session: editing details and agenda, members between sessions, form parsing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from models.council import CouncilInfo, Member, Role
from models.errors import DomainError
from models.forms import initiative_from_form, initiative_to_form
from models.i18n import set_language
from models.initiative import Author, Initiative, InitiativeType
from models.parsing import (
    FormErrors,
    field_label,
    format_authors,
    parse_amount,
    parse_authors,
    parse_date_text,
    parse_invitees,
    parse_role,
    parse_seat,
    parse_time,
    parse_type,
    validate_field,
)
from models.poll import Choice
from models.session import Invitee, Presence, SessionStatus
from sessions.council_setup import CouncilEditor, create_planned_session, init_council
from sessions.editing import AgendaEditor
from sessions.service import SessionService
from sessions.storage import DataFolder
from tests.conftest import FIRST, PLANNED

FORM = {
    "code": "SK-2026-40",
    "title": "Ứng dụng QR code quản lý hồ sơ bệnh án",
    "type": "Giải pháp quản lý",
    "authors": "Ngô Văn An (70%); Lê Hoàng Nam (30%) [3]",
    "first_applied": "01/02/2026",
    "benefit_vnd": "12.000.000",
    "category": "Tổ chức, quản lý, đào tạo",
}


@pytest.fixture
def folder(demo_dir: Path) -> DataFolder:
    return DataFolder(demo_dir)


@pytest.fixture
def service(folder: DataFolder, clock) -> Iterator[SessionService]:
    running = SessionService(folder, PLANNED, clock=clock)
    yield running
    running.close()


@pytest.fixture
def editor(service: SessionService) -> AgendaEditor:
    return AgendaEditor(service)


def reloaded(folder: DataFolder, service: SessionService, session_id: str = PLANNED):
    """The record rebuilt from disk only (journal replay), after letting go of the session."""
    service.close()
    return folder.load_record(session_id)[0]


def sample(code: str = "SK-2026-50", **changes: object) -> Initiative:
    values = {
        "id": "",
        "code": code,
        "title": "Giảm thời gian chờ khám",
        "type": InitiativeType.PROCEDURE,
        "authors": [Author(name="Ngô Văn An", share=100)],
    }
    return Initiative(**(values | changes))


# --- the agenda of a planned session


def test_add_edit_remove_and_reorder_are_journaled(folder, service, editor):
    added = editor.add_initiative(sample())
    assert added.id == "sk-2026-50"
    assert service.record.session.agenda[-1] == added.id
    editor.save_initiative(added.model_copy(update={"title": "Giảm thời gian chờ khám bệnh"}))
    first = service.record.session.agenda[0]
    editor.move(added.id, 0)
    editor.move_by(first, 2)
    editor.remove_initiative(service.record.session.agenda[-1])
    expected = list(service.record.session.agenda)
    record = reloaded(folder, service)
    assert record.session.agenda == expected
    assert record.session.agenda[0] == added.id
    assert record.initiatives[added.id].title == "Giảm thời gian chờ khám bệnh"


def test_a_code_used_twice_is_refused(editor):
    taken = editor.record.agenda_items()[0].code
    with pytest.raises(DomainError, match=f"(?i)Mã số {taken} đã dùng"):
        editor.add_initiative(sample(code=taken.lower()))
    item = editor.add_initiative(sample())
    with pytest.raises(DomainError):
        editor.save_initiative(item.model_copy(update={"code": taken}))


def test_an_author_marked_as_an_unknown_member_is_refused(editor):
    bad = sample(authors=[Author(name="Người Lạ", share=100, member_id="m99")])
    with pytest.raises(DomainError, match="m99"):
        editor.add_initiative(bad)


def test_reorder_must_keep_the_same_initiatives(editor):
    with pytest.raises(DomainError, match="đúng các sáng kiến"):
        editor.reorder(editor.record.session.agenda[1:])


def test_forms_report_every_wrong_field_at_once(editor):
    bad = {
        "code": "",
        "title": " ",
        "type": "?",
        "authors": "A (50%); B (20%)",
        "benefit_vnd": "12,5",
        "first_applied": "2026",
    }
    with pytest.raises(FormErrors) as caught:
        editor.add_from_form(bad)
    assert set(caught.value.errors) == {"code", "title", "type", "authors", "benefit_vnd", "first_applied"}
    assert "70%" in caught.value.messages["authors"]
    assert "Tác giả (tỷ lệ đóng góp): " in str(caught.value)
    added = editor.add_from_form(FORM)
    assert added.author_member_ids == {"m3"}
    assert added.category == "tổ chức, quản lý, đào tạo"
    assert added.benefit_vnd == 12_000_000


def test_editing_through_the_form_keeps_the_authors_details(editor):
    item = editor.record.agenda_items()[0]
    assert item.authors[0].position
    form = initiative_to_form(item)
    saved = editor.update_from_form(item.id, {"title": "Tên mới"})
    assert saved.title == "Tên mới"
    assert saved.authors == item.authors
    assert initiative_from_form(form, initiative_id=item.id, members=editor.record.members, before=item) == item


def test_session_details_are_saved_and_replayed(folder, service, editor):
    editor.update_session(
        title="Phiên họp đợt 2",
        date=dt.date(2026, 11, 23),
        place="Phòng họp số 2",
        start_time=dt.time(8, 30),
        secretary_id="m2",
        invitees=[Invitee(name="Hà Văn Thắng", position="Kỹ sư")],
    )
    editor.update_session_from_form({"chair": "2", "invitees": "Lý Thị Hạnh, Điều dưỡng trưởng, Khoa KSNK\nHồ Văn Đức"})
    record = reloaded(folder, service)
    session = record.session
    assert (session.title, session.date, session.place) == ("Phiên họp đợt 2", dt.date(2026, 11, 23), "Phòng họp số 2")
    assert (session.start_time, session.chair_id, session.secretary_id) == (dt.time(8, 30), "m2", "m2")
    assert [(i.name, i.position) for i in session.invitees] == [
        ("Lý Thị Hạnh", "Điều dưỡng trưởng, Khoa KSNK"),
        ("Hồ Văn Đức", ""),
    ]


def test_session_details_are_checked(editor):
    with pytest.raises(DomainError):
        editor.update_session(title="  ")
    with pytest.raises(DomainError, match="m42"):
        editor.update_session(secretary_id="m42")
    with pytest.raises(FormErrors) as caught:
        editor.update_session_from_form({"date": "32/01/2026", "start_time": "8h75", "chair": "Không Ai"})
    assert set(caught.value.errors) == {"date", "start_time", "chair"}


# --- once the meeting has started, and after it closed


def _start_and_vote_first(service: SessionService) -> str:
    for member in service.record.members:
        service.set_attendance(member.id, Presence.PRESENT)
    service.open_session()
    poll = service.open_poll()
    for member_id in poll.voters:
        service.record_vote(member_id, Choice.YES)
    service.close_poll()
    return poll.initiative_id


def test_an_open_session_allows_correcting_only_initiatives_not_yet_voted(service, editor):
    voted = _start_and_vote_first(service)
    later = service.record.session.agenda[1]
    assert not editor.can_change_agenda()
    with pytest.raises(DomainError, match="Phiên họp đã bắt đầu"):
        editor.add_initiative(sample())
    with pytest.raises(DomainError, match="Phiên họp đã bắt đầu"):
        editor.remove_initiative(later)
    with pytest.raises(DomainError, match="Phiên họp đã bắt đầu"):
        editor.move(later, 0)
    with pytest.raises(DomainError, match="đã được biểu quyết"):
        editor.update_from_form(voted, {"title": "Sửa sau khi biểu quyết"})
    assert editor.can_edit(later) and not editor.can_edit(voted)
    assert editor.update_from_form(later, {"title": "Tên đã sửa"}).title == "Tên đã sửa"
    editor.update_session(place="Hội trường B")
    assert service.record.session.place == "Hội trường B"


def test_a_closed_session_cannot_be_edited(folder, clock):
    service = SessionService(folder, FIRST, clock=clock)
    try:
        editor = AgendaEditor(service)
        item = service.record.agenda_items()[0]
        for attempt in (
            lambda: editor.add_initiative(sample()),
            lambda: editor.save_initiative(item.model_copy(update={"title": "x"})),
            lambda: editor.remove_initiative(item.id),
            lambda: editor.update_session(title="x"),
        ):
            with pytest.raises(DomainError, match="Phiên họp đã kết thúc"):
                attempt()
        assert not editor.can_edit(item.id)
    finally:
        service.close()


# --- the council between sessions


def test_a_session_keeps_the_members_it_had(folder, clock):
    session_id = create_planned_session(folder, title="Phiên họp đợt 3", date=dt.date(2026, 12, 10), clock=clock)
    assert session_id == "2026-12-10"
    council = CouncilEditor(folder)
    council.update_member_from_form("m3", {"name": "Lê Hoàng Nam Anh"})
    added = council.add_member_from_form({"name": "Trịnh Văn Mới", "role": "Ủy viên"})
    council.remove_member("m7")
    assert (added.id, added.seat) == ("m8", 8)
    for sid in (FIRST, PLANNED, session_id):
        record, _ = folder.load_record(sid)
        assert [m.name for m in record.members][2] == "Lê Hoàng Nam"
        assert len(record.members) == 7
    newer = create_planned_session(folder, title="Phiên họp đợt 4", date=dt.date(2026, 12, 10), clock=clock)
    assert newer == "2026-12-10-2"
    record, _ = folder.load_record(newer)
    assert "Lê Hoàng Nam Anh" in [m.name for m in record.members]
    assert "Huỳnh Quốc Bảo" not in [m.name for m in record.members]
    assert (record.session.chair_id, record.session.secretary_id) == ("m1", "m3")


def test_a_planned_session_can_take_the_corrected_council(folder, clock):
    council = CouncilEditor(folder)
    council.update_member_from_form("m2", {"name": "Trần Thị Mai Anh"})
    service = SessionService(folder, PLANNED, clock=clock)
    editor = AgendaEditor(service)
    editor.refresh_from_council(council.council)
    record = reloaded(folder, service)
    assert record.member("m2").name == "Trần Thị Mai Anh"
    council.remove_member("m5")  # an author of SK-2026-11 in the planned session
    service = SessionService(folder, PLANNED, clock=clock)
    try:
        with pytest.raises(DomainError, match="Võ Minh Tuấn"):
            AgendaEditor(service).refresh_from_council(council.council)
    finally:
        service.close()


def test_member_lists_are_checked(folder):
    council = CouncilEditor(folder)
    with pytest.raises(FormErrors) as caught:
        council.add_member_from_form({"name": "", "seat": "3", "role": "Thủ quỹ", "voting": "có lẽ"})
    assert set(caught.value.errors) == {"name", "seat", "role", "voting"}
    with pytest.raises(DomainError, match="Chủ tịch"):
        council.add_member_from_form({"name": "Chủ Tịch Hai", "role": "chủ tịch"})
    with pytest.raises(DomainError):
        council.remove_member("m42")


def test_init_refuses_a_folder_that_has_a_council(folder, tmp_path):
    info = CouncilInfo(name="Hội đồng mới")
    with pytest.raises(DomainError, match="đã có hội đồng"):
        init_council(folder, info, [])
    fresh = DataFolder(tmp_path / "fresh")
    init_council(fresh, info, [Member(id="m1", seat=1, name="A", role=Role.CHAIR)], preset="simple_majority")
    assert fresh.load_council().rulebook.preset == "simple_majority"
    with pytest.raises(DomainError, match="circular18"):
        init_council(DataFolder(tmp_path / "other"), info, [], preset="nope")


# --- what forms check as you type


@pytest.mark.parametrize(
    ("field", "text", "fragment"),
    [
        ("title", "   ", "Chưa có tên"),
        ("code", "", "Chưa có mã số"),
        ("date", "2/30/2026", "DD/MM/YYYY"),
        ("date", "05/03/26", "DD/MM/YYYY"),
        ("amount", "1.25.000", "số tiền"),
        ("amount", "-5", "số tiền"),
        ("authors", "Nguyễn Văn A (60%); Trần Thị B (30%)", "90%"),
        ("authors", "", "Chưa có tác giả"),
        ("authors", "(60%)", "không phải tác giả"),
        ("authors", "A (0%); B (100%)", "từ 1 đến 100"),
        ("time", "8h75", "HH:MM"),
        ("seat", "100", "1 đến 99"),
        ("type", "sáng chế", "Giải pháp kỹ thuật"),
        ("role", "thủ quỹ", "Ủy viên thư ký"),
    ],
)
def test_validate_field_says_what_to_fix(field, text, fragment):
    assert fragment in (validate_field(field, text) or "")


@pytest.mark.parametrize(
    ("field", "text"),
    [
        ("title", "Sổ tay"),
        ("date", "05/03/2026"),
        ("date", "5-3-2026"),
        ("amount", "1.250.000"),
        ("amount", "1,250,000 đồng"),
        ("amount", "1250000"),
        ("amount", ""),
        ("amount", "Không tính được"),
        ("authors", "Nguyễn Văn A (60%); Trần Thị B (40%)"),
        ("authors", "Nguyễn Văn A"),
        ("authors", "Nguyễn Văn A 60%\nTrần Thị B - 40 %"),
        ("time", "14h30"),
        ("description", "anything at all"),
    ],
)
def test_validate_field_accepts_good_input(field, text):
    assert validate_field(field, text) is None


def test_validate_field_checks_duplicates_and_members_when_given_them(demo_dir):
    members = DataFolder(demo_dir).load_council().members
    assert validate_field("code", "sk-1", taken_codes=["SK-1"]) is not None
    assert validate_field("seat", "3", taken_seats=[3]) is not None
    assert validate_field("authors", "A (50%); B (50%) [m9]", members=members) is not None
    assert validate_field("authors", "A (50%); Lê Hoàng Nam (50%) [tv]", members=members) is None
    assert validate_field("authors", "A (50%); B (50%) [m9]") is None  # without members, marks are not checked


def test_errors_follow_the_language():
    set_language("en")
    assert validate_field("date", "x") == "'x' is not a date; use DD/MM/YYYY."
    assert field_label("benefit_vnd") == "Benefit in đồng"


def test_parsers_read_what_people_type():
    assert parse_amount("86.500.000 đ") == 86_500_000
    assert parse_time("14 giờ 05") == dt.time(14, 5)
    assert parse_time("") is None
    assert parse_type("GIẢI PHÁP TÁC NGHIỆP") == InitiativeType.PROCEDURE
    assert parse_type("ung dung tien bo ky thuat") == InitiativeType.TECH_ADVANCE
    assert parse_role("Uỷ viên (chuyên gia)") == Role.EXPERT
    assert parse_role("Phó Chủ tịch HĐ") == Role.VICE_CHAIR
    authors = parse_authors("Trần Thị B (40%); Nguyễn Văn A (60%)")
    assert format_authors(authors) == "Trần Thị B (40%); Nguyễn Văn A (60%)"
    assert parse_authors(format_authors(authors)) == authors
    assert parse_invitees("\n  Hà Văn Thắng ,  Kỹ sư \n\n") == [Invitee(name="Hà Văn Thắng", position="Kỹ sư")]


def test_status_is_unchanged_by_editing(editor):
    editor.add_initiative(sample())
    assert editor.status == SessionStatus.PLANNED


@pytest.mark.parametrize("text", ["¹", "²⁰", "1²"])
def test_superscript_digits_are_refused_with_a_message_not_a_crash(text: str) -> None:
    """Pasted superscripts look like digits to Python's isdigit() but are not numbers."""
    for parse in (parse_seat, parse_amount):
        with pytest.raises(DomainError):
            parse(text)
    with pytest.raises(DomainError):
        parse_date_text(f"{text}/05/2026")
