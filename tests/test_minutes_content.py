"""What the minutes carry (issue 16, items 6-11), read back from the Word file (python-docx) and the PDF (pypdf)."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from pydantic import ValidationError
from pypdf import PdfReader

from models.council import CouncilInfo
from models.i18n import set_language
from models.session import Conclusion
from sessions.exporting import render
from sessions.storage import DataFolder
from tests.conftest import FIRST


@pytest.fixture
def record(demo_dir: Path):
    return DataFolder(demo_dir).load_record(FIRST)[0]


def _with_council(record, **changes):
    return record.model_copy(update={"council": record.council.model_copy(update=changes)})


def _word(record) -> docx.document.Document:
    return docx.Document(io.BytesIO(render(record, "docx")))


def _word_text(document) -> str:
    """The body's paragraphs and table cells in reading order (a merged cell once)."""
    parts = []
    for element in document.element.body.iterchildren():
        if element.tag.endswith("}p"):
            parts.append("".join(t.text or "" for t in element.iter(qn("w:t"))))
        elif element.tag.endswith("}tbl"):
            for cell in element.iter(qn("w:tc")):
                parts.append(" ".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in cell.iter(qn("w:p"))))
    return "\n".join(parts)


def _pdf_text(record) -> str:
    pages = PdfReader(io.BytesIO(render(record, "pdf"))).pages
    return " ".join(" ".join(page.extract_text().split()) for page in pages)


def _both(record) -> list[str]:
    """The Word file's text and the PDF's, each with runs of white space made one space."""
    return [" ".join(_word_text(_word(record)).split()), _pdf_text(record)]


# --- 7. legal basis


DECREE = "Căn cứ Nghị định số 13/2012/NĐ-CP ngày 02 tháng 3 năm 2012 của Chính phủ ban hành Điều lệ Sáng kiến;"
CIRCULAR = "Căn cứ Thông tư số 18/2013/TT-BKHCN ngày 01 tháng 8 năm 2013 của Bộ Khoa học và Công nghệ"


def test_the_standard_legal_basis_comes_before_the_founding_decision(record) -> None:
    assert record.council.legal_basis is None  # the default
    for text in _both(record):
        decree, circular, decision = text.find(DECREE), text.find(CIRCULAR), text.find("Căn cứ Quyết định số 215")
        assert 0 < decree < circular < decision, text[:600]


def test_a_council_prints_its_own_legal_basis_lines(record) -> None:
    own = [DECREE, "Căn cứ Quyết định số 12/QĐ-BVĐK ngày 10/01/2026 ban hành Quy chế hoạt động của Hội đồng;"]
    for text in _both(_with_council(record, legal_basis=own)):
        assert DECREE in text and "ban hành Quy chế hoạt động của Hội đồng;" in text
        assert CIRCULAR not in text
    for text in _both(_with_council(record, legal_basis=[])):
        assert DECREE not in text and "Căn cứ Quyết định số 215" in text


def test_the_english_minutes_give_the_standard_basis_in_english(record) -> None:
    set_language("en")
    text = _pdf_text(record)
    assert "Pursuant to Decree No. 13/2012/NĐ-CP of 2 March 2012" in text
    assert "Pursuant to Circular No. 18/2013/TT-BKHCN of 1 August 2013" in text


# --- 6. subject line and the closing sentence with the number of copies


def test_the_closing_sentence_says_how_many_copies(record) -> None:
    for text in _both(record):
        assert (
            "Biên bản đã được đọc lại trước Hội đồng và được các thành viên dự họp nhất trí thông qua; "
            "biên bản được lập thành 02 bản có giá trị như nhau." in text
        )
    for text in _both(_with_council(record, minutes_copies=3)):
        assert "biên bản được lập thành 03 bản có giá trị như nhau." in text
    set_language("en")
    assert "they are made in 1 copy of equal value" in _pdf_text(_with_council(record, minutes_copies=1))


def test_copies_are_a_sensible_number() -> None:
    CouncilInfo(name="Hội đồng", minutes_copies=5)
    for wrong in (0, 21):
        with pytest.raises(ValidationError):
            CouncilInfo(name="Hội đồng", minutes_copies=wrong)


def test_a_subject_typed_in_capitals_is_printed_in_sentence_case(record) -> None:
    session = record.session.model_copy(update={"title": "PHIÊN HỌP XÉT CÔNG NHẬN SÁNG KIẾN ĐỢT 2"})
    shouting = record.model_copy(update={"session": session})
    for text in _both(shouting):
        assert "Phiên họp xét công nhận sáng kiến đợt 2" in text
    # typed otherwise, kept as typed (it may hold proper names)
    assert "Phiên họp xét công nhận sáng kiến đợt 1 năm 2026" in _pdf_text(record)


# --- 8. attendance: an expert's institution


def test_an_experts_institution_is_in_the_attendance_table(record) -> None:
    document = _word(record)
    attendance = next(t for t in document.tables if t.rows[0].cells[1].text == "Họ và tên")
    expert = next(row for row in attendance.rows if row.cells[1].text == "Huỳnh Quốc Bảo")
    assert expert.cells[2].text == "TS, Giảng viên, Trường Đại học Y Dược Cần Thơ"
    assert "Trường Đại học Y Dược Cần Thơ" in _pdf_text(record)
    # members of the unit itself are not given its name again
    chair = next(row for row in attendance.rows if row.cells[1].text == "Nguyễn Văn Hùng")
    assert chair.cells[2].text == "BSCKII, Giám đốc Bệnh viện"


