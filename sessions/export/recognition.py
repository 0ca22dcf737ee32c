"""The recognition list (danh sách sáng kiến được công nhận) that the unit head signs a decision from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from models.formatting import format_date, format_vnd, long_date
from models.i18n import t
from models.labels import scope_label, type_label
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
    field: str
    category: str
    type: str
    scope: str
    award: str
    benefit_vnd: int | None


def _recognised(record: SessionRecord) -> list:
    return [i for i in record.agenda_items() if record.conclusion(i.id) == Conclusion.RECOGNISED]


def recognition_rows(record: SessionRecord) -> list[RecognitionRow]:
    """The initiatives the council recognised, in agenda order, labelled in the current language."""
    rows = []
    for number, initiative in enumerate(_recognised(record), start=1):
        finding = record.findings[initiative.id]
        rows.append(
            RecognitionRow(
                number=number,
                code=initiative.code,
                title=initiative.title,
                authors="; ".join(f"{a.name} ({a.share}%)" for a in initiative.authors),
                unit=initiative.unit,
                field=initiative.field,
                category=initiative.category,
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
        t("recognition.col_field"),
        t("recognition.col_category"),
        t("recognition.col_type"),
        t("recognition.col_scope"),
        t("recognition.col_award"),
        t("recognition.col_benefit"),
        t("recognition.col_decision"),
    ]


BENEFIT = 10
"""The index of the benefit column (the decision's follows it)."""


def decision_text(record: SessionRecord) -> str:
    """``Số 123/QĐ-BV ngày 15/12/2026``; "" while no decision is recorded (the office writes it in by hand)."""
    decision = record.session.recognition
    if decision is None:
        return ""
    return t("recognition.decision", number=decision.number, date=format_date(decision.date))


def _cells(row: RecognitionRow, decision: str) -> list[str | int]:
    benefit: str | int = row.benefit_vnd if row.benefit_vnd is not None else format_vnd(None)
    return [
        row.number,
        row.code,
        row.title,
        row.authors,
        row.unit,
        row.field,
        row.category,
        row.type,
        row.scope,
        row.award,
        benefit,
        decision,
    ]


def _totals(rows: list[RecognitionRow]) -> tuple[int, int]:
    """(sum of the quantified benefits, number of benefits that cannot be quantified)."""
    quantified = [r.benefit_vnd for r in rows if r.benefit_vnd is not None]
    return sum(quantified), len(rows) - len(quantified)


def _attached(record: SessionRecord) -> str:
    return t("recognition.attached", council=record.council.name, date=format_date(record.session.date))


def _spread(values: dict[int, str | int], width: int) -> list[str | int]:
    return [values.get(index, "") for index in range(width)]


def render_csv(record: SessionRecord, delimiter: str = ",", failed: str = "") -> bytes:
    """The list as CSV: one heading row, the initiatives, the total; amounts as plain whole numbers.

    ``delimiter`` ``;`` for Excel on Vietnamese regional settings. ``failed``: what verification of
    the session found wrong, said in a last row.
    """
    rows = recognition_rows(record)
    total, unquantified = _totals(rows)
    width = len(columns())
    table: list[list[str | int]] = [columns()] + [_cells(r, decision_text(record)) for r in rows]
    table.append(_spread({2: t("minutes.total"), BENEFIT: total}, width))
    table.append(_spread({2: t("recognition.unquantified", count=unquantified)}, width))
    if failed:
        table.append(_spread({0: t("export.unverified_mark", reason=failed)}, width))
    return csv_bytes(table, delimiter)


def author_columns() -> list[str]:
    return [
        t("col.no"),
        t("col.code"),
        t("col.initiative"),
        t("recognition.col_author"),
        t("recognition.col_birth"),
        t("recognition.col_workplace"),
        t("recognition.col_position"),
        t("recognition.col_qualification"),
        t("recognition.col_share"),
    ]


def author_rows(record: SessionRecord) -> list[list[str | int]]:
    """One row per author of each recognised initiative, with the details the application form collects."""
    rows: list[list[str | int]] = []
    for number, initiative in enumerate(_recognised(record), start=1):
        for author in initiative.authors:
            rows.append(
                [
                    number,
                    initiative.code,
                    initiative.title,
                    author.name,
                    format_date(author.birth_date),
                    author.workplace,
                    author.position,
                    author.qualification,
                    author.share,
                ]
            )
    return rows


def render_authors_csv(record: SessionRecord, delimiter: str = ",", failed: str = "") -> bytes:
    """The authors of the recognised initiatives, one row each, as CSV (``failed``: see ``render_csv``)."""
    marked = [[t("export.unverified_mark", reason=failed)]] if failed else []
    return csv_bytes([author_columns(), *author_rows(record), *marked], delimiter)


WIDTHS = [5, 13, 40, 30, 22, 14, 18, 20, 14, 22, 18, 20]
AUTHOR_WIDTHS = [5, 13, 40, 24, 12, 30, 22, 22, 10]
_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_FONT = "Times New Roman"


def _font(**style: object) -> Font:
    return Font(name=_FONT, size=style.pop("size", 12), **style)  # type: ignore[arg-type]


def _heading_rows(sheet: Worksheet, record: SessionRecord, title: str, width: int) -> int:
    """The unit, the title and the "attached to the minutes" line; returns the row of the column headings."""
    last = get_column_letter(width)
    unit = record.council.unit or record.council.name
    put(sheet, 1, 1, unit.upper()).font = _font(bold=True)
    for row_number, (text, font) in enumerate(
        [(title, _font(size=14, bold=True)), (_attached(record), _font(italic=True))], start=2
    ):
        put(sheet, row_number, 1, text).font = font
        sheet.cell(row=row_number, column=1).alignment = Alignment(horizontal="center")
        sheet.merge_cells(f"A{row_number}:{last}{row_number}")
    return 5


def _table(sheet: Worksheet, head: int, headings: list[str], rows: list[list[str | int]], widths: list[int]) -> None:
    for col, text in enumerate(headings, start=1):
        cell = put(sheet, head, col, text)
        cell.font = _font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = _BOX
    fit_row_height(sheet, head, widths)
    for offset, values in enumerate(rows, start=1):
        for col, value in enumerate(values, start=1):
            cell = put(sheet, head + offset, col, value)
            cell.font = _font()
            cell.border = _BOX
            centred = col == 1 or (isinstance(value, int) and col != BENEFIT + 1)
            cell.alignment = Alignment(vertical="top", wrap_text=True, horizontal="center" if centred else None)
        fit_row_height(sheet, head + offset, widths)
    for col, chars in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = chars


def _print_setup(sheet: Worksheet, head: int) -> None:
    """A4 landscape, one page wide, the heading row on every page, "Trang 1/3" in the page footer."""
    sheet.freeze_panes = sheet.cell(row=head + 1, column=1)
    sheet.print_title_rows = f"{head}:{head}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    footer = sheet.oddFooter.center
    footer.text = t("recognition.footer")
    footer.font, footer.size = _FONT, 11


def _signatures(sheet: Worksheet, record: SessionRecord, row: int, width: int) -> None:
    """The place and date, then "NGƯỜI LẬP BIỂU" on the left and "CHỦ TỊCH HỘI ĐỒNG" on the right, with names."""
    session = record.session
    secretary = record.find_member(session.secretary_id)
    chair = record.find_member(session.chair_id)
    city = record.council.city
    place_date = f"{city}, {long_date(session.date)}" if city else long_date(session.date)
    half = width // 2
    spans = [(1, half), (half + 1, width)]
    lines = [
        [("", False, False), (place_date, False, True)],
        [(t("recognition.sign_preparer"), True, False), (t("minutes.sign_chair"), True, False)],
        [(t("printed.sign_hint"), False, True), (t("printed.sign_hint"), False, True)],
        [("", False, False), ("", False, False)],
        [("", False, False), ("", False, False)],
        [("", False, False), ("", False, False)],
        [(secretary.name if secretary else "", True, False), (chair.name if chair else "", True, False)],
    ]
    for offset, line in enumerate(lines):
        for (start, end), (text, bold, italic) in zip(spans, line, strict=True):
            if not text:
                continue
            cell = put(sheet, row + offset, start, text)
            cell.font = _font(bold=bold, italic=italic)
            cell.alignment = Alignment(horizontal="center")
            sheet.merge_cells(start_row=row + offset, start_column=start, end_row=row + offset, end_column=end)


def render_xlsx(record: SessionRecord, created: dt.datetime, failed: str = "") -> bytes:
    """The list as an Excel workbook laid out for printing, with a second sheet of the authors, one a row.

    ``failed``: what verification of the session found wrong, said under the total.
    """
    rows = recognition_rows(record)
    total, unquantified = _totals(rows)
    book = Workbook()
    sheet = book.active
    sheet.title = t("recognition.sheet")[:31]
    width = len(WIDTHS)
    head = _heading_rows(sheet, record, t("recognition.title"), width)
    _table(sheet, head, columns(), [_cells(r, decision_text(record)) for r in rows], WIDTHS)
    for offset in range(1, len(rows) + 1):
        cell = sheet.cell(row=head + offset, column=BENEFIT + 1)
        cell.alignment = Alignment(vertical="top", horizontal="right", wrap_text=True)
        if isinstance(cell.value, int):
            cell.number_format = VND_FORMAT
    total_row = head + len(rows) + 1
    for col in range(1, width + 1):
        sheet.cell(row=total_row, column=col).border = _BOX
    put(sheet, total_row, 3, t("minutes.total")).font = _font(bold=True)
    amount = put(sheet, total_row, BENEFIT + 1, total)
    amount.font = _font(bold=True)
    amount.number_format = VND_FORMAT
    note = put(sheet, total_row + 1, 3, t("recognition.unquantified", count=unquantified))
    note.font = _font(italic=True)
    if failed:
        put(sheet, total_row + 2, 1, t("export.unverified_mark", reason=failed)).font = _font(bold=True)
    _signatures(sheet, record, total_row + 3, width)
    _print_setup(sheet, head)

    authors = book.create_sheet(t("recognition.authors_sheet")[:31])
    author_head = _heading_rows(authors, record, t("recognition.authors_title"), len(AUTHOR_WIDTHS))
    _table(authors, author_head, author_columns(), author_rows(record), AUTHOR_WIDTHS)
    _print_setup(authors, author_head)
    book.properties.title = t("recognition.title")
    book.properties.creator = t("printed.author")
    return workbook_bytes(book, created)
