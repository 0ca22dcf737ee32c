"""The recognition list the unit head signs a decision from, read back with openpyxl and csv."""

from __future__ import annotations

import csv
import datetime as dt
import io
import unicodedata
from pathlib import Path

import openpyxl
import pytest
import time_machine

from cli import main
from models.i18n import set_language
from models.session import Conclusion
from sessions.exporting import render
from sessions.storage import DataFolder
from tests.conftest import FIRST, PLANNED

HEAD = 5  # the heading row, under the unit, the title and the "attached to" line


def _record(demo_dir: Path, session: str = FIRST):
    return DataFolder(demo_dir).load_record(session)[0]


def _sheet(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data)).active


def _rows(data: bytes) -> list[list[str]]:
    text = data.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


@pytest.fixture
def record(demo_dir: Path):
    return _record(demo_dir)


def test_xlsx_lists_the_recognised_initiatives_with_every_column(record) -> None:
    sheet = _sheet(render(record, "xlsx"))
    assert sheet["A1"].value == "BỆNH VIỆN NGUYỄN ĐÌNH CHIỂU"
    assert sheet["A2"].value == "DANH SÁCH SÁNG KIẾN ĐƯỢC CÔNG NHẬN"
    assert sheet["A3"].value == "(Kèm theo Biên bản họp Hội đồng Sáng kiến Bệnh viện Nguyễn Đình Chiểu ngày 14/05/2026)"
    heading = [c.value for c in sheet[HEAD]]
    assert heading == [
        "TT",
        "Mã số",
        "Tên sáng kiến",
        "Tác giả (tỷ lệ)",
        "Đơn vị",
        "Lĩnh vực",
        "Nhóm",
        "Loại giải pháp",
        "Phạm vi ảnh hưởng",
        "Đề xuất khen thưởng",
        "Giá trị làm lợi được xác nhận (đồng)",
        "Quyết định công nhận (số, ngày)",
    ]
    recognised = [i for i in record.agenda_items() if record.conclusion(i.id) == Conclusion.RECOGNISED]
    body = [[c.value for c in row] for row in sheet.iter_rows(min_row=HEAD + 1, max_row=HEAD + len(recognised))]
    assert [row[1] for row in body] == [i.code for i in recognised]
    assert [row[0] for row in body] == list(range(1, len(recognised) + 1))
    first = body[0]
    assert first[2] == "Cải tiến xe đẩy cấp phát thuốc có ngăn khóa theo từng giường bệnh"
    assert first[3] == "Đặng Văn Phúc (70%); Ngô Thị Thu (30%)"
    assert first[4:10] == [
        "Khoa Dược",
        "Y tế",
        "cải tiến kỹ thuật",
        "Giải pháp kỹ thuật",
        "Cấp cơ sở",
        "Giấy chứng nhận sáng kiến",
    ]
    assert first[10] == 86_500_000
    assert first[11] is None  # the decision: written in by the office
    assert body[2][8] == "Cấp ngành, tỉnh"


def test_xlsx_benefits_are_whole_dong_and_unquantified_is_never_zero(record) -> None:
    sheet = _sheet(render(record, "xlsx"))
    benefits = [row[10].value for row in sheet.iter_rows(min_row=HEAD + 1, max_row=HEAD + 6)]
    assert benefits == [
        86_500_000,
        "không tính được thành tiền",
        142_000_000,
        "không tính được thành tiền",
        "không tính được thành tiền",
        18_000_000,
    ]
    assert sheet.cell(row=HEAD + 1, column=11).number_format == "#,##0"
    total = [c.value for c in sheet[HEAD + 7]]
    assert total[2] == "Tổng cộng" and total[10] == 246_500_000
    assert sheet.cell(row=HEAD + 7, column=11).number_format == "#,##0"
    assert sheet.cell(row=HEAD + 8, column=3).value == "Số sáng kiến có hiệu quả không tính được thành tiền: 3"
    # the heading row repeats on every printed page
    assert sheet.print_title_rows == f"${HEAD}:${HEAD}"


def test_csv_opens_in_excel_as_utf8_and_totals(record) -> None:
    data = render(record, "csv")
    assert data.startswith("\ufeff".encode())
    rows = _rows(data)
    assert rows[0][0] == "TT" and rows[0][-2] == "Giá trị làm lợi được xác nhận (đồng)"
    assert [r[1] for r in rows[1:7]] == [
        "SK-2026-01",
        "SK-2026-02",
        "SK-2026-03",
        "SK-2026-04",
        "SK-2026-06",
        "SK-2026-08",
    ]
    assert rows[1][3] == "Đặng Văn Phúc (70%); Ngô Thị Thu (30%)"
    assert rows[1][-2] == "86500000" and rows[2][-2] == "không tính được thành tiền"
    assert rows[7][2] == "Tổng cộng" and rows[7][-2] == "246500000"
    assert rows[8][2].endswith(": 3")
    text = data.decode("utf-8-sig")
    assert text == unicodedata.normalize("NFC", text)


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_exports_are_identical_when_repeated_on_another_day(record, fmt: str) -> None:
    # Two renders within one second (or the two seconds a zip entry's date resolves) would match even if the
    # wall clock leaked into the file: the clock differs by a day and an hour here.
    with time_machine.travel(dt.datetime(2026, 12, 1, 9, 0, 0, tzinfo=dt.UTC), tick=False):
        first = render(record, fmt)
    with time_machine.travel(dt.datetime(2026, 12, 2, 10, 0, 3, tzinfo=dt.UTC), tick=False):
        assert render(record, fmt) == first


