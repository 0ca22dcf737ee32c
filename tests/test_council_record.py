"""Tamper evidence for council.json (sessions/council_record.py): a change made outside council is refused.

Before it, one bit changed in council.json turned the passing threshold from 2/3 into 1/3: `council
rules` showed it, new sessions took it, and `council verify` said OK.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from models.errors import DomainError
from models.i18n import set_language
from models.rules import PRESETS
from sessions.council_record import COUNCIL_DIR
from sessions.council_setup import CouncilEditor, create_planned_session
from sessions.listing import quick_listing
from sessions.paths import JOURNAL_FILE
from sessions.storage import DataFolder
from tests.test_cli import run, snapshot

SAMPLES = Path(__file__).parent / "data" / "schema_v0"


@pytest.fixture(autouse=True)
def _english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


def flip_threshold(data: Path) -> None:
    """One bit: the passing threshold's numerator 2 becomes 1 (2/3 -> 1/3), the file still valid."""
    path = data / "council.json"
    content = bytearray(path.read_bytes())
    at = content.index(b'"pass_threshold"')
    at = content.index(b'"numerator": 2', at) + len(b'"numerator": ')
    content[at] ^= 0x03
    path.write_bytes(bytes(content))


def test_one_bit_changed_in_the_council_file_is_refused_everywhere(
    demo_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    flip_threshold(demo_dir)
    before = snapshot(demo_dir)
    for command in (["rules"], ["sessions"], ["new-session", "--title", "Phiên bổ sung", "--date", "01/02/2027"]):
        code, out, err = run(capsys, *command, "--data", demo_dir, "--lang", "en")
        assert code == 2, (command, out, err)
        assert "council.json was changed outside council" in err and "nothing was written over it" in err
        assert "1/3" not in out
    code, _, err = run(capsys, "rules", "--data", demo_dir, "--lang", "vi")
    assert code == 2 and "đã bị sửa bên ngoài council" in err
    code, out, _ = run(capsys, "verify", "--data", demo_dir, "--lang", "en")
    assert code == 3 and "Council file: FAILED" in out
    code, out, _ = run(capsys, "verify", "2026-05-14", "--data", demo_dir, "--lang", "en")
    assert code == 3 and "Council file: FAILED" in out  # the session verifies, the council does not
    assert snapshot(demo_dir) == before  # nothing written over it, no session created
    assert quick_listing(demo_dir) is None  # the app's first screen does not believe it either


def test_no_session_inherits_a_forged_rulebook_and_no_save_writes_over_it(demo_dir: Path) -> None:
    folder = DataFolder(demo_dir)
    read_before = folder.load_council()
    flip_threshold(demo_dir)
    forged = folder.council_path.read_bytes()
    with pytest.raises(DomainError) as caught:
        create_planned_session(folder, title="Phiên bổ sung", date=dt.date(2027, 2, 1))
    assert caught.value.key == "error.council_edited"
    with pytest.raises(DomainError):
        CouncilEditor(folder)  # the app's council screens: refused with the message
    with pytest.raises(DomainError) as caught:
        # Even a program that read the council before the edit cannot save over the forged file.
        folder.save_council(read_before)
    assert caught.value.key == "error.council_edited"
    assert folder.council_path.read_bytes() == forged
    assert sorted(folder.session_ids()) == ["2026-05-14", "2026-11-22"]


def test_changes_made_through_council_verify_and_are_kept(demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = DataFolder(demo_dir)
    CouncilEditor(folder).set_preset("simple_majority")
    assert folder.load_council().rulebook == PRESETS["simple_majority"]
    code, out, _ = run(capsys, "verify", "--data", demo_dir, "--lang", "en")
    assert code == 0 and "Council file council.json: OK: 2 records" in out
    assert quick_listing(demo_dir) is not None


def test_a_save_cut_off_after_its_record_uses_the_journal_version(demo_dir: Path, capsys) -> None:
    """A crash between the journal's record and council.json (or council.json put back one save): the record wins."""
    folder = DataFolder(demo_dir)
    older = folder.council_path.read_bytes()
    CouncilEditor(folder).set_preset("unanimity")
    folder.council_path.write_bytes(older)
    assert folder.load_council().rulebook == PRESETS["unanimity"]
    code, out, _ = run(capsys, "verify", "--data", demo_dir, "--lang", "en")
    assert code == 0 and "one save behind its journal" in out
    CouncilEditor(folder).set_preset("circular18")  # the next save writes the file again
    code, out, _ = run(capsys, "verify", "--data", demo_dir, "--lang", "en")
    assert code == 0 and "OK: 3 records" in out


def test_records_cut_off_the_council_journal_are_noticed(demo_dir: Path, capsys) -> None:
    """The journal's end is anchored: cutting the last save and putting back the older file is not a way in."""
    folder = DataFolder(demo_dir)
    journal = demo_dir / COUNCIL_DIR / JOURNAL_FILE
    older, first = folder.council_path.read_bytes(), journal.read_bytes()
    CouncilEditor(folder).set_preset("simple_majority")
    journal.write_bytes(first)
    folder.council_path.write_bytes(older)
    with pytest.raises(DomainError) as caught:
        folder.load_council()
    assert caught.value.key == "error.council_truncated"
    code, out, _ = run(capsys, "verify", "--data", demo_dir, "--lang", "en")
    assert code == 3 and "records were removed from its end" in out
    journal.unlink()  # the whole journal removed, the anchor left: still noticed
    with pytest.raises(DomainError):
        folder.load_council()


def test_an_edited_council_journal_is_noticed(demo_dir: Path, capsys) -> None:
    journal = demo_dir / COUNCIL_DIR / JOURNAL_FILE
    journal.write_bytes(journal.read_bytes().replace(b'"numerator":2', b'"numerator":1', 1))
    with pytest.raises(DomainError) as caught:
        DataFolder(demo_dir).load_council()
    assert caught.value.key == "error.council_damaged"
    code, out, _ = run(capsys, "verify", "--data", demo_dir, "--lang", "vi")
    assert code == 3 and "KHÔNG KHỚP" in out


def test_an_older_versions_folder_opens_and_starts_its_record_at_the_first_save(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "old"
    shutil.copytree(SAMPLES, data, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    folder = DataFolder(data)
    assert not (data / COUNCIL_DIR).exists()
    before = snapshot(data)
    assert folder.load_council().members  # version 0, migrated on reading, as before
    code, out, _ = run(capsys, "verify", "--data", data, "--lang", "en")
    assert code == 0 and "not covered yet" in out and "next save" in out
    assert snapshot(data) == before  # reading starts nothing
    CouncilEditor(folder).set_preset("two_thirds_present")
    code, out, _ = run(capsys, "verify", "--data", data, "--lang", "en")
    assert code == 0 and "OK: 1 records" in out
    flip_threshold(data)
    with pytest.raises(DomainError):
        folder.load_council()


def test_init_and_demo_start_the_record(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "demo"
    assert run(capsys, "demo", "--data", data)[0] == 0
    assert (data / COUNCIL_DIR / JOURNAL_FILE).exists()
    code, out, _ = run(capsys, "verify", "--data", data, "--lang", "en")
    assert code == 0 and "OK: 1 records" in out
    code, _, err = run(capsys, "verify", "--data", tmp_path / "nothing", "--lang", "en")
    assert code == 2 and "There is no council" in err


def test_a_second_program_saving_the_council_meanwhile_is_refused_and_changes_nothing(demo_dir: Path) -> None:
    """Two real processes: while one saves the council (holding council/lock), the other's save is refused."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(demo_dir / COUNCIL_DIR)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "READY"
        folder = DataFolder(demo_dir)
        before = snapshot(demo_dir)
        with pytest.raises(DomainError) as caught:
            CouncilEditor(folder).set_preset("unanimity")
        assert caught.value.key == "error.council_busy" and str(holder.pid) in str(caught.value)
        assert "Nothing was changed" in t_en(caught.value)
        after = snapshot(demo_dir)
        after.pop(f"{COUNCIL_DIR}/lock-holder.json", None)
        before.pop(f"{COUNCIL_DIR}/lock-holder.json", None)
        assert after == before
    finally:
        holder.kill()
        holder.wait()
    CouncilEditor(folder).set_preset("unanimity")  # the holder gone (killed), the lock is free
    assert folder.load_council().rulebook == PRESETS["unanimity"]


HOLD = """
import sys
import datetime as dt
from pathlib import Path
from sessions.lock import SessionLock
SessionLock(Path(sys.argv[1])).acquire(dt.datetime(2026, 11, 22, 14, 0))
print("READY", flush=True)
sys.stdin.readline()
"""


def t_en(error: DomainError) -> str:
    set_language("en")
    return str(error)


def test_restore_council_puts_back_the_version_council_last_saved(
    demo_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = (demo_dir / "council.json").read_bytes()
    flip_threshold(demo_dir)
    forged = (demo_dir / "council.json").read_bytes()
    code, _, err = run(capsys, "restore", "--council", "--data", demo_dir, "--lang", "en")
    assert code == 2 and "add --yes" in err  # no terminal to confirm in (pytest's stdin)
    assert (demo_dir / "council.json").read_bytes() == forged
    code, out, _ = run(capsys, "restore", "--council", "--yes", "--data", demo_dir, "--lang", "en")
    assert code == 0 and "is again the version council last saved" in out
    assert (demo_dir / "council.json").read_bytes() == saved
    kept = list((demo_dir / COUNCIL_DIR / "replaced").iterdir())
    assert [p.read_bytes() for p in kept] == [forged]  # the edited file kept aside, for whoever wants to see it
    assert run(capsys, "rules", "--data", demo_dir, "--lang", "en")[0] == 0
    code, out, _ = run(capsys, "restore", "--council", "--yes", "--data", demo_dir, "--lang", "en")
    assert code == 0 and "nothing was changed" in out


def test_restore_council_refuses_a_journal_that_fails_and_an_older_folder(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    journal = demo_dir / COUNCIL_DIR / JOURNAL_FILE
    journal.write_bytes(journal.read_bytes().replace(b'"numerator":2', b'"numerator":1', 1))
    before = snapshot(demo_dir)
    code, _, err = run(capsys, "restore", "--council", "--yes", "--data", demo_dir, "--lang", "en")
    assert code == 2 and "does not verify" in err
    after = snapshot(demo_dir)
    after.pop(f"{COUNCIL_DIR}/lock", None), before.pop(f"{COUNCIL_DIR}/lock", None)
    assert after == before
    data = tmp_path / "old"
    shutil.copytree(SAMPLES, data, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    code, _, err = run(capsys, "restore", "--council", "--yes", "--data", data, "--lang", "en")
    assert code == 2 and "no record of its saves" in err
    assert not (data / COUNCIL_DIR).exists()


@pytest.mark.parametrize("session", [None, "2026-11-22"])
def test_the_app_stops_on_a_forged_council_file_with_the_message(
    demo_dir: Path, clock, session: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    """The app (the session list, or straight on a session behind its glance) says why and writes nothing."""
    from tui.app import CouncilApp

    flip_threshold(demo_dir)
    before = snapshot(demo_dir)

    async def go() -> int | None:
        app = CouncilApp(demo_dir, session_id=session, clock=clock)
        async with app.run_test(size=(110, 30)) as pilot:
            for _ in range(4):
                await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
        return app.return_code

    assert asyncio.run(go()) == 2
    said = " ".join(capsys.readouterr().err.split())
    assert "đã bị sửa bên ngoài council" in said
    after = snapshot(demo_dir)
    after.pop("state.json", None), before.pop("state.json", None)
    assert after == before


def test_removing_the_councils_record_to_pass_an_edit_is_noticed_through_its_sessions(
    demo_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without council/ the folder looks like an older version's, but its sessions name the record they began at."""
    shutil.rmtree(demo_dir / COUNCIL_DIR)
    flip_threshold(demo_dir)
    before = snapshot(demo_dir)
    with pytest.raises(DomainError) as caught:
        DataFolder(demo_dir).load_council()
    assert caught.value.key == "error.council_removed" and "2026-" in str(caught.value)
    code, out, _ = run(capsys, "verify", "--data", demo_dir, "--lang", "en")
    assert code == 3 and "was removed or cut" in out
    with pytest.raises(DomainError):
        CouncilEditor(DataFolder(demo_dir))
    assert snapshot(demo_dir) == before


def test_a_session_created_later_names_the_councils_newest_record(demo_dir: Path) -> None:
    folder = DataFolder(demo_dir)
    CouncilEditor(folder).set_preset("simple_majority")
    session = create_planned_session(folder, title="Phiên bổ sung", date=dt.date(2027, 2, 1))
    first = (folder.session_dir(session) / JOURNAL_FILE).read_bytes().split(b"\n", 1)[0]
    assert b'"council":{"chain_head":' in first and b'"journal_seq":2}' in first
    assert DataFolder(demo_dir).load_record(session)[0].rulebook == PRESETS["simple_majority"]
