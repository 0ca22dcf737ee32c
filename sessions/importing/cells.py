"""Cell values (text, numbers, Excel dates) read as the domain's values; errors are DomainErrors."""

from __future__ import annotations

import datetime as dt

from models.errors import DomainError
from models.formatting import format_date, format_vnd
from models.parsing import (
    MAX_AMOUNT,
    parse_amount,
    parse_optional_date,
    parse_seat,
    parse_share,
    parse_yes_no,
    squash,
)
from models.text import clean_text
from sessions.importing.plan import Problem
from sessions.importing.reader import Cell, Workbook


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(value)


def text_of(cell: Cell) -> str:
    """The cell as text (NFC, no BOM, Unix line endings, stripped); numbers without a trailing .0."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "x" if value else ""
    if isinstance(value, dt.datetime):
        return format_date(value.date()) if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, int | float):
        return _number_text(value)
    return clean_text(str(value))


def line_of(cell: Cell) -> str:
    """The cell as one line: runs of spaces and line breaks made one space."""
    return squash(text_of(cell))


def date_of(cell: Cell) -> dt.date | None:
    """A date cell, or text DD/MM/YYYY; blank gives None."""
    value = cell.value
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise DomainError("error.date", text=_number_text(value))
    return parse_optional_date(text_of(cell))


def amount_of(cell: Cell) -> int | None:
    """An amount in đồng from a number cell or text with or without separators; blank or 'không tính được' is None."""
    value = cell.value
    if isinstance(value, bool | dt.date | dt.time):
        raise DomainError("error.amount", text=text_of(cell))
    if isinstance(value, int | float):
        if value < 0 or not float(value).is_integer():
            raise DomainError("error.amount", text=_number_text(value))
        if value > MAX_AMOUNT:  # before int(): 1e40 is a float a spreadsheet holds happily
            raise DomainError("prep.err.amount_too_big", text=_number_text(value), limit=format_vnd(MAX_AMOUNT))
        return int(value)
    return parse_amount(text_of(cell))


def share_of(cell: Cell) -> int:
    """A share in whole percent from ``60``, ``60%``, or a percent-formatted cell holding 0.6."""
    value = cell.value
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = round(value * 100, 6) if cell.percent else value
        return parse_share(_number_text(number))
    return parse_share(text_of(cell))


def seat_of(cell: Cell) -> int:
    value = cell.value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return parse_seat(_number_text(value))
    return parse_seat(text_of(cell))


def flag_of(cell: Cell, default: bool = True) -> bool:
    """Yes/no from a checkbox, ``x``, ``có``/``không``, ``1``/``0``."""
    value = cell.value
    if isinstance(value, bool):
        return value
    return parse_yes_no(text_of(cell), default)


FORMULAS_NAMED = 10
"""Formula cells named one by one in an import's warnings; the others are counted in one more."""


def formula_warnings(book: Workbook) -> list[Problem]:
    """A warning for each formula cell: it was read as the formula's text, not as the value it showed.

    A title typed as ``=HYPERLINK("http://x","click")`` stays that text (and every export writes it as
    text, never as a live formula); a figure computed by a formula has to be typed as a number.
    """
    from sessions.importing.columns import column_letter

    found = [
        (sheet, number, index, cell)
        for sheet in book.sheets
        for number, cells in sheet.rows
        for index, cell in enumerate(cells)
        if cell.formula
    ]
    many = len(book.sheets) > 1
    warnings = [
        Problem(
            "prep.import.formula_as_text",
            {"text": str(cell.value)[:80]},
            row=number,
            column=column_letter(index),
            sheet=sheet.name if many and sheet.name else None,
        )
        for sheet, number, index, cell in found[:FORMULAS_NAMED]
    ]
    if len(found) > FORMULAS_NAMED:
        warnings.append(Problem("prep.import.formulas_more", {"count": len(found) - FORMULAS_NAMED}))
    return warnings
