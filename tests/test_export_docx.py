"""The Word minutes, read back with python-docx: what the secretary prints and the chair signs."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from lxml import etree
from pypdf import PdfReader

from cli import main
from models.i18n import set_language
from models.labels import conclusion_label
from models.poll import PollMode, PollStatus
from sessions.exporting import export_session, render
from sessions.storage import DataFolder
from tests.conftest import FIRST, PLANNED

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _record(demo_dir: Path, session: str = FIRST):
    return DataFolder(demo_dir).load_record(session)


def _open(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def _paragraphs(document: docx.document.Document) -> list[str]:
    return [p.text for p in document.paragraphs]


def _all_text(document: docx.document.Document) -> str:
    parts = _paragraphs(document)
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


@pytest.fixture
def minutes(demo_dir: Path):
    record, report = _record(demo_dir)
    data = render(record, "docx", report.chain_head)
    return record, data, _open(data)


def test_header_has_the_unit_the_national_title_and_the_place_and_date(minutes) -> None:
    _, _, document = minutes
    header = document.tables[0]
    left, right = header.cell(0, 0), header.cell(0, 1)
    assert [p.text for p in left.paragraphs if p.text] == [
        "SỞ Y TẾ TỈNH VĨNH LONG",
        "BỆNH VIỆN NGUYỄN ĐÌNH CHIỂU",
        "HỘI ĐỒNG SÁNG KIẾN",
    ]
    # the superior unit in plain capitals, the issuing units in bold (Decree 30/2020)
    assert not left.paragraphs[0].runs[0].bold
    assert left.paragraphs[1].runs[0].bold and left.paragraphs[2].runs[0].bold
    assert [p.text for p in right.paragraphs] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    motto = right.paragraphs[1].runs[0]
    assert motto.bold and motto.underline
    assert header.cell(1, 0).text == "Số: ....../BB-HĐSK"
    place = header.cell(1, 1).paragraphs[0]
    assert place.text == "Vĩnh Long, ngày 14 tháng 5 năm 2026"
    assert place.runs[0].italic
    # the header is borderless
    borders = header._tbl.tblPr.find(f"{W}tblBorders")
    assert {b.get(f"{W}val") for b in borders} == {"nil"}


def test_title_is_centred_bold_and_names_the_session(minutes) -> None:
    _, _, document = minutes
    paragraphs = document.paragraphs
    title = next(p for p in paragraphs if p.text == "BIÊN BẢN HỌP HỘI ĐỒNG SÁNG KIẾN")
    assert title.alignment == 1  # centre
    assert all(run.bold for run in title.runs)
    # Decree 30/2020: the subject under the kind of document in sentence case, bold, a short rule below it
    subject = paragraphs[paragraphs.index(title) + 1]
    assert subject.text == "Phiên họp xét công nhận sáng kiến đợt 1 năm 2026"
    assert subject.alignment == 1 and all(run.bold for run in subject.runs)
    rule = paragraphs[paragraphs.index(title) + 2]
    border = rule._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
    assert rule.text == "" and border.get(qn("w:val")) == "single"
    indent = rule.paragraph_format.left_indent
    assert indent == rule.paragraph_format.right_indent and indent.cm > 5  # short: less than a third of the line
    assert not any("DỰ THẢO" in p for p in _paragraphs(document))


def test_every_initiative_has_its_heading_and_conclusion_in_agenda_order(minutes) -> None:
    record, _, document = minutes
    texts = _paragraphs(document)
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    items = record.agenda_items()
    assert len(headings) == len(items) == 9
    for number, (heading, initiative) in enumerate(zip(headings, items, strict=True), start=1):
        assert heading == f"{number}. {initiative.code}: {initiative.title}"
    conclusions = [p.removeprefix("Kết luận: ") for p in texts if p.startswith("Kết luận: ")]
    assert conclusions == [conclusion_label(record.conclusion(i.id)) for i in items]
    assert conclusions.count("Công nhận") == 6
    # the law wants a written reason for each refusal
    assert "Lý do: Không có tính mới so với chương trình đào tạo liên tục của Sở Y tế đã áp dụng từ năm 2024." in texts


def test_vote_tables_show_the_recorded_counts(minutes) -> None:
    record, _, document = minutes
    vote_tables = [t for t in document.tables if t.rows[0].cells[0].text == "Ý kiến"]
    polls = [p for i in record.agenda_items() for p in record.polls_for(i.id) if p.status == PollStatus.CLOSED]
    counted = [p for p in polls if p.mode != PollMode.SCORING]
    assert len(vote_tables) == len(counted) >= 6
    for table, poll in zip(vote_tables, counted, strict=True):
        counts = {row.cells[0].text: int(row.cells[1].text) for row in table.rows[1:]}
        assert counts["Đồng ý"] == poll.result.counts.yes
        assert counts["Không đồng ý"] == poll.result.counts.no
        assert counts["Không biểu quyết"] == poll.result.counts.abstain
        if poll.mode == PollMode.PAPER:
            assert counts["Phiếu không hợp lệ"] == poll.result.counts.invalid
    # SK-2026-05: 3 yes, 2 no, 1 abstain
    assert [int(r.cells[1].text) for r in vote_tables[4].rows[1:4]] == [3, 2, 1]
    # a scoring poll shows the mean score of each criterion instead
    if any(p.mode == PollMode.SCORING for p in polls):
        scores = next(t for t in document.tables if t.rows[0].cells[0].text == "Tiêu chí")
        assert scores.rows[-1].cells[0].text == "Tổng điểm"


def test_attendance_table_and_quorum(minutes) -> None:
    _, _, document = minutes
    attendance = next(t for t in document.tables if t.rows[0].cells[1].text == "Họ và tên")
    assert len(attendance.rows) == 8
    assert attendance.rows[6].cells[4].text == "vắng mặt (Đi công tác tại Sở Y tế)"
    assert any(p.startswith("Có mặt 6/7 thành viên Hội đồng") for p in _paragraphs(document))
    # the heading row repeats on each page, and no row is cut in two by a page break
    assert attendance.rows[0]._tr.trPr.find(f"{W}tblHeader") is not None
    for table in document.tables[1:]:
        assert all(row._tr.trPr.find(f"{W}cantSplit") is not None for row in table.rows)
    # a vote table stays on one page: each row keeps with the next
    votes = next(t for t in document.tables if t.rows[0].cells[0].text == "Ý kiến")
    assert all(row.cells[0].paragraphs[0].paragraph_format.keep_with_next for row in votes.rows[:-1])


def test_summary_table_money_and_dates(minutes) -> None:
    _, _, document = minutes
    summary = next(t for t in document.tables if t.rows[0].cells[-1].text == "Hiệu quả xác nhận")
    codes = [row.cells[1].text for row in summary.rows[1:-1]]
    assert codes == ["SK-2026-01", "SK-2026-02", "SK-2026-03", "SK-2026-04", "SK-2026-06", "SK-2026-08"]
    assert summary.rows[1].cells[-1].text == "86.500.000 đồng"
    assert summary.rows[2].cells[-1].text == "không tính được thành tiền"
    total = summary.rows[-1]
    assert total.cells[2].text == "Tổng cộng" and total.cells[-1].text == "246.500.000 đồng"
    assert all(run.bold for run in total.cells[-1].paragraphs[0].runs)
    text = _all_text(document)
    assert "ngày 05/03/2026" in text and "ngày 14/05/2026" in text
    assert "Tổng giá trị làm lợi được xác nhận: 246.500.000 đồng; 3 sáng kiến" in text


def test_signature_blocks_side_by_side_with_names_in_bold(minutes) -> None:
    record, _, document = minutes
    signatures = document.tables[-1]
    assert len(signatures.columns) == 2
    secretary, chair = (signatures.cell(0, i) for i in range(2))
    assert secretary.paragraphs[0].text == "THƯ KÝ" and chair.paragraphs[0].text == "CHỦ TỊCH HỘI ĐỒNG"
    assert secretary.paragraphs[-1].text == record.member(record.session.secretary_id).name == "Lê Hoàng Nam"
    assert chair.paragraphs[-1].text == record.member(record.session.chair_id).name == "Nguyễn Văn Hùng"
    assert chair.paragraphs[-1].runs[0].bold
    # room to sign between the title and the name
    assert sum(1 for p in chair.paragraphs if not p.text) >= 3
    # the closing lines are kept on the page of the signatures
    read_back = next(p for p in document.paragraphs if p.text.startswith("Biên bản đã được đọc lại"))
    assert read_back.paragraph_format.keep_with_next


def test_page_is_a4_in_times_new_roman_with_page_numbers(minutes) -> None:
    _, _, document = minutes
    section = document.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)
    assert round(section.left_margin.cm) == 3 and round(section.right_margin.cm) == 2
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size == Pt(13)
    # Decree 30/2020: the page number at the top, centred, in the body size, not on the first page
    assert section.different_first_page_header_footer
    assert "PAGE" not in etree.tostring(section.first_page_header._element, encoding="unicode")
    [number] = section.header.paragraphs
    assert number.alignment == WD_ALIGN_PARAGRAPH.CENTER
    header_xml = etree.tostring(section.header._element, encoding="unicode")
    assert " PAGE " in header_xml and 'fldCharType="begin"' in header_xml
    assert all(run.font.size == Pt(13) for run in number.runs)
    assert "PAGE" not in etree.tostring(section.footer._element, encoding="unicode")


def test_all_text_is_nfc(minutes) -> None:
    _, _, document = minutes
    text = _all_text(document)
    assert text == unicodedata.normalize("NFC", text)


# Children of a properties element must come in schema order, or Word reports the file as damaged.
ORDER = {
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd tabs "
    "suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd "
    "snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
    "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid "
    "vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl cs em "
    "lang eastAsianLayout specVanish oMath",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc tblCellSpacing "
    "tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign hideMark",
}


def test_word_xml_keeps_schema_order(minutes) -> None:
    _, data, _ = minutes
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for part in ("word/document.xml", "word/styles.xml", "word/footer1.xml"):
            if part not in archive.namelist():
                continue
            root = etree.fromstring(archive.read(part))
            for name, sequence in ORDER.items():
                order = sequence.split()
                for element in root.iter(f"{W}{name}"):
                    children = [etree.QName(c).localname for c in element]
                    positions = [order.index(c) for c in children]
                    assert positions == sorted(positions), f"{part}: {name} children out of order: {children}"


def test_two_exports_are_identical_and_dated_by_the_session(demo_dir: Path) -> None:
    record, report = _record(demo_dir)
    first = render(record, "docx", report.chain_head)
    assert render(record, "docx", report.chain_head) == first
    document = _open(first)
    ended = dt.datetime.combine(record.session.date, record.session.end_time)
    assert ended.date() == dt.date(2026, 5, 14)
    # the end of the meeting in Vĩnh Long (UTC+7), stored in UTC
    utc = (ended - dt.timedelta(hours=7)).replace(tzinfo=dt.UTC)
    assert document.core_properties.created == utc
    assert document.core_properties.modified == utc
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {i.date_time for i in archive.infolist()} == {ended.timetuple()[:6]}
        assert "docProps/thumbnail.jpeg" not in archive.namelist()


def test_english_minutes(demo_dir: Path) -> None:
    set_language("en")
    record, report = _record(demo_dir)
    document = _open(render(record, "docx", report.chain_head))
    text = _all_text(document)
    for expected in (
        "SOCIALIST REPUBLIC OF VIETNAM",
        "Independence - Freedom - Happiness",
        "Vĩnh Long, 14 May 2026",
        "MINUTES OF THE INITIATIVE COUNCIL MEETING",
        "Conclusion: Recognised",
        "246,500,000 VND",
        "SECRETARY",
        "CHAIR OF THE COUNCIL",
        "(Signature and full name)",
    ):
        assert expected in text
    assert "Công nhận" not in text
    assert document.core_properties.language == "en-GB"


def test_a_session_not_closed_is_marked_as_draft(demo_dir: Path) -> None:
    record, report = _record(demo_dir, PLANNED)
    document = _open(render(record, "docx", report.chain_head))
    assert "(DỰ THẢO: phiên họp chưa kết thúc)" in _paragraphs(document)
    assert sum(1 for p in _paragraphs(document) if p == "Kết luận: chưa kết luận") == 12


def test_cli_writes_the_docx_with_the_default_name(demo_dir: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["export", FIRST, "--data", str(demo_dir), "--format", "docx", "--lang", "vi"]) == 0
    written = tmp_path / "bien-ban-14-05-2026.docx"
    assert written.exists()
    assert f"Đã ghi: {written}" in capsys.readouterr().out
    assert "BIÊN BẢN HỌP HỘI ĐỒNG SÁNG KIẾN" in _paragraphs(docx.Document(str(written)))
    assert main(["export", "2099-01-01", "--data", str(demo_dir), "--format", "docx"]) == 2


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_the_docx(demo_dir: Path, tmp_path: Path) -> None:
    path = export_session(demo_dir, FIRST, "docx", tmp_path / "minutes.docx")
    profile = tmp_path / "profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    reader = PdfReader(tmp_path / "minutes.pdf")
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "BIÊN BẢN HỌP HỘI ĐỒNG SÁNG KIẾN" in text
    assert "Nguyễn Văn Hùng" in text and "246.500.000 đồng" in text
    assert len(reader.pages) >= 5


def test_copied_rows_and_paragraphs_keep_every_text_and_format() -> None:
    """Table rows and paragraphs are copies of a model: each still holds its own text, spaces, tabs and
    line breaks, the total row is bold, and a lead-in stays bold before ordinary text."""
    from sessions.export.document import Document, Heading, Paragraph, Table
    from sessions.export.docx import render_docx

    texts = ["một", "  hai dấu cách trước", "sau ", "tab\tgiữa", "dòng một\ndòng hai", "", "X"]
    rows = [[f"SK-{i}", text, f"{i},50"] for i, text in enumerate(texts)]
    blocks = [Heading(text or "trống") for text in texts]
    blocks += [Paragraph(text, label="Tác giả: ") for text in texts] + [Paragraph(text) for text in texts]
    blocks += [Table(["Mã", "Tên", "Điểm"], rows * 2, total_row=["", "Tổng", "99"])]
    data = render_docx(Document(blocks=blocks, title="thử"), dt.datetime(2026, 5, 14, 10, 54, tzinfo=dt.UTC))
    word = docx.Document(io.BytesIO(data))
    paragraphs = [p.text for p in word.paragraphs if p.text]
    assert paragraphs[: len(texts)] == [text or "trống" for text in texts]
    assert [p for p in paragraphs if p.startswith("Tác giả: ")] == [f"Tác giả: {text}" for text in texts]
    labelled = [p for p in word.paragraphs if p.text.startswith("Tác giả: ") and len(p.runs) == 2]
    assert labelled and all(p.runs[0].bold and not p.runs[1].bold for p in labelled)
    table = word.tables[-1]
    cells = [[cell.text for cell in row.cells] for row in table.rows]
    assert cells == [["Mã", "Tên", "Điểm"], *rows, *rows, ["", "Tổng", "99"]]
    assert all(run.bold for cell in table.rows[-1].cells for p in cell.paragraphs for run in p.runs)
    assert not any(run.bold for cell in table.rows[1].cells for p in cell.paragraphs for run in p.runs)
    spaced = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    preserved = {t.text for t in spaced.iter("{*}t") if t.get("{http://www.w3.org/XML/1998/namespace}space")}
    assert {"  hai dấu cách trước", "sau ", "Tác giả: "} <= preserved
    assert "một" not in preserved


def test_tables_of_the_same_form_keep_their_own_widths_texts_and_page_keeping() -> None:
    """Tables formatted alike are copies of one model: each still has its own column widths (from its
    own longest word), headings and cells; a small table keeps each row but its last with the next; an
    empty one is just its heading row; a long one is not kept together."""
    from sessions.export.document import Document, Table
    from sessions.export.docx import render_docx

    long_word = "Chống-nhiễm-khuẩn-bệnh-viện-toàn-diện"
    blocks = [
        Table(["Ý kiến", "Số phiếu"], [["Đồng ý", "11"], ["Không đồng ý", "2"], ["Không có ý kiến", "2"]], [1, 3]),
        Table(["Lựa chọn", "Phiếu"], [[long_word, "3"], ["Khác", "1"]], [1, 3]),
        Table(["Ý kiến", "Số phiếu"], []),
        Table(["Ý kiến", "Số phiếu"], [["Đồng ý", "1"]] * 9),
    ]
    data = render_docx(Document(blocks=blocks, title="thử"), dt.datetime(2026, 5, 14, 10, 54, tzinfo=dt.UTC))
    first, second, empty, long = docx.Document(io.BytesIO(data)).tables
    assert [[c.text for c in r.cells] for r in first.rows] == [
        ["Ý kiến", "Số phiếu"],
        ["Đồng ý", "11"],
        ["Không đồng ý", "2"],
        ["Không có ý kiến", "2"],
    ]
    assert [[c.text for c in r.cells] for r in second.rows] == [["Lựa chọn", "Phiếu"], [long_word, "3"], ["Khác", "1"]]
    # the long word widens its column in its own table only, in the grid and in every cell
    assert second.columns[0].width > first.columns[0].width
    for table in (first, second):
        assert all(r.cells[i].width == table.columns[i].width for r in table.rows for i in range(2))

    def kept(table) -> list[bool]:
        return [bool(r.cells[0].paragraphs[0].paragraph_format.keep_with_next) for r in table.rows]

    assert kept(first) == [True, True, True, False] and kept(second) == [True, True, False]
    assert [[c.text for c in r.cells] for r in empty.rows] == [["Ý kiến", "Số phiếu"]] and kept(empty) == [False]
    assert not any(kept(long))


def test_the_stored_font_widths_are_the_shipped_fonts_own() -> None:
    """Column widths are measured with widths stored beside the fonts: they are the fonts' own figures."""
    from sessions.export.column_widths import _advances, read_font_advances

    for bold in (False, True):
        assert _advances(bold) == read_font_advances(bold)


def test_the_file_is_what_python_docx_would_save_with_the_session_date_on_every_entry() -> None:
    """The Word file is written in one pass: the same bytes as python-docx's own save, each zip
    entry then dated with the session's date."""
    from sessions.export.docx import _package
    from sessions.export.zipnorm import normalise_zip

    word = docx.Document()
    word.add_paragraph("Biên bản họp Hội đồng sáng kiến").runs[0].font.size = Pt(13)
    word.add_table(rows=2, cols=3).cell(1, 2).text = "86.500.000 đồng"
    created = dt.datetime(2026, 5, 14, 10, 54, tzinfo=dt.UTC)
    saved = io.BytesIO()
    word.save(saved)
    ours = _package(word, created)
    assert ours == normalise_zip(saved.getvalue(), created)
    assert {info.date_time for info in zipfile.ZipFile(io.BytesIO(ours)).infolist()} == {(2026, 5, 14, 10, 54, 0)}
