"""Render the minutes Document as a Word file in the Vietnamese administrative layout.

A4, Times New Roman 13 pt, margins 2 cm (3 cm on the left, for binding), the two-column
header as a borderless table, bordered tables, page numbers centred at the top from page 2
(Decree 30/2020) and the signature blocks side by side. Everything is made of ordinary Word
paragraphs, tables and styles so the secretary can go on editing it in Word or LibreOffice like
hand-made minutes.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass

from docx import Document as new_document
from docx.document import Document as WordDocument
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.pkgwriter import PackageWriter
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tbl
from docx.shared import Cm, Length, Mm, Pt
from docx.table import Table as WordTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph as WordParagraph
from docx.text.run import Run

from models.i18n import current_language, t
from models.text import strip_controls
from sessions.export.column_widths import fit_widths, is_amount, is_number, shipped_font_width, small_table, table_width
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

FONT = "Times New Roman"
BODY_PT = 13
TABLE_PT = 12
TEXT_WIDTH_CM = 16.0  # A4 width 21 cm minus 3 cm left and 2 cm right margins
# The header is a little wider than the text, as in the usual templates, so that
# "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and a hospital's name each fit on one line.
HEADER_LEFT_CM = 8.3
HEADER_RIGHT_CM = 9.3
HEADER_OUTDENT_TWIPS = 454  # 0.8 cm into the left margin
CELL_PAD_CM = 0.19  # Word's default cell margin, left and right


def render_docx(document: Document, created: dt.datetime) -> bytes:
    """The minutes as .docx bytes; ``created`` stamps the metadata and the zip entries."""
    word = new_document()
    _setup(word, document.title, created)
    models: dict = {}  # formatting -> the first paragraph made with it, copied for the next ones
    for index, block in enumerate(document.blocks):
        if isinstance(block, Header):
            _header(word, block)
        elif isinstance(block, Title):
            _title(word, block)
        elif isinstance(block, Heading):
            _heading(word, block, models)
        elif isinstance(block, Paragraph):
            _paragraph(word, block, models, keep_with_next=keeps_with_next(document.blocks, index))
        elif isinstance(block, Table):
            _table(word, block, models)
        elif isinstance(block, Signatures):
            _signatures(word, block)
        elif isinstance(block, Footnote):
            note = word.add_paragraph()
            note.paragraph_format.space_before = Pt(12)
            _run(note, block.text, size=10, italic=True)
    return _package(word, created)


def _package(word: WordDocument, created: dt.datetime) -> bytes:
    """``normalise_zip(word.save())`` in one pass: each part is compressed once, dated ``created``.

    python-docx's own writer puts the parts in its order (content types, the package's
    relationships, then each part followed by its relationships); the same entries, in that
    order, dated and flagged as ``normalise_zip`` does, give the same bytes.
    """
    package = word.part.package
    parts = package.parts
    for part in parts:
        part.before_marshal()
    entries = _Entries()
    PackageWriter._write_content_types_stream(entries, parts)
    PackageWriter._write_pkg_rels(entries, package.rels)
    PackageWriter._write_parts(entries, parts)
    stamp = (max(created.year, 1980), created.month, created.day, created.hour, created.minute, created.second)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, blob in entries.items:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, blob)
    return out.getvalue()


class _Entries:
    """Stands in for python-docx's zip writer: keeps each entry's name and bytes, in order."""

    def __init__(self) -> None:
        self.items: list[tuple[str, bytes]] = []

    def write(self, pack_uri: PackURI, blob: bytes) -> None:
        self.items.append((pack_uri.membername, blob))


# --- WordprocessingML keeps the children of a properties element in a fixed order; Word
# reports a damaged file otherwise, so added elements are put in their place.
_ORDER = {  # element -> its children's names, space-separated, in schema order
    "pPr": (
        "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd"
        " tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi"
        " adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc"
        " textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange"
    ),
    "rPr": (
        "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof"
        " snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd"
        " fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath"
    ),
    "tblPr": (
        "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc"
        " tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription"
    ),
}


def _place(parent: OxmlElement, child: OxmlElement) -> OxmlElement:
    """Insert ``child`` into ``parent`` where the schema wants it, replacing one of the same name."""
    order = _ORDER[parent.tag.split("}")[1]].split()
    name = child.tag.split("}")[1]
    for old in parent.findall(child.tag):
        parent.remove(old)
    parent.insert_element_before(child, *(f"w:{n}" for n in order[order.index(name) + 1 :]))
    return child


# --- document setup


def _setup(word: WordDocument, title: str, created: dt.datetime) -> None:
    section = word.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.header_distance, section.footer_distance = Cm(1), Cm(1)
    language = "vi-VN" if current_language() == "vi" else "en-GB"
    for name in ("Normal", "Heading 1", "Heading 2", "Header"):
        style = word.styles[name]
        _set_font(style.element.get_or_add_rPr(), language)
        style.font.size = Pt(BODY_PT)
        style.font.color.rgb = None
    normal = word.styles["Normal"].paragraph_format
    normal.space_before, normal.space_after, normal.line_spacing = Pt(0), Pt(4), 1.1
    for name in ("Heading 1", "Heading 2"):
        style = word.styles[name]
        style.font.bold, style.font.italic = True, False
        fmt = style.paragraph_format
        fmt.space_before, fmt.space_after, fmt.keep_with_next = Pt(10 if name == "Heading 1" else 6), Pt(4), True
        fmt.line_spacing = 1.1
    _page_number_header(word)
    props = word.core_properties
    # Word's core properties hold at most 255 characters: a long title is cut there, never the export.
    props.title = _fit_property(strip_controls(title, multiline=False))
    props.author = props.last_modified_by = t("printed.author")
    props.comments = ""
    props.language = language
    props.revision = 1
    naive = created.astimezone(dt.UTC).replace(tzinfo=None)
    props.created = props.modified = props.last_printed = naive
    # The template's thumbnail shows python-docx's own page; a plain document has none.
    package = word.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[rel_id]


def _fit_property(text: str, limit: int = 255) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _set_font(rpr: OxmlElement, language: str) -> None:
    """Times New Roman for every script slot, replacing the template's theme fonts."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = _place(rpr, OxmlElement("w:rFonts"))
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    lang = _place(rpr, OxmlElement("w:lang"))
    lang.set(qn("w:val"), language)


