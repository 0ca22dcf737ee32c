"""The PDF minutes, read back with pypdf: what an archive keeps."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from cli import main
from models.formatting import format_vnd
from models.i18n import set_language
from models.labels import conclusion_label
from models.poll import PollMode, PollStatus
from sessions.export.document import Document, Paragraph, Table
from sessions.export.pdf import render_pdf
from sessions.exporting import render
from sessions.storage import DataFolder
from tests.conftest import FIRST, PLANNED


def _record(demo_dir: Path, session: str = FIRST):
    return DataFolder(demo_dir).load_record(session)


def _pages(data: bytes) -> list[str]:
    """Each page's text with runs of spaces (from justified lines) folded, lines kept."""
    reader = PdfReader(io.BytesIO(data))
    return ["\n".join(" ".join(line.split()) for line in page.extract_text().splitlines()) for page in reader.pages]


def _placed(data: bytes, page: int) -> dict[str, tuple[float, float]]:
    """Where each piece of text starts on a page: text -> (x, y), y growing upwards."""
    found: dict[str, tuple[float, float]] = {}

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            found.setdefault(text.strip(), (cm[4] + tm[4], cm[5] + tm[5]))

    PdfReader(io.BytesIO(data)).pages[page].extract_text(visitor_text=visit)
    return found


@pytest.fixture
def minutes(demo_dir: Path):
    record, report = _record(demo_dir)
    data = render(record, "pdf", report.chain_head)
    return record, data, _pages(data)


