"""Preparing a session in the real app (Pilot): a council from nothing, a session, its agenda, an import."""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import unicodedata
from pathlib import Path

from rich.console import Console
from textual import events
from textual.widgets import DataTable, Input, Select, Static

from models.council import CouncilInfo, Role
from models.initiative import InitiativeType
from models.session import SessionStatus
from sessions.council_setup import init_council
from sessions.storage import DataFolder
from tests.conftest import FIRST, PLANNED
from tui.app import CouncilApp
from tui.screens.agenda import AgendaScreen
from tui.screens.dialogs import ConfirmScreen
from tui.screens.first_run import FirstRunScreen
from tui.screens.picker import PickerScreen
from tui.screens.prepare.council_form import CouncilFormScreen
from tui.screens.prepare.form import PrepForm
from tui.screens.prepare.import_screen import ImportScreen
from tui.screens.prepare.initiative_form import InitiativeFormScreen
from tui.screens.prepare.member_form import MemberFormScreen
from tui.screens.prepare.members import MembersScreen
from tui.screens.prepare.session_form import SessionFormScreen
from tui.textual_private import SelectOverlay, shown_notices

SIZE = (100, 30)


def error_under(app: CouncilApp, name: str) -> str:
    """The message shown under a field ('' when the field is fine)."""
    label = app.screen.query_one(f"#error-{name}", Static)
    return str(label.render()) if label.display else ""


def echo_under(app: CouncilApp, name: str) -> str:
    """How the form read a correct value, shown under the field ('' when there is nothing to show)."""
    label = app.screen.query_one(f"#echo-{name}", Static)
    return str(label.render()) if label.display else ""


def field_value(app: CouncilApp, name: str) -> str:
    return app.screen.query_one(PrepForm).value(name)


def summary(app: CouncilApp) -> str:
    return str(app.screen.query_one("#prep-summary").render())


def shown(app: CouncilApp, selector: str) -> str:
    """The plain text a Static shows (rendered wide, so that no sentence is broken)."""
    console = Console(width=400, record=True, file=io.StringIO())
    console.print(app.screen.query_one(selector, Static).content)
    return console.export_text()


async def type_text(pilot, text: str) -> None:
    await pilot.press(*text)


async def paste(pilot, app: CouncilApp, text: str) -> None:
    """Paste into the focused field (how decomposed text usually arrives: copied from a document)."""
    app.post_message(events.Paste(text))  # as the terminal driver does; the app hands it to the focused field
    await pilot.pause()


async def choose(pilot, app: CouncilApp, name: str, label: str) -> None:
    """Open a select with space (enter moves on from one that has a value) and go down to ``label``."""
    select = app.screen.query_one(f"#f-{name}", Select)
    select.focus()
    await pilot.press("space")
    options = select.query_one(SelectOverlay)
    for _ in range(12):
        index = options.highlighted
        if index is not None and label in str(options.get_option_at_index(index).prompt):
            break
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.pause()


# --- a council from nothing