def _page_number_header(word: WordDocument) -> None:
    """Decree 30/2020: the page number in Arabic figures, centred in the top margin, in the body's size,
    not on the first page (whose own header is left empty)."""
    section = word.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(paragraph, "PAGE", "2")


def _field(paragraph: WordParagraph, instruction: str, placeholder: str) -> None:
    """A complex field (begin, instruction, separate, shown value, end): Word and LibreOffice both update it."""
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None), ("text", placeholder)):
        run = paragraph.add_run()
        run.font.size = Pt(BODY_PT)
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {text} "
            run._r.append(instr)
        elif kind == "text":
            run.text = text or ""
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    closing = paragraph.add_run()
    closing.font.size = Pt(BODY_PT)
    closing._r.append(end)


# --- runs and paragraphs


def _run(
    paragraph: WordParagraph,
    text: str,
    *,
    size: float | None = None,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
) -> None:
    run = paragraph.add_run(strip_controls(text))  # XML has no place for controls read from an old file
    run.bold = bold or None
    run.italic = italic or None
    run.underline = underline or None
    if size is not None:
        run.font.size = Pt(size)


def _compact(paragraph: WordParagraph, align: WD_ALIGN_PARAGRAPH | None = None, after: float = 0) -> None:
    fmt = paragraph.paragraph_format
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(0), Pt(after), 1.0
    if align is not None:
        paragraph.alignment = align


def _header(word: WordDocument, block: Header) -> None:
    table = word.add_table(rows=2, cols=2)
    _no_borders(table)
    _widths(table, [HEADER_LEFT_CM, HEADER_RIGHT_CM])
    indent = OxmlElement("w:tblInd")
    indent.set(qn("w:w"), str(-HEADER_OUTDENT_TWIPS))
    indent.set(qn("w:type"), "dxa")
    _place(table._tbl.tblPr, indent)
    left, right = table.cell(0, 0), table.cell(0, 1)
    # Decree 30/2020: the superior unit in capitals, the issuing unit (here the council) in bold capitals.
    for index, line in enumerate(block.left):
        paragraph = left.paragraphs[0] if index == 0 else left.add_paragraph()
        _compact(paragraph, WD_ALIGN_PARAGRAPH.CENTER)
        _run(paragraph, line, size=12, bold=index > 0 or len(block.left) == 1)
    _short_rule(left.add_paragraph(), indent_cm=HEADER_LEFT_CM / 3)
    for index, line in enumerate(block.right):
        paragraph = right.paragraphs[0] if index == 0 else right.add_paragraph()
        _compact(paragraph, WD_ALIGN_PARAGRAPH.CENTER)
        # The motto is bold with a line under it as long as the motto itself.
        _run(paragraph, line, size=12 if index == 0 else 13, bold=True, underline=index == len(block.right) - 1)
    number = table.cell(1, 0).paragraphs[0]
    _compact(number, WD_ALIGN_PARAGRAPH.CENTER)
    number.paragraph_format.space_before = Pt(6)
    _run(number, block.number, size=13)
    place = table.cell(1, 1).paragraphs[0]
    _compact(place, WD_ALIGN_PARAGRAPH.CENTER)
    place.paragraph_format.space_before = Pt(6)
    _run(place, block.place_date, size=13, italic=True)


