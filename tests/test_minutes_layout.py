"""Decree 30/2020 layout of the printed minutes, read back from the PDF (pypdf) and the Word file (python-docx)."""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from sessions.export.column_widths import FAMILY, FONTS, STYLES
from sessions.export.document import Document, Heading, Paragraph, Table, keeps_with_next
from sessions.export.minutes import build_minutes
from sessions.export.pdf import render_pdf
from sessions.exporting import render
from sessions.storage import DataFolder
from tests.conftest import FIRST

MM = 72 / 25.4
CREATED = dt.datetime(2026, 5, 14, 10, 54, tzinfo=dt.UTC)


def _runs(data: bytes) -> list[list[tuple[float, float, str, float, str]]]:
    """Per page, each run of text: (x, baseline from the top, in mm; font; size in pt; text)."""
    pages = []
    for page in PdfReader(io.BytesIO(data)).pages:
        height = float(page.mediabox.height)
        runs: list[tuple[float, float, str, float, str]] = []

        def visit(text, cm, tm, font, size, runs=runs, height=height) -> None:
            if text.strip() and font:
                x, y = (cm[4] + tm[4]) / MM, (height - cm[5] - tm[5]) / MM
                runs.append((x, y, str(font["/BaseFont"]), size, text.strip()))

        page.extract_text(visitor_text=visit)
        pages.append(runs)
    return pages


@pytest.fixture
def minutes(demo_dir: Path):
    record, report = DataFolder(demo_dir).load_record(FIRST)
    return record, render(record, "pdf", report.chain_head)


# --- 2. page numbers


def test_pdf_page_numbers_are_centred_at_the_top_from_page_2_in_the_body_size(minutes) -> None:
    _, data = minutes
    pages = _runs(data)
    assert len(pages) >= 3
    first_top = min(pages[0], key=lambda run: run[1])
    assert first_top[4] != "1" and first_top[1] > 20  # nothing in the first page's top margin
    for number, page in enumerate(pages[1:], start=2):
        top = min(page, key=lambda run: run[1])
        x, y, _, size, text = top
        assert text == str(number) and y < 20  # in the top margin
        assert size == 13
        from sessions.export.column_widths import shipped_font_width

        centre = x + shipped_font_width(text, False, size) / 2
        assert abs(centre - (30 + 190) / 2) < 0.5  # centred on the text column (3 cm left, 2 cm right margins)
        assert not any(run[1] > 277 for run in page)  # nothing at the foot


# --- 4. font


def test_pdf_is_set_in_liberation_serif_13_pt(minutes) -> None:
    _, data = minutes
    runs = [run for page in _runs(data) for run in page]
    assert {run[2].split("+")[1] for run in runs} <= {"LiberationSerif", "LiberationSerifBold", "LiberationSerifItalic"}
    sizes = [run[3] for run in runs]
    assert max(set(sizes), key=sizes.count) == 13  # the body
    assert min(sizes) >= 10  # tables 12 (wide ones 11), the check code 10