async def create_council(data: Path, clock) -> None:
    app = CouncilApp(data, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, FirstRunScreen)
        await pilot.press("n")
        assert isinstance(app.screen, CouncilFormScreen)

        # Decomposed Vietnamese (pasted from a document, or sent so by a keyboard) is composed at once.
        await paste(pilot, app, unicodedata.normalize("NFD", "Hội đồng Sáng kiến Sở KH&CN"))
        assert field_value(app, "name") == "Hội đồng Sáng kiến Sở KH&CN"
        assert app.screen.query_one("#f-name", Input).value == "Hội đồng Sáng kiến Sở KH&CN"
        await pilot.press("enter")  # enter moves to the next field
        await paste(pilot, app, "Sở Khoa học và Công nghệ")
        await pilot.press("tab", "tab")
        await paste(pilot, app, "Vĩnh Long")
        await pilot.press("tab")
        await paste(pilot, app, "123/QĐ-SKHCN")
        await pilot.press("tab")
        await type_text(pilot, "31/02/2026")
        assert "31/02/2026" in error_under(app, "decision_date")

        # Saving is refused while a field is wrong, and says which; nothing is written.
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, CouncilFormScreen)
        assert "Ngày quyết định thành lập" in summary(app)
        assert DataFolder(data).is_empty()

        await pilot.press("ctrl+u")  # Input: delete to the start of the line
        await type_text(pilot, "05/03/2026")
        assert error_under(app, "decision_date") == ""
        await choose(pilot, app, "preset", "Đa số")
        await pilot.press("ctrl+s")

        # Then the members: the first one is the chair unless said otherwise.
        assert isinstance(app.screen, MembersScreen)
        assert "Chưa có thành viên" in str(app.screen.query_one("#members-warnings").render())
        await pilot.press("a")
        assert isinstance(app.screen, MemberFormScreen)
        await pilot.press("tab")
        await paste(pilot, app, "Nguyễn Văn Hùng")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, MembersScreen)

        await pilot.press("a")
        await pilot.press("ctrl+u")
        await type_text(pilot, "1")  # seat 1 is taken
        assert "Số ghế 1 đã có người" in error_under(app, "seat")
        await pilot.press("ctrl+u")
        await type_text(pilot, "2")
        assert error_under(app, "seat") == ""
        await pilot.press("tab")
        await paste(pilot, app, "Lê Hoàng Nam")
        await choose(pilot, app, "role", "Ủy viên thư ký")
        await pilot.press("ctrl+s")

        await pilot.press("a", "tab")
        await paste(pilot, app, "Trần Thị Mai")
        await choose(pilot, app, "role", "Chủ tịch")  # a second chair: refused at the role field
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, MemberFormScreen)
        assert "nhiều hơn một Chủ tịch" in error_under(app, "role")
        await choose(pilot, app, "role", "Phó Chủ tịch")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, MembersScreen)
        assert app.screen.query_one(DataTable).row_count == 3

        await pilot.press("escape")
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("ctrl+q")


def test_a_new_council_through_the_forms(tmp_path: Path, clock) -> None:
    data = tmp_path / "data"
    asyncio.run(create_council(data, clock))

    council = DataFolder(data).load_council()
    assert council.info.name == "Hội đồng Sáng kiến Sở KH&CN"
    assert unicodedata.is_normalized("NFC", council.info.name)
    assert council.info.unit == "Sở Khoa học và Công nghệ"
    assert council.info.city == "Vĩnh Long"
    assert council.info.decision.number == "123/QĐ-SKHCN"
    assert council.info.decision.date == dt.date(2026, 3, 5)
    assert council.rulebook.preset == "simple_majority"
    roles = {m.name: (m.seat, m.role) for m in council.members}
    assert roles == {
        "Nguyễn Văn Hùng": (1, Role.CHAIR),
        "Lê Hoàng Nam": (2, Role.SECRETARY),
        "Trần Thị Mai": (3, Role.VICE_CHAIR),
    }


def notices(app: CouncilApp) -> str:
    return "\n".join(str(n.message) for n in shown_notices(app))


# --- a session and its first initiative


