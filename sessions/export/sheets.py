"""Spreadsheet output shared by the recognition list and the statistics: XLSX bytes and Excel-friendly CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import zipfile

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from sessions.export.zipnorm import normalise_zip

VND_FORMAT = "#,##0"
"""Whole amounts with grouped thousands; Excel shows the separator of the reader's locale (dots in Vietnam)."""


def workbook_bytes(workbook: Workbook, created: dt.datetime) -> bytes:
    """The workbook as .xlsx bytes, stamped ``created`` so that equal content gives equal bytes."""
    naive = created.astimezone(dt.UTC).replace(tzinfo=None)
    workbook.properties.created = workbook.properties.modified = naive
    buffer = io.BytesIO()
    # openpyxl's save_workbook stamps "modified" with the wall clock; its writer used directly does not.
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).write_data()
    return normalise_zip(buffer.getvalue(), created)


def put(sheet: Worksheet, row: int, column: int, value: str | int | None) -> Cell:
    """Write ``value`` into a cell; text is always a string cell, never a formula.

    openpyxl makes any text that begins with ``=`` a live formula: an initiative titled
    ``=HYPERLINK("http://x","click")`` would become a link in the unit's spreadsheet.
    """
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet program reads as the start of a formula when it opens a CSV file."""


def csv_field(value: str | int) -> str | int:
    """A text that a spreadsheet program would run as a formula, with a leading ``'`` (shown as text)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_bytes(rows: list[list[str | int]], delimiter: str = ",") -> bytes:
    """UTF-8 with a byte-order mark, so that Excel opens Vietnamese text correctly; no field runs as a formula.

    ``delimiter`` ``;`` is what Excel expects on Vietnamese regional settings (a comma is their decimal mark).
    """
    text = io.StringIO()
    csv.writer(text, lineterminator="\r\n", delimiter=delimiter).writerows(
        [[csv_field(value) for value in row] for row in rows]
    )
    return ("\ufeff" + text.getvalue()).encode("utf-8")


def fit_row_height(sheet: Worksheet, row: int, widths: list[float], first_column: int = 1) -> None:
    """Make a row tall enough for its wrapped text.

    Spreadsheet programs do not grow a row for wrapped text when they open a file, so the
    height is estimated here: a column ``w`` characters wide holds about ``w`` characters
    of 12-point Times New Roman per line.
    """
    lines = 1
    for offset, width in enumerate(widths):
        value = sheet.cell(row=row, column=first_column + offset).value
        if isinstance(value, str) and value:
            per_line = max(int(width * 0.95), 1)
            lines = max(lines, sum(max(1, math.ceil(len(part) / per_line)) for part in value.split("\n")))
    sheet.row_dimensions[row].height = ROW_POINTS * lines + 3


ROW_POINTS = 15.5
"""The height of one line of 12-point text, in points."""
