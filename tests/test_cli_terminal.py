"""The `council` command at the edges of a terminal: closed pipes, no terminal, --version, argparse's words."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cli import PIPE_CLOSED, main
from tests.conftest import PLANNED
from tests.meeting import journal_path
from tests.test_backup import run_meeting

COUNCIL_SCRIPT = Path(sys.executable).parent / "council"


def _env(tmp_path: Path, lang: str = "C.UTF-8") -> dict[str, str]:
    """The user's folders (where an error log would go) inside ``tmp_path``, and a known locale."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_") and k not in ("LANG", "LANGUAGE")}
    env |= {"LANG": lang, "HOME": str(tmp_path / "home"), "XDG_STATE_HOME": str(tmp_path / "state")}
    env |= {"XDG_CACHE_HOME": str(tmp_path / "cache"), "XDG_DATA_HOME": str(tmp_path / "share")}
    return env


def _into_closed_pipe(tmp_path: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run `council ARGS` with its standard output a pipe whose reader has already gone (`| head -c 0`)."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(
            [str(COUNCIL_SCRIPT), *map(str, args)],
            stdout=write_end,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
            env=_env(tmp_path),
            cwd=tmp_path,  # (a file named "-" would land here)
            timeout=60,
            check=False,
        )
    finally:
        os.close(write_end)


def _error_logs(tmp_path: Path) -> list[Path]:
    return list(tmp_path.rglob("council-error.log"))


@pytest.mark.parametrize("argv", [["rules"], ["sessions"], ["export", PLANNED, "--output", "-"]])
def test_a_closed_pipe_ends_quietly(demo_dir: Path, tmp_path: Path, argv: list[str]) -> None:
    done = _into_closed_pipe(tmp_path, *argv, "--data", demo_dir)
    assert done.stderr == ""
    assert done.returncode == PIPE_CLOSED
    assert not _error_logs(tmp_path)


def test_restore_into_a_closed_pipe_restores_and_does_not_say_nothing_changed(
    demo_dir: Path, tmp_path: Path, clock
) -> None:
    run_meeting(demo_dir, clock)
    before = journal_path(demo_dir).read_bytes()
    done = _into_closed_pipe(tmp_path, "restore", "--data", demo_dir, PLANNED, "2", "--yes")
    assert journal_path(demo_dir).read_bytes() != before  # restored
    assert "went wrong" not in done.stderr and "nothing was changed" not in done.stderr
    assert done.returncode == PIPE_CLOSED
    assert not _error_logs(tmp_path)


def test_the_app_without_a_terminal_says_so_and_stops(demo_dir: Path, tmp_path: Path) -> None:
    for argv in (["--data", str(demo_dir)], ["app", "--data", str(demo_dir), "--session", PLANNED]):
        done = subprocess.run(
            [str(COUNCIL_SCRIPT), *argv],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            env=_env(tmp_path),
            timeout=30,  # it used to spin at full CPU for ever
            check=False,
        )
        assert done.returncode == 2
        assert "needs a terminal" in done.stderr
        assert "Traceback" not in done.stderr


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("council ") and out.split()[1][0].isdigit()


def test_version_is_the_installed_distributions() -> None:
    from importlib.metadata import version

    import cli

    assert cli.council_version() == version("council-session")


def test_version_in_a_source_checkout_never_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    import tomllib
    from importlib import metadata

    import cli

    def not_installed(name: str) -> str:
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "version", not_installed)
    with open(Path(cli.__file__).parent.parent / "pyproject.toml", "rb") as file:
        expected = tomllib.load(file)["project"]["version"]
    assert cli.council_version() == f"{expected} (source checkout)"


def test_argparse_speaks_vietnamese_under_lang_vi(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "vi", "export"])
    err = capsys.readouterr().err
    assert "cách dùng: council export" in err and "thiếu các tham số bắt buộc sau: session" in err
    assert "usage:" not in err and "required" not in err
    with pytest.raises(SystemExit):
        main(["--lang", "vi", "export", PLANNED, "--format", "odt"])
    err = capsys.readouterr().err
    assert "lựa chọn không hợp lệ: 'odt'" in err and "invalid choice" not in err
    with pytest.raises(SystemExit):
        main(["--lang", "vi", "--help"])
    out = capsys.readouterr().out
    assert "hiện hướng dẫn này rồi thoát" in out and "show this help" not in out
    with pytest.raises(SystemExit):
        main(["--lang", "en", "export"])
    assert "the following arguments are required: session" in capsys.readouterr().err


# --- --output


def test_output_into_a_missing_folder_is_refused(demo_dir: Path, tmp_path: Path, capsys) -> None:
    for argv in (
        ["export", PLANNED, "--output", str(tmp_path / "no-such" / "minutes.md")],
        ["stats", "--format", "csv", "--output", str(tmp_path / "no-such" / "stats.csv")],
        ["template", str(tmp_path / "no-such" / "initiatives.xlsx")],
    ):
        assert main([*argv, "--data", str(demo_dir), "--lang", "en"]) == 2
        err = capsys.readouterr().err
        assert f"The folder {tmp_path / 'no-such'} does not exist" in err
    assert not (tmp_path / "no-such").exists()


def test_output_dash_is_standard_output(demo_dir: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["export", PLANNED, "--data", str(demo_dir), "--format", "json", "--output", "-"]) == 0
    out = capsys.readouterr().out
    assert out.lstrip().startswith("{") and PLANNED in out
    assert main(["stats", "--data", str(demo_dir), "--format", "csv", "--output", "-", "--lang", "en"]) == 0
    assert "INITIATIVE STATISTICS" in capsys.readouterr().out
    assert not (tmp_path / "-").exists()


def test_binary_output_dash_goes_to_a_pipe_but_not_to_a_terminal(demo_dir: Path, tmp_path: Path, monkeypatch) -> None:
    done = subprocess.run(
        [str(COUNCIL_SCRIPT), "export", PLANNED, "--data", str(demo_dir), "--format", "pdf", "--output", "-"],
        capture_output=True,
        env=_env(tmp_path),
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0 and done.stdout.startswith(b"%PDF")
    assert not (tmp_path / "-").exists()
    monkeypatch.setattr("sys.stdout.isatty", lambda: True, raising=False)
    assert main(["export", PLANNED, "--data", str(demo_dir), "--format", "docx", "--output", "-", "--lang", "en"]) == 2


def test_an_argument_that_is_not_utf8_is_cleaned_not_a_crash(demo_dir: Path, tmp_path: Path) -> None:
    """A title typed in a terminal set to another encoding reaches Python as lone surrogates."""
    title = "Phiên ".encode() + b"\x9b\xff" + " đỏ\x1b[31m".encode()
    argv = [str(COUNCIL_SCRIPT).encode(), b"new-session", b"--data", str(demo_dir).encode(), b"--title", title]
    done = subprocess.run(
        [*argv, b"--date", b"10/12/2026"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        env=_env(tmp_path),
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    listed = subprocess.run(
        [str(COUNCIL_SCRIPT), "sessions", "--data", str(demo_dir)],
        capture_output=True,
        env=_env(tmp_path),
        timeout=60,
        check=False,
    ).stdout.decode()
    assert "Phiên \ufffd\ufffd đỏ" in listed and "\x1b" not in listed