# --- 9. summary


def _table_after(document, heading: str):
    """The first table after the paragraph ``heading`` in the Word body."""
    body = document.element.body
    seen = False
    for element in body.iterchildren():
        if element.tag.endswith("}p") and "".join(t.text or "" for t in element.iter(qn("w:t"))) == heading:
            seen = True
        elif seen and element.tag.endswith("}tbl"):
            return next(t for t in document.tables if t._tbl is element)
    raise AssertionError(heading)


def test_the_summary_lists_every_initiative_with_its_outcome_and_reason(record) -> None:
    table = _table_after(_word(record), "Kết quả xem xét các sáng kiến:")
    assert [c.text for c in table.rows[0].cells] == ["TT", "Mã số", "Tên sáng kiến", "Kết luận", "Lý do"]
    labels = {Conclusion.RECOGNISED: "Công nhận", Conclusion.NOT_RECOGNISED: "Không công nhận"}
    labels[Conclusion.DEFERRED] = "Hoãn xem xét"
    rows = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert len(rows) == len(record.agenda_items()) == 9
    for number, (row, item) in enumerate(zip(rows, record.agenda_items(), strict=True), start=1):
        finding = record.findings[item.id]
        assert row[:4] == [str(number), item.code, item.title, labels[finding.conclusion]]
        assert row[4] == ("" if finding.conclusion == Conclusion.RECOGNISED else finding.reason)
    assert {row[3] for row in rows} == set(labels.values())


def test_the_recognised_table_has_readable_columns(record) -> None:
    """No heading broken over lines ("Phạm / vi", "Tác giả (tỷ / lệ)"), no code or amount cut in two."""
    table = _table_after(_word(record), "Danh sách sáng kiến được công nhận:")
    headings = [c.text for c in table.rows[0].cells]
    assert headings == ["TT", "Mã số", "Tên sáng kiến", "Tác giả (tỷ lệ)", "Phạm vi", "Hiệu quả xác nhận"]
    first = [c.text for c in table.rows[1].cells]
    assert first[3] == "Đặng Văn Phúc (70%)\nNgô Thị Thu (30%)"  # one author a line
    # In the PDF each of these is set on one line: a run of its own, whole
    pdf = PdfReader(io.BytesIO(render(record, "pdf")))
    runs: list[str] = []
    for page in pdf.pages:
        page.extract_text(visitor_text=lambda text, *_: runs.append(text.strip()))
    for whole in ("Tác giả (tỷ lệ)", "Phạm vi", "Mã số", "SK-2026-01", "SK-2026-08", "86.500.000 đồng"):
        assert whole in runs, whole
    assert "142.000.000 đồng" in runs and "246.500.000 đồng" in runs
    # the Word columns are at least as wide as those texts in Times New Roman (the shipped metrics)
    from sessions.export.column_widths import shipped_font_width

    grid = table._tbl.tblGrid.findall("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}gridCol")
    widths_mm = [int(col.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}w")) / 56.7 for col in grid]
    for column, text, bold in ((1, "SK-2026-01", False), (3, "Tác giả (tỷ lệ)", True), (4, "Phạm vi", True)):
        assert widths_mm[column] > shipped_font_width(text, bold, 11) + 3.8, (text, widths_mm[column])


# --- 10. wording


def test_one_sentence_says_who_could_vote_and_the_rule_shows_its_arithmetic(record) -> None:
    for text in _both(record):
        assert "Biểu quyết (biểu quyết công khai): Có mặt 6/7 thành viên có quyền biểu quyết." in text
        assert "thành viên có quyền biểu quyết, 7 thành viên được biểu quyết" not in text
        assert "2/3 × 7 = 4,67 → cần 5 phiếu; có 6 phiếu đồng ý." in text
        # the recused author leaves the base: 6 eligible, 5 of them present
        assert "6/7 thành viên được biểu quyết (1 thành viên không tham gia), trong đó 5 người có mặt." in text
        assert "2/3 × 6 = 4 → cần 4 phiếu" in text


# --- 11. English version


def test_the_english_version_reads_as_english(record) -> None:
    set_language("en")
    for text in _both(record):
        assert "English version of the minutes. Names, titles, remarks and other content typed in Vietnamese" in text
        assert "(s)" not in text
        assert "Secretary: Lê Hoàng Nam Secretary" not in text and "Lê Hoàng Nam - Secretary" not in text
        assert "14 May 2026" in text and "14/05/2026" not in text and "5 March 2026" in text
        assert "Scope of influence: Unit level" in text and "Scope of influence: Sector or province level" in text
        assert "Benefit claimed: 86,500,000 VND" in text and "86,500,000 VND. Giảm" not in text
        assert "Benefit as described in the application: Giảm nhầm lẫn" in text
        assert "2/3 × 7 = 4.67 → 5 votes needed; 6 yes." in text
        assert "benefit that cannot be quantified: 3 recognised initiatives." in text