async def create_session_and_initiative(data: Path, clock) -> None:
    app = CouncilApp(data, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("n")
        assert isinstance(app.screen, SessionFormScreen)
        await paste(pilot, app, "Phiên họp đợt 3 năm 2026")
        await pilot.press("enter")
        await type_text(pilot, "15/13/2026")
        assert "15/13/2026" in error_under(app, "date")
        await pilot.press("ctrl+u")
        await type_text(pilot, "15/12/2026")
        assert echo_under(app, "date") == "= ngày 15 tháng 12 năm 2026"
        await pilot.press("enter")
        await paste(pilot, app, "Phòng họp B")
        await pilot.press("enter")
        await type_text(pilot, "14h30")
        await pilot.press("tab", "tab", "tab")  # chair and secretary: by role
        await paste(pilot, app, "Hà Văn Thắng, Kỹ sư, Phòng Vật tư")
        await pilot.press("ctrl+s")

        # The new session opens on its empty agenda, which says how to fill it.
        assert isinstance(app.screen, AgendaScreen)
        assert "Nhấn a để thêm sáng kiến" in shown(app, "#detail")

        await pilot.press("a")
        assert isinstance(app.screen, InitiativeFormScreen)
        await type_text(pilot, "SK-2026-30")
        await pilot.press("tab")
        await paste(pilot, app, "Máy đo đường huyết kết nối điện thoại")
        await choose(pilot, app, "type", "Giải pháp kỹ thuật")
        await pilot.press("tab")
        await type_text(pilot, "Y tế")
        await pilot.press("tab", "tab")
        await paste(pilot, app, "Khoa Nội tiết")
        await pilot.press("tab")
        await type_text(pilot, "Nguyễn Văn A (60%); Lê Hoàng Nam (30%) [m3]")
        assert "cộng lại 90%" in error_under(app, "authors")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, InitiativeFormScreen)
        assert "Tác giả" in summary(app)
        await pilot.press("ctrl+u")
        await paste(pilot, app, "Nguyễn Văn A (60%); Lê Hoàng Nam (40%) [m3]")
        assert error_under(app, "authors") == ""
        app.screen.query_one("#f-benefit_vnd").focus()
        await type_text(pilot, "12.5")
        assert "12.5" in error_under(app, "benefit_vnd")
        await pilot.press("ctrl+u")
        await type_text(pilot, "12.500.000")
        assert error_under(app, "benefit_vnd") == ""
        assert echo_under(app, "benefit_vnd") == "= 12.500.000 đồng"
        await pilot.press("ctrl+s")

        assert isinstance(app.screen, AgendaScreen)
        table = app.screen.query_one("#agenda", DataTable)
        assert table.row_count == 1
        assert table.get_row_at(0)[1] == "SK-2026-30"
        await pilot.press("ctrl+q")


def test_a_session_and_an_initiative_through_the_forms(demo_dir: Path, clock) -> None:
    asyncio.run(create_session_and_initiative(demo_dir, clock))

    record, _ = DataFolder(demo_dir).load_record("2026-12-15")
    session = record.session
    assert session.title == "Phiên họp đợt 3 năm 2026"
    assert session.status == SessionStatus.PLANNED
    assert session.place == "Phòng họp B"
    assert session.start_time == dt.time(14, 30)
    assert (session.chair_id, session.secretary_id) == ("m1", "m3")
    assert [(i.name, i.position) for i in session.invitees] == [("Hà Văn Thắng", "Kỹ sư, Phòng Vật tư")]
    assert len(record.members) == 7
    (initiative,) = record.agenda_items()
    assert initiative.code == "SK-2026-30"
    assert initiative.type == InitiativeType.TECHNICAL
    assert (initiative.field, initiative.unit) == ("Y tế", "Khoa Nội tiết")
    assert [(a.name, a.share, a.member_id) for a in initiative.authors] == [
        ("Nguyễn Văn A", 60, None),
        ("Lê Hoàng Nam", 40, "m3"),
    ]
    assert initiative.benefit_vnd == 12_500_000
    assert record.recused_for(initiative.id) == {"m3": "author"}


# --- editing and reordering the agenda


