"""Importing initiatives from CSV and XLSX: what is accepted, and every bad input reported with its place."""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from pathlib import Path

import openpyxl
import pytest

from models.errors import DomainError
from models.i18n import set_language
from sessions.importing import apply_initiatives, preview, preview_initiatives
from sessions.service import SessionService
from sessions.storage import DataFolder
from sessions.templates import template_bytes
from tests.conftest import FIRST, PLANNED

HEADER = ["Mã số", "Tên sáng kiến", "Loại giải pháp", "Nhóm", "Lĩnh vực", "Tác giả (tỷ lệ)", "Giá trị làm lợi (đồng)"]
GOOD = ["SK-2026-30", "Sổ tay điện tử điều dưỡng", "Giải pháp kỹ thuật", "tiết kiệm", "Y tế", "Ngô Văn An (100%)", ""]


def xlsx(sheets: dict[str, list[list[object]]], formats: dict[tuple[str, str], str] | None = None) -> bytes:
    """A workbook with the given sheets (rows of cell values); ``formats`` sets a cell's number format."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    for (name, ref), fmt in (formats or {}).items():
        book[name][ref].number_format = fmt
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows: list[list[str]], sep: str = ",", newline: str = "\r\n", encoding: str = "utf-8-sig") -> bytes:
    def quote(value: str) -> str:
        return f'"{value}"' if any(c in value for c in (sep, '"', "\n")) else value

    return newline.join(sep.join(quote(v) for v in row) for row in rows).encode(encoding) + newline.encode()


TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def windows_1258(text: str) -> str:
    """Text as Windows-1258 holds it: base letters precomposed, tone marks as separate combining marks."""
    out = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in parts if c in TONES)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES)) + tones)
    return "".join(out)


@pytest.fixture
def folder(demo_dir: Path) -> DataFolder:
    return DataFolder(demo_dir)


@pytest.fixture
def record(folder: DataFolder):
    return folder.load_record(PLANNED)[0]


def journal_bytes(folder: DataFolder, session_id: str = PLANNED) -> bytes:
    return (folder.session_dir(session_id) / "journal.jsonl").read_bytes()


def messages(plan) -> list[str]:
    return [str(p) for p in plan.sorted_problems()]


def only_problem(plan) -> str:
    assert not plan.ok
    assert len(plan.problems) == 1, messages(plan)
    assert plan.initiatives == []
    return str(plan.problems[0])


# --- what is accepted


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_the_template_imports_as_written(folder, record, suffix):
    plan = preview_initiatives(template_bytes("initiatives", suffix), record, name="mau" + suffix)
    assert plan.ok, messages(plan)
    [item] = plan.initiatives
    assert item.code == "SK-2026-01"
    assert [(a.name, a.share) for a in item.authors] == [("Đặng Văn Phúc", 70), ("Ngô Thị Thu", 30)]
    assert item.benefit_vnd == 86_500_000
    assert item.first_applied == dt.date(2025, 9, 1)
    if suffix == ".xlsx":  # the authors sheet adds the details the one-cell form cannot hold
        assert item.authors[0].birth_date == dt.date(1985, 4, 12)
        assert item.authors[0].qualification == "Dược sĩ đại học"


def test_applying_adds_every_row_in_one_journal_record(folder, record):
    rows = [
        HEADER,
        GOOD,
        ["SK-2026-31", "Phần mềm nhắc lịch tái khám", "Giải pháp quản lý", "", "", "Lê Văn B", "1.250.000"],
    ]
    plan = preview_initiatives(csv_bytes(rows), record, name="a.csv")
    assert plan.ok, messages(plan)
    before = journal_bytes(folder).count(b"\n") - journal_bytes(folder).count(b'"type":"checkpoint"}')
    service = SessionService(folder, PLANNED)
    try:
        added = apply_initiatives(service, plan)
    finally:
        service.close()
    assert [i.code for i in added] == ["SK-2026-30", "SK-2026-31"]
    # (a checkpoint's fingerprint record is not a change)
    assert journal_bytes(folder).count(b"\n") - journal_bytes(folder).count(b'"type":"checkpoint"}') == before + 1
    reloaded, _ = folder.load_record(PLANNED)
    assert reloaded.session.agenda[-2:] == [i.id for i in added]
    assert reloaded.initiatives[added[1].id].benefit_vnd == 1_250_000


def test_english_headers_without_diacritics_in_any_case_with_stray_spaces(record):
    header = ["  CODE ", "title", "Type", "  AUTHORS (share) ", "Benefit (VND)", "first applied", "Category"]
    row = [
        "SK-9",
        "Quy trình mới",
        "management solution",
        "Hà Văn C (50%); Đỗ Thị D (50%)",
        "2,000,000",
        "2026-01-15",
        "x",
    ]
    plan = preview_initiatives(csv_bytes([header, row]), record, name="en.csv")
    assert plan.ok, messages(plan)
    [item] = plan.initiatives
    assert item.type.value == "management"
    assert item.benefit_vnd == 2_000_000
    assert item.first_applied == dt.date(2026, 1, 15)
    header = ["ma so", "ten sang kien", "tac gia", "gia tri lam loi"]
    plan = preview_initiatives(csv_bytes([header, ["SK-9", "Quy trình", "Hà Văn C", "5000"]]), record, name="x.csv")
    assert plan.ok, messages(plan)
    assert plan.initiatives[0].benefit_vnd == 5000


def test_text_is_cleaned_never_rejected(record):
    decomposed = unicodedata.normalize("NFD", "Cải tiến   quy trình  tiếp nhận")
    author = unicodedata.normalize("NFD", "  Nguyễn  Văn An (60 %) ;\r\n Trần Thị Bé(40%) ")
    rows = [HEADER, ["  SK-2026-40\u00a0", decomposed, "", "", "", author, " 3 000 000 "]]
    data = csv_bytes(rows, sep=";", newline="\r\n")
    plan = preview_initiatives(b"\xef\xbb\xbf" + data, record, name="windows.csv")
    assert plan.ok, messages(plan)
    [item] = plan.initiatives
    assert item.code == "SK-2026-40"
    assert item.title == "Cải tiến quy trình tiếp nhận"
    assert unicodedata.is_normalized("NFC", item.title)
    assert [(a.name, a.share) for a in item.authors] == [("Nguyễn Văn An", 60), ("Trần Thị Bé", 40)]
    assert item.benefit_vnd == 3_000_000


def test_a_vietnamese_windows_csv_in_cp1258_is_read(record):
    rows = [["Mã số", "Tên sáng kiến", "Tác giả"], ["SK-50", "Tiết kiệm điện", "Phạm Thị Lụa"]]
    text = "\r\n".join(",".join(r) for r in rows)
    data = windows_1258(text).encode("cp1258", errors="strict")
    plan = preview_initiatives(data, record, name="ansi.csv")
    assert plan.ok, messages(plan)
    assert plan.initiatives[0].title == "Tiết kiệm điện"
    assert plan.initiatives[0].authors[0].name == "Phạm Thị Lụa"


def test_excel_dates_numbers_and_percent_cells(record):
    header = ["Mã số", "Tên sáng kiến", "Ngày áp dụng", "Giá trị làm lợi"]
    authors_header = ["Mã số", "Họ và tên", "Tỷ lệ", "Ngày sinh"]
    data = xlsx(
        {
            "Sáng kiến": [header, ["SK-60", "Đèn tiết kiệm", dt.datetime(2025, 6, 1), 125000000]],
            "Tác giả": [authors_header, ["SK-60", "Mai Văn E", 0.75, dt.date(1980, 1, 2)], ["SK-60", "Lý Thị F", 25]],
        },
        formats={("Tác giả", "C2"): "0%"},
    )
    plan = preview_initiatives(data, record, name="x.xlsx")
    assert plan.ok, messages(plan)
    [item] = plan.initiatives
    assert item.first_applied == dt.date(2025, 6, 1)
    assert item.benefit_vnd == 125_000_000
    assert [(a.name, a.share) for a in item.authors] == [("Mai Văn E", 75), ("Lý Thị F", 25)]
    assert item.authors[0].birth_date == dt.date(1980, 1, 2)


@pytest.mark.parametrize("text", ["", "không tính được", "Không tính được thành tiền", "khong tinh duoc"])
def test_blank_or_unquantified_benefit_is_none(record, text):
    plan = preview_initiatives(csv_bytes([HEADER, [*GOOD[:-1], text]]), record, name="a.csv")
    assert plan.ok, messages(plan)
    assert plan.initiatives[0].benefit_vnd is None


def test_a_title_row_above_the_headers_is_skipped(record):
    rows = [["DANH SÁCH SÁNG KIẾN ĐỀ NGHỊ CÔNG NHẬN"], [], HEADER, GOOD]
    plan = preview_initiatives(xlsx({"Danh sách": rows}), record, name="x.xlsx")
    assert plan.ok, messages(plan)
    assert plan.rows == [4]


def test_a_co_author_who_is_a_member_is_linked_for_recusal(record):
    rows = [HEADER, [*GOOD[:5], "Ngô Văn An (60%); Lê Hoàng Nam (40%) [m3]", ""]]
    plan = preview_initiatives(csv_bytes(rows), record, name="a.csv")
    assert plan.ok, messages(plan)
    assert plan.initiatives[0].author_member_ids == {"m3"}
    rows = [HEADER, [*GOOD[:5], "Ngô Văn An (60%); Lê Hoàng Nam (40%) [TV]", ""]]
    assert preview_initiatives(csv_bytes(rows), record, name="a.csv").initiatives[0].author_member_ids == {"m3"}


# --- warnings: accepted, but said


def test_unknown_category_and_field_are_accepted_with_a_warning_listing_them(record):
    rows = [HEADER, [*GOOD[:3], "sáng tạo trẻ", "Công nghệ sinh học", *GOOD[5:]]]
    rows.append(["SK-2026-32", "Khác", "", "Tiết Kiệm", "Y tế", "Ngô Văn An", ""])
    plan = preview_initiatives(csv_bytes(rows), record, name="a.csv")
    assert plan.ok, messages(plan)
    warnings = " ".join(str(w) for w in plan.warnings)
    assert "sáng tạo trẻ" in warnings
    assert "Công nghệ sinh học" in warnings
    assert "Tiết Kiệm" not in warnings  # a known category typed in another case is matched to it
    assert plan.initiatives[1].category == "tiết kiệm"


def test_an_author_named_like_a_member_but_not_marked_is_warned_about(record):
    rows = [HEADER, [*GOOD[:5], "Lê Hoàng Nam", ""]]
    plan = preview_initiatives(csv_bytes(rows), record, name="a.csv")
    assert plan.ok
    assert any("Lê Hoàng Nam" in str(w) and "[m3]" in str(w) for w in plan.warnings)


def test_unknown_columns_are_ignored_with_a_warning(record):
    plan = preview_initiatives(csv_bytes([[*HEADER, "Ghi chú"], [*GOOD, "xem lại"]]), record, name="a.csv")
    assert plan.ok
    assert any("Ghi chú" in str(w) for w in plan.warnings)


# --- bad input: every problem, with its place and what to fix


def test_shares_not_adding_to_100_in_one_cell(record):
    rows = [HEADER, [*GOOD[:5], "Ngô Văn An (60%); Lê Văn B (30%)", ""]]
    text = only_problem(preview_initiatives(csv_bytes(rows), record, name="a.csv"))
    assert text.startswith("Dòng 2, cột F (Tác giả (tỷ lệ))")
    assert "90%" in text
    assert "sửa lại tỷ lệ" in text


def test_shares_not_adding_to_100_on_the_authors_sheet(record):
    data = xlsx(
        {
            "Sáng kiến": [["Mã số", "Tên sáng kiến"], ["SK-70", "Tên"]],
            "Tác giả": [["Mã số", "Họ và tên", "Tỷ lệ (%)"], ["SK-70", "A", 50], ["SK-70", "B", 40]],
        }
    )
    text = only_problem(preview_initiatives(data, record, name="x.xlsx"))
    assert 'Trang "Tác giả", dòng 2, cột C (Tỷ lệ (%))' in text
    assert "SK-70" in text
    assert "90%" in text


def test_shares_missing_for_several_authors(record):
    rows = [HEADER, [*GOOD[:5], "Ngô Văn An; Lê Văn B", ""]]
    text = only_problem(preview_initiatives(csv_bytes(rows), record, name="a.csv"))
    assert "Ngô Văn An, Lê Văn B" in text


def test_shares_that_are_not_whole_percentages(record):
    rows = [HEADER, [*GOOD[:5], "A (33,3%); B (33,3%); C (33,4%)", ""]]
    text = only_problem(preview_initiatives(csv_bytes(rows), record, name="a.csv"))
    assert "34, 33, 33" in text


def test_duplicate_codes_in_the_file(record):
    rows = [HEADER, GOOD, ["sk-2026-30", "Khác", "", "", "", "Ngô Văn An", ""]]
    text = only_problem(preview_initiatives(csv_bytes(rows), record, name="a.csv"))
    assert text.startswith("Dòng 3, cột A (Mã số)")
    assert "dòng 2" in text


def test_a_code_already_in_the_session(record):
    taken = record.agenda_items()[0].code
    text = only_problem(preview_initiatives(csv_bytes([HEADER, [taken, *GOOD[1:]]]), record, name="a.csv"))
    assert text.startswith("Dòng 2, cột A (Mã số)")
    assert taken in text


def test_missing_title_and_missing_code(record):
    plan = preview_initiatives(csv_bytes([HEADER, ["", " ", *GOOD[2:]]]), record, name="a.csv")
    assert [(p.row, p.column) for p in plan.sorted_problems()] == [(2, "A"), (2, "B")]
    assert "Chưa có tên sáng kiến" in messages(plan)[1]


def test_unparseable_date_and_amount(record):
    header = [*HEADER, "Ngày áp dụng lần đầu"]
    plan = preview_initiatives(csv_bytes([header, [*GOOD[:-1], "12,5 triệu", "31/02/2026"]]), record, name="a.csv")
    assert [(p.row, p.column) for p in plan.sorted_problems()] == [(2, "G"), (2, "H")]
    assert "'12,5 triệu' không phải số tiền" in messages(plan)[0]
    assert "'31/02/2026' không phải ngày hợp lệ; hãy dùng dạng DD/MM/YYYY" in messages(plan)[1]


def test_unknown_member_for_a_co_author_marked_as_member(record):
    rows = [HEADER, [*GOOD[:5], "Ngô Văn An (60%); Người Lạ (40%) [m99]", ""]]
    text = only_problem(preview_initiatives(csv_bytes(rows), record, name="a.csv"))
    assert "'m99'" in text
    assert "m3 (3: Lê Hoàng Nam)" in text
    data = xlsx(
        {
            "Sáng kiến": [["Mã số", "Tên sáng kiến"], ["SK-70", "Tên"]],
            "Tác giả": [["Mã số", "Họ và tên", "Tỷ lệ", "Thành viên Hội đồng"], ["SK-70", "Người Lạ", 100, "x"]],
        }
    )
    text = only_problem(preview_initiatives(data, record, name="x.xlsx"))
    assert text.startswith('Trang "Tác giả", dòng 2, cột D (Thành viên Hội đồng)')
    assert "Người Lạ" in text


def test_authors_that_differ_between_the_cell_and_the_sheet(record):
    data = xlsx(
        {
            "Sáng kiến": [["Mã số", "Tên sáng kiến", "Tác giả"], ["SK-70", "Tên", "A (50%); B (50%)"]],
            "Tác giả": [["Mã số", "Họ và tên", "Tỷ lệ"], ["SK-70", "A", 60], ["SK-70", "B", 40]],
        }
    )
    assert "SK-70" in only_problem(preview_initiatives(data, record, name="x.xlsx"))


def test_an_author_row_for_a_code_not_in_the_list(record):
    data = xlsx(
        {
            "Sáng kiến": [["Mã số", "Tên sáng kiến", "Tác giả"], ["SK-70", "Tên", "A"]],
            "Tác giả": [["Mã số", "Họ và tên", "Tỷ lệ"], ["SK-71", "B", 100]],
        }
    )
    text = only_problem(preview_initiatives(data, record, name="x.xlsx"))
    assert text.startswith('Trang "Tác giả", dòng 2, cột A (Mã số)')


def test_an_initiative_without_any_author(record):
    text = only_problem(preview_initiatives(csv_bytes([HEADER, [*GOOD[:5], "", ""]]), record, name="a.csv"))
    assert text.startswith("Dòng 2, cột F")


def test_every_problem_is_listed_at_once_and_nothing_is_written(folder, record):
    rows = [
        HEADER,
        GOOD,
        ["SK-2026-30", "", "Giải pháp lạ", "", "", "A (50%)", "abc"],
        ["", "Tên", "", "", "", "A (50%); B (60%)", "-5"],
    ]
    before = journal_bytes(folder)
    plan = preview_initiatives(csv_bytes(rows), record, name="a.csv")
    places = {(p.row, p.column) for p in plan.problems}
    assert {(3, "A"), (3, "B"), (3, "C"), (3, "F"), (3, "G"), (4, "A"), (4, "F"), (4, "G")} <= places
    assert plan.initiatives == []
    service = SessionService(folder, PLANNED)
    try:
        with pytest.raises(DomainError):
            apply_initiatives(service, plan)
    finally:
        service.close()
    assert journal_bytes(folder) == before


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (b"", "a.csv", "trống"),
        (b"\xef\xbb\xbf  \r\n", "a.csv", "trống"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "anh.png", "không phải bảng tính"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "cu.xls", ".xls"),
        (b"PK\x03\x04 this is not a zip", "hong.xlsx", "không phải bảng tính"),
    ],
)
def test_files_that_are_not_spreadsheets_or_are_empty(record, data, name, expected):
    text = only_problem(preview_initiatives(data, record, name=name))
    assert expected in text


def test_a_zip_that_is_not_a_workbook(record):
    buffer = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "xin chào")
    assert "Excel" in only_problem(preview_initiatives(buffer.getvalue(), record, name="x.xlsx"))


def test_headers_but_no_rows(record):
    assert "chưa có dòng dữ liệu" in only_problem(preview_initiatives(csv_bytes([HEADER]), record, name="a.csv"))
    assert "Excel" not in only_problem(preview_initiatives(xlsx({"Sáng kiến": [HEADER]}), record, name="a.xlsx"))


def test_an_empty_workbook(record):
    assert "trống" in only_problem(preview_initiatives(xlsx({"Sheet1": []}), record, name="a.xlsx"))


def test_a_file_without_headers(record):
    text = only_problem(preview_initiatives(csv_bytes([["1", "2"], ["3", "4"]]), record, name="a.csv"))
    assert "tiêu đề cột" in text


def test_a_wrong_sheet_and_a_missing_sheet(folder, record):
    data = xlsx({"Sáng kiến": [HEADER, GOOD]})
    text = only_problem(preview_initiatives(data, record, name="x.xlsx", sheet="Tờ 2"))
    assert "Tờ 2" in text
    assert "Sáng kiến" in text
    data = xlsx({"Ghi chú": [["Ngày", "Nội dung buổi họp"], ["1", "2"]]})
    text = only_problem(preview_initiatives(data, record, name="x.xlsx"))
    assert "Ghi chú" in text
    assert "csv" not in text.lower()
    assert "trang" in only_problem(preview_initiatives(csv_bytes([HEADER, GOOD]), record, name="a.csv", sheet="X"))


def test_a_session_that_is_no_longer_planned(folder):
    record, _ = folder.load_record(FIRST)
    plan = preview_initiatives(csv_bytes([HEADER, GOOD]), record, name="a.csv")
    assert any("đã kết thúc" in m for m in messages(plan))


def test_problems_are_translated_when_shown(record):
    plan = preview_initiatives(csv_bytes([HEADER, ["", *GOOD[1:]]]), record, name="a.csv")
    set_language("en")
    assert str(plan.problems[0]) == "Row 2, column A (Mã số): The code is empty; type a code such as SK-2026-01."


def test_preview_by_path_reads_the_file_and_finds_the_kind(folder, tmp_path):
    path = tmp_path / "list.xlsx"
    path.write_bytes(xlsx({"Sáng kiến": [HEADER, GOOD]}))
    plan = preview(path, folder=folder, session_id=PLANNED)
    assert plan.ok and plan.kind == "initiatives" and plan.source == "list.xlsx"
    missing = preview(tmp_path / "none.csv", folder=folder, session_id=PLANNED)
    assert "none.csv" in only_problem(missing)
    with pytest.raises(DomainError, match="--session"):
        preview(path, folder=folder)
