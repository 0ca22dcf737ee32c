"""Check a session's journal chain, its end, its checkpoint and the files derived from it.

A session verifies when every journal record carries the hash of the one before and its own
content matches its hash; the journal still holds the record its anchor says it ended at (no
record was cut off its end); the checkpoint names a record of that chain and the state it keeps is
exactly what replaying the journal up to that record gives; and every derived file (summary,
statistics digest, glance) names a record of the chain, with the content that record vouches for.

What no check here can show: council keeps no secret key, so whoever can rewrite every file of the
folder consistently (cut or change the journal, recompute every fingerprint, the anchor and the
derived files) leaves files that verify. The chain head printed on the signed minutes, and copies
of backups kept elsewhere, are what such a forgery can be compared with (docs/durability.md).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from models.errors import DomainError
from models.i18n import t
from sessions.anchor import ANCHOR_FILES, lost_end, read_anchor
from sessions.council_record import BEHIND, UNRECORDED
from sessions.derived import CHECKPOINT_EVENT, DERIVED_FILES, body_fingerprint, fingerprints_of
from sessions.glance import GLANCE_FILE
from sessions.journal import GENESIS, Record, read_journal
from sessions.recovery import END_REASONS
from sessions.storage import DataFolder
from sessions.tail import position

FAILING = ("unreadable", "edited", "truncated", "rewritten")
"""What a derived file may show that is evidence of a change made outside council (or of damage)."""


@dataclass(frozen=True)
class FileFinding:
    """What ``council verify`` found about one file derived from the journal."""

    name: str
    kind: str  # one of FAILING, or "older" (written by an older council: not used, rebuilt)
    record: int = 0

    @property
    def fails(self) -> bool:
        return self.kind in FAILING

    def message(self, end: int) -> str:
        return t(f"verify.file_{self.kind}", file=self.name, record=self.record, end=end)


@dataclass(frozen=True)
class VerifyReport:
    ok: bool
    records: int
    head: str
    bad_record: int | None = None
    reason: str = ""
    torn_bytes: int = 0
    files: tuple[FileFinding, ...] = ()
    anchored: bool = True  # an anchor was there to say where the journal ended

    def message(self) -> str:
        """What ``council verify`` prints: the verdict, what else was found, and what cannot be seen."""
        lines = [self.findings()]
        if not self.anchored and self.bad_record is None:
            lines.append(t("verify.anchor_missing"))
        lines.append(t("verify.cannot"))
        return "\n".join(lines)

    def findings(self) -> str:
        """The verdict and, one line each, the derived files that were changed or damaged."""
        shown = [finding for finding in self.files if finding.fails or self.ok]
        return "\n".join([self._verdict(), *("  " + finding.message(self.records) for finding in shown)])

    def _verdict(self) -> str:
        if self.reason == "checkpoint_unreadable":
            return t("verify.bad_checkpoint_file")
        if self.reason in ("torn_first", "empty"):
            return t(f"verify.{self.reason}", bytes=self.torn_bytes)
        if self.reason in END_REASONS:
            return t(f"verify.{self.reason}", record=self.bad_record, end=self.records, file=" / ".join(ANCHOR_FILES))
        if self.bad_record is not None:
            return t("verify.bad", record=self.bad_record, reason=t(f"verify.reason_{self.reason}"))
        text = t("verify.ok", records=self.records, head=self.head[:16])
        if self.torn_bytes:
            text += " " + t("verify.torn", bytes=self.torn_bytes)
        if not self.ok:
            text = t("verify.files_bad", records=self.records, head=self.head[:16])
        return text


def verify_session(data_dir: Path, session_id: str) -> VerifyReport:
    """Verify every record's hash and link, the journal's end, the checkpoint by a full replay, the derived files."""
    return verify_in(DataFolder(data_dir), session_id)


def verify_in(folder: DataFolder, session_id: str) -> VerifyReport:
    """``verify_session`` on a folder given as a DataFolder (a backup's files are read through one too)."""
    folder.check_session_id(session_id)
    session_dir = folder.session_dir(session_id)
    anchored = read_anchor(session_dir) is not None
    found = read_journal(folder.journal_path(session_id))
    if not found.records and found.bad_line is None:
        reason = "torn_first" if found.torn_bytes else "empty"
        return VerifyReport(False, 0, GENESIS, 1, reason, torn_bytes=found.torn_bytes)
    if found.bad_line is not None:
        return VerifyReport(False, len(found.records), found.head, found.bad_line, found.bad_reason)
    files = check_derived(session_dir, found.records)
    try:
        _, report = folder.load_record(session_id, deep=True, full=True)
    except DomainError as error:
        if error.key != "error.journal_damaged":
            raise
        line = int(error.params.get("line", 1))
        return VerifyReport(False, len(found.records), found.head, line, "replay", files=files)
    if report.damaged_line is not None:
        return VerifyReport(
            False, len(found.records), found.head, report.damaged_line, report.damage_reason, files=files
        )
    ok = not any(finding.fails for finding in files)
    return VerifyReport(ok, len(found.records), found.head, torn_bytes=found.torn_bytes, files=files, anchored=anchored)


@dataclass(frozen=True)
class CouncilVerdict:
    """What ``council verify`` found about ``council.json`` and the council's journal."""

    ok: bool
    text: str


def verify_council(data_dir: Path) -> CouncilVerdict:
    """``council.json`` against the council's journal (sessions/council_record.py)."""
    folder = DataFolder(data_dir)
    if not folder.council_path.exists():
        return CouncilVerdict(True, t("verify.council_none"))
    evidence = folder.council_evidence()
    if evidence.fails:
        return CouncilVerdict(False, t("verify.council_failed", reason=str(evidence.error(folder.council_path))))
    key = {BEHIND: "verify.council_behind", UNRECORDED: "verify.council_unrecorded"}.get(evidence.state)
    return CouncilVerdict(True, t(key or "verify.council_ok", records=evidence.records, head=evidence.head[:16]))


def check_derived(session_dir: Path, records: Sequence[Record]) -> tuple[FileFinding, ...]:
    """Each derived file against the journal: the record it names must be there and vouch for its content."""
    findings = []
    for name in (*DERIVED_FILES, GLANCE_FILE):
        path = session_dir / name
        if not path.exists():
            continue
        try:
            doc = json.loads(path.read_bytes().decode("utf-8"))
        except (OSError, ValueError):
            findings.append(FileFinding(name, "unreadable"))
            continue
        named = position(doc)
        if named is None:
            findings.append(FileFinding(name, "older" if isinstance(doc, dict) else "unreadable"))
            continue
        lost = lost_end(records, named)
        if lost or named[0] < 1:
            findings.append(FileFinding(name, lost or "rewritten", named[0]))
            continue
        if name == GLANCE_FILE:
            continue  # what the app drew: only its place in the journal can be checked here
        record = records[named[0] - 1]
        vouched = fingerprints_of(record.data).get(name) if record.type == CHECKPOINT_EVENT else None
        if vouched is None:
            findings.append(FileFinding(name, "older", named[0]))
        elif vouched != body_fingerprint(doc):
            findings.append(FileFinding(name, "edited", named[0]))
    return tuple(findings)
