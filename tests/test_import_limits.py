"""Imports that would take all the memory or time: zip bombs and giant cells are refused before they are unpacked."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from sessions.importing import preview_initiatives
from sessions.importing.reader import MAX_CELL_CHARS, MAX_SHEET_CELLS
from sessions.storage import DataFolder
from tests.conftest import PLANNED
from tests.test_import import GOOD, HEADER, csv_bytes, journal_bytes, xlsx

ROOT = Path(__file__).resolve().parents[1]
MEMORY_LIMIT = 1536 * 1024 * 1024  # far below the gigabytes such a file took, well above what a real import needs


def _replace_part(data: bytes, part: str, content: bytes) -> bytes:
    """``data`` (an XLSX) with one part's content replaced, deflated as Excel does."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = content if info.filename == part else source.read(info.filename)
            target.writestr(info.filename, body, compresslevel=9)
    return out.getvalue()


def sheet_bomb() -> bytes:
    """A small XLSX whose sheet unpacks to about 400 MB of cells (one endless row)."""
    base = xlsx({"Sáng kiến": [HEADER, GOOD]})
    cells = b'<c r="A2" t="inlineStr"><is><t>x</t></is></c>' * 9_000_000
    sheet = (
        b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main"><sheetData><row r="1">' + cells + b"</row></sheetData></worksheet>"
    )
    return _replace_part(base, "xl/worksheets/sheet1.xml", sheet)


def shared_string_bomb(length: int) -> bytes:
    """An XLSX whose title cell (B2) is one shared string of ``length`` characters, as Excel writes long text."""
    base = xlsx({"Sáng kiến": [HEADER, GOOD]})
    with zipfile.ZipFile(io.BytesIO(base)) as source:
        parts = {info.filename: source.read(info.filename) for info in source.infolist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    start = sheet.index(b'<c r="B2"')
    end = sheet.index(b"</c>", start) + len(b"</c>")
    parts["xl/worksheets/sheet1.xml"] = sheet[:start] + b'<c r="B2" t="s"><v>0</v></c>' + sheet[end:]
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    parts["xl/sharedStrings.xml"] = (
        f'<sst xmlns="{main}" count="1" uniqueCount="1"><si><t>'.encode() + b"A" * length + b"</t></si></sst>"
    )
    kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", f'<Override PartName="/xl/sharedStrings.xml" ContentType="{kind}"/></Types>'.encode()
    )
    relation = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        f'<Relationship Id="rIdS" Type="{relation}" Target="sharedStrings.xml"/></Relationships>'.encode(),
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, body in parts.items():
            target.writestr(name, body, compresslevel=9)
    return out.getvalue()


def _import_limited(demo_dir: Path, tmp_path: Path, data: bytes, *extra: str) -> subprocess.CompletedProcess:
    """`council import` of ``data`` in a child process that may use at most MEMORY_LIMIT of address space."""
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(data)
    script = (
        "import resource, sys\n"
        f"resource.setrlimit(resource.RLIMIT_AS, ({MEMORY_LIMIT}, {MEMORY_LIMIT}))\n"
        "from cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    argv = ["import", str(path), "--data", str(demo_dir), "--session", PLANNED, "--lang", "en", *extra]
    return subprocess.run(
        [sys.executable, "-c", script, *argv], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.mark.parametrize("extra", [(), ("--dry-run",)])
def test_a_zip_bomb_is_refused_under_a_memory_limit(demo_dir, tmp_path, extra):
    data = sheet_bomb()
    assert len(data) < 2 * 1024 * 1024
    before = journal_bytes(DataFolder(demo_dir))
    done = _import_limited(demo_dir, tmp_path, data, *extra)
    out = done.stdout + done.stderr
    assert done.returncode == 2, out
    assert "sheet1.xml of bomb.xlsx unpacks to 387 MB; one part may be at most 25 MB" in out, out
    assert "Traceback" not in out and "MemoryError" not in out
    assert journal_bytes(DataFolder(demo_dir)) == before


def test_a_highly_compressed_part_is_refused(record):
    plan = preview_initiatives(shared_string_bomb(20_000_000), record, name="a.xlsx")
    [problem] = plan.problems
    assert "Phần xl/sharedStrings.xml của tệp a.xlsx bị nén 1022 lần (chỉ chấp nhận tối đa 100 lần)" in str(problem)


def test_a_huge_shared_string_is_refused(demo_dir, tmp_path):
    done = _import_limited(demo_dir, tmp_path, shared_string_bomb(30_000_000), "--dry-run")
    out = done.stdout + done.stderr
    assert done.returncode == 2, out
    assert "sharedStrings.xml" in out, out
    assert "Traceback" not in out


def test_a_cell_longer_than_excel_allows_is_refused_with_its_place(record):
    plan = preview_initiatives(shared_string_bomb(MAX_CELL_CHARS + 1), record, name="a.xlsx")
    assert not plan.ok
    [problem] = plan.problems
    assert "B2" in str(problem) and str(MAX_CELL_CHARS) in str(problem)


def test_a_csv_cell_longer_than_excel_allows_is_refused(record):
    row = [*GOOD]
    row[1] = "x" * (MAX_CELL_CHARS + 5)
    plan = preview_initiatives(csv_bytes([HEADER, row]), record, name="a.csv")
    [problem] = plan.problems
    assert "B2" in str(problem)


@pytest.mark.parametrize("length", [131_073, 1_000_000])
def test_a_csv_cell_past_the_csv_modules_own_limit_is_told_as_too_long(record, length):
    """A CSV field over 131,072 characters (Python's csv limit) was "not a spreadsheet; save it as .xlsx or
    .csv", said of a .csv: it is the same too-long cell, with its place."""
    row = [*GOOD]
    row[1] = "x" * length
    plan = preview_initiatives(csv_bytes([HEADER, row]), record, name="a.csv")
    [problem] = plan.problems
    assert "B2" in str(problem) and str(length) in str(problem), str(problem)


def test_an_ordinary_workbook_passes_the_archive_check(record):
    plan = preview_initiatives(xlsx({"Sáng kiến": [HEADER, GOOD]}), record, name="a.xlsx")
    assert plan.ok, [str(p) for p in plan.problems]


@pytest.fixture
def record(demo_dir):
    return DataFolder(demo_dir).load_record(PLANNED)[0]


def test_a_sheet_of_too_many_cells_is_refused_before_openpyxl_reads_it(record):
    # one row of distinct numbers: compresses only a few times, yet openpyxl would build every cell
    cells = b"".join(b"<c><v>%d</v></c>" % (n * 7919 % 1_000_003) for n in range(MAX_SHEET_CELLS + 1))
    sheet = (
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">'
        + cells
        + b"</row></sheetData></worksheet>"
    )
    data = _replace_part(xlsx({"Sáng kiến": [HEADER, GOOD]}), "xl/worksheets/sheet1.xml", sheet)
    plan = preview_initiatives(data, record, name="a.xlsx")
    [problem] = plan.problems
    assert f"chứa {MAX_SHEET_CELLS + 1} ô" in str(problem) and str(MAX_SHEET_CELLS) in str(problem)
