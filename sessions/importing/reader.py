"""Reading a CSV or XLSX file into plain sheets of cells, whatever its encoding, separator or line endings.

Anything that is not a readable spreadsheet becomes a ``Problem``, never an exception.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from sessions.importing.plan import Problem

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 5000
MAX_COLUMNS = 100
# An XLSX is a zip archive: its declared sizes are checked before anything is unpacked, so a small file that
# unpacks to gigabytes (a "zip bomb") is refused in milliseconds. Python's zipfile stops at the declared size
# (and fails the CRC past it), so a lying header cannot smuggle more. Limits are documented in docs/preparing.md.
MAX_UNZIPPED_BYTES = 50 * 1024 * 1024
MAX_PART_BYTES = 25 * 1024 * 1024
MAX_RATIO = 100
RATIO_FROM_BYTES = 1024 * 1024  # small parts (styles, an empty sheet) compress far more than that, harmlessly
MAX_PARTS = 500
MAX_CELL_CHARS = 32767  # Excel's own limit for one cell
MAX_SHEET_CELLS = 200_000
"""Cells one sheet may hold: openpyxl builds every cell of a row before we can skip it (about 25 µs each)."""
_CELL_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s/>]")

CellValue = str | int | float | bool | dt.date | dt.datetime | dt.time | None


@dataclass(frozen=True)
class Cell:
    value: CellValue = None
    percent: bool = False
    formula: bool = False
    """An XLSX formula cell: ``value`` is the formula's text (``=HYPERLINK(...)``), never its cached result."""

    @property
    def blank(self) -> bool:
        return self.value is None or (isinstance(self.value, str) and not self.value.strip())


@dataclass
class Sheet:
    """One sheet: rows as (row number shown by a spreadsheet program, cells)."""

    name: str
    rows: list[tuple[int, list[Cell]]] = field(default_factory=list)
    truncated: bool = False


@dataclass
class Workbook:
    name: str
    kind: str  # "csv" or "xlsx"
    sheets: list[Sheet] = field(default_factory=list)


