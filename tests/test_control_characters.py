"""Control characters (terminal escapes, bells, C1 codes) never enter the data, reach a terminal or break an export."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest

from cli import main
from models.errors import DomainError
from models.initiative import Initiative
from models.session import Session
from models.text import TITLE_MAX
from sessions.council_setup import create_planned_session
from sessions.exporting import render
from sessions.importing import preview_initiatives
from sessions.storage import DataFolder
from tests.conftest import FIRST, PLANNED
from tests.test_import import GOOD, HEADER, csv_bytes

EVIL = "Phiên\x1b[31m đỏ\x1b[0m\x07 \x1b]0;pwned\x07họp\x85\x00 \x9b2J"


def _has_controls(text: str) -> bool:
    return any((ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F for c in text)


def test_the_models_strip_controls_whatever_builds_them():
    session = Session.model_validate({"id": "x", "title": EVIL, "date": "2026-12-01"})
    assert session.title == "Phiên đỏ họp 2J"
    item = Initiative.model_validate(
        {
            "id": "a",
            "code": "SK\x1b[1m-1",
            "title": "T\nwo\tlines",
            "description": "keep\n\tthis\x1b[2J",
            "type": "technical",
            "authors": [{"name": "A\x07n", "share": 100}],
        }
    )
    assert (item.code, item.title, item.description) == ("SK-1", "T wo lines", "keep\n\tthis")


def test_a_session_titled_with_escapes_is_listed_clean(demo_dir, capsys):
    session_id = create_planned_session(DataFolder(demo_dir), title=EVIL, date=dt.date(2026, 12, 1))
    assert main(["sessions", "--data", str(demo_dir)]) == 0
    out = capsys.readouterr().out
    assert session_id in out and "Phiên đỏ họp 2J" in out
    assert not _has_controls(out)


def test_the_import_preview_echoes_no_escape(demo_dir, tmp_path, capsys):
    row = [*GOOD]
    row[1] = "Sổ tay\x1b[5m điện tử\x1b[0m"
    path = tmp_path / "a.csv"
    path.write_bytes(csv_bytes([HEADER, row]))
    assert main(["import", str(path), "--data", str(demo_dir), "--session", PLANNED, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Sổ tay điện tử" in out
    assert not _has_controls(out)


@pytest.mark.parametrize(
    "argv",
    [
        ["import", "nope\x1b]0;pwned\x07.xlsx", "--session", PLANNED],  # a file that is not there
        ["export", "S\x1b[31m"],  # a session that is not there
    ],
)
def test_a_name_echoed_in_an_error_shows_its_escapes_instead_of_running_them(demo_dir, tmp_path, capsys, argv):
    """A file name or argument with a terminal escape in it: the message names it, the escape written out."""
    code = main([*argv, "--data", str(demo_dir), "--lang", "en"])
    captured = capsys.readouterr()
    text = captured.out + captured.err
    assert code != 0
    assert "\\x1b" in text  # the user still sees which name was wrong
    assert not _has_controls(text)


def test_a_session_title_too_long_is_refused_with_the_limit(demo_dir):
    with pytest.raises(DomainError) as refused:
        create_planned_session(DataFolder(demo_dir), title="Phiên " * 60, date=dt.date(2026, 12, 1))
    assert str(TITLE_MAX) in str(refused.value)


def test_an_initiative_title_with_controls_imports_clean(demo_dir):
    record = DataFolder(demo_dir).load_record(PLANNED)[0]
    row = [*GOOD]
    row[1] = "Sổ tay\x1b[5m điện tử\x0b"
    plan = preview_initiatives(csv_bytes([HEADER, row]), record, name="a.csv")
    assert plan.ok
    assert plan.initiatives[0].title == "Sổ tay điện tử"


def test_the_word_minutes_survive_controls_and_a_long_title_already_on_disk(demo_dir):
    record, report = DataFolder(demo_dir).load_record(FIRST)
    # as a file written before these rules could hold it: assigned, not validated
    record.session.title = "Phiên họp xét sáng kiến " * 12 + "\x1b[31m\x07"
    data = render(record, "docx", report.chain_head)
    word = docx.Document(io.BytesIO(data))
    assert len(word.core_properties.title) <= 255
    assert not _has_controls(word.core_properties.title)
    assert "Phiên họp xét sáng kiến" in "\n".join(p.text for p in word.paragraphs)


def test_the_session_form_names_the_title_field_when_it_is_too_long():
    from models.forms import session_changes_from_form
    from models.parsing import FormErrors

    with pytest.raises(FormErrors) as refused:
        session_changes_from_form({"title": "x" * (TITLE_MAX + 1)}, members=[])
    assert set(refused.value.errors) == {"title"}
    assert str(TITLE_MAX) in refused.value.messages["title"]
