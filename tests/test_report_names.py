"""A report is what its file's name says: a name ending in .xlsx gets a workbook, never Markdown in disguise.

`council export S --output list.xlsx` wrote Markdown into list.xlsx (the format defaulted to md), `--format pdf
--output minutes.docx` wrote a PDF named .docx, and `council stats --output s.xlsx` wrote the printed table:
files Excel or Word then refuse to open, found only at the office. The format now follows the name when it is not
given, and a name that says another format is refused in one sentence, writing nothing.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from cli import main
from models.errors import DomainError
from sessions.exporting import export_checked
from tests.conftest import PLANNED

CLOSED = "2026-05-14"


def cli(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str]:
    code = main(["--lang", "en", *(str(a) for a in args)])
    out, err = capsys.readouterr()
    return code, out + err


@pytest.mark.parametrize(("name", "magic"), [("list.xlsx", b"PK"), ("minutes.docx", b"PK"), ("minutes.pdf", b"%PDF")])
def test_without_a_format_the_export_follows_the_files_name(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, magic: bytes
) -> None:
    code, said = cli(capsys, "export", CLOSED, "--data", demo_dir, "--output", tmp_path / name)
    assert code == 0, said
    assert (tmp_path / name).read_bytes().startswith(magic)


def test_a_name_that_says_another_format_is_refused_and_nothing_written(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, said = cli(capsys, "export", CLOSED, "--data", demo_dir, "--format", "pdf", "--output", tmp_path / "m.docx")
    assert code == 2 and ".docx" in said and ".pdf" in said and "Traceback" not in said, said
    assert not (tmp_path / "m.docx").exists()
    code, said = cli(capsys, "stats", "--data", demo_dir, "--format", "csv", "--output", tmp_path / "s.xlsx")
    assert code == 2 and ".xlsx" in said and ".csv" in said, said
    assert not (tmp_path / "s.xlsx").exists()
    # The app's dialog writes through the same function: refused there too, in the chair's language.
    with pytest.raises(DomainError) as caught:
        export_checked(demo_dir, PLANNED, "md", tmp_path / "list.xlsx")
    assert caught.value.key == "error.report_wrong_suffix"
    assert not (tmp_path / "list.xlsx").exists()


def test_statistics_without_a_format_follow_the_files_name(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, said = cli(capsys, "stats", "--data", demo_dir, "--output", tmp_path / "s.xlsx")
    assert code == 0, said
    assert zipfile.is_zipfile(tmp_path / "s.xlsx")
    code, said = cli(capsys, "stats", "--data", demo_dir, "--output", tmp_path / "s.csv")
    assert code == 0 and not (tmp_path / "s.csv").read_bytes().startswith(b"PK"), said


def test_a_name_of_no_known_format_is_written_as_asked(demo_dir: Path, tmp_path: Path, capsys) -> None:
    code, said = cli(capsys, "export", CLOSED, "--data", demo_dir, "--output", tmp_path / "minutes.txt")
    assert code == 0 and (tmp_path / "minutes.txt").read_text(encoding="utf-8").strip(), said