def test_a_session_without_recognitions_gives_an_empty_list_with_a_zero_total(demo_dir: Path) -> None:
    record = _record(demo_dir, PLANNED)
    rows = _rows(render(record, "csv"))
    assert len(rows) == 3
    assert rows[1][2] == "Tổng cộng" and rows[1][-2] == "0"
    assert rows[2][2].endswith(": 0")


def test_english_list(record) -> None:
    set_language("en")
    sheet = _sheet(render(record, "xlsx"))
    assert sheet["A2"].value == "LIST OF RECOGNISED INITIATIVES"
    assert sheet.cell(row=HEAD, column=11).value == "Confirmed benefit (VND)"
    assert sheet.cell(row=HEAD + 2, column=11).value == "cannot be quantified"
    assert sheet.cell(row=HEAD + 1, column=7).value == "cải tiến kỹ thuật"


def test_cli_writes_the_list(demo_dir: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["export", FIRST, "--data", str(demo_dir), "--format", "xlsx", "--lang", "vi"]) == 0
    assert (tmp_path / "danh-sach-cong-nhan-14-05-2026.xlsx").exists()
    assert main(["export", FIRST, "--data", str(demo_dir), "--format", "csv", "--lang", "en"]) == 0
    assert (tmp_path / "recognised-14-05-2026.csv").exists()


# --- what an emulation office needs (issue 16, item 12)


def test_xlsx_has_a_signature_block_and_a_page_footer(record) -> None:
    book = openpyxl.load_workbook(io.BytesIO(render(record, "xlsx")))
    sheet = book.active
    values = [c.value for row in sheet.iter_rows(min_row=HEAD + 9) for c in row if c.value]
    assert values[:1] == ["Vĩnh Long, ngày 14 tháng 5 năm 2026"]
    assert values[1:3] == ["NGƯỜI LẬP BIỂU", "CHỦ TỊCH HỘI ĐỒNG"]
    assert values[3:5] == ["(Ký, ghi rõ họ tên)", "(Ký, ghi rõ họ tên)"]
    assert values[-2:] == ["Lê Hoàng Nam", "Nguyễn Văn Hùng"]
    for page in book.worksheets:
        assert "&P" in page.oddFooter.center.text and "&N" in page.oddFooter.center.text


def test_xlsx_and_csv_give_one_row_per_author_with_their_details(record, demo_dir: Path) -> None:
    book = openpyxl.load_workbook(io.BytesIO(render(record, "xlsx")))
    authors = book["Tác giả"]
    assert authors["A2"].value == "DANH SÁCH TÁC GIẢ CÁC SÁNG KIẾN ĐƯỢC CÔNG NHẬN"
    heading = [c.value for c in authors[HEAD]]
    assert heading == [
        "TT",
        "Mã số",
        "Tên sáng kiến",
        "Họ và tên tác giả",
        "Ngày sinh",
        "Nơi công tác",
        "Chức danh",
        "Trình độ chuyên môn",
        "Tỷ lệ đóng góp (%)",
    ]
    rows = [[c.value for c in row] for row in authors.iter_rows(min_row=HEAD + 1) if row[0].value is not None]
    recognised = [i for i in record.agenda_items() if record.conclusion(i.id) == Conclusion.RECOGNISED]
    assert len(rows) == sum(len(i.authors) for i in recognised)
    first = recognised[0].authors[0]
    assert rows[0][:4] == [1, "SK-2026-01", recognised[0].title, first.name]
    assert rows[0][5:] == [first.workplace, first.position, first.qualification, first.share]
    assert [r[1] for r in rows[:2]] == ["SK-2026-01", "SK-2026-01"]  # two authors, two rows
    csv_rows = _rows(render(record, "authors"))
    assert csv_rows[0] == heading
    assert [r[3] for r in csv_rows[1:]] == [r[3] for r in rows]
    assert csv_rows[1][-1] == "70"


def test_csv_offers_a_semicolon_for_excel_on_vietnamese_settings(record, demo_dir: Path, tmp_path: Path) -> None:
    data = render(record, "csv", separator=";")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["TT", "Mã số", "Tên sáng kiến"] and len(rows[0]) == 12
    assert rows[1][3] == "Đặng Văn Phúc (70%); Ngô Thị Thu (30%)"  # quoted: it holds the separator
    out = tmp_path / "list.csv"
    args = ["export", FIRST, "--data", str(demo_dir), "--lang", "vi", "--format", "csv", "--separator", "semicolon"]
    args += ["--output"]
    assert main([*args, str(out)]) == 0
    assert out.read_bytes() == data
