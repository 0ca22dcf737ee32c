"""No report is ever written inside a council data folder: from the CLI (export, stats, template) and the app.

One guard (sessions/report_file.py) stands where report files are written; these tests come at it
from every path a user has, with every spelling of a data file: as it is, through a symlink,
through `..`, a new file beside the data, another council's folder, and a folder instead of a file.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Input, Label

from cli import main
from models.errors import DomainError
from models.poll import Choice
from sessions.storage import DataFolder
from sessions.verify import verify_session
from tests.conftest import PLANNED
from tests.meeting import start_meeting
from tui.app import CouncilApp
from tui.screens.agenda import AgendaScreen
from tui.screens.export import ExportScreen


def refusal_for(folder: Path) -> str:
    """The refusal's words name the folder as the user knows it: a session's own, or the council's."""
    return "error.export_into_session" if folder.parent.name == "sessions" else "error.export_into_data"


Clock = Callable[[], dt.datetime]
REFUSED = ("thư mục dữ liệu của hội đồng", "thư mục của phiên họp")  # the refusal, in the chair's language


def refused(said: str) -> bool:
    return any(words in said for words in REFUSED)


def data_files(data: Path) -> dict[str, bytes]:
    """Every file of a data folder (the lock files aside), by path: what must not change."""
    return {
        str(p.relative_to(data)): p.read_bytes()
        for p in sorted(data.rglob("*"))
        if p.is_file() and p.name not in ("lock", "lock-holder.json")
    }


def cli(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str]:
    code = main(["--lang", "vi", *(str(a) for a in args)])
    out, err = capsys.readouterr()
    return code, out + err


def targets(data: Path, elsewhere: Path) -> dict[str, Path]:
    """Ways to name a data file, or a place inside a data folder."""
    session = DataFolder(data).session_dir(PLANNED)
    link = elsewhere / "minutes.md"
    link.symlink_to(session / "journal.jsonl")
    linked_folder = elsewhere / "linked"
    linked_folder.symlink_to(session)
    return {
        "journal": session / "journal.jsonl",
        "checkpoint": session / "session.json",
        "council": data / "council.json",
        "council journal": data / "council" / "journal.jsonl",
        "new file beside the data": data / "report.md",
        "new file in a session": session / "report.md",
        "backups": data / "backups" / "x.md",
        "symlink to the journal": link,
        "through a linked folder": linked_folder / "session.json",
        "dot-dot": elsewhere / ".." / data.name / "council.json",
    }


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    return folder


