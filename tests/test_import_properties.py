"""Random and malformed files: the importer imports cleanly or reports problems, never crashes,
and never changes the session's data when there is a problem."""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import json
import shutil
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from models.errors import DomainError
from models.formatting import group_thousands
from models.parsing import fold, squash
from sessions.demo.build import build_demo
from sessions.importing import apply_initiatives, apply_members, preview_initiatives, preview_members
from sessions.service import SessionService
from sessions.storage import CHECKPOINT_EVENT, DataFolder
from tests.conftest import PLANNED, TODAY

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

HEADERS = [
    "Mã số",
    "Tên sáng kiến",
    "Loại giải pháp",
    "Tác giả (tỷ lệ)",
    "Giá trị làm lợi (đồng)",
    "Ngày áp dụng lần đầu",
    "Nhóm",
    "Lĩnh vực",
    "code",
    "TITLE",
    "authors",
    "Ghi chú",
    "",
]
WORDS = [
    "SK-1",
    "SK-2",
    "sk-1",
    "Nguyễn Văn A (60%); Trần Thị B (40%)",
    "Lê Hoàng Nam (100%) [m3]",
    "A (50%); B",
    "X [m99]",
    "Giải pháp kỹ thuật",
    "management",
    "1.250.000",
    "12,5",
    "không tính được",
    "05/03/2026",
    "31/02/2026",
    "2026-01-01",
    "(100%)",
    "[",
    "%",
    ";",
    '"',
    "\r\n",
    "\ufeff",
    "Cải tiến",
]


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    base = tmp_path_factory.mktemp("props") / "data"
    build_demo(DataFolder(base), TODAY)
    yield base
    shutil.rmtree(base, ignore_errors=True)


def check_import(folder: DataFolder, data: bytes, name: str) -> None:
    """The property: a plan, never an exception; with problems nothing changes; without, one record is added."""
    journal = folder.session_dir(PLANNED) / "journal.jsonl"
    before = journal.read_bytes()
    record, _ = folder.load_record(PLANNED)
    plan = preview_initiatives(data, record, name=name)
    assert all(str(p) for p in [*plan.problems, *plan.warnings])
    event("imported" if plan.ok else "refused")
    # Applying goes through a running session (lock, journal) only when there is something to write.
    service = SessionService(folder, PLANNED, read_only=not plan.ok)
    try:
        if plan.ok:
            assert len(apply_initiatives(service, plan)) == len(plan.initiatives)
        else:
            assert plan.initiatives == []
            with pytest.raises(DomainError):
                apply_initiatives(service, plan)
    finally:
        service.close()
    after = journal.read_bytes()
    if plan.ok and plan.initiatives:
        assert after.startswith(before)
        added = [json.loads(line)["type"] for line in after[len(before) :].splitlines()]
        # One record holds the whole import; closing the session adds its checkpoint's fingerprint.
        assert [kind for kind in added if kind != CHECKPOINT_EVENT] == ["initiatives_imported"]
    else:
        assert after == before


cell_text = st.one_of(st.sampled_from(WORDS), st.text(max_size=30))
csv_text = st.lists(
    st.lists(cell_text, min_size=0, max_size=8).map(lambda cells: ",".join(cells)),
    min_size=0,
    max_size=8,
).map(lambda rows: "\r\n".join(rows))


@SETTINGS
@given(header=st.lists(st.sampled_from(HEADERS), min_size=1, max_size=8), body=csv_text)
def test_random_csv_text(data_dir, header, body):
    text = ",".join(header) + "\r\n" + body
    check_import(DataFolder(data_dir), text.encode("utf-8"), "random.csv")


@SETTINGS
@given(data=st.binary(max_size=400))
def test_random_bytes(data_dir, data):
    check_import(DataFolder(data_dir), data, "random.csv")


@SETTINGS
@given(data=st.binary(max_size=200))
def test_random_bytes_behind_a_zip_signature(data_dir, data):
    check_import(DataFolder(data_dir), b"PK\x03\x04" + data, "random.xlsx")


cell_value = st.one_of(
    st.none(),
    cell_text,
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=False, width=32),
    st.booleans(),
    st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2100, 1, 1)),
)


def workbook(sheets: dict[str, list[list[object]]]) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _clean(value: object) -> object:
    # openpyxl refuses control characters in strings; a real file cannot hold them either.
    if isinstance(value, str):
        return "".join(c for c in value if c in "\t\n\r" or ord(c) >= 32)
    return value