class UnreadableFile(Exception):
    """The file is not a spreadsheet we can read; carries the problem to show."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.key)
        self.problem = problem


def _fail(key: str, **params: object) -> UnreadableFile:
    return UnreadableFile(Problem(key, dict(params)))


def read_source(source: Path | bytes, name: str | None = None) -> Workbook:
    """Read a file (or its bytes) into sheets; raises UnreadableFile with what is wrong."""
    if isinstance(source, bytes):
        return read_bytes(source, name or "")
    path = Path(source)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _fail("prep.import.too_big", size=size // (1024 * 1024), limit=MAX_BYTES // (1024 * 1024))
        data = path.read_bytes()
    except IsADirectoryError as exc:
        raise _fail("prep.import.not_spreadsheet", name=path.name) from exc
    except FileNotFoundError as exc:
        raise _fail("prep.import.no_file", path=str(path)) from exc
    except OSError as exc:
        raise _fail("error.file_unreadable", path=str(path), detail=exc.strerror or str(exc)) from exc
    return read_bytes(data, name or path.name)


def read_bytes(data: bytes, name: str) -> Workbook:
    if len(data) > MAX_BYTES:
        raise _fail("prep.import.too_big", size=len(data) // (1024 * 1024), limit=MAX_BYTES // (1024 * 1024))
    if not data.replace(b"\xef\xbb\xbf", b"").strip():
        raise _fail("prep.import.empty", name=name)
    if data[:4] == b"PK\x03\x04":
        return _read_xlsx(data, name)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise _fail("prep.import.old_xls", name=name)
    return _read_csv(data, name)


# --- CSV


def _decode(data: bytes, name: str) -> str:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise _fail("prep.import.not_spreadsheet", name=name) from exc
    if b"\x00" in data:
        raise _fail("prep.import.not_spreadsheet", name=name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on a Vietnamese Windows saves "CSV" in the ANSI code page, with tone marks decomposed.
        text = data.decode("cp1258", errors="replace")
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\t\r\n\f")
    if controls > max(2, len(text) // 100) or text.count("\ufffd") > max(2, len(text) // 100):
        raise _fail("prep.import.not_spreadsheet", name=name)
    return text.replace("\ufeff", "")


def _delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _read_csv(data: bytes, name: str) -> Workbook:
    text = _decode(data, name)
    sheet = Sheet(name="")
    # Python's csv refuses a field over 131,072 characters with an error that would read as "not a spreadsheet";
    # the whole file is at most MAX_BYTES, so letting a field be that long costs nothing, and the cell check
    # below then names the cell that is too long.
    if csv.field_size_limit() < MAX_BYTES:
        csv.field_size_limit(MAX_BYTES)
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
        for number, values in enumerate(reader, start=1):
            if number > MAX_ROWS:
                sheet.truncated = True
                break
            cells = values[:MAX_COLUMNS]
            for column, value in enumerate(cells, start=1):
                if len(value) > MAX_CELL_CHARS:
                    raise _fail(
                        "prep.import.cell_too_long",
                        cell=f"{_column_letters(column)}{number}",
                        length=len(value),
                        limit=MAX_CELL_CHARS,
                    )
            sheet.rows.append((number, [Cell(v) for v in cells]))
    except csv.Error as exc:
        raise _fail("prep.import.not_spreadsheet", name=name) from exc
    if not any(not c.blank for _, cells in sheet.rows for c in cells):
        raise _fail("prep.import.empty", name=name)
    return Workbook(name=name, kind="csv", sheets=[sheet])


def _column_letters(column: int) -> str:
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# --- XLSX


def _mb(size: int) -> int:
    return max(1, -(-size // (1024 * 1024)))


def check_archive(data: bytes, name: str) -> None:
    """Refuse an archive whose declared sizes would take too much memory or time to unpack."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise _fail("prep.import.not_spreadsheet", name=name) from exc
    if len(parts) > MAX_PARTS:
        raise _fail("prep.import.zip_parts", name=name, count=len(parts), limit=MAX_PARTS)
    total = 0
    for part in parts:
        total += part.file_size
        if part.file_size > MAX_PART_BYTES:
            raise _fail(
                "prep.import.zip_part_too_big",
                name=name,
                part=part.filename,
                size=_mb(part.file_size),
                limit=MAX_PART_BYTES // (1024 * 1024),
            )
        if part.file_size > RATIO_FROM_BYTES and part.file_size > MAX_RATIO * max(1, part.compress_size):
            raise _fail(
                "prep.import.zip_ratio",
                name=name,
                part=part.filename,
                ratio=part.file_size // max(1, part.compress_size),
                limit=MAX_RATIO,
            )
    if total > MAX_UNZIPPED_BYTES:
        raise _fail("prep.import.zip_too_big", name=name, size=_mb(total), limit=MAX_UNZIPPED_BYTES // (1024 * 1024))
    _check_cell_counts(data, name, [p for p in parts if p.filename.lower().startswith("xl/worksheets/")])


def _check_cell_counts(data: bytes, name: str, sheets: list[zipfile.ZipInfo]) -> None:
    """Refuse a sheet of more cells than can be read in seconds (one row of a million cells fits in 4 MB)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            counts = [(part.filename, len(_CELL_TAG.findall(archive.read(part)))) for part in sheets]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise _fail("prep.import.not_spreadsheet", name=name) from exc
    for part, cells in counts:  # each part is within MAX_PART_BYTES, checked before it was unpacked
        if cells > MAX_SHEET_CELLS:
            raise _fail("prep.import.too_many_cells", name=name, part=part, count=cells, limit=MAX_SHEET_CELLS)


def _read_xlsx(data: bytes, name: str) -> Workbook:
    import openpyxl

    check_archive(data, name)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            # Formulas as their text, not their cached values: a title "=HYPERLINK(...)" is read and shown
            # as what it is, and the import says so (sessions/importing/__init__.py).
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
            try:
                sheets = [_read_sheet(ws) for ws in book.worksheets]
            finally:
                book.close()
    except UnreadableFile:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile) as exc:
        raise _fail("prep.import.not_spreadsheet", name=name) from exc
    except Exception as exc:  # openpyxl raises many kinds of error on a damaged or foreign file
        raise _fail("prep.import.not_xlsx", name=name) from exc
    if not any(not c.blank for s in sheets for _, cells in s.rows for c in cells):
        raise _fail("prep.import.empty", name=name)
    return Workbook(name=name, kind="xlsx", sheets=sheets)


def _read_sheet(ws: object) -> Sheet:
    sheet = Sheet(name=str(getattr(ws, "title", "")))
    reset = getattr(ws, "reset_dimensions", None)
    if reset is not None:
        reset()  # trust the cells, not the file's stated size (some programs write it wrong)
    number = 0
    for row in ws.iter_rows(min_row=1):  # type: ignore[attr-defined]
        number = next((c.row for c in row if getattr(c, "row", None)), number + 1)
        if number > MAX_ROWS:
            sheet.truncated = True
            break
        cells = []
        for cell in row[:MAX_COLUMNS]:
            value = cell.value
            fmt = str(getattr(cell, "number_format", "") or "")
            formula = getattr(cell, "data_type", None) == "f"
            if formula:
                value = _formula_text(value)
            if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                raise _fail(
                    "prep.import.cell_too_long",
                    cell=getattr(cell, "coordinate", "") or str(number),
                    length=len(value),
                    limit=MAX_CELL_CHARS,
                )
            cells.append(Cell(value, percent="%" in fmt and isinstance(value, int | float), formula=formula))
        sheet.rows.append((number, cells))
    return sheet


def _formula_text(value: object) -> str:
    """The text of a formula as the file holds it: ``=...`` (an array formula's too; a data table's is ``=``)."""
    if isinstance(value, str):
        return value
    text = getattr(value, "text", None)
    return text if isinstance(text, str) else "="