def _short_rule(paragraph: WordParagraph, indent_cm: float) -> None:
    """An empty paragraph whose bottom border draws a short centred line under the unit's name."""
    _compact(paragraph)
    fmt = paragraph.paragraph_format
    fmt.left_indent = fmt.right_indent = Cm(indent_cm)
    _run(paragraph, "", size=2)
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    _place(ppr, borders)
    # The paragraph mark's own size sets the line's height: keep it tiny so the rule hugs the name.
    mark = _place(ppr, OxmlElement("w:rPr"))
    for tag in ("w:sz", "w:szCs"):
        size = OxmlElement(tag)
        size.set(qn("w:val"), "4")
        mark.append(size)


def _title(word: WordDocument, block: Title) -> None:
    """The kind of document in bold capitals, the subject in bold sentence case, a short rule, the note."""
    for index, line in enumerate(block.lines):
        paragraph = word.add_paragraph()
        _compact(paragraph, WD_ALIGN_PARAGRAPH.CENTER, after=2)
        if index == 0:
            paragraph.paragraph_format.space_before = Pt(18)
        paragraph.paragraph_format.keep_with_next = True
        _run(paragraph, line, size=14 if index == 0 else BODY_PT, bold=True)
    if block.rule:
        rule = word.add_paragraph()
        _short_rule(rule, indent_cm=TEXT_WIDTH_CM * 0.4)
        rule.paragraph_format.keep_with_next = True
    if block.note:
        note = word.add_paragraph()
        _compact(note, WD_ALIGN_PARAGRAPH.CENTER, after=2)
        note.paragraph_format.space_before = Pt(4)
        _run(note, block.note, bold=True)
    word.paragraphs[-1].paragraph_format.space_after = Pt(12)


def _style_id(word: WordDocument, models: dict, name: str) -> str:
    key = ("style", name)
    if key not in models:
        models[key] = word.styles[name].style_id
    return models[key]


def _heading(word: WordDocument, block: Heading, models: dict) -> None:
    style = "Heading 1" if block.level <= 1 else "Heading 2"
    if _from_model(word, models, ("heading", style), [block.text]):
        return
    paragraph = word.add_paragraph()
    # What `style=` writes, without python-docx's search of the styles at every paragraph.
    paragraph._p.style = _style_id(word, models, style)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    _run(paragraph, block.text)
    models[("heading", style)] = paragraph._p


def _paragraph(word: WordDocument, block: Paragraph, models: dict, keep_with_next: bool = False) -> None:
    texts = [text for text in (block.label, block.text) if text]
    key = ("paragraph", bool(block.label), bool(block.text), block.bold, block.italic, keep_with_next)
    if _from_model(word, models, key, texts):
        return
    paragraph = word.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    paragraph.paragraph_format.first_line_indent = Cm(1)
    paragraph.paragraph_format.keep_with_next = keep_with_next or None
    if block.label:
        _run(paragraph, block.label, bold=True)
    if block.text:
        _run(paragraph, block.text, bold=block.bold, italic=block.italic)
    models[key] = paragraph._p


def _set_text(run: OxmlElement, text: str) -> None:
    """``run.text = text`` as python-docx does it, done directly when the run holds one plain ``w:t``."""
    # rPr, when there is one, is a run's first child: [t] or [rPr, t] is a run with one plain text.
    # Tabs and line breaks become elements of their own: python-docx puts those in.
    text = strip_controls(text)
    count = len(run)
    t = run[-1] if count else None
    if (
        t is not None
        and t.tag == _T
        and (count == 1 or (count == 2 and run[0].tag == _RPR))
        and text
        and "\t" not in text
        and "\n" not in text
        and "\r" not in text
    ):
        t.text = text
        if text[0].isspace() or text[-1].isspace():  # what strip() would remove
            t.set(_SPACE, "preserve")
        elif t.get(_SPACE) is not None:
            del t.attrib[_SPACE]
    else:
        run.text = text


_T, _R, _RPR, _SPACE = qn("w:t"), qn("w:r"), qn("w:rPr"), qn("xml:space")
_GRID_COL, _TC_W, _W = qn("w:gridCol"), qn("w:tcW"), qn("w:w")