@SETTINGS
@given(
    header=st.lists(st.sampled_from(HEADERS), min_size=1, max_size=8),
    rows=st.lists(st.lists(cell_value, max_size=8), max_size=6),
    authors=st.one_of(st.none(), st.lists(st.lists(cell_value, max_size=4), max_size=4)),
    sheet_name=st.sampled_from(["Sáng kiến", "Sheet1", "Danh sách"]),
)
def test_random_cells_in_xlsx(data_dir, header, rows, authors, sheet_name):
    sheets = {sheet_name: [header, *[[_clean(v) for v in row] for row in rows]]}
    if authors is not None:
        sheets["Tác giả"] = [["Mã số", "Họ và tên", "Tỷ lệ", "Thành viên Hội đồng"]]
        sheets["Tác giả"] += [[_clean(v) for v in row] for row in authors]
    check_import(DataFolder(data_dir), workbook(sheets), "random.xlsx")


def _council_files(folder: DataFolder) -> dict[Path, bytes]:
    """council.json and every file of the council's record (its journal) as they are now."""
    paths = [folder.council_path, *(p for p in (folder.root / "council").rglob("*") if p.is_file())]
    return {path: path.read_bytes() for path in paths}


def _put_back(folder: DataFolder, files: dict[Path, bytes]) -> None:
    for path in (folder.root / "council").rglob("*"):
        if path.is_file() and path not in files:
            path.unlink()
    for path, content in files.items():
        path.write_bytes(content)


@SETTINGS
@given(rows=st.lists(st.lists(cell_value, max_size=6), max_size=6))
def test_random_member_lists_never_change_the_council_on_error(data_dir, rows):
    folder = DataFolder(data_dir)
    header = ["STT", "Họ và tên", "Vai trò", "Chức vụ", "Biểu quyết", "Đơn vị"]
    data = workbook({"Thành viên": [header, *[[_clean(v) for v in row] for row in rows]]})
    before = folder.council_path.read_bytes()
    record = _council_files(folder)
    plan = preview_members(data, name="members.xlsx")
    if plan.ok:
        apply_members(folder, plan)
        # Keep the council the same for the next example: its file and its record (council/), else the
        # restored council.json is one that council did not save, and is refused.
        _put_back(folder, record)
    else:
        assert plan.members == []
        with pytest.raises(DomainError):
            apply_members(folder, plan)
        assert folder.council_path.read_bytes() == before


_codes = itertools.count(1)
LETTERS = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY "
    "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
)
names = st.text(alphabet=LETTERS, min_size=1, max_size=20).filter(lambda s: squash(s) != "")
free_text = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=60).filter(
    lambda s: squash(s) != ""
)
messy = st.sampled_from(["NFC", "NFD"])


@st.composite
def authors_cell(draw: st.DrawFn) -> tuple[str, list[tuple[str, int]]]:
    count = draw(st.integers(min_value=1, max_value=3))
    cuts = sorted(draw(st.lists(st.integers(1, 99), min_size=count - 1, max_size=count - 1, unique=True)))
    shares = [b - a for a, b in zip([0, *cuts], [*cuts, 100], strict=True)]
    people = draw(st.lists(names, min_size=count, max_size=count, unique_by=lambda s: fold(s)))
    spaces = draw(st.sampled_from(["", " ", "  ", "\u00a0"]))
    cell = ";".join(f"{spaces}{p}{spaces}({s}{spaces}%)" for p, s in zip(people, shares, strict=True))
    return cell, [(squash(p), s) for p, s in zip(people, shares, strict=True)]


@SETTINGS
@given(title=free_text, unit=free_text, authors=authors_cell(), form=messy, amount=st.integers(0, 10**12))
def test_valid_rows_with_messy_text_always_import_cleaned(data_dir, title, unit, authors, form, amount):
    code = f"P-{next(_codes)}"
    cell, expected_authors = authors
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["Mã số", "Tên sáng kiến", "Đơn vị", "Tác giả (tỷ lệ)", "Giá trị làm lợi (đồng)"])
    writer.writerow([f" {code} ", title, unit, cell, group_thousands(amount, ".")])
    data = unicodedata.normalize(form, buffer.getvalue()).encode("utf-8-sig")
    record, _ = DataFolder(data_dir).load_record(PLANNED)
    plan = preview_initiatives(data, record, name="messy.csv")
    assert plan.ok, [str(p) for p in plan.problems]
    [item] = plan.initiatives
    assert (item.code, item.title, item.unit) == (code, squash(title), squash(unit))
    assert [(a.name, a.share) for a in item.authors] == expected_authors
    assert item.benefit_vnd == amount
