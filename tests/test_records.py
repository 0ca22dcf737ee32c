"""What the record keeps of the meeting as it happened: actual times, attendance changes, who may vote, undo."""

from __future__ import annotations

import datetime as dt
import errno
import io
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from models.council import FoundingDecision
from models.errors import DomainError
from models.i18n import set_language
from models.poll import Choice
from models.record import SessionRecord
from sessions.exporting import render
from sessions.storage import DataFolder
from tests.conftest import FIRST
from tests.meeting import start_meeting
from tests.test_journal import failing, on_journal

Clock = Callable[[], dt.datetime]


# --- undo after a vote the disk refused (issue 15, item 5)


def test_undo_after_a_refused_vote_puts_back_the_last_vote_that_was_recorded(
    demo_dir: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = start_meeting(demo_dir, clock)
    poll = service.open_poll()
    first, second = poll.voters[0], poll.voters[1]
    service.record_vote(first, Choice.YES)
    failing(monkeypatch, "write", errno.ENOSPC, on_journal(service))
    with pytest.raises(DomainError):
        service.record_vote(second, Choice.NO)
    monkeypatch.undo()
    assert service.undo_last_vote()  # undoes the first vote: the refused one was never recorded
    assert service.record.open_poll().votes == {}
    assert not service.undo_last_vote()
    service.close()


def test_an_undo_the_disk_refuses_can_be_tried_again(
    demo_dir: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = start_meeting(demo_dir, clock)
    poll = service.open_poll()
    service.record_vote(poll.voters[0], Choice.YES)
    failing(monkeypatch, "fsync", errno.EIO, on_journal(service))
    with pytest.raises(DomainError):
        service.undo_last_vote()
    monkeypatch.undo()
    assert service.record.open_poll().votes == {poll.voters[0]: Choice.YES}
    assert service.undo_last_vote()
    assert service.record.open_poll().votes == {}
    service.close()


# --- the minutes in every format a council files


def minutes_texts(record: SessionRecord) -> dict[str, str]:
    """The minutes' text as Markdown, DOCX and PDF render it, white space folded to single spaces."""
    md = render(record, "md").decode("utf-8")
    document = docx.Document(io.BytesIO(render(record, "docx")))
    cells = [c.text for table in document.tables for row in table.rows for c in row.cells]
    word = "\n".join([p.text for p in document.paragraphs] + cells)
    pdf = "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(render(record, "pdf"))).pages)
    return {fmt: " ".join(text.split()) for fmt, text in {"md": md, "docx": word, "pdf": pdf}.items()}


# --- the legal basis when the council's file leaves the signer out (issue 15, item 7)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("vi", "Căn cứ Quyết định số 45/QĐ-BV về việc thành lập"),
        ("en", "Pursuant to Decision No. 45/QĐ-BV establishing the"),
    ],
)
def test_the_legal_basis_reads_well_without_a_signer_or_a_date(demo_dir: Path, lang: str, expected: str) -> None:
    set_language(lang)
    record, _ = DataFolder(demo_dir).load_record(FIRST)
    record.council.decision = FoundingDecision(number="45/QĐ-BV")
    for fmt, text in minutes_texts(record).items():
        assert expected in text, fmt
        assert "của về" not in text and "of the establishing" not in text and "ngày của" not in text, fmt
    record.council.decision = FoundingDecision(number="45/QĐ-BV", date=dt.date(2026, 3, 5))
    dated = "Căn cứ Quyết định số 45/QĐ-BV ngày 05/03/2026 về việc thành lập" if lang == "vi" else "No. 45/QĐ-BV dated"
    assert dated in minutes_texts(record)["md"]