def _copy(element: OxmlElement) -> OxmlElement:
    """A deep copy of ``element`` (lxml's own, without the copy module's bookkeeping around it)."""
    return element.__deepcopy__(None)


def _body_end(word: WordDocument, models: dict) -> OxmlElement:
    """The body's last element, the section's properties: blocks are added before it."""
    if "end" not in models:
        models["end"] = word.element.body[-1]
    return models["end"]


def _from_model(word: WordDocument, models: dict, key: tuple, texts: list[str]) -> bool:
    """Add a copy of the first paragraph made with the same formatting, with ``texts`` in its runs.

    python-docx's per-paragraph calls (formatting, runs, and the search for the end of the body
    at every paragraph) cost ~0.5 ms a paragraph; a copy costs a few microseconds.
    """
    model = models.get(key)
    if model is None:
        return False
    paragraph = _copy(model)
    for run, text in zip(list(paragraph.iter(_R)), texts, strict=True):
        _set_text(run, text)
    _body_end(word, models).addprevious(paragraph)
    return True


# --- tables


@dataclass
class _TableModel:
    """A table's parts for one formatting, made once with python-docx and copied for every table like it.

    python-docx's per-cell calls cost ~0.7 ms a cell, and the minutes hold a small table for each
    initiative: from one table to the next only the texts and the column widths differ.
    """

    frame: OxmlElement  # w:tbl with its properties and grid, without rows
    heading: dict[bool, OxmlElement]  # kept with the next row -> the heading row, texts "X"
    rows: dict[tuple[bool, bool], OxmlElement]  # (kept with the next, bold) -> a body row, texts "X"


def _table(word: WordDocument, block: Table, models: dict) -> None:
    rows = block.rows + ([block.total_row] if block.total_row else [])
    size = _table_size(block)
    aligns = tuple(_column_align([row[i] for row in rows]) for i in range(len(block.columns)))
    small, bold_last = small_table(block), block.total_row is not None
    key = ("table", size, aligns, small, bold_last)
    if key not in models:
        models[key] = _table_model(word, models, size, aligns, small, bold_last)
    model: _TableModel = models[key]
    fitted = fit_widths(
        block.columns,
        block.rows,
        block.widths,
        table_width(block.columns, TEXT_WIDTH_CM),
        lambda text, bold: _measure_cm(text, bold, size),
        padding=2 * CELL_PAD_CM + 0.15,
        total_row=block.total_row,
    )
    # What python-docx writes for `column.width = Cm(w)` and `cell.width = Cm(w)`.
    widths = [str(Cm(width).twips) for width in fitted]
    tbl = _copy(model.frame)
    for column, width in zip(tbl.iter(_GRID_COL), widths, strict=True):
        column.set(_W, width)
    # Word's way to keep a small table on one page: each row keeps with the next, but the last.
    tbl.append(_row(model.heading[small and bool(rows)], widths, block.columns))
    sized: dict[tuple[bool, bool], OxmlElement] = {}  # this table's model rows, with its widths
    for number, row in enumerate(rows, start=1):
        last = number == len(rows)
        variant = (small and not last, bold_last and last)
        if variant not in sized:
            sized[variant] = _row(model.rows[variant], widths, None)
        tbl.append(_row(sized[variant], [], row))
    _body_end(word, models).addprevious(tbl)
    if not _from_model(word, models, ("after table",), []):
        paragraph = word.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        models[("after table",)] = paragraph._p


def _row(model: OxmlElement, widths: list[str], texts: list[str] | None) -> OxmlElement:
    """A copy of ``model`` with its cells' widths (if given) and texts (if given) put in."""
    tr = _copy(model)
    if widths:
        for width_element, width in zip(tr.iter(_TC_W), widths, strict=True):
            width_element.set(_W, width)
    if texts is not None:
        for run, text in zip(list(tr.iter(_R)), texts, strict=True):
            _set_text(run, text)
    return tr


def _table_model(
    word: WordDocument, models: dict, size: float, aligns: tuple[WD_ALIGN_PARAGRAPH, ...], small: bool, bold: bool
) -> _TableModel:
    """A table's frame made with python-docx, its two rows put together from cells made with it once each."""
    # What word.add_table makes, kept out of the body. The widths are placeholders, put in for each table.
    table = WordTable(CT_Tbl.new_tbl(0, len(aligns), _text_width(word, models)), word._body)
    # What `table.style = ...` writes, without python-docx's search of the styles at every table.
    table._tbl.tblStyle_val = _style_id(word, models, "Table Grid")
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(table, [1.0] * len(aligns))
    # the heading row is repeated on each page
    heading = _new_row(word, models, [(size, True, WD_ALIGN_PARAGRAPH.CENTER)] * len(aligns), "w:tblHeader")
    model = _new_row(word, models, [(size, False, align) for align in aligns])
    rows = {(False, False): model}
    if bold:
        rows[(False, True)] = bold_tr = _copy(model)
        for r in bold_tr.iter(_R):
            Run(r, table).bold = True
    headings = {False: heading}
    if small:
        headings[True], rows[(True, False)] = _copy(heading), _copy(model)
        for tr in (headings[True], rows[(True, False)]):
            for p in tr.iter(qn("w:p")):
                WordParagraph(p, table).paragraph_format.keep_with_next = True
    return _TableModel(table._tbl, headings, rows)