def test_export_never_writes_into_a_data_folder(
    demo_dir: Path, elsewhere: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = data_files(demo_dir)
    for name, target in targets(demo_dir, elsewhere).items():
        code, said = cli(capsys, "export", PLANNED, "--data", demo_dir, "--output", target)
        assert code == 2 and refused(said), name
    assert data_files(demo_dir) == before
    assert verify_session(demo_dir, PLANNED).ok


@pytest.mark.parametrize("fmt", ["xlsx", "csv", "table"])
def test_stats_never_writes_into_a_data_folder(
    demo_dir: Path, elsewhere: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    """`council stats --output <data>/council.json` used to replace the council file: it no longer opened."""
    before = data_files(demo_dir)
    for name, target in targets(demo_dir, elsewhere).items():
        code, said = cli(capsys, "stats", "--data", demo_dir, "--format", fmt, "--output", target)
        assert code == 2 and refused(said), name
    assert data_files(demo_dir) == before
    assert cli(capsys, "rules", "--data", demo_dir)[0] == 0  # the council still opens
    code, said = cli(capsys, "stats", "--data", demo_dir, "--format", fmt, "--output", elsewhere / f"s.{fmt}")
    assert code == 0 and (elsewhere / f"s.{fmt}").stat().st_size > 0  # anywhere else is fine


def test_template_never_writes_into_a_data_folder(demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = data_files(demo_dir)
    session = DataFolder(demo_dir).session_dir(PLANNED)
    for target in (demo_dir / "initiatives.xlsx", session / "members.csv", demo_dir / "backups" / "initiatives.csv"):
        code, said = cli(capsys, "template", target, "--force")
        assert code == 2 and refused(said), target
    assert data_files(demo_dir) == before


def test_another_councils_folder_is_as_safe_as_the_one_named(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The guard looks at the folders around the file, not only at the data folder the command names."""
    other = tmp_path / "other-council"
    shutil.copytree(demo_dir, other)
    before = data_files(other)
    journal = DataFolder(other).journal_path(PLANNED)
    for args in (
        ["export", PLANNED, "--data", demo_dir, "--output", journal],
        ["stats", "--data", demo_dir, "--format", "csv", "--output", other / "council.json"],
        ["template", other / "sessions" / "initiatives.csv"],
    ):
        code, said = cli(capsys, *args)
        assert code == 2 and refused(said) and str(other) in said, args
    assert data_files(other) == before


def test_a_folder_is_not_a_file_to_write(demo_dir: Path, elsewhere: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for args in (
        ["export", PLANNED, "--data", demo_dir, "--output", elsewhere],
        ["stats", "--data", demo_dir, "--format", "csv", "--output", elsewhere],
    ):
        code, said = cli(capsys, *args)
        assert code == 2 and "là một thư mục" in said, args
    assert list(elsewhere.iterdir()) == []


def test_a_default_export_in_the_data_folder_itself_is_refused(
    demo_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(demo_dir)
    before = data_files(demo_dir)
    code, said = cli(capsys, "export", PLANNED, "--data", demo_dir)
    assert code == 2 and refused(said)
    assert data_files(demo_dir) == before


# --- the app's Export dialog


async def export_from_the_app(data: Path, clock: Clock, target: Path) -> tuple[str, bool]:
    """Run the session, open the Export dialog, type ``target``, write; returns the dialog's message."""
    app = CouncilApp(data, session_id=PLANNED, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        await pilot.press("e")
        assert isinstance(app.screen, ExportScreen)
        app.screen.query_one("#path", Input).value = str(target)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        still_open = isinstance(app.screen, ExportScreen)
        message = str(app.screen.query_one("#export-error", Label).render()) if still_open else ""
        await pilot.press("escape")
        await pilot.press("ctrl+q")
    return message, still_open


@pytest.mark.parametrize("which", ["journal", "symlink to the journal", "council", "dot-dot"])
def test_the_apps_export_dialog_never_overwrites_the_running_sessions_journal(
    demo_dir: Path, elsewhere: Path, clock: Clock, which: str
) -> None:
    """Typing the journal's own path in the dialog used to say "Written" and lose every later vote."""
    service = start_meeting(demo_dir, clock)
    service.close()
    before = data_files(demo_dir)
    message, still_open = asyncio.run(export_from_the_app(demo_dir, clock, targets(demo_dir, elsewhere)[which]))
    assert still_open and refused(message)
    after = data_files(demo_dir)
    for written_by_the_app in ("state.json", f"sessions/{PLANNED}/glance.json"):  # what it keeps on closing
        before.pop(written_by_the_app, None), after.pop(written_by_the_app, None)
    assert after == before
    # The votes recorded afterwards are all kept.
    chair = start_meeting(demo_dir, clock)
    poll = chair.open_poll()
    for voter in poll.voters:
        chair.record_vote(voter, Choice.YES)
    chair.close()
    assert verify_session(demo_dir, PLANNED).ok
    assert len(DataFolder(demo_dir).load_record(PLANNED)[0].polls[-1].votes) == len(poll.voters)


def test_the_apps_export_dialog_still_writes_elsewhere(demo_dir: Path, elsewhere: Path, clock: Clock) -> None:
    message, still_open = asyncio.run(export_from_the_app(demo_dir, clock, elsewhere / "bien-ban.md"))
    assert not still_open and message == ""
    assert "BIÊN BẢN" in (elsewhere / "bien-ban.md").read_text(encoding="utf-8")


def test_a_hard_link_to_the_journal_is_replaced_not_written_through(
    demo_dir: Path, elsewhere: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A hard link has no path inside the data folder, but the report takes its name: the journal is untouched."""
    journal = DataFolder(demo_dir).journal_path(PLANNED)
    link = elsewhere / "minutes.md"
    os.link(journal, link)
    before = journal.read_bytes()
    code, _ = cli(capsys, "export", PLANNED, "--data", demo_dir, "--output", link)
    assert code == 0 and "BIÊN BẢN" in link.read_text(encoding="utf-8")
    assert journal.read_bytes() == before
    assert verify_session(demo_dir, PLANNED).ok


def test_the_readme_screenshots_are_never_written_into_a_data_folder(demo_dir: Path, elsewhere: Path) -> None:
    """scripts/screenshots.py writes its SVGs through the same guard: `--out` inside a data folder is refused."""
    from models.errors import DomainError
    from scripts.screenshots import Camera, fixed_clock

    async def shoot(out: Path) -> None:
        app = CouncilApp(demo_dir, clock=fixed_clock)
        async with app.run_test(size=(100, 30)) as pilot:
            await app.workers.wait_for_complete()
            await Camera(app, out).shot(pilot, "picker")
            await pilot.press("ctrl+q")

    before = data_files(demo_dir)
    for out in (demo_dir, demo_dir / "sessions" / PLANNED, demo_dir / "council"):
        with pytest.raises(DomainError) as caught:
            asyncio.run(shoot(out))
        assert caught.value.key == refusal_for(out), caught.value.key
    after = data_files(demo_dir)
    after.pop("state.json", None), before.pop("state.json", None)
    assert after == before
    asyncio.run(shoot(elsewhere))
    assert (elsewhere / "picker.svg").read_bytes().startswith(b"<svg")


def test_members_cards_are_never_written_inside_a_data_folder(demo_dir: Path, tmp_path: Path) -> None:
    """The cards carry every member's voting link: the room screen's `p` writes them through the same guard."""
    from sessions.export.member_cards import write_member_cards

    before = data_files(demo_dir)
    for folder in (demo_dir, demo_dir / "sessions" / PLANNED, demo_dir / "council"):
        with pytest.raises(DomainError) as caught:
            write_member_cards(folder, PLANNED, b"%PDF-1.4 cards")
        assert caught.value.key == refusal_for(folder), caught.value.key
    assert data_files(demo_dir) == before
    written = write_member_cards(tmp_path, PLANNED, b"%PDF-1.4 cards")
    assert written.read_bytes() == b"%PDF-1.4 cards"


def test_the_refusal_names_the_folder_as_the_user_knows_it(demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A report aimed into a session's folder is refused as "the session folder", not "the council data folder"."""
    session = DataFolder(demo_dir).session_dir(PLANNED)
    code, said = cli(capsys, "export", PLANNED, "--data", demo_dir, "--output", session / "journal.jsonl")
    assert code == 2 and f"nằm trong thư mục của phiên họp {session}" in said, said
    code, said = cli(capsys, "export", PLANNED, "--data", demo_dir, "--output", demo_dir / "council.json")
    assert code == 2 and f"nằm trong thư mục dữ liệu của hội đồng {demo_dir}" in said, said
    main(["--lang", "en", "export", PLANNED, "--data", str(demo_dir), "--output", str(session / "x.md")])
    assert f"is inside the session folder {session}" in capsys.readouterr().err


def test_a_session_folder_reached_through_a_link_or_a_backup_is_named_truly(demo_dir: Path, tmp_path: Path) -> None:
    """A session's folder through a symlink is "the session folder", and a file among the backups is in "the council
    data folder" (the council's own, not the backup's copy): the refusal said "council data folder <link>" and named
    a backup's folder as the council's."""
    from sessions.report_file import refuse_unsafe_report

    session = DataFolder(demo_dir).session_dir(PLANNED)
    link = tmp_path / "linked-session"
    link.symlink_to(session, target_is_directory=True)
    with pytest.raises(DomainError) as caught:
        refuse_unsafe_report(link / "journal.jsonl")
    assert caught.value.key == "error.export_into_session", caught.value.key
    backup = next((demo_dir / "backups").glob("*/*/"))
    with pytest.raises(DomainError) as caught:
        refuse_unsafe_report(backup / "minutes.md")
    assert caught.value.key == "error.export_into_data" and caught.value.params["folder"] == str(demo_dir)
