"""Helpers for the storage tests: a meeting in progress on a copy of the demo."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from models.poll import Choice
from models.session import Conclusion, Finding, Presence
from sessions.anchor import remove_anchor, write_anchor
from sessions.service import FirstFrame, SessionService
from sessions.storage import DataFolder, dump_record
from tests.conftest import PLANNED

Clock = Callable[[], dt.datetime]


def start_meeting(data: Path, clock: Clock, first_frame: FirstFrame | None = None) -> SessionService:
    """Open the planned session for running, everyone present, meeting started."""
    service = SessionService(DataFolder(data), PLANNED, clock=clock, first_frame=first_frame)
    for member in service.record.voting_members:
        service.set_attendance(member.id, Presence.PRESENT)
    service.open_session()
    return service


def decide_item(service: SessionService, choice: Choice = Choice.YES) -> None:
    """Vote on the current item, close the poll, record the finding, move on."""
    poll = service.open_poll()
    for voter in poll.voters:
        service.record_vote(voter, choice)
    result = service.close_poll()
    if result.passed:
        finding = Finding(remarks="Đạt.", conclusion=Conclusion.RECOGNISED)
    else:
        finding = Finding(remarks="Chưa đạt.", conclusion=Conclusion.NOT_RECOGNISED, reason="Không đủ phiếu.")
    service.save_finding(poll.initiative_id, finding)
    service.next_item()


def crash(service: SessionService) -> None:
    """Stop as a killed program would: no checkpoint, lock file and holder file left behind."""
    if service.journal is not None:
        service.journal.close()
    if service.lock is not None and service.lock._fd is not None:
        import os

        os.close(service.lock._fd)  # the kernel drops the flock; lock-holder.json stays
        service.lock._fd = None


def state(data: Path) -> dict:
    """The session's state as loaded from the files."""
    record, _ = DataFolder(data).load_record(PLANNED)
    return dump_record(record)


def reanchor(session_dir: Path, seq: int, head: str) -> None:
    """Make the anchor name record ``seq``, as if the journal had been written only up to it."""
    remove_anchor(session_dir)
    write_anchor(session_dir, seq, head, durable=True)


def journal_path(data: Path) -> Path:
    return DataFolder(data).journal_path(PLANNED)
