"""Reading one data row field by field, turning each bad cell into a located Problem."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from models.errors import DomainError
from models.parsing import fold, squash
from sessions.importing.cells import text_of
from sessions.importing.columns import HeaderRow, column_letter, find_header_row, sheet_named
from sessions.importing.plan import ImportPlan, Problem
from sessions.importing.reader import Cell, Sheet, Workbook

T = TypeVar("T")


def sheet_asked_for(book: Workbook, wanted: str, plan: ImportPlan) -> Sheet | None:
    """The sheet the user named (any case or accents), or None with the problem recorded in ``plan``."""
    if book.kind == "csv":
        plan.problem("prep.import.csv_sheet", sheet=wanted)
        return None
    found = next((s for s in book.sheets if fold(s.name) == fold(wanted)), None)
    if found is None:
        plan.problem("prep.import.no_sheet", sheet=wanted, sheets=", ".join(s.name for s in book.sheets))
    return found


def main_sheet(
    book: Workbook,
    wanted: str | None,
    plan: ImportPlan,
    *,
    names: tuple[str, ...],
    columns: dict[str, tuple[str, ...]],
    required: str,
    missing: str,
    expected: str,
    skip: tuple[str, ...] = (),
) -> Sheet | None:
    """The sheet to import from, or None with the problem recorded in ``plan``.

    The sheet the user named, else one with an expected name (``names``), else the first whose top
    rows hold the expected headers (sheets named as in ``skip`` aside), else a CSV's only sheet.
    """
    if wanted:
        return sheet_asked_for(book, wanted, plan)
    named = sheet_named(book.sheets, names)
    if named is not None:
        return named
    for sheet in book.sheets:
        if sheet_named([sheet], skip) is None and find_header_row(sheet, columns, required):
            return sheet
    if book.kind == "csv":
        return book.sheets[0]
    plan.problem(missing, sheets=", ".join(s.name for s in book.sheets), expected=expected)
    return None


def sheet_label(sheet: Sheet, many: bool) -> str | None:
    """The sheet's name in a problem's location, when the file has several sheets."""
    return sheet.name if many and sheet.name else None


def data_rows(sheet: Sheet, header: HeaderRow) -> list[tuple[int, list[Cell]]]:
    """The non-blank rows below the header row."""
    return [(n, cells) for n, cells in sheet.rows if n > header.row and any(not c.blank for c in cells)]


def paragraphs(text: str) -> str:
    """Multi-line text with stray spaces removed from each line and no blank lines at either end."""
    lines = [squash(line) for line in text.split("\n")]
    return "\n".join(lines).strip("\n")


class RowReader:
    """One data row; ``get`` converts a field's cell or records a Problem at its row and column."""

    def __init__(self, plan: ImportPlan, header: HeaderRow, number: int, cells: list[Cell], sheet: str | None) -> None:
        self.plan = plan
        self.header = header
        self.number = number
        self.cells = cells
        self.sheet = sheet
        self.failed = False

    def has(self, name: str) -> bool:
        return name in self.header.fields

    def cell(self, name: str) -> Cell:
        index = self.header.fields.get(name)
        if index is None or index >= len(self.cells):
            return Cell()
        return self.cells[index]

    def where(self, name: str | None) -> dict[str, Any]:
        where: dict[str, Any] = {"row": self.number, "sheet": self.sheet}
        if name is not None and name in self.header.fields:
            where["column"] = column_letter(self.header.fields[name])
            where["header"] = self.header.header(name)
        return where

    def problem(self, name: str | None, key: str, **params: Any) -> None:
        self.failed = True
        self.plan.problems.append(Problem(key, params, **self.where(name)))

    def error(self, name: str | None, error: DomainError) -> None:
        self.failed = True
        self.plan.problems.append(Problem.of(error, **self.where(name)))

    def get(self, name: str, convert: Callable[[Cell], T], default: T) -> T:
        try:
            return convert(self.cell(name))
        except DomainError as error:
            self.error(name, error)
            return default

    def text(self, name: str) -> str:
        return paragraphs(text_of(self.cell(name)))

    def line(self, name: str) -> str:
        return squash(text_of(self.cell(name)))

    def limited_line(self, name: str, limit: int) -> str:
        """``line``, told as a problem of its row when longer than ``limit`` characters."""
        value = self.line(name)
        if len(value) > limit:
            self.problem(name, "prep.err.too_long", limit=limit)
        return value

    def required_line(self, name: str, key: str, limit: int) -> str:
        value = self.line(name)
        if not value:
            self.problem(name, key)
        elif len(value) > limit:
            self.problem(name, "prep.err.too_long", limit=limit)
        return value
