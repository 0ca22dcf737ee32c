"""The `council` command line, in-process and once through the installed console script."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cli import detect_language, main
from tests.conftest import FIRST, PLANNED

COUNCIL_SCRIPT = Path(sys.executable).parent / "council"


@pytest.fixture(autouse=True)
def _english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """A known locale: English unless a test says otherwise."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes, to prove nothing was written."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# --- demo and sessions


def test_demo_into_an_empty_folder_then_list_sessions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "new-council"
    code, out, err = run(capsys, "demo", "--data", data)
    assert code == 0, err
    assert str(data) in out and "2026-05-14" in out
    assert (data / "council.json").exists()
    code, out, err = run(capsys, "sessions", "--data", data)
    assert code == 0, err
    assert "Hội đồng Sáng kiến Bệnh viện Nguyễn Đình Chiểu" in out
    ids = [line.split()[0] for line in out.splitlines()[1:]]
    assert len(ids) == 2 and "2026-05-14" in ids


def test_demo_refuses_a_folder_that_holds_a_council(demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(demo_dir)
    code, _out, err = run(capsys, "demo", "--data", demo_dir)
    assert code == 2
    assert str(demo_dir) in err and "empty folder" in err
    assert snapshot(demo_dir) == before


def test_demo_refuses_a_folder_with_sessions_but_no_council(demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (demo_dir / "council.json").unlink()
    before = snapshot(demo_dir)
    code, _, err = run(capsys, "demo", "--data", demo_dir)
    assert code == 2 and str(demo_dir) in err
    assert snapshot(demo_dir) == before
    assert not (demo_dir / "council.json").exists()


def test_demo_into_a_path_that_is_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_bytes(b"my notes")
    for data in (not_a_folder, not_a_folder / "sub"):
        code, _, err = run(capsys, "demo", "--data", data)
        assert code == 2
        assert str(data) in err
    assert not_a_folder.read_bytes() == b"my notes"


def test_sessions_lists_ids_dates_status_and_progress(demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "sessions", "--data", demo_dir, "--lang", "vi")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Hội đồng Sáng kiến Bệnh viện Nguyễn Đình Chiểu"
    planned, closed = lines[1:]
    assert planned.split()[:2] == [PLANNED, "22/11/2026"] and "dự kiến" in planned and "0/12" in planned
    assert closed.split()[:2] == [FIRST, "14/05/2026"] and "đã kết thúc" in closed and "9/9" in closed


def test_data_and_lang_may_come_before_the_subcommand(demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--data", demo_dir, "--lang", "vi", "sessions")
    assert code == 0, err
    assert FIRST in out and "đã kết thúc" in out


# --- export


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_export_markdown(demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str) -> None:
    output = tmp_path / "out" / "minutes.md"
    output.parent.mkdir()  # an existing folder: a missing one is refused (tests/test_cli_terminal.py)
    code, out, err = run(
        capsys, "export", FIRST, "--data", demo_dir, "--format", "md", "--output", output, "--lang", lang
    )
    assert code == 0, err
    assert str(output) in out
    text = output.read_text(encoding="utf-8")
    if lang == "vi":
        assert "# BIÊN BẢN HỌP HỘI ĐỒNG SÁNG KIẾN" in text and "246.500.000 đồng" in text
    else:
        assert "# MINUTES OF THE INITIATIVE COUNCIL MEETING" in text and "246,500,000 VND" in text


def test_export_json(demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "record.json"
    code, _, err = run(capsys, "export", FIRST, "--data", demo_dir, "--format", "json", "--output", output)
    assert code == 0, err
    doc = json.loads(output.read_text(encoding="utf-8"))
    assert doc["session"]["id"] == FIRST
    assert doc["attendance"]["m6"]["presence"] == "absent"
    assert {p["mode"] for item in doc["initiatives"] for p in item["polls"]} == {"open", "secret", "scoring", "paper"}


def test_export_replaces_an_existing_file(demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "minutes.md"
    output.write_text("old", encoding="utf-8")
    code, _, _ = run(capsys, "export", FIRST, "--data", demo_dir, "--output", output, "--lang", "vi")
    assert code == 0
    assert output.read_text(encoding="utf-8").startswith("| **SỞ Y TẾ TỈNH VĨNH LONG**")


def test_export_without_output_writes_a_named_file_here(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "export", FIRST, "--data", demo_dir, "--lang", "vi")
    assert code == 0
    assert (tmp_path / "bien-ban-14-05-2026.md").exists()
    assert "bien-ban-14-05-2026.md" in out


def test_export_does_not_change_the_data_folder(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(demo_dir)
    run(capsys, "export", FIRST, "--data", demo_dir, "--output", tmp_path / "m.md")
    run(capsys, "export", PLANNED, "--data", demo_dir, "--format", "json", "--output", tmp_path / "m.json")
    assert snapshot(demo_dir) == before


# --- bad input: exit 2, a message naming the problem, nothing overwritten


def test_unknown_session_lists_the_known_ones(demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "export", "2026-13-01", "--data", demo_dir, "--output", demo_dir / "x.md")
    assert code == 2
    assert "2026-13-01" in err and f"{FIRST}, {PLANNED}" in err
    assert not (demo_dir / "x.md").exists()
    code, _, err = run(capsys, "export", "../../etc", "--data", demo_dir)
    assert code == 2 and FIRST in err


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b'{"council": {"1": {"schema_version": 1, "info": {"na', "damaged"),  # cut off mid-write
        (b"\xff\xfe garbage", "damaged"),
        (b'{"name": "my-app", "version": "1.0.0"}', "not a council data file"),  # package.json
        (b'{"compilerOptions": {"strict": true}}', "not a council data file"),  # tsconfig.json
        (b'{"council": {"1": 5}}', "not a council data file"),
        (b'{"council": {"1": {"schema_version": "one"}}}', "not a council data file"),
        (b"[1, 2, 3]", "not a council data file"),
        (b'{"council": {"1": {"schema_version": 1, "info": {"name": ""}}}, "rulebook": {"1": {}}}', "not valid"),
        (b'{"council": {"1": {"schema_version": 99}}}', "newer version"),
    ],
)
def test_a_bad_council_file_is_named_and_left_alone(
    demo_dir: Path, capsys: pytest.CaptureFixture[str], content: bytes, problem: str
) -> None:
    council = demo_dir / "council.json"
    council.write_bytes(content)
    before = snapshot(demo_dir)
    for command in (["sessions"], ["demo"]):
        code, out, err = run(capsys, *command, "--data", demo_dir)
        assert code == 2, (command, out, err)
        assert str(demo_dir) in err
        assert snapshot(demo_dir) == before
    code, _, err = run(capsys, "sessions", "--data", demo_dir)
    assert str(council) in err and problem in err


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("session.json", b'{"meta": {"1": {"schema_version": 1}'),
        ("session.json", b'{"compilerOptions": {"strict": true}}'),
        ("journal.jsonl", b'{"name": "not a journal"}\n'),
    ],
)
def test_a_bad_session_file_is_named_and_left_alone(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes
) -> None:
    path = demo_dir / "sessions" / FIRST / name
    path.write_bytes(content)
    (demo_dir / "sessions" / FIRST / "summary.json").unlink()  # so that `sessions` must read the session itself
    before = snapshot(demo_dir)
    code, _, err = run(capsys, "export", FIRST, "--data", demo_dir, "--output", tmp_path / "m.md")
    assert code in (0, 2), err
    if name == "journal.jsonl":  # the journal is the source of truth: nothing can be exported without it
        assert code == 2
    if code == 2:
        assert str(path) in err
    else:  # a program may rebuild from the journal alone; then it must still say nothing false
        assert (tmp_path / "m.md").exists()
    assert snapshot(demo_dir) == before
    code, _out, err = run(capsys, "sessions", "--data", demo_dir)
    assert code in (0, 2)
    assert code == 0 or str(path) in err
    assert snapshot(demo_dir) == before


def test_a_folder_without_a_council_gets_a_hint(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "nothing-here"
    empty.mkdir()
    for command in (["sessions"], ["export", FIRST]):
        code, _out, err = run(capsys, *command, "--data", empty)
        assert code == 2, command
        assert f"council demo --data {empty}" in err
    assert list(empty.iterdir()) == []


def test_argument_errors_exit_2_without_a_traceback(demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for args in (["export", FIRST, "--data", str(demo_dir), "--format", "doc"], ["no-such-command"], ["--lang", "fr"]):
        with pytest.raises(SystemExit) as caught:
            main(args)
        assert caught.value.code == 2
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err and "usage:" in err


# --- language


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({"LANG": "vi_VN.UTF-8"}, "vi"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "C"}, "en"),
        ({}, "en"),
        ({"LC_ALL": "vi_VN.UTF-8", "LANG": "en_US.UTF-8"}, "vi"),
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "vi_VN.UTF-8"}, "en"),
        ({"LC_MESSAGES": "vi_VN", "LANG": "en_US.UTF-8"}, "vi"),
        ({"LC_ALL": "", "LANG": "vi_VN.UTF-8"}, "vi"),
    ],
)
def test_detect_language(environ: dict[str, str], lang: str) -> None:
    assert detect_language(environ) == lang


