"""The recognition decision (number and date), recorded after the meeting and carried by the recognition list."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from cli import main
from models.errors import DomainError
from models.i18n import set_language
from models.session import Conclusion
from sessions.exporting import render
from sessions.journal import read_journal
from sessions.migrations import SCHEMA_MARK
from sessions.service import SessionService
from sessions.storage import DataFolder
from sessions.verify import verify_session
from tests.conftest import FIRST, PLANNED

Clock = Callable[[], dt.datetime]
HEAD = 5  # the recognition list's heading row
DECISION_COL = 12
DECEMBER = dt.date(2026, 12, 15)


def _journal(data: Path, session: str) -> bytes:
    return (data / "sessions" / session / "journal.jsonl").read_bytes()


def _refused(call: Callable[[], object], key: str) -> DomainError:
    with pytest.raises(DomainError) as caught:
        call()
    assert caught.value.key == key
    return caught.value


def test_the_decision_is_journaled_and_survives_a_restart(demo_dir: Path, clock: Clock) -> None:
    service = SessionService(DataFolder(demo_dir), FIRST, clock=clock)
    try:
        service.record_recognition(" 123/QĐ-BV\x07 ", DECEMBER)
    finally:
        service.close()
    last = [r for r in read_journal(demo_dir / "sessions" / FIRST / "journal.jsonl").records if r.type != "checkpoint"]
    assert last[-1].type == "recognition_decided"
    assert last[-1].data == {"number": "123/QĐ-BV", "date": "2026-12-15"}  # spaces and the bell gone
    record = DataFolder(demo_dir).load_record(FIRST)[0]
    assert record.session.recognition is not None
    assert (record.session.recognition.number, record.session.recognition.date) == ("123/QĐ-BV", DECEMBER)
    (demo_dir / "sessions" / FIRST / "session.json").unlink()  # and from the journal alone
    assert DataFolder(demo_dir).load_record(FIRST)[0].session.recognition == record.session.recognition
    assert verify_session(demo_dir, FIRST).ok


def test_a_second_decision_corrects_the_first(demo_dir: Path, clock: Clock) -> None:
    service = SessionService(DataFolder(demo_dir), FIRST, clock=clock)
    try:
        service.record_recognition("123/QĐ-BV", DECEMBER)
        service.record_recognition("125/QĐ-BV", dt.date(2026, 12, 16))
        assert service.record.session.recognition.number == "125/QĐ-BV"
    finally:
        service.close()


def test_refusals_say_why_and_change_nothing(demo_dir: Path, clock: Clock) -> None:
    folder = DataFolder(demo_dir)
    before = _journal(demo_dir, FIRST)
    service = SessionService(folder, FIRST, clock=clock)
    try:
        _refused(lambda: service.record_recognition("  ", DECEMBER), "error.recognition_number")
        _refused(lambda: service.record_recognition("1" * 61, DECEMBER), "error.recognition_number_long")
        error = _refused(
            lambda: service.record_recognition("123/QĐ-BV", dt.date(2026, 5, 13)), "error.recognition_date"
        )
        assert str(error) == "Quyết định ngày 13/05/2026 sớm hơn ngày họp 14/05/2026."
        assert service.record.session.recognition is None
    finally:
        service.close()
    assert _journal(demo_dir, FIRST) == before

    planned = SessionService(folder, PLANNED, clock=clock)
    try:
        # Before the meeting ends there is nothing to sign a decision on.
        _refused(lambda: planned.record_recognition("123/QĐ-BV", DECEMBER), "error.recognition_before_close")
        planned.close_session(force=True)
        # Closed with nothing recognised: no decision can recognise anything.
        _refused(lambda: planned.record_recognition("123/QĐ-BV", DECEMBER), "error.recognition_nothing")
    finally:
        planned.close()

    read_only = SessionService(folder, FIRST, clock=clock, read_only=True)
    try:
        _refused(lambda: read_only.record_recognition("123/QĐ-BV", DECEMBER), "error.read_only")
    finally:
        read_only.close()
    assert _journal(demo_dir, FIRST) == before


def _decided(demo_dir: Path, clock: Clock):
    service = SessionService(DataFolder(demo_dir), FIRST, clock=clock)
    try:
        service.record_recognition("123/QĐ-BV", DECEMBER)
    finally:
        service.close()
    return DataFolder(demo_dir).load_record(FIRST)[0]


def test_the_recognition_list_carries_the_decision_on_every_row(demo_dir: Path, clock: Clock) -> None:
    before = DataFolder(demo_dir).load_record(FIRST)[0]
    sheet = openpyxl.load_workbook(io.BytesIO(render(before, "xlsx"))).active
    assert sheet.cell(row=HEAD, column=DECISION_COL).value == "Quyết định công nhận (số, ngày)"
    assert sheet.cell(row=HEAD + 1, column=DECISION_COL).value is None  # not known yet: left for the office

    record = _decided(demo_dir, clock)
    recognised = sum(1 for i in record.session.agenda if record.conclusion(i) == Conclusion.RECOGNISED)
    sheet = openpyxl.load_workbook(io.BytesIO(render(record, "xlsx"))).active
    column = [sheet.cell(row=HEAD + n, column=DECISION_COL).value for n in range(1, recognised + 1)]
    assert column == ["Số 123/QĐ-BV ngày 15/12/2026"] * recognised
    assert sheet.cell(row=HEAD + 1, column=DECISION_COL).data_type == "s"

    rows = list(csv.reader(io.StringIO(render(record, "csv").decode("utf-8-sig"))))
    assert rows[0][DECISION_COL - 1] == "Quyết định công nhận (số, ngày)"
    assert [r[DECISION_COL - 1] for r in rows[1 : recognised + 1]] == ["Số 123/QĐ-BV ngày 15/12/2026"] * recognised
    assert render(record, "csv") == render(record, "csv")

    set_language("en")
    rows = list(csv.reader(io.StringIO(render(record, "csv").decode("utf-8-sig"))))
    assert rows[1][DECISION_COL - 1] == "No. 123/QĐ-BV of 15/12/2026"


def test_the_json_record_carries_the_decision(demo_dir: Path, clock: Clock) -> None:
    import json

    doc = json.loads(render(_decided(demo_dir, clock), "json"))
    assert doc["session"]["recognition"] == {"number": "123/QĐ-BV", "date": "2026-12-15"}


def test_cli_records_and_shows_the_decision(demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(demo_dir)
    assert main(["decision", FIRST, "--data", data, "--lang", "vi"]) == 0
    assert capsys.readouterr().out == f"Chưa ghi quyết định công nhận cho phiên họp {FIRST}.\n"
    args = ["decision", FIRST, "--data", data, "--number", "123/QĐ-BV", "--date", "15/12/2026", "--lang", "vi"]
    assert main(args) == 0
    assert capsys.readouterr().out == (
        f"Đã ghi cho phiên họp {FIRST}: quyết định công nhận số 123/QĐ-BV ngày 15/12/2026, công nhận 6 sáng kiến.\n"
    )
    assert main(["decision", FIRST, "--data", data, "--lang", "en"]) == 0
    assert capsys.readouterr().out == f"Session {FIRST}: recognition decision No. 123/QĐ-BV of 15/12/2026.\n"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--number", "123/QĐ-BV"], "Hãy ghi cả số quyết định (--number) và ngày quyết định (--date)."),
        (["--number", "123/QĐ-BV", "--date", "32/12/2026"], "32/12/2026"),
        (["--number", "123/QĐ-BV", "--date", "01/01/2026"], "sớm hơn ngày họp 14/05/2026"),
    ],
)
def test_cli_mistakes_are_explained_and_change_nothing(
    demo_dir: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    before = _journal(demo_dir, FIRST)
    assert main(["decision", FIRST, "--data", str(demo_dir), "--lang", "vi", *extra]) == 2
    captured = capsys.readouterr()
    assert message in captured.err and "Traceback" not in captured.err
    assert _journal(demo_dir, FIRST) == before


def test_cli_on_a_session_still_planned(demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["decision", PLANNED, "--data", str(demo_dir), "--number", "1/QĐ", "--date", "15/12/2026", "--lang", "en"]
    assert main(args) == 2
    assert "once the session is closed" in capsys.readouterr().err


SAMPLES = Path(__file__).parent / "data" / "schema_v0"
OLD_SESSION = "2026-11-22"


def test_an_old_journal_takes_a_decision_after_its_migration(tmp_path: Path, clock: Clock) -> None:
    """A version-0 session (no decision field anywhere) loads, closes and records one; old records stay as they were."""
    old = tmp_path / "old"
    shutil.copytree(SAMPLES, old, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    journal = old / "sessions" / OLD_SESSION / "journal.jsonl"
    old_bytes = journal.read_bytes()
    service = SessionService(DataFolder(old), OLD_SESSION, clock=clock)
    try:
        assert service.record.session.recognition is None
        service.close_poll(force=True)
        service.close_session(force=True)
        assert any(service.record.conclusion(i) == Conclusion.RECOGNISED for i in service.record.session.agenda)
        service.record_recognition("45/QĐ-BV", dt.date(2026, 12, 1))
    finally:
        service.close()
    assert journal.read_bytes().startswith(old_bytes)
    kinds = [r.type for r in read_journal(journal).records if r.type != "checkpoint"]
    assert SCHEMA_MARK in kinds and kinds[-1] == "recognition_decided"
    record = DataFolder(old).load_record(OLD_SESSION)[0]
    assert record.session.recognition is not None and record.session.recognition.number == "45/QĐ-BV"
    assert verify_session(old, OLD_SESSION).ok