def _new_row(
    word: WordDocument, models: dict, cells: list[tuple[float, bool, WD_ALIGN_PARAGRAPH]], *marks: str
) -> OxmlElement:
    """A row as python-docx makes it (``w:tr``), with ``marks`` and ``w:cantSplit`` in its properties and copies
    of the cell models for ``cells`` (size, bold, alignment)."""
    tr = OxmlElement("w:tr")
    properties = tr.get_or_add_trPr()
    for tag in (*marks, "w:cantSplit"):  # a row is never cut in two by a page break
        properties.append(OxmlElement(tag))
    for size, bold, align in cells:
        key = ("cell", size, bold, align)
        if key not in models:
            # python-docx's per-cell calls cost ~0.7 ms: each kind of cell is made once
            cell = WordTable(CT_Tbl.new_tbl(1, 1, _text_width(word, models)), word._body).cell(0, 0)
            cell.width = Cm(1.0)  # a placeholder, as the table's widths
            _cell(cell, "X", size=size, bold=bold, align=align)
            models[key] = cell._tc
        tr.append(_copy(models[key]))
    return tr


def _text_width(word: WordDocument, models: dict) -> Length:
    """The text width (python-docx searches the whole body for the section's properties to find it)."""
    if "width" not in models:
        models["width"] = word._block_width
    return models["width"]


def _table_size(block: Table) -> float:
    """Wide tables (the summary has seven columns) are set a point smaller."""
    return TABLE_PT if len(block.columns) < 6 else TABLE_PT - 1


def _measure_cm(text: str, bold: bool, size: float) -> float:
    # The shipped Liberation Serif has the advance widths of Times New Roman.
    return shipped_font_width(text, bold, size) / 10


def _column_align(values: list[str]) -> WD_ALIGN_PARAGRAPH:
    """Numbers centred, amounts right-aligned, text at the left."""
    filled = [v for v in values if v]
    if filled and all(is_number(v) for v in filled):
        return WD_ALIGN_PARAGRAPH.CENTER
    if filled and all(is_amount(v) for v in filled):
        return WD_ALIGN_PARAGRAPH.RIGHT
    return WD_ALIGN_PARAGRAPH.LEFT


def _cell(cell: _Cell, text: str, *, size: float, bold: bool, align: WD_ALIGN_PARAGRAPH) -> None:
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    paragraph = cell.paragraphs[0]
    _compact(paragraph, align)
    paragraph.paragraph_format.space_before = paragraph.paragraph_format.space_after = Pt(2)
    _run(paragraph, text, size=size, bold=bold)


def _widths(table: WordTable, widths_cm: list[float]) -> None:
    """Fixed column widths, written both to the grid (LibreOffice) and to every cell (Word)."""
    table.autofit = False
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
        for cell in column.cells:
            cell.width = Cm(width)


def _no_borders(table: WordTable) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    _place(tbl_pr, borders)


# --- signatures


def _signatures(word: WordDocument, block: Signatures) -> None:
    spacer = word.add_paragraph()
    spacer.paragraph_format.keep_with_next = True
    table = word.add_table(rows=1, cols=len(block.blocks))
    _no_borders(table)
    _widths(table, [TEXT_WIDTH_CM / len(block.blocks)] * len(block.blocks))
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    for col, (title, name) in enumerate(block.blocks):
        cell = table.cell(0, col)
        heading = cell.paragraphs[0]
        _compact(heading, WD_ALIGN_PARAGRAPH.CENTER)
        _run(heading, title, bold=True)
        hint = cell.add_paragraph()
        _compact(hint, WD_ALIGN_PARAGRAPH.CENTER)
        _run(hint, t("printed.sign_hint"), size=12, italic=True)
        # Room for a handwritten signature (and the seal next to the chair's).
        for _ in range(4):
            _compact(cell.add_paragraph(), after=6)
        signed = cell.add_paragraph()
        _compact(signed, WD_ALIGN_PARAGRAPH.CENTER)
        _run(signed, name, bold=True)
