"""Check a session's journal chain and that its checkpoint matches it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from models.i18n import t
from sessions.journal import GENESIS, read_journal
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
        return t("verify.bad", record=self.bad_record, reason=t(f"verify.reason_{self.reason}"))


def verify_session(data_dir: Path, session_id: str) -> VerifyReport:
    """Verify every record's hash and link; the checkpoint must name a record of the chain."""
    folder = DataFolder(data_dir)
    folder.check_session_id(session_id)
    found = read_journal(folder.session_dir(session_id) / "journal.jsonl")
    if found.bad_line is not None:
        return VerifyReport(False, len(found.records), found.head, found.bad_line, found.bad_reason)
    checkpoint = folder.read_checkpoint(session_id)
    if checkpoint is not None:
        _, seq, head = checkpoint
        expected = GENESIS if seq == 0 else (found.records[seq - 1].hash if seq <= len(found.records) else None)
        if expected != head:
            return VerifyReport(False, len(found.records), found.head, seq, "checkpoint")
    return VerifyReport(True, len(found.records), found.head, torn_bytes=found.torn_bytes)
