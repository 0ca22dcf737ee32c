"""Exporting a session that fails verification: warned about, and the document itself says so.

Before, such an export succeeded without a word (254 of 254 damaged sessions), and the minutes
looked like any others, ready to be signed.
"""

from __future__ import annotations

import asyncio
import io
import json
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from textual.widgets import Input, Label

from sessions.storage import DataFolder
from tests.conftest import FIRST
from tests.test_cli import run
from tui.app import CouncilApp
from tui.screens.export import ExportScreen
from tui.textual_private import shown_notices

MARK = {"en": "THIS RECORD FAILED VERIFICATION", "vi": "HỒ SƠ NÀY KHÔNG QUA KIỂM TRA TOÀN VẸN"}
FORMATS = ("md", "json", "docx", "pdf", "xlsx", "csv", "authors")


@pytest.fixture(autouse=True)
def _english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


def damage(data: Path, session: str = FIRST, line: int = 40) -> None:
    """One changed byte in a journal record's time: the chain breaks there."""
    path = data / "sessions" / session / "journal.jsonl"
    lines = path.read_bytes().split(b"\n")
    at = lines[line].index(b'"ts":"') + 8
    lines[line] = lines[line][:at] + bytes([lines[line][at] ^ 1]) + lines[line][at + 1 :]
    path.write_bytes(b"\n".join(lines))


def text_of(fmt: str, data: bytes) -> str:
    """What a reader of the document sees, as text."""
    if fmt == "docx":
        return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    if fmt == "pdf":
        return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages)
    if fmt == "xlsx":
        book = load_workbook(io.BytesIO(data))
        return " ".join(str(c.value) for sheet in book for row in sheet.iter_rows() for c in row if c.value)
    return data.decode("utf-8")


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_exporting_a_damaged_session_warns_and_marks_every_format(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    damage(demo_dir)
    for fmt in FORMATS if lang == "en" else ("md", "json"):
        target = tmp_path / f"out-{fmt}"
        code, out, err = run(
            capsys, "export", FIRST, "--data", demo_dir, "--format", fmt, "--output", target, "--lang", lang
        )
        assert code == 0, err  # the file was written, as asked (documented)
        assert str(target) in out
        warning = "Warning: session" if lang == "en" else "Cảnh báo: phiên họp"
        assert warning in err and "41" in err, (fmt, err)  # the record where the chain breaks
        assert MARK[lang] in " ".join(text_of(fmt, target.read_bytes()).split()), fmt
    doc = json.loads((tmp_path / "out-json").read_text(encoding="utf-8"))
    assert "41" in doc["verification_failed"]


def test_the_minutes_say_it_at_their_start_and_their_end(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    damage(demo_dir)
    run(capsys, "export", FIRST, "--data", demo_dir, "--output", tmp_path / "m.md", "--lang", "en")
    lines = [line for line in (tmp_path / "m.md").read_text(encoding="utf-8").splitlines() if line.strip()]
    assert MARK["en"] in lines[0] and MARK["en"] in lines[-1]


def test_a_session_that_verifies_exports_byte_identical_and_unmarked(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for fmt in FORMATS:
        copies = []
        for turn in (1, 2):
            target = tmp_path / f"{turn}-{fmt}"
            code, _, err = run(capsys, "export", FIRST, "--data", demo_dir, "--format", fmt, "--output", target)
            assert code == 0 and err == ""
            copies.append(target.read_bytes())
        assert copies[0] == copies[1], fmt
        assert MARK["en"] not in text_of(fmt, copies[0])


async def _export_in_the_app(data: Path, clock, target: Path) -> tuple[str, list[tuple[str, str]]]:
    """The app's Export dialog on session FIRST: the warning it shows, and the notices after writing."""
    app = CouncilApp(data, clock=clock)
    async with app.run_test(size=(110, 34)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        record, report = DataFolder(data).load_record(FIRST)
        app.push_screen(ExportScreen(record, report.chain_head, target.parent, (data, FIRST)))
        await pilot.pause()
        await app.screen.workers.wait_for_complete()
        await pilot.pause()
        label = app.screen.query_one("#export-warning", Label)
        warning = str(label.render()) if label.display else ""
        app.screen.query_one("#path", Input).value = str(target)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        notices = [(n.message, n.severity) for n in shown_notices(app)]
        await pilot.press("ctrl+q")
    return warning, notices


def test_the_apps_export_dialog_warns_and_the_file_is_marked(demo_dir: Path, tmp_path: Path, clock) -> None:
    damage(demo_dir)
    warning, notices = asyncio.run(_export_in_the_app(demo_dir, clock, tmp_path / "bien-ban.md"))
    assert "không qua kiểm tra toàn vẹn" in warning and "41" in warning
    assert any(severity == "warning" and "không qua kiểm tra toàn vẹn" in message for message, severity in notices)
    assert MARK["vi"] in (tmp_path / "bien-ban.md").read_text(encoding="utf-8")


def test_the_apps_export_dialog_says_nothing_for_a_session_that_verifies(demo_dir: Path, tmp_path: Path, clock) -> None:
    warning, notices = asyncio.run(_export_in_the_app(demo_dir, clock, tmp_path / "bien-ban.md"))
    assert warning == "" and all(severity != "warning" for _, severity in notices)
    assert MARK["vi"] not in (tmp_path / "bien-ban.md").read_text(encoding="utf-8")
