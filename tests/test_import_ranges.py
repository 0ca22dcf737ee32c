"""Values no initiative can have (a benefit of 10^40 đồng, a date in 9999, a share of 10^20 %) are refused by row."""

from __future__ import annotations

import pytest

from models.i18n import set_language
from models.parsing import validate_field
from sessions.importing import preview_initiatives
from sessions.storage import DataFolder
from tests.conftest import PLANNED
from tests.test_import import GOOD, HEADER, csv_bytes, xlsx

COLUMNS = {name: i for i, name in enumerate(HEADER)}
HEADER_DATE = [*HEADER, "Ngày áp dụng lần đầu"]


@pytest.fixture
def record(demo_dir):
    return DataFolder(demo_dir).load_record(PLANNED)[0]


def _only(plan) -> str:
    assert not plan.ok
    [problem] = plan.sorted_problems()
    return str(problem)


@pytest.mark.parametrize("benefit", ["10000000000000000000000000000000000000000", "1.000.000.000.000.001", "1e40"])
def test_a_benefit_beyond_a_million_billion_dong_is_refused(record, benefit):
    row = [*GOOD]
    row[COLUMNS["Giá trị làm lợi (đồng)"]] = benefit
    if benefit == "1e40":
        message = _only(preview_initiatives(xlsx({"Sáng kiến": [HEADER, [*row[:-1], 1e40]]}), record, name="a.xlsx"))
    else:
        message = _only(preview_initiatives(csv_bytes([HEADER, row]), record, name="a.csv"))
    assert message.startswith("Dòng 2")
    assert "tối đa 1.000.000.000.000.000 đồng" in message


def test_a_large_but_real_benefit_is_kept(record):
    row = [*GOOD]
    row[COLUMNS["Giá trị làm lợi (đồng)"]] = "1.000.000.000.000.000"
    plan = preview_initiatives(csv_bytes([HEADER, row]), record, name="a.csv")
    assert plan.ok and plan.initiatives[0].benefit_vnd == 10**15


@pytest.mark.parametrize("date", ["01/01/9999", "31/12/1974"])
def test_a_first_applied_date_outside_1975_to_a_year_after_the_session_is_refused(record, date):
    message = _only(preview_initiatives(csv_bytes([HEADER_DATE, [*GOOD, date]]), record, name="a.csv"))
    assert message.startswith("Dòng 2")
    assert date in message and "01/01/1975" in message


def test_a_first_applied_date_within_the_range_is_kept(record):
    plan = preview_initiatives(csv_bytes([HEADER_DATE, [*GOOD, "01/09/1975"]]), record, name="a.csv")
    assert plan.ok, [str(p) for p in plan.problems]


@pytest.mark.parametrize(
    "authors", ["Đặng Văn Phúc (99999999999999999999%)", "Đặng Văn Phúc (0%)", "Đặng Văn Phúc 250%"]
)
def test_a_share_outside_1_to_100_is_refused_not_read_into_the_name(record, authors):
    row = [*GOOD]
    row[COLUMNS["Tác giả (tỷ lệ)"]] = authors
    message = _only(preview_initiatives(csv_bytes([HEADER, row]), record, name="a.csv"))
    assert message.startswith("Dòng 2") and "từ 1 đến 100" in message


def test_the_forms_refuse_the_same_in_english():
    set_language("en")
    assert "at most 1,000,000,000,000,000" in (validate_field("benefit_vnd", "10000000000000000000") or "")
    assert "check the year" in (validate_field("first_applied", "01/01/9999") or "")
    assert "from 1 to 100" in (validate_field("authors", "An (99999999999999999999%)") or "")
    assert validate_field("first_applied", "01/09/2025") is None


@pytest.mark.parametrize(
    ("column", "value"),
    [("Tác giả (tỷ lệ)", "A" * 3000 + " (100%)"), ("Nhóm", "C" * 2000), ("Lĩnh vực", "F" * 2000)],
    ids=["author", "category", "field"],
)
def test_a_name_unit_or_field_no_one_has_is_refused_by_row(record, column, value):
    """An author "named" 3000 letters, a unit or field of 2000, went in without a word (a title or code had limits)."""
    row = [*GOOD]
    row[COLUMNS[column]] = value
    message = _only(preview_initiatives(csv_bytes([HEADER, row]), record, name="a.csv"))
    assert message.startswith("Dòng 2") and "tối đa" in message, message
    assert len(message) < 400, message  # the value is not echoed whole


def test_a_share_of_thousands_of_digits_is_not_echoed_whole(record):
    row = [*GOOD]
    row[COLUMNS["Tác giả (tỷ lệ)"]] = "Đặng Văn Phúc (" + "9" * 5000 + "%)"
    message = _only(preview_initiatives(csv_bytes([HEADER, row]), record, name="a.csv"))
    assert "từ 1 đến 100" in message and len(message) < 400, message