def test_locale_chooses_the_language_and_lang_overrides_it(
    demo_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    code, _, err = run(capsys, "export", "nope", "--data", demo_dir)
    assert code == 2 and err.startswith("Không có phiên họp nope. Các phiên họp hiện có:")
    code, _, err = run(capsys, "export", "nope", "--data", demo_dir, "--lang", "en")
    assert code == 2 and err.startswith("There is no session nope. Known sessions:")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    code, _, err = run(capsys, "--lang=vi", "export", "nope", "--data", demo_dir)
    assert err.startswith("Không có phiên họp nope.")
    code, out, _ = run(capsys, "sessions", "--data", demo_dir)
    assert "closed" in out and "đã kết thúc" not in out


# --- the installed console script


def test_installed_console_script(demo_dir: Path, tmp_path: Path) -> None:
    assert COUNCIL_SCRIPT.exists(), "run `pip install -e .[dev]` so that the council script is installed"
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    env["LANG"] = "vi_VN.UTF-8"
    output = tmp_path / "bien-ban.md"
    done = subprocess.run(
        [str(COUNCIL_SCRIPT), "export", FIRST, "--data", str(demo_dir), "--format", "md", "--output", str(output)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Đã ghi:")
    assert "BIÊN BẢN HỌP HỘI ĐỒNG SÁNG KIẾN" in output.read_text(encoding="utf-8")
    done = subprocess.run(
        [str(COUNCIL_SCRIPT), "sessions", "--data", str(demo_dir / "missing")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stdout + done.stderr
    assert "council demo --data" in done.stderr and done.stderr.startswith("Thư mục")


@pytest.mark.parametrize(
    ("argv", "opens"),
    [
        ([], True),
        (["--data", "d"], True),
        (["app", "--session", "s"], True),
        (["--lang", "vi", "app"], True),
        (["export", "s"], False),
        (["new-session", "--title", "x"], False),
        (["import", "f.csv"], False),
        (["--data", "sessions"], True),
        (["bogus"], False),
        (["--data", "d", "sessions"], False),
        (["--help"], False),
        (["app", "-h"], False),
    ],
)
def test_only_opening_the_app_skips_the_other_commands(argv: list[str], opens: bool) -> None:
    from cli import command_asked

    assert (command_asked(argv) == "app") is opens


def test_opening_the_app_loads_no_importer_renderer_or_demo_builder() -> None:
    """The chair waits for the agenda: its start must not load what only other commands use."""
    probe = (
        "import sys; from cli import build_parser; build_parser(only='app');"
        "print(sorted(m for m in sys.modules if m.startswith(('sessions.', 'pydantic'))))"
    )
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"


def test_help_still_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for command in ("app", "demo", "sessions", "export", "verify", "stats", "import", "template", "restore"):
        assert command in out


@pytest.mark.error_log_expected
def test_an_unexpected_error_is_logged_with_when_and_which_build(tmp_path: Path) -> None:
    from tui.errors import log_unexpected

    try:
        raise RuntimeError("boom")
    except RuntimeError:
        path = log_unexpected()
    assert path is not None and path.is_relative_to(Path(os.environ["XDG_STATE_HOME"]))
    text = path.read_text(encoding="utf-8")
    assert text.startswith("=== ") and " council 0.1.0 ===" in text.splitlines()[0]
    assert "RuntimeError: boom" in text


@pytest.mark.parametrize(
    ("argv", "module"),
    [
        ([], "app"),
        (["--data", "export"], "app"),
        (["export", "s", "--format", "pdf"], "export"),
        (["--data", "d", "new-session", "--title", "x"], "new_session"),
        (["import", "f.csv"], "import_"),
        (["stats", "--help"], None),
        (["bogus"], None),
    ],
)
def test_each_command_builds_only_its_own_parser(argv: list[str], module: str | None) -> None:
    from cli import command_asked

    assert command_asked(argv) == module


def test_a_misspelt_command_still_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["exprot", "2026-05-14"])
    err = capsys.readouterr().err
    assert "exprot" in err and "export" in err and "verify" in err
