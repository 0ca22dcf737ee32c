"""The PDF minutes, read back with pypdf: what an archive keeps."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from models.i18n import set_language
from models.labels import conclusion_label
from models.poll import PollMode, PollStatus
from sessions.exporting import render
from sessions.storage import DataFolder
from tests.conftest import FIRST, PLANNED
from tui.cli import main


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
        "SỞ Y TẾ TỈNH BẾN TRE",
        "BỆNH VIỆN ĐA KHOA TỈNH BẾN TRE",
        "HỘI ĐỒNG SÁNG KIẾN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]
    assert "Số: ....../BB-HĐSK Bến Tre, ngày 14 tháng 05 năm 2026" in lines
    assert "BIÊN BẢN HỌP HỘI ĐỒNG SÁNG KIẾN" in lines
    assert "PHIÊN HỌP XÉT CÔNG NHẬN SÁNG KIẾN ĐỢT 1 NĂM 2026" in lines


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
    assert "Biên bản đã được đọc lại và các thành viên nhất trí." in last
    for number, page in enumerate(pages, start=1):
        assert page.splitlines()[-1] == str(number) or f"\n{number}\n" in page


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
    assert all("DejaVuSerif" in name for name in fonts)
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
        "Bến Tre, 14 May 2026",
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

    from sessions.export.layout import FAMILY, add_fonts, shipped_font_width

    pdf = FPDF(unit="mm")
    add_fonts(pdf)
    for text in ["SK-2026-01", "1.250.000 đồng", "Nguyễn Thị Ánh Tuyết", "Tên 😀 中文", "", "W" * 60, "Điểm TB"]:
        for bold in (False, True):
            for size in (10, 11, 12.5):
                pdf.set_font(FAMILY, "B" if bold else "", size)
                assert shipped_font_width(text, bold, size) == pdf.get_string_width(text)
