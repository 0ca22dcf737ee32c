"""Check a session's journal chain, and that its checkpoint matches the journal.

A session verifies when every journal record carries the hash of the one before and its own
content matches its hash, the checkpoint names a record of that chain, and the state kept in
the checkpoint is exactly what replaying the journal up to that record gives.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from models.errors import DomainError
from models.i18n import t
from sessions.journal import read_journal
from sessions.storage import DataFolder


@dataclass(frozen=True)
class VerifyReport:
    ok: bool
    records: int
    head: str
    bad_record: int | None = None
    reason: str = ""
    torn_bytes: int = 0

    def message(self) -> str:
        if self.ok:
            text = t("verify.ok", records=self.records, head=self.head[:16])
            if self.torn_bytes:
                text += " " + t("verify.torn", bytes=self.torn_bytes)
            return text
        if self.reason == "checkpoint_unreadable":
            return t("verify.bad_checkpoint_file")
        return t("verify.bad", record=self.bad_record, reason=t(f"verify.reason_{self.reason}"))


def verify_session(data_dir: Path, session_id: str) -> VerifyReport:
    """Verify every record's hash and link, then the checkpoint against a full replay of the journal."""
    folder = DataFolder(data_dir)
    folder.check_session_id(session_id)
    found = read_journal(folder.journal_path(session_id))
    if found.bad_line is not None:
        return VerifyReport(False, len(found.records), found.head, found.bad_line, found.bad_reason)
    try:
        _, report = folder.load_record(session_id, deep=True, full=True)
    except DomainError as error:
        if error.key != "error.journal_damaged":
            raise
        return VerifyReport(False, len(found.records), found.head, int(error.params.get("line", 1)), "replay")
    if report.damaged_line is not None:
        return VerifyReport(False, len(found.records), found.head, report.damaged_line, report.damage_reason)
    return VerifyReport(True, len(found.records), found.head, torn_bytes=found.torn_bytes)
