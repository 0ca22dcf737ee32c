"""The recognition list (danh sách sáng kiến được công nhận) that the unit head signs a decision from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from models.formatting import format_date, format_vnd
from models.i18n import t
from models.labels import category_label, scope_label, type_label
from models.record import SessionRecord
from models.session import Conclusion
from sessions.export.sheets import VND_FORMAT, csv_bytes, fit_row_height, put, workbook_bytes


@dataclass(frozen=True)
class RecognitionRow:
    """One recognised initiative; ``benefit_vnd`` is None when the benefit cannot be quantified."""

    number: int
    code: str
    title: str
    authors: str
    unit: str
    category: str
    type: str
    scope: str
    award: str
    benefit_vnd: int | None


def recognition_rows(record: SessionRecord) -> list[RecognitionRow]:
    """The initiatives the council recognised, in agenda order, labelled in the current language."""
    rows = []
    recognised = [i for i in record.agenda_items() if record.conclusion(i.id) == Conclusion.RECOGNISED]
    for number, initiative in enumerate(recognised, start=1):
        finding = record.findings[initiative.id]
        rows.append(
            RecognitionRow(
                number=number,
                code=initiative.code,
                title=initiative.title,
                authors="; ".join(f"{a.name} ({a.share}%)" for a in initiative.authors),
                unit=initiative.unit,
                category=category_label(initiative.category),
                type=type_label(initiative.type),
                scope=scope_label(finding.scope),
                award=finding.proposed_award,
                benefit_vnd=finding.confirmed_benefit_vnd,
            )
        )
    return rows


def columns() -> list[str]:
    """The column headings, in the current language."""
    return [
        t("col.no"),
        t("col.code"),
        t("col.initiative"),
        t("col.authors"),
        t("col.unit"),
        t("recognition.col_category"),
        t("recognition.col_type"),
        t("recognition.col_scope"),
        t("recognition.col_award"),
        t("recognition.col_benefit"),
    ]


def _cells(row: RecognitionRow) -> list[str | int]:
    benefit: str | int = row.benefit_vnd if row.benefit_vnd is not None else format_vnd(None)
    return [
        row.number,
        row.code,
        row.title,
        row.authors,
        row.unit,
        row.category,
        row.type,
        row.scope,
        row.award,
        benefit,
    ]


def _totals(rows: list[RecognitionRow]) -> tuple[int, int]:
    """(sum of the quantified benefits, number of benefits that cannot be quantified)."""
    quantified = [r.benefit_vnd for r in rows if r.benefit_vnd is not None]
    return sum(quantified), len(rows) - len(quantified)


def _attached(record: SessionRecord) -> str:
    return t("recognition.attached", council=record.council.name, date=format_date(record.session.date))


def render_csv(record: SessionRecord) -> bytes:
    """The list as CSV: one heading row, the initiatives, the total; amounts as plain whole numbers."""
    rows = recognition_rows(record)
    total, unquantified = _totals(rows)
    table: list[list[str | int]] = [columns()] + [_cells(r) for r in rows]
    table.append(["", "", t("minutes.total"), "", "", "", "", "", "", total])
    table.append(["", "", t("recognition.unquantified", count=unquantified), "", "", "", "", "", "", ""])
    return csv_bytes(table)


WIDTHS = [5, 13, 42, 30, 22, 18, 20, 14, 22, 18]
_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_FONT = "Times New Roman"


def render_xlsx(record: SessionRecord, created: dt.datetime) -> bytes:
    """The list as an Excel workbook laid out for printing (A4 landscape, heading row repeated)."""
    rows = recognition_rows(record)
    total, unquantified = _totals(rows)
    book = Workbook()
    sheet = book.active
    sheet.title = t("recognition.sheet")[:31]
    width = len(WIDTHS)
    last = get_column_letter(width)
    unit = record.council.unit or record.council.name
    put(sheet, 1, 1, unit.upper()).font = Font(name=_FONT, size=12, bold=True)
    for row_number, (text, font) in enumerate(
        [
            (t("recognition.title"), Font(name=_FONT, size=14, bold=True)),
            (_attached(record), Font(name=_FONT, size=12, italic=True)),
        ],
        start=2,
    ):
        put(sheet, row_number, 1, text).font = font
        sheet.cell(row=row_number, column=1).alignment = Alignment(horizontal="center")
        sheet.merge_cells(f"A{row_number}:{last}{row_number}")
    head = 5
    for col, text in enumerate(columns(), start=1):
        cell = put(sheet, head, col, text)
        cell.font = Font(name=_FONT, size=12, bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = _BOX
    for offset, row in enumerate(rows, start=1):
        for col, value in enumerate(_cells(row), start=1):
            cell = put(sheet, head + offset, col, value)
            cell.font = Font(name=_FONT, size=12)
            cell.border = _BOX
            cell.alignment = Alignment(vertical="top", wrap_text=True, horizontal="center" if col == 1 else None)
            if col == width:
                cell.alignment = Alignment(vertical="top", horizontal="right", wrap_text=True)
                if isinstance(value, int):
                    cell.number_format = VND_FORMAT
        fit_row_height(sheet, head + offset, WIDTHS)
    fit_row_height(sheet, head, WIDTHS)
    total_row = head + len(rows) + 1
    for col in range(1, width + 1):
        sheet.cell(row=total_row, column=col).border = _BOX
    put(sheet, total_row, 3, t("minutes.total")).font = Font(name=_FONT, size=12, bold=True)
    amount = put(sheet, total_row, width, total)
    amount.font = Font(name=_FONT, size=12, bold=True)
    amount.number_format = VND_FORMAT
    note = put(sheet, total_row + 1, 3, t("recognition.unquantified", count=unquantified))
    note.font = Font(name=_FONT, size=12, italic=True)
    for col, chars in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = chars
    sheet.freeze_panes = sheet.cell(row=head + 1, column=1)
    sheet.print_title_rows = f"{head}:{head}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    book.properties.title = t("recognition.title")
    book.properties.creator = t("printed.author")
    return workbook_bytes(book, created)