async def edit_agenda(data: Path, clock) -> None:
    app = CouncilApp(data, session_id=PLANNED, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, AgendaScreen)
        table = app.screen.query_one("#agenda", DataTable)

        await pilot.press("E")  # the first initiative, every field filled in
        assert isinstance(app.screen, InitiativeFormScreen)
        assert field_value(app, "code") == "SK-2026-10"
        assert field_value(app, "authors") == "Trần Ngọc Bích (60%); Lê Thị Hoa (40%)"
        await pilot.press("tab", "end", "ctrl+u")
        await paste(pilot, app, "Bàn giao người bệnh theo SBAR")
        app.screen.query_one("#f-code").focus()
        await pilot.press("end", "ctrl+u")
        await type_text(pilot, "SK-2026-11")  # another initiative's code
        assert "SK-2026-11 đã dùng" in error_under(app, "code")
        await pilot.press("ctrl+u")
        await type_text(pilot, "SK-2026-10")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, AgendaScreen)
        assert "Đã lưu sáng kiến SK-2026-10" in notices(app)

        # Leaving a changed form asks first; the change is not saved.
        await pilot.press("E", "tab", "end")
        await paste(pilot, app, " (bản nháp)")
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")
        assert isinstance(app.screen, AgendaScreen)

        # Reorder: the highlighted initiative moves, and the cursor moves with it.
        await pilot.press("shift+down", "shift+down")
        assert table.cursor_row == 2
        assert table.get_row_at(2)[1] == "SK-2026-10"
        await pilot.press("shift+up")
        assert table.get_row_at(1)[1] == "SK-2026-10"

        # Remove the last initiative, after confirming.
        await pilot.press("ctrl+end")
        assert table.cursor_row == 11
        await pilot.press("delete")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")
        assert table.row_count == 11

        # The session's details.
        await pilot.press("D")
        assert isinstance(app.screen, SessionFormScreen)
        assert field_value(app, "place").startswith("Hội trường A")
        app.screen.query_one("#f-place").focus()
        await pilot.press("end", "ctrl+u")
        await paste(pilot, app, "Phòng họp tầng 3")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, AgendaScreen)

        # Once the meeting has started the agenda is fixed, but an initiative not yet voted on can be corrected.
        await pilot.press("s", "a")
        assert isinstance(app.screen, AgendaScreen)
        assert "không thể thay đổi chương trình" in notices(app)
        await pilot.press("E")
        assert isinstance(app.screen, InitiativeFormScreen)
        await pilot.press("escape")
        await pilot.press("ctrl+q")


def test_editing_and_reordering_the_agenda(demo_dir: Path, clock) -> None:
    before, _ = DataFolder(demo_dir).load_record(PLANNED)
    asyncio.run(edit_agenda(demo_dir, clock))

    record, _ = DataFolder(demo_dir).load_record(PLANNED)
    codes = [i.code for i in record.agenda_items()]
    old = [i.code for i in before.agenda_items()]
    assert codes == [old[1], "SK-2026-10", *old[2:-1]]
    edited = record.initiatives[before.session.agenda[0]]
    assert edited.title == "Bàn giao người bệnh theo SBAR"
    # Everything else about it is as it was, author details included.
    unchanged = before.initiatives[before.session.agenda[0]].model_copy(update={"title": edited.title})
    assert edited == unchanged
    assert record.session.place == "Phòng họp tầng 3"
    assert record.session.status == SessionStatus.OPEN


# --- importing initiatives: a file with problems, then a good one

HEADER = "Mã số,Tên sáng kiến,Loại giải pháp,Nhóm,Tác giả (tỷ lệ),Giá trị làm lợi (đồng)"


def write_csv(path: Path, *rows: str) -> Path:
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


