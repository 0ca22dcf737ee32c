"""Templates to fill in and import: initiatives or members, as XLSX or CSV, with one example row.

Headers are Vietnamese (what the secretaries' lists use); the importer also reads English ones.
A template imports cleanly as it is written, so the example shows a valid row.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from models.errors import DomainError
from models.i18n import t
from models.parsing import fold
from sessions.report_file import write_report

INITIATIVE_TEMPLATE: list[tuple[str, str]] = [
    ("Mã số", "SK-2026-01"),
    ("Tên sáng kiến", "Cải tiến xe đẩy cấp phát thuốc có ngăn khóa theo từng giường bệnh"),
    ("Loại giải pháp", "Giải pháp kỹ thuật"),
    ("Lĩnh vực", "Y tế"),
    ("Nhóm", "cải tiến kỹ thuật"),
    ("Đơn vị", "Khoa Dược"),
    ("Tác giả (tỷ lệ)", "Đặng Văn Phúc (70%); Ngô Thị Thu (30%)"),
    ("Ngày áp dụng lần đầu", "01/09/2025"),
    ("Mô tả", "Xe đẩy được chia ngăn có khóa theo số giường, kèm nhãn mã vạch để đối chiếu khi phát thuốc."),
    ("Điều kiện áp dụng", "Áp dụng trong điều kiện trang thiết bị hiện có."),
    ("Hiệu quả", "Giảm nhầm lẫn cấp phát thuốc, giảm hư hao thuốc."),
    ("Giá trị làm lợi (đồng)", "86.500.000"),
    ("Thông tin bảo mật", ""),
    ("Người tham gia áp dụng lần đầu", "Khoa Dược, các khoa lâm sàng"),
]

AUTHOR_TEMPLATE_HEADERS = [
    "Mã số",
    "Họ và tên",
    "Tỷ lệ (%)",
    "Ngày sinh",
    "Nơi công tác",
    "Chức danh",
    "Trình độ chuyên môn",
    "Thành viên Hội đồng",
]
AUTHOR_TEMPLATE_ROWS = [
    ["SK-2026-01", "Đặng Văn Phúc", "70", "12/04/1985", "Khoa Dược", "Dược sĩ", "Dược sĩ đại học", ""],
    ["SK-2026-01", "Ngô Thị Thu", "30", "03/10/1990", "Khoa Dược", "Dược sĩ", "Dược sĩ đại học", ""],
]

MEMBER_TEMPLATE: list[tuple[str, str]] = [
    ("STT", "1"),
    ("Họ và tên", "Nguyễn Văn Hùng"),
    ("Vai trò", "Chủ tịch Hội đồng"),
    ("Chức vụ", "Giám đốc"),
    ("Đơn vị", "Bệnh viện Đa khoa tỉnh"),
    ("Biểu quyết", "Có"),
]

GUIDE_KEYS = {
    "initiatives": [
        ("Mã số", "prep.template.guide_code"),
        ("Tên sáng kiến", "prep.template.guide_title"),
        ("Loại giải pháp", "prep.template.guide_type"),
        ("Nhóm", "prep.template.guide_category"),
        ("Tác giả (tỷ lệ)", "prep.template.guide_authors"),
        ("Ngày áp dụng lần đầu", "prep.template.guide_date"),
        ("Giá trị làm lợi (đồng)", "prep.template.guide_amount"),
        ("Tác giả", "prep.template.guide_author_sheet"),
    ],
    "members": [
        ("STT", "prep.template.guide_seat"),
        ("Vai trò", "prep.template.guide_role"),
        ("Biểu quyết", "prep.template.guide_voting"),
    ],
}

SUFFIXES = (".xlsx", ".csv")


def kind_from_name(path: Path) -> str:
    """``members`` when the file name speaks of members (``members.xlsx``, ``thanh-vien.csv``)."""
    name = fold(path.stem).replace("-", " ").replace("_", " ")
    return "members" if any(w in name for w in ("member", "thanh vien", "thanhvien", "hoi dong")) else "initiatives"


def template_bytes(kind: str, suffix: str) -> bytes:
    """The template file's bytes for ``kind`` (initiatives or members) and ``suffix`` (.xlsx or .csv)."""
    columns = INITIATIVE_TEMPLATE if kind == "initiatives" else MEMBER_TEMPLATE
    headers = [h for h, _ in columns]
    example = [v for _, v in columns]
    if suffix == ".csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(headers)
        writer.writerow(example)
        # A BOM, so that Excel opens the Vietnamese text correctly.
        return "\ufeff".encode() + buffer.getvalue().encode("utf-8")
    return _xlsx(kind, headers, example)


def _xlsx(kind: str, headers: list[str], example: list[str]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Sáng kiến" if kind == "initiatives" else "Thành viên"
    _fill(sheet, headers, [example])
    if kind == "initiatives":
        _fill(book.create_sheet("Tác giả"), AUTHOR_TEMPLATE_HEADERS, AUTHOR_TEMPLATE_ROWS)
    guide = book.create_sheet(t("prep.template.guide_sheet"))
    guide.append([t("prep.template.guide_column"), t("prep.template.guide_how")])
    for cell in guide[1]:
        cell.font = Font(bold=True)
    for column, key in GUIDE_KEYS[kind]:
        guide.append([column, t(key)])
    guide.column_dimensions["A"].width = 26
    guide.column_dimensions["B"].width = 100
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _fill(sheet: object, headers: list[str], rows: list[list[str]]) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet.append(headers)  # type: ignore[attr-defined]
    for row in rows:
        sheet.append(row)  # type: ignore[attr-defined]
    for index, header in enumerate(headers, start=1):
        sheet.cell(row=1, column=index).font = Font(bold=True)  # type: ignore[attr-defined]
        width = max(len(header), *(len(r[index - 1]) for r in rows)) + 2
        sheet.column_dimensions[get_column_letter(index)].width = min(width, 60)  # type: ignore[attr-defined]
    sheet.freeze_panes = "A2"  # type: ignore[attr-defined]


def write_template(path: Path, kind: str | None = None, *, force: bool = False) -> str:
    """Write a template to ``path`` (.xlsx or .csv); returns the kind. Overwrites only with ``force``."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise DomainError("prep.template.suffix", name=path.name)
    if path.exists() and not force:
        raise DomainError("prep.template.exists", path=str(path))
    kind = kind or kind_from_name(path)
    write_report(path, template_bytes(kind, suffix))  # never into a data folder
    return kind
