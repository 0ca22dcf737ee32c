"""Formula injection: text a user typed or imported never becomes a live formula in a spreadsheet we write."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from models.session import Conclusion
from sessions.export.statistics import render_stats
from sessions.exporting import render
from sessions.importing import preview_initiatives
from sessions.stats import compute_stats
from sessions.storage import DataFolder
from tests.conftest import FIRST, PLANNED

LINK = '=HYPERLINK("http://x","click")'
HOSTILE = {"title": LINK, "unit": "=1+1", "category": "+SUM(1,2)", "field": "@cmd", "code": "-2+3"}


@pytest.fixture
def hostile(demo_dir: Path):
    """The decided demo session with its first recognised initiative's texts made into formulas."""
    record = DataFolder(demo_dir).load_record(FIRST)[0]
    target = next(i for i in record.agenda_items() if record.conclusion(i.id) == Conclusion.RECOGNISED)
    authors = [target.authors[0].model_copy(update={"name": "=2*3"}), *target.authors[1:]]
    changed = target.model_copy(update={**HOSTILE, "authors": authors})
    return record.model_copy(update={"initiatives": {**record.initiatives, target.id: changed}})


def _sheet_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("xl/worksheets/sheet1.xml").decode("utf-8")


def _all_values(data: bytes) -> list[object]:
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    return [cell.value for row in sheet.iter_rows() for cell in row]


def _check_xlsx(data: bytes, text: str) -> None:
    xml = _sheet_xml(data)
    assert "<f>" not in xml and "<f " not in xml, "a formula was written"
    assert text in xml  # the text is there, as a string
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    texts = [cell for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)]
    assert all(cell.data_type == "s" for cell in texts)


def test_recognition_xlsx_writes_formula_like_text_as_string_cells(hostile) -> None:
    data = render(hostile, "xlsx")
    _check_xlsx(data, "HYPERLINK")
    values = _all_values(data)
    assert LINK in values
    assert "=1+1" in values


def test_recognition_csv_neutralises_every_formula_start(hostile) -> None:
    rows = list(csv.reader(io.StringIO(render(hostile, "csv").decode("utf-8-sig"))))
    fields = [field for row in rows for field in row]
    assert "'" + LINK in fields
    assert "'=1+1" in fields
    assert not any(field.startswith(("=", "+", "-", "@", "\t", "\r")) for field in fields)


def test_statistics_xlsx_and_csv_are_safe_too(hostile) -> None:
    stats = compute_stats([hostile])
    created = dt.datetime(2026, 5, 14, 17, 0, tzinfo=dt.UTC)
    _check_xlsx(render_stats(stats, "xlsx", created), "=1+1")
    assert "=1+1" in _all_values(render_stats(stats, "xlsx", created))
    text = render_stats(stats, "csv", created).decode("utf-8-sig")
    fields = [field for row in csv.reader(io.StringIO(text)) for field in row]
    assert "'=1+1" in fields and "'+SUM(1,2)" in fields
    assert not any(field.startswith(("=", "+", "-", "@", "\t", "\r")) for field in fields)


def test_importing_reads_a_formula_cell_as_its_text_and_says_so(demo_dir: Path) -> None:
    record = DataFolder(demo_dir).load_record(PLANNED)[0]
    header = ["Mã số", "Tên sáng kiến", "Loại giải pháp", "Nhóm", "Lĩnh vực", "Tác giả (tỷ lệ)", "Đơn vị"]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sáng kiến"
    sheet.append(header)
    sheet.append(["SK-2026-40", LINK, "Giải pháp kỹ thuật", "tiết kiệm", "Y tế", "Ngô Văn An (100%)", "=1+1"])
    buffer = io.BytesIO()
    book.save(buffer)
    # The hostile file as a spreadsheet program saves it: the formula with a cached value beside it.
    data = buffer.getvalue()
    xml = _sheet_xml(data)
    assert "<f>HYPERLINK" in xml
    plan = preview_initiatives(data, record, name="hostile.xlsx")
    assert plan.ok, [str(p) for p in plan.problems]
    [item] = plan.initiatives
    assert item.title == LINK
    assert item.unit == "=1+1"
    said = [str(w) for w in plan.warnings if w.key == "prep.import.formula_as_text"]
    assert len(said) == 2
    assert re.search(r"[Dd]òng 2, cột B", said[0]) and "công thức" in said[0] and "HYPERLINK" in said[0]
    assert "cột G" in said[1]


def test_many_formula_cells_are_named_up_to_ten_then_counted(demo_dir: Path) -> None:
    record = DataFolder(demo_dir).load_record(PLANNED)[0]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Mã số", "Tên sáng kiến", "Tác giả (tỷ lệ)"])
    for number in range(12):
        sheet.append([f"SK-2026-{50 + number}", f'=CONCAT("Sáng kiến ",{number})', "Ngô Văn An (100%)"])
    buffer = io.BytesIO()
    book.save(buffer)
    plan = preview_initiatives(buffer.getvalue(), record, name="many.xlsx")
    keys = [w.key for w in plan.warnings]
    assert keys.count("prep.import.formula_as_text") == 10
    [more] = [w for w in plan.warnings if w.key == "prep.import.formulas_more"]
    assert "2" in str(more)
