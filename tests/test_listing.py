"""The session list read as plain JSON for the first frame: the same list as through the models, or nothing."""

from __future__ import annotations

import asyncio
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sessions.listing import quick_listing
from sessions.storage import DataFolder
from tests.conftest import FIRST, PLANNED
from tui.app import CouncilApp
from tui.screens.picker import PickerScreen


def test_the_quick_list_is_the_list_the_models_give(demo_dir: Path) -> None:
    folder = DataFolder(demo_dir)
    listing = quick_listing(demo_dir)
    assert listing is not None
    assert listing.council_name == folder.load_council().info.name
    assert list(listing.sessions) == folder.summaries()
    assert [s.id for s in listing.sessions] == [PLANNED, FIRST]  # newest first


@pytest.mark.parametrize(
    ("path", "content"),
    [
        (f"sessions/{FIRST}/summary.json", None),  # missing: the models rebuild it from the session
        (f"sessions/{FIRST}/summary.json", '{"id": "2026-05-14"}'),
        (f"sessions/{FIRST}/summary.json", "{not json"),
        ("council.json", '{"council": {"1": {"schema_version": 0, "info": {"name": "x"}}}}'),  # to be migrated
        ("council.json", '{"council": {"1": {"schema_version": 99, "info": {"name": "x"}}}}'),  # newer: refused
        ("council.json", "[1, 2, 3]"),
        ("council.json", None),  # no council: the first-run screen
        ("state.json", '{"session": "2026-11-22", "running": true}'),  # left running: the app reopens it
        ("state.json", "{torn"),
    ],
)
def test_any_doubt_leaves_the_list_to_the_models(demo_dir: Path, path: str, content: str | None) -> None:
    target = demo_dir / path
    if content is None:
        target.unlink()
    else:
        target.write_text(content, encoding="utf-8")
    assert quick_listing(demo_dir) is None


@pytest.mark.parametrize(
    ("key", "value"),
    [("decided", "3"), ("total", True), ("status", "archived"), ("title", None), ("id", "another-session")],
)
def test_a_summary_with_a_value_of_another_kind_leaves_the_list_to_the_models(
    demo_dir: Path, key: str, value: object
) -> None:
    path = demo_dir / "sessions" / FIRST / "summary.json"
    summary = json.loads(path.read_text(encoding="utf-8"))
    summary[key] = value
    path.write_text(json.dumps(summary), encoding="utf-8")
    assert quick_listing(demo_dir) is None


def test_the_first_screen_imports_no_models() -> None:
    code = (
        "import sys, cli, cli.app, tui.app, tui.screens.picker, sessions.listing, sessions.glance, "
        "tui.screens.agenda; print(sorted(m for m in sys.modules if m.startswith(('pydantic', 'tinydb'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def _screen(app: CouncilApp) -> str:
    return re.sub(r"terminal-\d+", "terminal", app.export_screenshot())


def _first_screen(data: Path, clock) -> tuple[str, bool, int | None]:
    async def go() -> tuple[str, bool, int | None]:
        app = CouncilApp(data, clock=clock)
        async with app.run_test(size=(110, 30)) as pilot:
            await pilot.pause()
            await pilot.pause()
            screen = app.screen
            return _screen(app), isinstance(screen, PickerScreen), app.return_code

    return asyncio.run(go())


def test_the_quick_list_draws_the_same_screen_as_the_models(demo_dir: Path, clock, monkeypatch) -> None:
    quick, on_list, _ = _first_screen(demo_dir, clock)
    monkeypatch.setattr("sessions.listing.quick_listing", lambda root: None)
    full, _, _ = _first_screen(demo_dir, clock)
    assert on_list and "SK" not in quick  # the list of sessions, not an agenda
    assert "Phiên họp" in re.sub(r"<[^>]+>|&#160;", " ", quick)
    assert quick == full


def test_a_council_file_the_models_refuse_still_stops_the_app(demo_dir: Path, clock) -> None:
    # Plain JSON the quick list can read, that the models refuse (a council without a name, no rulebook).
    invalid = '{"council": {"1": {"schema_version": 2, "info": {"name": ""}}}, "rulebook": {"1": {}}}'
    # A folder of an older version (no council journal): the quick list believes it, the models do not.
    shutil.rmtree(demo_dir / "council")
    (demo_dir / "council.json").write_text(invalid, encoding="utf-8")
    assert quick_listing(demo_dir) is not None
    _, _, code = _first_screen(demo_dir, clock)
    assert code == 2


@pytest.mark.parametrize("damage", [b"", b"\x00garbage\n", b"{not json}\n"])
def test_one_damaged_session_does_not_hide_the_others(demo_dir: Path, clock, damage: bytes, capsys) -> None:
    """A journal emptied or damaged at its first record: the other sessions are still listed, in the CLI and
    the app, and the damaged one has a row saying so (opening it says why)."""
    from cli import main

    journal = demo_dir / "sessions" / PLANNED / "journal.jsonl"
    journal.write_bytes(damage)
    assert main(["sessions", "--data", str(demo_dir), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert FIRST in out and PLANNED in out and "damaged" in out
    screen, on_list, _ = _first_screen(demo_dir, clock)
    text = re.sub(r"<[^>]+>|&#160;", " ", screen)
    assert on_list and FIRST in text and PLANNED in text
    assert journal.read_bytes() == damage
