"""Render the minutes Document as a PDF in the Vietnamese administrative layout.

The same layout as the Word file (A4, 2 cm margins and 3 cm on the left, the two-column
header, bordered tables, page numbers at the top from page 2, signature blocks side by side),
set in Liberation Serif 13 pt: the metrics of the Word copy's Times New Roman, shipped in
``fonts/`` so that no system font is needed and every Vietnamese letter prints.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

from fpdf import FPDF
from fpdf.enums import Align, XPos, YPos

from models.i18n import current_language, t
from sessions.export.column_widths import FAMILY, add_fonts, fit_widths, is_amount, is_number, small_table, table_width
from sessions.export.document import (
    Document,
    Footnote,
    Header,
    Heading,
    Paragraph,
    Signatures,
    Table,
    Title,
    keeps_with_next,
)
from sessions.export.pdf.line_breaking import fast_line_breaking
from sessions.export.pdf.text_setting import Line, Setter

# fpdf2 logs a warning for a character the font lacks (an emoji pasted into a title); without
# a handler Python would print it on the terminal, over the app's screen. The app's own logging
# configuration, if any, still receives it.
logging.getLogger("fpdf").addHandler(logging.NullHandler())

# As in the Word copy (sessions/export/docx.py): the body and page numbers 13 pt, tables 12 (wide ones 11).
BODY_PT = 13
TABLE_PT = 12
CELL_PAD = 1.2  # mm left and right of a table cell's text
CELL_PAD_V = 1.0  # mm above and below it
FIRST_INDENT = 10.0  # mm, a paragraph's first line
PARAGRAPH_AFTER = 1.2  # mm below a paragraph
LINE = 1.35  # line height as a multiple of the font size
# The header is a little wider than the text, as in the usual templates, so that
# "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and a hospital's name each fit on one line.
HEADER_LEFT_MM = 79.0
HEADER_RIGHT_MM = 93.0
HEADER_OUTDENT_MM = 6.0
SIGNATURE_MM = 52.0
_PT_MM = 25.4 / 72


class MinutesPDF(FPDF):
    """A4 with the margins of administrative documents and the page number at the top from page 2."""

    def __init__(self) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        add_fonts(self)
        self.set_margins(left=30, top=20, right=20)
        self.set_auto_page_break(auto=True, margin=20)
        self.set_font(FAMILY, "", BODY_PT)
        self.setter = Setter(self, FAMILY)
        # Within one document, by the table: its layout and estimated height (each is asked for up to
        # three times: keep-with-next, page room, drawing).
        self.layouts: dict[int, tuple[float, float, list[float]]] = {}
        self.heights: dict[int, float] = {}
        # By the paragraph and the table: its lines, or its cells' lines (asked for by the page decisions, then drawn).
        self.paragraph_lines: dict[int, list[Line]] = {}
        self.set_tables: dict[int, _SetTable] = {}

    def header(self) -> None:
        # Decree 30/2020: Arabic figures centred in the top margin, in the body's size, not on the first page.
        if self.page_no() < 2:
            return
        self.set_y(10)
        self.set_font(FAMILY, "", BODY_PT)
        self.cell(0, self.line_height(), str(self.page_no()), align="C")
        self.set_y(self.t_margin)

    def line_height(self, size: float | None = None) -> float:
        return (size or self.font_size_pt) * _PT_MM * LINE

    def room_left(self) -> float:
        return self.page_break_trigger - self.get_y()


def render_pdf(document: Document, created: dt.datetime) -> bytes:
    """The minutes as PDF bytes; ``created`` is the document's creation date in its metadata."""
    with fast_line_breaking():
        return _render(document, created)


