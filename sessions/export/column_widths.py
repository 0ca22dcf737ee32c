"""Table column widths for the printed minutes: a code or a number never breaks in the middle."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from models.formatting import format_vnd
from sessions.export.document import Table

if TYPE_CHECKING:  # fpdf2 takes ~0.3 s to import: the Word minutes measure without it
    from fpdf import FPDF

FONTS = Path(__file__).parent / "fonts"
FAMILY = "LiberationSerif"
"""Liberation Serif: the metrics of Times New Roman (the Word copy's font), every Vietnamese letter, SIL OFL."""
STYLES = {"": "-Regular", "B": "-Bold", "I": "-Italic", "BI": "-BoldItalic"}
MONEY = re.compile(r"^[\d.,]+ (đồng|VND)$")
NUMBER = re.compile(r"^\d+([.,]\d+)?%?$")

HEADING_SHARE = 0.18
"""A column heading this short (a share of the table's width) is never broken over two lines."""

MAX_SHARE = 0.35
"""The most of a table's width that one column may claim for its longest word."""

Measure = Callable[[str, bool], float]
"""Width of a text (bold or not) in the unit of the caller."""

_lock = threading.Lock()


def add_fonts(pdf: FPDF) -> None:
    """Register the shipped Liberation Serif faces with ``pdf``."""
    for style, suffix in STYLES.items():
        pdf.add_font(FAMILY, style, str(FONTS / f"{FAMILY}{suffix}.ttf"))


_K_MM = 72 / 25.4  # points per millimetre: fpdf2's scale factor for unit="mm"


def _face(bold: bool) -> str:
    return f"{FAMILY}{STYLES['B' if bold else '']}"


@cache
def _advances(bold: bool) -> tuple[dict[int, int], int]:
    """The shipped font's advance widths in thousandths of an em, by code point, as fpdf2 rounds them.

    Read from the table stored beside the font (``<face>.widths.txt``, written from the font by
    ``write_advance_tables``; a test checks that the two agree): reading the font itself takes
    fontTools ~40 ms, a noticeable part of writing the Word minutes.
    """
    widths: dict[int, int] = {}
    missing = 0
    for line in (FONTS / f"{_face(bold)}.widths.txt").read_text(encoding="ascii").splitlines():
        key, *values = line.split() or ["#"]
        if key == "missing":
            missing = int(values[0])
        elif not key.startswith("#"):
            start = int(key)
            widths.update(zip(range(start, start + len(values)), map(int, values), strict=True))
    return widths, missing


def read_font_advances(bold: bool) -> tuple[dict[int, int], int]:
    """The advance widths of ``_advances`` read from the font file with fontTools.

    The same figures fpdf2 computes when it loads the font (its ``TTFFont.cw`` and missing-glyph
    width), without importing fpdf2.
    """
    from fontTools.ttLib import TTFont

    font = TTFont(str(FONTS / f"{_face(bold)}.ttf"), lazy=True)
    scale = 1000 / float(font["head"].unitsPerEm)
    metrics = font["hmtx"].metrics
    widths = {}
    for code, glyph in font.getBestCmap().items():
        advance = metrics[glyph][0]
        widths[code] = round(scale * (0 if advance == 65535 else advance) + 0.001)
    return widths, round(scale * metrics[".notdef"][0])


def write_advance_tables() -> None:
    """Write the widths tables read by ``_advances`` from the shipped fonts (again if a font changes)."""
    from sessions.atomic import atomic_write

    for bold in (False, True):
        widths, missing = read_font_advances(bold)
        lines = [
            f"# {_face(bold)}.ttf: advance widths in 1/1000 em; each line: first code point, widths",
            f"missing {missing}",
        ]
        codes = sorted(widths)
        start = 0
        for index in range(1, len(codes) + 1):
            # a line holds up to 16 consecutive code points
            if index == len(codes) or codes[index] != codes[index - 1] + 1 or index - start == 16:
                run = codes[start:index]
                lines.append(" ".join([str(run[0]), *(str(widths[c]) for c in run)]))
                start = index
        atomic_write(FONTS / f"{_face(bold)}.widths.txt", ("\n".join(lines) + "\n").encode("ascii"))


@lru_cache(maxsize=1 << 16)  # a table's words recur in every row and every export
def shipped_font_width(text: str, bold: bool, size_pt: float) -> float:
    """Width in mm of ``text`` in the shipped font (and in Times New Roman: the metrics are the same).

    The same figure as fpdf2's ``get_string_width`` in millimetres (tests/test_export_pdf.py compares them).
    """
    with _lock:  # the tables are read once, and the app exports from a worker thread
        widths, missing = _advances(bold)
    if not text:
        return 0
    return (sum([widths.get(ord(c), missing) for c in text]) * size_pt * 0.001) / _K_MM


def is_number(text: str) -> bool:
    """A count, a score like ``21,50`` or a percentage: centred in its column."""
    return bool(NUMBER.match(text))


def is_amount(text: str) -> bool:
    """An amount of money as the minutes print it, or the words for a benefit that cannot be quantified."""
    return bool(MONEY.match(text)) or text == format_vnd(None)


def small_table(table: Table) -> bool:
    """The vote counts and the scores: a few narrow rows, never split over two pages."""
    return len(table.columns) <= 3 and len(table.rows) <= 8


def table_width(columns: list[str], total: float) -> float:
    """Two-column tables (the vote counts) take 60 % of the line, centred; the others the full line."""
    return total * 0.6 if len(columns) <= 2 else total


def _unbroken(text: str) -> list[str]:
    """The parts of a cell that must not be broken: its words; an amount whole ("86.500.000 đồng"); each line
    of a cell of several lines whole (one author and their share a line)."""
    if MONEY.match(text):
        return [text]
    if "\n" in text:
        return text.split("\n")
    return text.split()


def fit_widths(
    columns: list[str],
    rows: list[list[str]],
    weights: list[int],
    total: float,
    measure: Measure,
    padding: float,
    total_row: list[str] | None = None,
) -> list[float]:
    """Column widths adding up to ``total``: each at least as wide as its longest word, the rest by ``weights``.

    The minutes give each table relative weights; a column whose weight leaves its longest
    word (a code like SK-2026-01, an amount) no room gets that room, and the other columns
    share what is left in proportion to their weights.
    """
    count = len(columns)
    weights = list(weights) if len(weights) == count else [1] * count
    minimum = []
    for index, heading in enumerate(columns):
        widest = max([measure(w, True) for w in heading.split()] or [0.0])
        # A short heading stays on one line ("Tác giả (tỷ lệ)", not "Tác giả (tỷ / lệ)").
        whole = measure(heading, True)
        if whole <= total * HEADING_SHARE:
            widest = max(widest, whole)
        for row in rows:
            words = _unbroken(row[index])
            widest = max([widest, *(measure(w, False) for w in words)])
        if total_row:
            words = _unbroken(total_row[index])
            widest = max([widest, *(measure(w, True) for w in words)])
        # One very long word (a pasted link, a code without spaces) may not take the whole line:
        # it is broken inside its column rather than squeezing the others to nothing.
        minimum.append(min(widest + padding, total * MAX_SHARE))
    if sum(minimum) >= total:
        return [total * m / sum(minimum) for m in minimum]
    fixed: dict[int, float] = {}
    while True:
        free = [i for i in range(count) if i not in fixed]
        room = total - sum(fixed.values())
        weight = sum(weights[i] for i in free) or 1
        short = [i for i in free if room * weights[i] / weight < minimum[i]]
        if not short:
            return [fixed.get(i, room * weights[i] / weight) for i in range(count)]
        for i in short:
            fixed[i] = minimum[i]
