"""Render the minutes Document as a PDF in the Vietnamese administrative layout.

The same layout as the Word file (A4, 2 cm margins and 3 cm on the left, the two-column
header, bordered tables, page numbers, signature blocks side by side), set in DejaVu Serif
Condensed, shipped in ``fonts/`` so that no system font is needed and every Vietnamese
letter prints.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from fpdf import FPDF
from fpdf.enums import Align, XPos, YPos
from fpdf.fonts import FontFace

from models.i18n import current_language, t
from sessions.export.document import (
    Document,
    Footnote,
    Header,
    Heading,
    Paragraph,
    Signatures,
    Table,
    Title,
)
from sessions.export.fastbreak import fast_line_breaking
from sessions.export.layout import FAMILY, add_fonts, fit_widths, is_amount, is_number, small_table, table_width

# fpdf2 logs a warning for a character the font lacks (an emoji pasted into a title); without
# a handler Python would print it on the terminal, over the app's screen. The app's own logging
# configuration, if any, still receives it.
logging.getLogger("fpdf").addHandler(logging.NullHandler())

# DejaVu Serif Condensed at 12 pt sets about as wide as Times New Roman at 13 pt.
BODY_PT = 12
TABLE_PT = 11
CELL_PAD = 1.2  # mm left and right of a table cell's text
LINE = 1.35  # line height as a multiple of the font size
# The header is a little wider than the text, as in the usual templates, so that
# "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and a hospital's name each fit on one line.
HEADER_LEFT_MM = 79.0
HEADER_RIGHT_MM = 93.0
HEADER_OUTDENT_MM = 6.0
SIGNATURE_MM = 52.0
_PT_MM = 25.4 / 72


class MinutesPDF(FPDF):
    """A4 with the margins of administrative documents and the page number in the footer."""

    def __init__(self) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        add_fonts(self)
        self.set_margins(left=30, top=20, right=20)
        self.set_auto_page_break(auto=True, margin=20)
        self.set_font(FAMILY, "", BODY_PT)
        # Within one document: a word's width by (style, size, word); a table's layout and height
        # by the table (each is asked for up to three times: keep-with-next, page room, drawing).
        self.widths: dict[tuple[str, float, str], float] = {}
        self.layouts: dict[int, tuple[float, float, list[float]]] = {}
        self.heights: dict[int, float] = {}

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font(FAMILY, "", 10)
        self.cell(0, 5, str(self.page_no()), align="C")

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
        _keep_with_signatures(pdf, document.blocks[index:])
        if isinstance(block, Header):
            _header(pdf, block)
        elif isinstance(block, Title):
            _title(pdf, block)
        elif isinstance(block, Heading):
            _heading(pdf, block)
        elif isinstance(block, Paragraph):
            following = document.blocks[index + 1] if index + 1 < len(document.blocks) else None
            _keep_with_next(pdf, block, following)
            _paragraph(pdf, block)
        elif isinstance(block, Table):
            _table(pdf, block)
        elif isinstance(block, Signatures):
            _signatures(pdf, block)
        elif isinstance(block, Footnote):
            pdf.ln(4)
            pdf.set_font(FAMILY, "I", 9)
            pdf.multi_cell(0, pdf.line_height(), block.text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    return bytes(pdf.output())


def _paragraph_height(pdf: MinutesPDF, block: Paragraph) -> float:
    pdf.set_font(FAMILY, "", BODY_PT)
    text = block.label + block.text
    return pdf.multi_cell(pdf.epw - 10, pdf.line_height(), text, dry_run=True, output="HEIGHT") + 1.2


def _keep_with_next(pdf: MinutesPDF, block: Paragraph, following: object) -> None:
    """A lead-in ("Biểu quyết (chấm điểm):", a line announcing a table) starts a page rather than end one."""
    if block.text and not isinstance(following, Table):
        return
    after = 15.0
    if isinstance(following, Table):
        after = _table_height(pdf, following) if small_table(following) else 25.0
    if pdf.room_left() < _paragraph_height(pdf, block) + after:
        pdf.add_page()


def _keep_with_signatures(pdf: MinutesPDF, rest: list) -> None:
    """Start a new page before the closing paragraphs when they and the signatures would not fit together.

    The signatures never stand alone on the last page: the lines just before them go along.
    """
    closing = []
    for block in rest[:3]:
        if isinstance(block, Signatures):
            break
        if not isinstance(block, Paragraph):
            return
        closing.append(block)
    else:
        return
    if not closing:
        return
    pdf.set_font(FAMILY, "", BODY_PT)
    height = sum(
        pdf.multi_cell(pdf.epw, pdf.line_height(), p.label + p.text, dry_run=True, output="HEIGHT") + 1.2
        for p in closing
    )
    if pdf.room_left() < height + SIGNATURE_MM:
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
    left = [(line, "B" if i > 0 or len(block.left) == 1 else "", 11) for i, line in enumerate(block.left)]
    left_y = _centred_lines(pdf, x, top, HEADER_LEFT_MM, left)
    _rule(pdf, x + HEADER_LEFT_MM / 2, left_y + 0.8, HEADER_LEFT_MM / 3)
    right = [(line, "B", 11 if i == 0 else 12) for i, line in enumerate(block.right)]
    right_y = _centred_lines(pdf, right_x, top, right_w, right)
    if block.right:
        # The motto has a line under it as long as the motto itself.
        pdf.set_font(FAMILY, "B", 12)
        _rule(pdf, right_x + right_w / 2, right_y + 0.3, pdf.get_string_width(block.right[-1]))
    row = max(left_y, right_y) + 3
    below_left = _centred_lines(pdf, x, row, HEADER_LEFT_MM, [(block.number, "", BODY_PT)])
    below_right = _centred_lines(pdf, right_x, row, right_w, [(block.place_date, "I", BODY_PT)])
    pdf.set_xy(pdf.l_margin, max(below_left, below_right))


def _rule(pdf: MinutesPDF, centre: float, y: float, width: float) -> None:
    pdf.set_line_width(0.3)
    pdf.line(centre - width / 2, y, centre + width / 2, y)


def _title(pdf: MinutesPDF, block: Title) -> None:
    pdf.ln(7)
    for index, line in enumerate(block.lines):
        size = 14 if index == 0 else BODY_PT
        pdf.set_font(FAMILY, "B", size)
        pdf.multi_cell(0, pdf.line_height(size), line, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(4)


def _heading(pdf: MinutesPDF, block: Heading) -> None:
    # Keep a heading with the start of what it heads.
    if pdf.room_left() < 30:
        pdf.add_page()
    pdf.ln(3 if block.level <= 1 else 2)
    pdf.set_font(FAMILY, "B", BODY_PT)
    pdf.multi_cell(0, pdf.line_height(), block.text, align="J", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(1)


def _paragraph(pdf: MinutesPDF, block: Paragraph) -> None:
    style = ("B" if block.bold else "") + ("I" if block.italic else "")
    pdf.set_font(FAMILY, "", BODY_PT)
    with (
        pdf.text_columns(text_align="J", line_height=LINE) as columns,
        columns.paragraph(first_line_indent=10, bottom_margin=1.2) as paragraph,
    ):
        if block.label:
            pdf.set_font(FAMILY, "B", BODY_PT)
            paragraph.write(block.label)
        pdf.set_font(FAMILY, style, BODY_PT)
        paragraph.write(block.text)
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
        style = "B" if bold else ""
        pdf.set_font(FAMILY, style, size)  # kept: the font left selected decides what the page says next
        key = (style, size, text)
        width = pdf.widths.get(key)
        if width is None:
            width = pdf.widths[key] = pdf.get_string_width(text)
        return width

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
    """The height a table will take, from the number of lines of its tallest cell in each row."""
    size, _, widths = _table_layout(pdf, block)
    known = pdf.heights.get(id(block))
    if known is not None:
        pdf.set_font(FAMILY, "", size)  # as measuring would leave it
        return known
    height = 0.0
    for row in [block.columns, *block.rows, *([block.total_row] if block.total_row else [])]:
        lines = 1
        for text, width in zip(row, widths, strict=True):
            pdf.set_font(FAMILY, "", size)
            found = pdf.multi_cell(width - 2 * CELL_PAD, 5, text, dry_run=True, output="LINES")
            lines = max(lines, len(found))
        height += lines * pdf.line_height(size) * 0.9 + 2
    pdf.heights[id(block)] = height + 3
    return height + 3


def _table(pdf: MinutesPDF, block: Table) -> None:
    rows = block.rows + ([block.total_row] if block.total_row else [])
    aligns = [_column_align([row[i] for row in rows]) for i in range(len(block.columns))]
    size, width, widths = _table_layout(pdf, block)
    if small_table(block):
        if pdf.room_left() < _table_height(pdf, block):
            pdf.add_page()
    elif pdf.room_left() < 25:
        pdf.add_page()
    pdf.set_font(FAMILY, "", size)
    with pdf.table(
        col_widths=tuple(widths),
        width=width,
        align="CENTER",
        line_height=pdf.line_height(size) * 0.9,
        padding=(1, CELL_PAD),
        text_align="LEFT",
        headings_style=FontFace(emphasis="BOLD"),
        repeat_headings=1,
    ) as table:
        heading = table.row()
        for text in block.columns:
            heading.cell(text, align=Align.C)
        for number, values in enumerate(rows, start=1):
            is_total = block.total_row is not None and number == len(rows)
            row = table.row()
            for col, text in enumerate(values):
                row.cell(text, align=aligns[col], style=FontFace(emphasis="BOLD") if is_total else None)
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
        y = _centred_lines(pdf, x, top, width, [(title, "B", BODY_PT), (t("printed.sign_hint"), "I", 11)])
        # Room for a handwritten signature (and the seal next to the chair's).
        bottom = max(bottom, _centred_lines(pdf, x, y + 28, width, [(name, "B", BODY_PT)]))
    pdf.set_xy(pdf.l_margin, bottom)