def test_first_page_has_the_header_and_title(minutes) -> None:
    _, _, pages = minutes
    lines = pages[0].splitlines()
    assert lines[:5] == [
        "SỞ Y TẾ TỈNH VĨNH LONG",
        "BỆNH VIỆN NGUYỄN ĐÌNH CHIỂU",
        "HỘI ĐỒNG SÁNG KIẾN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]
    assert "Số: ....../BB-HĐSK Vĩnh Long, ngày 14 tháng 5 năm 2026" in lines
    assert "BIÊN BẢN HỌP HỘI ĐỒNG SÁNG KIẾN" in lines
    assert "Phiên họp xét công nhận sáng kiến đợt 1 năm 2026" in lines


def test_every_initiative_code_and_conclusion_appear_in_order(minutes) -> None:
    record, _, pages = minutes
    text = "\n".join(pages)
    flat = " ".join(text.split())
    position = 0
    for initiative in record.agenda_items():
        heading = flat.find(f"{initiative.code}: ", position)
        assert heading > position, initiative.code
        conclusion = f"Kết luận: {conclusion_label(record.conclusion(initiative.id))}"
        position = flat.find(conclusion, heading)
        assert position > heading, (initiative.code, conclusion)


def test_vote_counts_are_printed(minutes) -> None:
    record, _, pages = minutes
    lines = "\n".join(pages).splitlines()
    yes_rows = [line for line in lines if line.startswith("Đồng ý ")]
    polls = [p for i in record.agenda_items() for p in record.polls_for(i.id) if p.status == PollStatus.CLOSED]
    polls = [p for p in polls if p.mode != PollMode.SCORING]  # a scoring poll prints its scores instead
    assert [int(row.split()[-1]) for row in yes_rows] == [p.result.counts.yes for p in polls]
    no_rows = [line for line in lines if line.startswith("Không đồng ý ")]
    assert [int(row.split()[-1]) for row in no_rows] == [p.result.counts.no for p in polls]


def test_money_dates_signatures_and_page_numbers(minutes) -> None:
    record, data, pages = minutes
    flat = " ".join(" ".join(pages).split())
    assert "86.500.000 đồng" in flat and "Tổng cộng 246.500.000 đồng" in flat
    assert "ngày 05/03/2026" in flat and "ngày 14/05/2026" in flat
    last = pages[-1]
    assert "THƯ KÝ" in last and "CHỦ TỊCH HỘI ĐỒNG" in last and "(Ký, ghi rõ họ tên)" in last
    secretary = record.member(record.session.secretary_id).name
    chair = record.member(record.session.chair_id).name
    # side by side: titles on one line, names on one line below them, the chair on the right
    placed = _placed(data, len(pages) - 1)
    (sx, sy), (cx, cy) = placed["THƯ KÝ"], placed["CHỦ TỊCH HỘI ĐỒNG"]
    (nx, ny), (mx, my) = placed[secretary], placed[chair]
    assert sy == cy and ny == my and ny < sy - 60  # room to sign
    assert sx < cx and nx < mx
    # the signatures never stand alone: the read-back line is on their page
    assert "biên bản được lập thành 02 bản có giá trị như nhau." in " ".join(last.split())


def test_text_is_nfc(minutes) -> None:
    _, _, pages = minutes
    text = "\n".join(pages)
    assert text == unicodedata.normalize("NFC", text)


def test_fonts_are_embedded_so_no_system_font_is_needed(minutes) -> None:
    _, data, _ = minutes
    reader = PdfReader(io.BytesIO(data))
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object()
            fonts[str(font["/BaseFont"])] = "/FontFile2" in descendant["/FontDescriptor"]
    assert fonts and all(fonts.values())
    assert all("LiberationSerif" in name for name in fonts)
    assert any(name.endswith("Bold") for name in fonts) and any(name.endswith("Italic") for name in fonts)


def test_two_exports_are_identical_and_carry_the_session_date(demo_dir: Path) -> None:
    record, report = _record(demo_dir)
    first = render(record, "pdf", report.chain_head)
    assert render(record, "pdf", report.chain_head) == first
    metadata = PdfReader(io.BytesIO(first)).metadata
    ended = record.session.end_time
    assert metadata["/CreationDate"] == f"D:20260514{ended:%H%M}00+07'00'"
    assert metadata["/Title"].startswith("BIÊN BẢN HỌP HỘI ĐỒNG SÁNG KIẾN")


def test_english_minutes(demo_dir: Path) -> None:
    set_language("en")
    record, report = _record(demo_dir)
    flat = " ".join(" ".join(_pages(render(record, "pdf", report.chain_head))).split())
    for expected in (
        "SOCIALIST REPUBLIC OF VIETNAM",
        "Vĩnh Long, 14 May 2026",
        "MINUTES OF THE INITIATIVE COUNCIL MEETING",
        "Conclusion: Not recognised",
        "Total 246,500,000 VND",
        "SECRETARY (Signature and full name) Lê Hoàng Nam CHAIR OF THE COUNCIL",
    ):
        assert expected in flat


def test_long_cells_wrap_inside_the_page(demo_dir: Path) -> None:
    record, report = _record(demo_dir, PLANNED)
    long_title = "Giải pháp " + " ".join(["cải tiến quy trình tiếp nhận người bệnh"] * 12)
    first = record.session.agenda[0]
    record.initiatives[first] = record.initiatives[first].model_copy(update={"title": long_title})
    pages = _pages(render(record, "pdf", report.chain_head))
    flat = " ".join(" ".join(pages).split())
    assert long_title in flat  # printed whole, wrapped over several lines
    assert "(DỰ THẢO: phiên họp chưa kết thúc)" in pages[0]


def test_a_very_long_word_or_a_character_without_glyph_does_not_stop_the_export(demo_dir: Path, capfd) -> None:
    record, report = _record(demo_dir)
    first = record.session.agenda[0]
    code = "SK-2026-01-" + "X" * 120
    record.initiatives[first] = record.initiatives[first].model_copy(update={"code": code, "title": "Tên 😀 中文"})
    pages = _pages(render(record, "pdf", report.chain_head))
    assert "X" * 40 in "".join(pages)
    assert capfd.readouterr().err == ""  # nothing printed over the app's screen


def test_cli_exports_pdf(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "bb.pdf"
    assert main(["export", FIRST, "--data", str(demo_dir), "--format", "pdf", "--output", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF-")
    assert main(["export", FIRST, "--data", str(tmp_path / "nowhere"), "--format", "pdf"]) == 2


def _tricky_document():
    """Paragraphs and tables with what line breaking special-cases: long words, double and odd spaces, soft
    hyphens, non-breaking spaces, line feeds, a bold lead-in, missing glyphs, empty text."""
    from sessions.export.document import Document, Heading, Paragraph, Table

    sentence = "Sáng kiến cải tiến quy trình tiếp nhận người bệnh tại khoa Khám bệnh, giảm thời gian chờ"
    words = sentence.split(" ")
    texts = [
        " ".join(words * 3),
        " ".join(words) + "  hai  dấu cách   và\u00a0không\u00a0ngắt và\u2009mảnh",
        "mềm\u00adgạch\u00adnối " * 12,
        "dòng một\ndòng hai\n\nbốn " + "X" * 150 + " sau",
        "https://example.vn/" + "a" * 200,
        "Tên 😀 中文 " * 10,
        "",
        " bắt đầu bằng dấu cách và kết thúc bằng dấu cách " * 3,
    ]
    blocks = []
    for index, text in enumerate(texts):
        blocks.append(Heading(f"{index}. " + " ".join(words[: index + 3])))
        blocks.append(Paragraph(text, label="Tác giả: " if index % 2 else "", bold=index == 3, italic=index == 5))
        blocks.append(Paragraph(text[:40], label="Biểu quyết:"))
        blocks.append(Table(["Mã", "Tên sáng kiến", "Điểm"], [[f"SK-{i}", text[: 30 * i], "21,50"] for i in range(6)]))
    return Document(blocks=blocks, title="thử")


def test_fast_line_breaking_prints_what_fpdf2_would(demo_dir: Path, monkeypatch) -> None:
    """The fast line breaker changes nothing on the page: the same bytes as fpdf2's own breaker."""
    import contextlib
    import datetime as dt

    import sessions.export.pdf as pdf_module

    record, report = _record(demo_dir)
    created = dt.datetime(2026, 5, 14, 10, 54, tzinfo=dt.UTC)
    from sessions.export.minutes import build_minutes

    documents = [build_minutes(record, report.chain_head), _tricky_document()]
    fast = [pdf_module.render_pdf(d, created) for d in documents]
    monkeypatch.setattr(pdf_module, "fast_line_breaking", contextlib.nullcontext)
    assert [pdf_module.render_pdf(d, created) for d in documents] == fast


def test_word_minutes_measure_words_as_fpdf2_does() -> None:
    """The Word minutes size their columns with the shipped font's widths read without fpdf2: the same figures."""
    from fpdf import FPDF

    from sessions.export.column_widths import FAMILY, add_fonts, shipped_font_width

    pdf = FPDF(unit="mm")
    add_fonts(pdf)
    for text in ["SK-2026-01", "1.250.000 đồng", "Nguyễn Thị Ánh Tuyết", "Tên 😀 中文", "", "W" * 60, "Điểm TB"]:
        for bold in (False, True):
            for size in (10, 11, 12.5):
                pdf.set_font(FAMILY, "B" if bold else "", size)
                assert shipped_font_width(text, bold, size) == pdf.get_string_width(text)


# Tables and paragraphs are drawn by sessions/export/pdf/text_setting.py, not by fpdf2's table() and text
# columns: what a reader sees must stay as it was, and hold for tables longer than a page.

CREATED = dt.datetime(2026, 5, 14, 10, 54, tzinfo=dt.UTC)
MM = 72 / 25.4
TOP, BOTTOM, LEFT, RIGHT = 20.0, 277.0, 30.0, 190.0  # the text area of the A4 page (30 mm left for binding), in mm


def _runs(data: bytes) -> list[list[tuple[float, float, str, float, str]]]:
    """Per page, each run of text: (x, baseline y from the top, both in mm; font name; size in pt; text)."""
    pages = []
    for page in PdfReader(io.BytesIO(data)).pages:
        height = float(page.mediabox.height)
        runs: list[tuple[float, float, str, float, str]] = []

        def visit(text: str, cm: list[float], tm: list[float], font: dict, size: float, runs=runs, height=height):
            if text.strip():
                x, y = (cm[4] + tm[4]) / MM, (height - cm[5] - tm[5]) / MM
                runs.append((round(x, 1), round(y, 1), str(font["/BaseFont"]), size, text.strip()))

        page.extract_text(visitor_text=visit)
        pages.append(runs)
    return pages


def _body(page: list, number: int) -> list:
    """A page's runs without its page number (in the top margin)."""
    return [run for run in page if not (run[1] < TOP and run[4] == str(number))]


def _right_edge(run: tuple[float, float, str, float, str]) -> float:
    from sessions.export.column_widths import shipped_font_width

    x, _, font, size, text = run
    return x + shipped_font_width(text, font.endswith("Bold"), size)


def _long_table() -> Table:
    rows = [
        [
            str(number),
            f"SK-2026-{number:03d}",
            f"Sáng kiến số {number}: " + "cải tiến quy trình tiếp nhận người bệnh " * (1 + number % 4),
            format_vnd(1_250_000 * number),
        ]
        for number in range(1, 81)
    ]
    total = format_vnd(1_250_000 * sum(range(1, 81)))
    return Table(["TT", "Mã số", "Tên sáng kiến", "Giá trị làm lợi"], rows, [1, 3, 8, 3], ["", "", "Tổng cộng", total])


def test_a_long_table_goes_on_over_pages_under_its_bold_heading_inside_the_margins() -> None:
    table = _long_table()
    data = render_pdf(Document([Paragraph("Danh sách sáng kiến:"), table], title="thử"), CREATED)
    pages = _runs(data)
    assert len(pages) >= 3
    heading = set(table.columns)
    for number, page in enumerate(pages, start=1):
        body = _body(page, number)
        on_top = [run for run in body if run[1] == min(r[1] for r in body if r[4] in heading)]
        assert {run[4] for run in on_top} == heading  # the heading on every page of the table
        assert all(run[2].endswith("Bold") for run in on_top)
        if number > 1:
            assert min(run[1] for run in body) == on_top[0][1]  # above the rows it heads
        for run in body:  # nothing beyond the margins, nothing under the page number
            assert run[0] >= LEFT and _right_edge(run) <= RIGHT + 0.05, run
            assert TOP < run[1] <= BOTTOM, run
    flat = " ".join(" ".join(run[4] for run in page) for page in pages).split()
    text = " ".join(flat)
    for row in [*table.rows, table.total_row]:
        for cell in row:
            assert " ".join(cell.split()) in text, cell  # every cell whole, its lines in order
    column = min(run[0] for run in pages[0] if run[4] == "Giá trị làm lợi") - 5
    amounts = [run for page in pages for run in page if run[0] > column and run[4] != "Giá trị làm lợi"]
    assert {word for run in amounts for word in run[4].split()} >= {"100.000.000", "1.250.000", "đồng"}
    assert len({round(_right_edge(run), 1) for run in amounts}) == 1  # right-aligned in their column
    total = next(run for run in pages[-1] if run[4] == "Tổng cộng")
    last_row = [run for run in _body(pages[-1], len(pages)) if run[1] >= total[1] - 3]
    assert " ".join(run[4] for run in last_row) == "Tổng cộng " + table.total_row[3]
    assert all(run[2].endswith("Bold") for run in last_row)  # the total row in bold


def test_a_cell_longer_than_a_page_goes_on_over_the_next_page() -> None:
    words = [f"từ{number}" for number in range(2500)]
    table = Table(["Mã", "Ý kiến"], [["SK-1", " ".join(words)], ["SK-2", "ngắn"]], [1, 6])
    pages = _runs(render_pdf(Document([table], title="thử"), CREATED))
    assert len(pages) >= 3
    printed = [word for page in pages for run in page for word in run[4].split() if word.startswith("từ")]
    assert printed == words
    for number, page in enumerate(pages, start=1):
        assert "Ý kiến" in {run[4] for run in page}
        assert all(TOP < run[1] <= BOTTOM for run in _body(page, number))
    assert "SK-2" in {run[4] for run in pages[-1]}


def _drawn_by_fpdf2(blocks: list) -> bytes:
    """Paragraphs and tables as fpdf2's text columns and table() drew them (the code before pdf/text_setting.py)."""
    from fpdf.enums import Align
    from fpdf.fonts import FontFace

    from sessions.export import pdf as pdf_module
    from sessions.export.column_widths import FAMILY

    pdf = pdf_module.MinutesPDF()
    pdf.add_page()
    for block in blocks:
        if isinstance(block, Paragraph):
            style = ("B" if block.bold else "") + ("I" if block.italic else "")
            pdf.set_font(FAMILY, "", pdf_module.BODY_PT)
            with (
                pdf.text_columns(text_align="J", line_height=pdf_module.LINE) as columns,
                columns.paragraph(first_line_indent=10, bottom_margin=1.2) as paragraph,
            ):
                if block.label:
                    pdf.set_font(FAMILY, "B", pdf_module.BODY_PT)
                    paragraph.write(block.label)
                pdf.set_font(FAMILY, style, pdf_module.BODY_PT)
                paragraph.write(block.text)
            pdf.set_font(FAMILY, "", pdf_module.BODY_PT)
            continue
        rows = block.rows + ([block.total_row] if block.total_row else [])
        aligns = [pdf_module._column_align([row[i] for row in rows]) for i in range(len(block.columns))]
        size, width, widths = pdf_module._table_layout(pdf, block)
        pdf.set_font(FAMILY, "", size)
        bold = FontFace(emphasis="BOLD")
        # Centred on the text column (the minutes' layout), where table() would centre on the page.
        pdf.set_x(pdf.l_margin + (pdf.epw - width) / 2)
        with pdf.table(
            align="LEFT",
            col_widths=tuple(widths),
            width=width,
            line_height=pdf.line_height(size) * 0.9,
            padding=(1, pdf_module.CELL_PAD),
            text_align="LEFT",
            headings_style=bold,
            repeat_headings=1,
        ) as drawn:
            heading = drawn.row()
            for text in block.columns:
                heading.cell(text, align=Align.C)
            for number, values in enumerate(rows, start=1):
                row = drawn.row()
                for col, text in enumerate(values):
                    is_total = block.total_row is not None and number == len(rows)
                    row.cell(text, align=aligns[col], style=bold if is_total else None)
        pdf.ln(3)
        pdf.set_font(FAMILY, "", pdf_module.BODY_PT)
    return bytes(pdf.output())


def _drawn_now(blocks: list) -> bytes:
    from sessions.export import pdf as pdf_module

    pdf = pdf_module.MinutesPDF()
    pdf.add_page()
    for block in blocks:
        if isinstance(block, Paragraph):
            pdf_module._paragraph(pdf, block)
        else:
            pdf_module._table(pdf, block)
    return bytes(pdf.output())


def test_tables_and_paragraphs_look_as_fpdf2_drew_them(demo_dir: Path, monkeypatch) -> None:
    """Every line where fpdf2 put it, in the same face: justified and indented paragraphs, bold lead-ins,
    multi-line and right-aligned cells, soft hyphens, no-break spaces, line feeds, words longer than a line."""
    from sessions.export import pdf as pdf_module
    from sessions.export.minutes import build_minutes

    record, report = _record(demo_dir)
    minutes = build_minutes(record, report.chain_head)
    sentence = "Sáng kiến cải tiến quy trình tiếp nhận người bệnh tại khoa Khám bệnh, giảm thời gian chờ"
    blocks = [b for b in minutes.blocks if isinstance(b, Paragraph | Table)][:40]
    blocks += [
        Paragraph(sentence * 3, label="Tác giả: "),
        Paragraph(sentence + "  hai  dấu cách và\u00a0không\u00a0ngắt", bold=True),
        Paragraph("mềm\u00adgạch\u00adnối " * 20, italic=True),
        Paragraph("dòng một\ndòng hai\n\nbốn " + "X" * 150 + " sau", label="Biểu quyết:"),
        # (without its total row, which the minutes keep with the row above it where fpdf2 left it alone)
        dataclasses.replace(_long_table(), total_row=None),
        Table(["Mã", "Tên", "Điểm"], [[f"SK-{i}", ("mềm\u00adgạch " + sentence)[: 30 * i], "21,50"] for i in range(6)]),
    ]
    # fpdf2's text columns know no widow control: compared with page breaks wherever a line no longer fits.
    monkeypatch.setattr(pdf_module, "_lines_here", lambda count, fit, first, top: min(count, fit))
    monkeypatch.setattr(pdf_module, "_make_room", lambda pdf, needed: None)  # nor keeps a small table whole
    drawn_before, drawn_now = _drawn_by_fpdf2(blocks), _drawn_now(blocks)
    before, now = _runs(drawn_before), _runs(drawn_now)
    assert len(now) == len(before) > 3
    for number, (old, new) in enumerate(zip(before, now, strict=True), start=1):
        # fpdf2's table() moved the page number of a page it broke, since it shifts the left margin
        assert _body(new, number) == _body(old, number)
    # justified lines stretched as fpdf2 stretched them: the same shift before each space
    assert _stretches(drawn_now) == _stretches(drawn_before)
    assert sum(len(page) for page in _stretches(drawn_now)) > 100


def _stretches(data: bytes) -> list[list[bytes]]:
    """Per page, the shifts written before the spaces of justified lines (``-123.456(`` in a TJ array)."""
    import re

    pages = PdfReader(io.BytesIO(data)).pages
    return [re.findall(rb"(-?\d+\.\d{3})\(", page.get_contents().get_data()) for page in pages]