async def import_files(data: Path, bad: Path, good: Path, clock) -> None:
    app = CouncilApp(data, session_id=PLANNED, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        assert isinstance(app.screen, ImportScreen)
        await paste(pilot, app, str(bad))
        await pilot.press("enter")
        text = shown(app, "#import-summary")
        assert "Có 3 lỗi cần sửa trong tệp" in text
        assert "Dòng 2, cột E (Tác giả (tỷ lệ)): Tỷ lệ đóng góp" in text
        assert "Dòng 3, cột A (Mã số): Mã số SK-2026-10 đã có trong chương trình" in text
        assert "Dòng 4, cột B (Tên sáng kiến)" in text
        assert "Chưa nhập dữ liệu nào." in text

        await pilot.press("ctrl+s")  # refused: nothing is written
        assert isinstance(app.screen, ImportScreen)
        assert "Dữ liệu nhập có 3 lỗi" in notices(app)

        await pilot.press("ctrl+u")
        await paste(pilot, app, str(good))
        await pilot.press("enter")
        text = shown(app, "#import-summary")
        assert "Có thể nhập 2 dòng" in text
        assert "Nhóm sáng kiến mới" in text and "chăm sóc khách hàng" in text
        rows = app.screen.query_one("#import-rows", DataTable)
        assert [rows.get_row_at(n)[:2] for n in range(rows.row_count)] == [["2", "SK-2026-40"], ["3", "SK-2026-41"]]

        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")
        assert isinstance(app.screen, AgendaScreen)
        assert app.screen.query_one("#agenda", DataTable).row_count == 14
        await pilot.press("ctrl+q")


def test_import_preview_with_problems_then_a_good_file(demo_dir: Path, tmp_path: Path, clock) -> None:
    bad = write_csv(
        tmp_path / "bad.csv",
        "SK-2026-40,Phần mềm nhắc lịch tái khám,Giải pháp kỹ thuật,tiết kiệm,Ngô Văn An (60%); Lý Thị Bé (30%),",
        "SK-2026-10,Trùng mã,Giải pháp quản lý,tiết kiệm,Ngô Văn An,",
        "SK-2026-42,,Giải pháp quản lý,tiết kiệm,Ngô Văn An,",
    )
    good = write_csv(
        tmp_path / "good.csv",
        "SK-2026-40,Phần mềm nhắc lịch tái khám,Giải pháp kỹ thuật,tiết kiệm,Ngô Văn An (60%); Lý Thị Bé (40%),",
        "SK-2026-41,Quầy hướng dẫn một cửa,Giải pháp quản lý,chăm sóc khách hàng,Ngô Văn An,15.000.000",
    )
    journal = DataFolder(demo_dir).journal_path(PLANNED)
    asyncio.run(import_files(demo_dir, bad, good, clock))

    record, _ = DataFolder(demo_dir).load_record(PLANNED)
    items = record.agenda_items()
    assert [i.code for i in items[-2:]] == ["SK-2026-40", "SK-2026-41"]
    assert items[-1].benefit_vnd == 15_000_000
    assert items[-1].category == "chăm sóc khách hàng"
    # One journal record for the whole import (after the ones the demo wrote).
    assert sum('"initiatives_imported"' in line for line in journal.read_text(encoding="utf-8").splitlines()) == 1


# --- the council's members between sessions


async def edit_members(data: Path, clock) -> None:
    app = CouncilApp(data, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")
        assert isinstance(app.screen, MembersScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 7
        await pilot.press("down", "down", "enter")  # seat 3
        assert isinstance(app.screen, MemberFormScreen)
        assert field_value(app, "name") == "Lê Hoàng Nam"
        app.screen.query_one("#f-name").focus()
        await pilot.press("end", "ctrl+u")
        await paste(pilot, app, "Lê Hoàng Nam Anh")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, MembersScreen)

        await pilot.press("ctrl+end", "delete")  # seat 7
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")
        assert table.row_count == 6
        await pilot.press("escape")
        assert isinstance(app.screen, PickerScreen)

        # The planned session takes the corrected council only when asked.
        await pilot.press("enter", "M")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")
        assert "Phiên họp đã được cập nhật theo Hội đồng" in notices(app)
        await pilot.press("ctrl+q")


def test_members_between_sessions_leave_past_sessions_alone(demo_dir: Path, clock) -> None:
    asyncio.run(edit_members(demo_dir, clock))

    folder = DataFolder(demo_dir)
    council = folder.load_council()
    assert [m.name for m in council.members if m.id == "m3"] == ["Lê Hoàng Nam Anh"]
    assert "m7" not in {m.id for m in council.members}
    closed, _ = folder.load_record(FIRST)
    assert [m.name for m in closed.members if m.id == "m3"] == ["Lê Hoàng Nam"]
    assert len(closed.members) == 7
    planned, _ = folder.load_record(PLANNED)
    assert [m.name for m in planned.members if m.id == "m3"] == ["Lê Hoàng Nam Anh"]
    assert len(planned.members) == 6


async def import_members_and_edit_council(data: Path, members_file: Path, clock) -> None:
    app = CouncilApp(data, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, PickerScreen)  # a council without members or sessions yet
        await pilot.press("m")
        assert "Chưa có thành viên" in shown(app, "#members-warnings")
        await pilot.press("i")
        assert isinstance(app.screen, ImportScreen)
        await paste(pilot, app, str(members_file))
        await pilot.press("enter", "ctrl+s")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")
        assert isinstance(app.screen, MembersScreen)
        assert app.screen.query_one(DataTable).row_count == 3
        assert not app.screen.query_one("#members-warnings").display  # a chair and a secretary

        await pilot.press("c")
        assert isinstance(app.screen, CouncilFormScreen)
        assert field_value(app, "name") == "Hội đồng Sáng kiến"
        app.screen.query_one("#f-city").focus()
        await paste(pilot, app, "Vĩnh Long")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, MembersScreen)
        await pilot.press("ctrl+q")


def test_members_imported_from_a_file_and_the_council_edited(tmp_path: Path, clock) -> None:
    data = tmp_path / "data"
    init_council(DataFolder(data), CouncilInfo(name="Hội đồng Sáng kiến"), [])
    members_file = tmp_path / "thanh-vien.csv"
    members_file.write_text(
        "STT;Họ và tên;Vai trò;Biểu quyết\n"
        "1;Nguyễn Văn Hùng;Chủ tịch Hội đồng;có\n"
        "2;Lê Hoàng Nam;Ủy viên thư ký;\n"
        "3;Phạm Văn Khách;Chuyên gia;không\n",
        encoding="utf-8",
    )
    asyncio.run(import_members_and_edit_council(data, members_file, clock))

    council = DataFolder(data).load_council()
    assert [(m.seat, m.name, m.role, m.voting) for m in council.members] == [
        (1, "Nguyễn Văn Hùng", Role.CHAIR, True),
        (2, "Lê Hoàng Nam", Role.SECRETARY, True),
        (3, "Phạm Văn Khách", Role.EXPERT, False),
    ]
    assert council.info.city == "Vĩnh Long"
    assert council.rulebook.preset == "circular18"


# --- small and large terminals


async def form_sizes(data: Path, clock) -> None:
    app = CouncilApp(data, session_id=PLANNED, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("E")
        form = app.screen.query_one(PrepForm)
        assert not app.screen.query_one("#prep-side").display
        await pilot.press(*["tab"] * 13)
        last = form.widget("first_application_people")
        assert app.screen.focused is last
        # The form scrolled so that the last field is in view.
        assert form.scroll_y > 0
        assert form.region.contains_region(last.region)
        await pilot.press("escape", "ctrl+q")
    app = CouncilApp(data, session_id=PLANNED, clock=clock)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("E")
        await pilot.press(*["tab"] * 6)  # the authors
        side = shown(app, "#prep-side")
        assert app.screen.query_one("#prep-side").display
        assert "Tác giả (tỷ lệ đóng góp)" in side
        assert "[m3] 3. Lê Hoàng Nam" in side
        await pilot.press("escape", "ctrl+q")


def test_forms_scroll_on_a_small_terminal_and_explain_on_a_wide_one(demo_dir: Path, clock) -> None:
    asyncio.run(form_sizes(demo_dir, clock))