def test_the_shipped_font_covers_every_vietnamese_letter_and_may_be_shipped() -> None:
    from fontTools.ttLib import TTFont

    letters = {"đ", "Đ"}
    for base in "aăâeêioôơuưy":
        for mark in ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"):
            for letter in (base, base.upper()):
                letters.add(unicodedata.normalize("NFC", letter + mark))
    assert len(letters) == 146 and all(len(letter) == 1 for letter in letters)
    for suffix in STYLES.values():
        font = TTFont(str(FONTS / f"{FAMILY}{suffix}.ttf"))
        cmap = font.getBestCmap()
        assert sorted(letter for letter in letters if ord(letter) not in cmap) == []
        assert "Open Font License" in font["name"].getDebugName(13)
    licence = (FONTS / "LICENSE.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence and "Liberation" in licence


def test_the_font_has_times_new_roman_metrics_so_word_and_pdf_set_alike() -> None:
    from sessions.export.column_widths import shipped_font_width

    # Times New Roman's advance widths (1/1000 em): a 500, space 250, W 944, bold W 1000
    assert shipped_font_width("a", False, 1000) * MM == pytest.approx(444, abs=0.5)
    assert shipped_font_width(" ", False, 1000) * MM == pytest.approx(250, abs=0.5)
    assert shipped_font_width("W", False, 1000) * MM == pytest.approx(944, abs=0.5)
    assert shipped_font_width("W", True, 1000) * MM == pytest.approx(1000, abs=0.5)


# --- 5. page breaks


def _page_of(pages: list[str], needle: str, start: tuple[int, int]) -> tuple[int, int]:
    """(page, offset) of ``needle``'s first appearance from ``start`` on; pages' text with spaces folded."""
    page, offset = start
    while page < len(pages):
        found = pages[page].find(needle, offset)
        if found >= 0:
            return page, found
        page, offset = page + 1, 0
    raise AssertionError(f"{needle!r} not found")


def _start_of(block: object) -> str:
    if isinstance(block, Heading):
        return block.text[:30]
    if isinstance(block, Paragraph):
        return " ".join((block.label + block.text).split()[:3])
    if isinstance(block, Table):
        return block.columns[0]
    return ""


def test_pdf_keeps_headings_and_lead_ins_with_what_follows(demo_dir: Path) -> None:
    """Every block the Word file keeps with its next (headings, "Biểu quyết (...):", a line before a table)
    has the start of the next block on its page in the PDF."""
    record, report = DataFolder(demo_dir).load_record(FIRST)
    document = build_minutes(record, report.chain_head)
    data = render_pdf(document, CREATED)
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]
    cursor = (0, 0)
    checked = 0
    blocks = document.blocks
    for index, block in enumerate(blocks):
        needle = _start_of(block)
        if not needle or index + 1 >= len(blocks):
            continue
        cursor = _page_of(pages, needle, cursor)
        if keeps_with_next(blocks, index) and _start_of(blocks[index + 1]):
            following = _page_of(pages, _start_of(blocks[index + 1]), (cursor[0], cursor[1] + 1))
            assert following[0] == cursor[0], (needle, "alone at the foot of page", cursor[0] + 1)
            checked += 1
    assert checked > 30


def _filler(mm: float) -> Table:
    """A table about ``mm`` high (rows of one line), to push what follows down the page."""
    rows = max(1, int(mm / 7.3))
    return Table(["Mã", "Tên"], [[f"F{i}", "x"] for i in range(rows)], [1, 5])


def test_pdf_leaves_no_single_line_of_a_paragraph_alone_on_a_page() -> None:
    """Paragraphs of 2 to 7 lines put at every height near the foot of a page: each part of a paragraph
    that a page break cuts holds at least two lines (no widow, no orphan)."""
    cuts = 0
    for lines in range(2, 8):
        for push in range(190, 262, 4):
            words = " ".join(f"w{lines}x{n}" for n in range(13 * lines))
            document = Document([_filler(push), Paragraph(words), Paragraph("sau")], title="thử")
            pages = PdfReader(io.BytesIO(render_pdf(document, CREATED))).pages
            counts = [sum(1 for line in page.extract_text().splitlines() if f"w{lines}x" in line) for page in pages]
            parts = [count for count in counts if count]
            assert sum(parts) >= lines
            assert all(part >= 2 for part in parts), (lines, push, counts)
            cuts += len(parts) > 1
    assert cuts > 5  # some paragraphs were cut: the test put them across a page break


def test_pdf_keeps_the_total_row_with_the_row_above_it() -> None:
    for rows in range(28, 40):
        table = Table(["TT", "Tên"], [[str(n), f"dòng {n}"] for n in range(rows)], [1, 5], ["", "Tổng cộng"])
        pages = _runs(render_pdf(Document([table], title="thử"), CREATED))
        last = [run[4] for run in pages[-1] if run[1] > 20]
        assert "Tổng cộng" in last
        assert any(text.startswith("dòng") for text in last), (rows, last)