def _render(document: Document, created: dt.datetime) -> bytes:
    pdf = MinutesPDF()
    pdf.set_title(document.title)
    pdf.set_author(t("printed.author"))
    pdf.set_creator(t("printed.author"))
    pdf.set_lang("vi" if current_language() == "vi" else "en")
    pdf.set_creation_date(created)
    pdf.add_page()
    for index, block in enumerate(document.blocks):
        if keeps_with_next(document.blocks, index):
            _make_room(pdf, _kept_height(pdf, document.blocks, index))
        if isinstance(block, Header):
            _header(pdf, block)
        elif isinstance(block, Title):
            _title(pdf, block)
        elif isinstance(block, Heading):
            _heading(pdf, block)
        elif isinstance(block, Paragraph):
            _paragraph(pdf, block)
        elif isinstance(block, Table):
            _table(pdf, block)
        elif isinstance(block, Signatures):
            _signatures(pdf, block)
        elif isinstance(block, Footnote):
            pdf.ln(4)
            pdf.set_font(FAMILY, "I", 10)
            pdf.multi_cell(0, pdf.line_height(), block.text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    return bytes(pdf.output())


def _estimate(pdf: MinutesPDF, text: str, width: float) -> int:
    """Lines ``multi_cell(width, ...)`` would give ``text`` in the body font (at least one)."""
    return max(1, len(pdf.setter.lines([("", text)], BODY_PT, width - 2 * pdf.c_margin)))


def _kept_height(pdf: MinutesPDF, blocks: list, index: int) -> float:
    """The height from ``blocks[index]`` to the start of the first block after it that is not kept with
    its next: what must fit on this page (as Word's "keep with next" and widow control decide)."""
    height = 0.0
    for position in range(index, len(blocks)):
        block = blocks[position]
        if not keeps_with_next(blocks, position):
            return height + _start_height(pdf, block)
        if isinstance(block, Heading):
            height += _heading_height(pdf, block)
        elif isinstance(block, Paragraph):
            height += len(_lines(pdf, block)) * pdf.line_height() + PARAGRAPH_AFTER
    return height


def _start_height(pdf: MinutesPDF, block: object) -> float:
    """The least of ``block`` a block kept with it needs beside it on the page."""
    if isinstance(block, Paragraph):  # two lines: a paragraph's first line never stands alone
        return min(2, len(_lines(pdf, block))) * pdf.line_height()
    if isinstance(block, Table):
        if small_table(block):
            return _table_height(pdf, block)
        table = _set_table(pdf, block)
        return table.heading.height + (table.rows[0].height if table.rows else 0.0)
    if isinstance(block, Signatures):
        return SIGNATURE_MM
    if isinstance(block, Footnote):
        return pdf.line_height()
    return 0.0


def _heading_height(pdf: MinutesPDF, block: Heading) -> float:
    lines = len(pdf.setter.lines([("B", block.text)], BODY_PT, pdf.epw - 2 * pdf.c_margin))
    return (3 if block.level <= 1 else 2) + max(1, lines) * pdf.line_height() + 1


def _make_room(pdf: MinutesPDF, needed: float) -> None:
    """A new page when ``needed`` mm do not fit on this one but do on a fresh one (a page is never left blank)."""
    if pdf.room_left() < needed <= pdf.page_break_trigger - pdf.t_margin:
        pdf.add_page()


def _centred_lines(pdf: MinutesPDF, x: float, y: float, width: float, lines: list[tuple[str, str, float]]) -> float:
    """Write (text, style, size) lines centred in a column; return the y below them."""
    for text, style, size in lines:
        pdf.set_font(FAMILY, style, size)
        pdf.set_xy(x, y)
        pdf.multi_cell(width, pdf.line_height(size), text, align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
        y = pdf.get_y()
    return y


def _header(pdf: MinutesPDF, block: Header) -> None:
    x, top = pdf.l_margin - HEADER_OUTDENT_MM, pdf.get_y()
    right_x, right_w = x + HEADER_LEFT_MM, HEADER_RIGHT_MM
    # Decree 30/2020: the superior unit in capitals, the issuing unit (here the council) in bold capitals.
    left = [(line, "B" if i > 0 or len(block.left) == 1 else "", 12) for i, line in enumerate(block.left)]
    left_y = _centred_lines(pdf, x, top, HEADER_LEFT_MM, left)
    _rule(pdf, x + HEADER_LEFT_MM / 2, left_y + 0.8, HEADER_LEFT_MM / 3)
    right = [(line, "B", 12 if i == 0 else 13) for i, line in enumerate(block.right)]
    right_y = _centred_lines(pdf, right_x, top, right_w, right)
    if block.right:
        # The motto has a line under it as long as the motto itself.
        pdf.set_font(FAMILY, "B", 13)
        _rule(pdf, right_x + right_w / 2, right_y + 0.3, pdf.get_string_width(block.right[-1]))
    row = max(left_y, right_y) + 3
    below_left = _centred_lines(pdf, x, row, HEADER_LEFT_MM, [(block.number, "", BODY_PT)])
    below_right = _centred_lines(pdf, right_x, row, right_w, [(block.place_date, "I", BODY_PT)])
    pdf.set_xy(pdf.l_margin, max(below_left, below_right))


def _rule(pdf: MinutesPDF, centre: float, y: float, width: float) -> None:
    pdf.set_line_width(0.3)
    pdf.line(centre - width / 2, y, centre + width / 2, y)


def _title(pdf: MinutesPDF, block: Title) -> None:
    """The kind of document in bold capitals, the subject in bold sentence case, a short rule, the note."""
    pdf.ln(7)
    for index, line in enumerate(block.lines):
        size = 14 if index == 0 else BODY_PT
        pdf.set_font(FAMILY, "B", size)
        pdf.multi_cell(0, pdf.line_height(size), line, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if block.rule:
        _rule(pdf, pdf.l_margin + pdf.epw / 2, pdf.get_y() + 1, pdf.epw * 0.2)
        pdf.ln(2)
    if block.note:
        pdf.ln(1)
        pdf.set_font(FAMILY, "B", BODY_PT)
        pdf.multi_cell(0, pdf.line_height(), block.note, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(4)


def _heading(pdf: MinutesPDF, block: Heading) -> None:
    # Kept with the start of what it heads by the room made before it (_kept_height).
    pdf.ln(3 if block.level <= 1 else 2)
    pdf.set_font(FAMILY, "B", BODY_PT)
    pdf.multi_cell(0, pdf.line_height(), block.text, align="J", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(1)


def _lines(pdf: MinutesPDF, block: Paragraph) -> list[Line]:
    """A paragraph's lines: justified to the text width, the first one indented."""
    known = pdf.paragraph_lines.get(id(block))
    if known is None:
        style = ("B" if block.bold else "") + ("I" if block.italic else "")
        full = pdf.epw - 2 * pdf.c_margin
        known = pdf.setter.lines([("B", block.label), (style, block.text)], BODY_PT, full, full - FIRST_INDENT)
        pdf.paragraph_lines[id(block)] = known
    return known


def _lines_here(count: int, fit: int, first: bool, top: bool) -> int:
    """How many of a paragraph's ``count`` remaining lines go on this page, where ``fit`` lines fit.

    No widow (its last line alone at the top of the next page) and no orphan (its first line alone
    at the foot of this one): two lines at least on each side of a break, as Word's widow control.
    """
    if fit >= count:
        return count
    take = min(fit, count - 2)
    if first and take < 2:
        take = 0
    if take <= 0 and top:  # a page cannot hold even this (a huge paragraph on a fresh page): fill it
        take = max(1, fit)
    return max(take, 0)


def _paragraph(pdf: MinutesPDF, block: Paragraph) -> None:
    """A justified paragraph, its first line indented, as fpdf2's text columns set it (and as fast as plain text)."""
    margin = pdf.c_margin
    full = pdf.epw - 2 * margin
    lines = _lines(pdf, block)
    height = pdf.line_height()
    rise = 0.5 * height + 0.3 * BODY_PT / pdf.k  # from the top of a line to its baseline, as fpdf2 places it
    y = max(pdf.t_margin, pdf.get_y())
    here = 0  # lines still to draw on this page
    for index, line in enumerate(lines):
        if here == 0:
            fit = int((pdf.page_break_trigger - y) / height + 1e-9)
            here = _lines_here(len(lines) - index, fit, first=index == 0, top=y <= pdf.t_margin + 1e-6)
            if here == 0:
                pdf.add_page()
                y = pdf.get_y()
                fit = int((pdf.page_break_trigger - y) / height + 1e-9)
                here = _lines_here(len(lines) - index, fit, first=index == 0, top=True)
        here -= 1
        indent = FIRST_INDENT if index == 0 else 0
        stretch = (full - indent - line.width) / line.spaces if line.justify and line.spaces else 0.0
        pdf.setter.draw(line, pdf.l_margin + indent + margin, y + rise, BODY_PT, stretch)
        y += height
        if here == 0 and index + 1 < len(lines):
            pdf.add_page()
            y = pdf.get_y()
    if lines and lines[-1].pieces and y + PARAGRAPH_AFTER < pdf.page_break_trigger:
        y += PARAGRAPH_AFTER
    pdf.set_xy(pdf.l_margin, y)
    pdf.set_font(FAMILY, "", BODY_PT)


def _column_align(values: list[str]) -> Align:
    """Numbers centred, amounts right-aligned, text at the left."""
    filled = [v for v in values if v]
    if filled and all(is_number(v) for v in filled):
        return Align.C
    if filled and all(is_amount(v) for v in filled):
        return Align.R
    return Align.L


def _measure(pdf: MinutesPDF, size: float) -> Callable[[str, bool], float]:
    def measure(text: str, bold: bool) -> float:
        return pdf.setter.width(text, "B" if bold else "", size)

    return measure


def _table_layout(pdf: MinutesPDF, block: Table) -> tuple[float, float, list[float]]:
    """(font size, table width, column widths) of a table."""
    known = pdf.layouts.get(id(block))
    if known is not None:
        return known
    # Wide tables (the summary has seven columns) are set a point smaller.
    size = TABLE_PT if len(block.columns) < 6 else TABLE_PT - 1
    width = table_width(block.columns, pdf.epw)
    widths = fit_widths(
        block.columns,
        block.rows,
        block.widths,
        width,
        _measure(pdf, size),
        padding=2 * CELL_PAD + 0.8,
        total_row=block.total_row,
    )
    pdf.layouts[id(block)] = size, width, widths
    return size, width, widths


def _table_height(pdf: MinutesPDF, block: Table) -> float:
    """The height a table will take, estimated on the safe side from the lines of the tallest cell of each row."""
    size, _, widths = _table_layout(pdf, block)
    known = pdf.heights.get(id(block))
    if known is not None:
        return known
    height = 0.0
    margin = 2 * CELL_PAD + 2 * pdf.c_margin  # as the estimate always was: a little narrower than the cell
    for row in [block.columns, *block.rows, *([block.total_row] if block.total_row else [])]:
        lines = 1
        for text, width in zip(row, widths, strict=True):
            lines = max(lines, len(pdf.setter.lines([("", text)], size, width - margin)))
        height += lines * pdf.line_height(size) * 0.9 + 2
    pdf.heights[id(block)] = height + 3
    return height + 3


@dataclass(frozen=True)
class _Row:
    """A table row set for drawing: its height, and per cell the alignment and the lines."""

    height: float
    cells: list[tuple[Align, list[Line]]]


@dataclass(frozen=True)
class _SetTable:
    """A table set for drawing: font size, line height, column borders, the heading row and the others."""

    size: float
    line_height: float
    edges: list[float]
    """x of each column's left border, then of the table's right border."""
    heading: _Row
    rows: list[_Row]


def _set_table(pdf: MinutesPDF, block: Table) -> _SetTable:
    """``_setting(pdf, block)``, once per table."""
    known = pdf.set_tables.get(id(block))
    if known is None:
        known = pdf.set_tables[id(block)] = _setting(pdf, block)
    return known


def _setting(pdf: MinutesPDF, block: Table) -> _SetTable:
    """Every cell broken into lines once, and each row's height: the tallest cell, padding included.

    The geometry of fpdf2's ``table()`` that drew the minutes before (the heading bold and centred,
    cells padded and their text centred vertically in the row), except that the table is centred on
    the text column, as in the Word file, not on the page: a full-width table starts at the 30 mm
    left margin instead of 5 mm into it.
    """
    size, width, widths = _table_layout(pdf, block)
    rows = block.rows + ([block.total_row] if block.total_row else [])
    aligns = [_column_align([row[i] for row in rows]) for i in range(len(block.columns))]
    columns = [share / sum(widths) * width for share in widths]
    edges = [pdf.l_margin + (pdf.epw - width) / 2]
    for column in columns:
        edges.append(edges[-1] + column)
    line_height = pdf.line_height(size) * 0.9

    def set_row(values: list[str], bold: bool, heading: bool) -> _Row:
        cells = []
        for index, text in enumerate(values):
            lines = pdf.setter.lines([("B" if bold else "", text)], size, columns[index] - 2 * CELL_PAD)
            cells.append((Align.C if heading else aligns[index], lines))
        tallest = max((len(lines) * line_height + 2 * CELL_PAD_V for _, lines in cells if lines), default=0.0)
        return _Row(tallest or line_height, cells)

    heading = set_row(block.columns, bold=True, heading=True)
    total = len(block.rows)  # the total row, if any, is the last one and bold
    body = [set_row(values, bold=index == total, heading=False) for index, values in enumerate(rows)]
    return _SetTable(size, line_height, edges, heading, body)


def _draw_row(pdf: MinutesPDF, table: _SetTable, row: _Row) -> None:
    """Borders, then each cell's lines, from the current y; moves below the row."""
    y = pdf.get_y()
    rise = 0.5 * table.line_height + 0.3 * table.size / pdf.k
    for (align, lines), left, right in zip(row.cells, table.edges, table.edges[1:], strict=False):
        pdf.rect(left, y, right - left, row.height)
        room = right - left - 2 * CELL_PAD
        top = y + (row.height - len(lines) * table.line_height) / 2  # padding is the same above and below
        for line in lines:
            if align == Align.R:
                x = left + CELL_PAD + room - line.width
            elif align == Align.C:
                x = left + CELL_PAD + (room - line.width) / 2
            else:
                x = left + CELL_PAD
            pdf.setter.draw(line, x, top + rise, table.size)
            top += table.line_height
    pdf.set_y(y + row.height)


def _split_row(table: _SetTable, row: _Row, room: float) -> tuple[_Row, _Row]:
    """A row too tall for a page: the lines that fit in ``room``, and the rest for the next page."""
    count = max(1, int((room - 2 * CELL_PAD_V) // table.line_height))
    head = [(align, lines[:count]) for align, lines in row.cells]
    rest = [(align, lines[count:]) for align, lines in row.cells]

    def height(cells: list[tuple[Align, list[Line]]]) -> float:
        tallest = max(len(lines) for _, lines in cells)
        return tallest * table.line_height + 2 * CELL_PAD_V if tallest else table.line_height

    return _Row(height(head), head), _Row(height(rest), rest)


def _table(pdf: MinutesPDF, block: Table) -> None:
    _make_room(pdf, _table_height(pdf, block) if small_table(block) else 25.0)
    table = _set_table(pdf, block)
    heading = table.heading
    one_line = table.line_height + 2 * CELL_PAD_V
    if table.rows:
        # The heading never stands alone at the foot of a page: the first row, or a line of it, goes along.
        _make_room(pdf, heading.height + table.rows[0].height)
        _make_room(pdf, heading.height + one_line)
    if pdf.will_page_break(heading.height):
        pdf.add_page()
    _draw_row(pdf, table, heading)
    fresh = pdf.page_break_trigger - pdf.t_margin - heading.height
    for number, row in enumerate(table.rows):
        if block.total_row is not None and number == len(table.rows) - 2:
            # The total row never stands alone on a page: the row above it goes along.
            both = row.height + table.rows[-1].height
            if pdf.will_page_break(both) and not pdf.will_page_break(row.height) and both <= fresh:
                pdf.add_page()
                _draw_row(pdf, table, heading)
        while pdf.will_page_break(row.height):
            if row.height > fresh and pdf.room_left() >= one_line:
                # Taller than a page (a pasted text): what fits here, the rest on the next page.
                part, row = _split_row(table, row, pdf.room_left())
                _draw_row(pdf, table, part)
            pdf.add_page()
            _draw_row(pdf, table, heading)  # the heading again on top of the continued table
            if pdf.room_left() < one_line:
                break
        _draw_row(pdf, table, row)
    pdf.ln(3)
    pdf.set_font(FAMILY, "", BODY_PT)


def _signatures(pdf: MinutesPDF, block: Signatures) -> None:
    if pdf.room_left() < SIGNATURE_MM:
        pdf.add_page()
    pdf.ln(4)
    top = pdf.get_y()
    width = pdf.epw / len(block.blocks)
    bottom = top
    for index, (title, name) in enumerate(block.blocks):
        x = pdf.l_margin + index * width
        y = _centred_lines(pdf, x, top, width, [(title, "B", BODY_PT), (t("printed.sign_hint"), "I", 12)])
        # Room for a handwritten signature (and the seal next to the chair's).
        bottom = max(bottom, _centred_lines(pdf, x, y + 28, width, [(name, "B", BODY_PT)]))
    pdf.set_xy(pdf.l_margin, bottom)
