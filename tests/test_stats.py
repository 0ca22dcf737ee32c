"""Statistics over one session or many, as a province asks for them."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import openpyxl

from cli import main
from models.i18n import set_language
from models.session import Conclusion
from sessions.export.statistics import render_stats_csv, render_stats_xlsx, render_table
from sessions.stats import compute_stats, load_records
from sessions.storage import DataFolder
from tests.conftest import FIRST, PLANNED

CREATED = dt.datetime(2026, 11, 22, 15, 0, tzinfo=dt.UTC)


def _record(demo_dir: Path, session: str = FIRST):
    return DataFolder(demo_dir).load_record(session)[0]


def _by_key(buckets) -> dict:
    return {b.key: b for b in buckets}


def test_one_session_counts_by_outcome_category_type_and_unit(demo_dir: Path) -> None:
    stats = compute_stats([_record(demo_dir)])
    assert stats.session_ids == (FIRST,)
    assert (stats.initiatives, stats.units, stats.recognised) == (9, 9, 6)
    assert stats.benefit_vnd == 86_500_000 + 142_000_000 + 18_000_000
    assert stats.unquantified == 3
    outcome = _by_key(stats.by_outcome)
    assert [b.key for b in stats.by_outcome] == ["recognised", "not_recognised", "deferred", "undecided"]
    assert [outcome[k].count for k in outcome] == [6, 2, 1, 0]
    category = _by_key(stats.by_category)
    assert [b.label for b in stats.by_category] == [
        "cải tiến kỹ thuật",
        "hợp lý hóa sản xuất",
        "tiết kiệm",
        "phục vụ và điều trị bệnh",
        "tổ chức, quản lý, đào tạo",
    ]
    assert category["cải tiến kỹ thuật"].benefit_vnd == 104_500_000
    # two recognised medical initiatives whose benefit cannot be put in money: counted apart, not as 0 đồng
    medical = category["phục vụ và điều trị bệnh"]
    assert (medical.count, medical.recognised, medical.benefit_vnd, medical.unquantified) == (2, 2, 0, 2)
    kinds = _by_key(stats.by_type)
    assert list(kinds) == ["technical", "management", "procedure", "tech_advance"]
    assert kinds["technical"].count == 3 and kinds["technical"].benefit_vnd == 246_500_000
    assert sum(b.count for b in stats.by_unit) == 9


def test_the_summary_reads_like_a_provincial_report(demo_dir: Path) -> None:
    stats = compute_stats([_record(demo_dir), _record(demo_dir, PLANNED)])
    assert stats.summary() == [
        # the headline counts the recognised ones by category, as a provincial summary does
        "6 sáng kiến được công nhận của 6 đơn vị, gồm: 2 cải tiến kỹ thuật; 1 hợp lý hóa sản xuất; "
        "1 tiết kiệm; 2 phục vụ và điều trị bệnh.",
        "Tổng số sáng kiến được xét: 21 sáng kiến của 15 đơn vị trong 2 phiên họp, gồm: 5 cải tiến kỹ thuật; "
        "4 hợp lý hóa sản xuất; 3 tiết kiệm; 5 phục vụ và điều trị bệnh; 4 tổ chức, quản lý, đào tạo.",
        "Công nhận 6, không công nhận 2, hoãn xem xét 1, chưa kết luận 12.",
        "Giá trị làm lợi của các sáng kiến được công nhận: 246.500.000 đồng; "
        "3 sáng kiến có hiệu quả không tính được thành tiền.",
    ]
    # units with most initiatives first, then in Vietnamese alphabetical order (Đ after D)
    units = [b.label for b in stats.by_unit]
    assert (
        units.index("Phòng Công nghệ thông tin")
        < units.index("Phòng Điều dưỡng")
        < units.index("Phòng Vật tư - Thiết bị y tế")
    )


def test_an_initiative_deferred_then_decided_counts_once_with_its_later_outcome(demo_dir: Path) -> None:
    first = _record(demo_dir)
    later = first.model_copy(deep=True)
    later.session.id, later.session.date = "2026-12-01", dt.date(2026, 12, 1)
    deferred = next(i for i in first.agenda_items() if first.conclusion(i.id) == Conclusion.DEFERRED)
    later.session.agenda = [deferred.id]
    later.findings[deferred.id] = later.findings[deferred.id].model_copy(
        update={"conclusion": Conclusion.RECOGNISED, "confirmed_benefit_vnd": 5_000_000, "reason": ""}
    )
    stats = compute_stats([later, first])  # order of the arguments does not matter
    assert stats.session_ids == (FIRST, "2026-12-01")
    assert stats.initiatives == 9
    assert _by_key(stats.by_outcome)["deferred"].count == 0
    assert stats.recognised == 7 and stats.benefit_vnd == 246_500_000 + 5_000_000


def test_printed_table_and_english(demo_dir: Path) -> None:
    record = _record(demo_dir)
    text = render_table(compute_stats([record], record.council.unit))
    # the issuing unit and the period on top, dates as DD/MM/YYYY
    assert text.startswith("THỐNG KÊ SÁNG KIẾN\nĐơn vị: Bệnh viện Nguyễn Đình Chiểu\nThời gian: ngày 14/05/2026\n")
    assert "246.500.000" in text and "2026-05-14" not in text
    row = next(line for line in text.splitlines() if line.startswith("tiết kiệm"))
    assert row.split()[-4:] == ["1", "1", "142.000.000", "0"]
    # every recognised medical initiative's benefit cannot be put in money: said so, not "0"
    row = next(line for line in text.splitlines() if line.startswith("phục vụ và điều trị bệnh"))
    assert row.split()[-8:] == ["2", "2", "không", "tính", "được", "thành", "tiền", "2"]
    set_language("en")
    stats = compute_stats([record])
    english = render_table(stats)
    assert "Submitted: 9 initiatives from 9 units in 1 session: 2 cải tiến kỹ thuật;" in english
    assert "6 initiatives recognised, from 6 units: 2 cải tiến kỹ thuật;" in english
    assert "(s)" not in english
    assert "By legal type" in english and "246,500,000" in english
    assert [b.label for b in stats.by_outcome] == ["Recognised", "Not recognised", "Deferred", "Not decided"]


def test_spreadsheets_hold_whole_amounts_and_a_total(demo_dir: Path) -> None:
    stats = compute_stats([_record(demo_dir)], "Bệnh viện Nguyễn Đình Chiểu")
    rows = list(csv.reader(io.StringIO(render_stats_csv(stats).decode("utf-8-sig"))))
    # the title, unit, period and the headline on top
    assert rows[0] == ["THỐNG KÊ SÁNG KIẾN"] and rows[1] == ["Đơn vị: Bệnh viện Nguyễn Đình Chiểu"]
    assert rows[3][0].startswith("6 sáng kiến được công nhận của 6 đơn vị, gồm: 2 cải tiến kỹ thuật")
    rows = rows[rows.index([]) + 1 :]
    assert rows[0] == [
        "Phân loại",
        "Nội dung",
        "Số sáng kiến",
        "Được công nhận",
        "Giá trị làm lợi (đồng)",
        "Không tính được thành tiền",
    ]
    assert ["Theo nhóm", "tiết kiệm", "1", "1", "142000000", "0"] in rows
    assert ["Theo nhóm", "phục vụ và điều trị bệnh", "2", "2", "không tính được thành tiền", "2"] in rows
    # each breakdown with its total
    totals = [row for row in rows if row[1] == "Tổng cộng"]
    assert [row[0] for row in totals] == ["Theo nhóm", "Theo loại giải pháp", "Theo đơn vị", "Theo kết quả"]
    assert all(row[2:] == ["9", "6", "246500000", "3"] for row in totals)
    data = render_stats_xlsx(stats, CREATED)
    assert data == render_stats_xlsx(stats, CREATED)
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][0] == "THỐNG KÊ SÁNG KIẾN"
    totals = [row for row in values if row[0] == "Tổng cộng"]
    assert len(totals) == 4 and all(row[1:5] == [9, 6, 246_500_000, 3] for row in totals)


def test_cli_stats(demo_dir: Path, tmp_path: Path, capsys) -> None:
    # by default only the decided (closed) sessions count; --all counts every one
    assert main(["stats", "--data", str(demo_dir), "--lang", "vi"]) == 0
    out = capsys.readouterr().out
    assert "9 sáng kiến của 9 đơn vị trong 1 phiên họp" in out
    assert main(["stats", "--data", str(demo_dir), "--lang", "vi", "--all"]) == 0
    assert "21 sáng kiến của 15 đơn vị trong 2 phiên họp" in capsys.readouterr().out
    assert main(["stats", "--data", str(demo_dir), "--session", PLANNED, "--lang", "vi"]) == 0
    assert "12 sáng kiến của 12 đơn vị trong 1 phiên họp" in capsys.readouterr().out
    target = tmp_path / "tk.xlsx"
    both = ["--session", FIRST, "--session", PLANNED]
    args = ["stats", "--data", str(demo_dir), *both, "--format", "xlsx", "--output", str(target), "--lang", "vi"]
    assert main(args) == 0
    sheet = openpyxl.load_workbook(target).active
    assert sheet["A2"].value == "Đơn vị: Bệnh viện Nguyễn Đình Chiểu"
    assert sheet["A3"].value == "Thời gian: từ ngày 14/05/2026 đến ngày 22/11/2026"
    assert sheet["A4"].value == "Các phiên họp ngày 14/05/2026, 22/11/2026"
    target = tmp_path / "tk.csv"
    assert main(["stats", "--data", str(demo_dir), "--format", "csv", "--output", str(target)]) == 0
    assert target.read_bytes().startswith("\ufeff".encode())
    assert main(["stats", "--data", str(demo_dir), "--session", "nope"]) == 2
    assert "nope" in capsys.readouterr().err
    assert main(["stats", "--data", str(tmp_path / "empty")]) == 2


def test_load_records_reads_the_decided_sessions_by_default(demo_dir: Path) -> None:
    assert [r.session.id for r in load_records(demo_dir)] == [FIRST]
    records = load_records(demo_dir, undecided=True)
    assert sorted(r.session.id for r in records) == [FIRST, PLANNED]
    assert [r.session.id for r in load_records(demo_dir, [FIRST, FIRST])] == [FIRST]
