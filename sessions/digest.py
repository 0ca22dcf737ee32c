"""A small digest of a session for statistics, written beside each checkpoint (``stats.json``).

Statistics over years of sessions need, per initiative, only its code, type, category, unit and
the council's conclusion and confirmed benefit. Reading those from each session's full record
(journal verified and replayed, every poll validated) takes about half a second a session; the
digest takes a millisecond. It names the journal record it was made at (number and fingerprint):
the checkpoint's record, which holds the digest's fingerprint (sessions/derived.py). It is used
only while the journal still ends there and the fingerprint matches, otherwise the session is
loaded in full. The journal stays the record: a missing, stale, edited or unreadable digest only
costs time.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from models.initiative import InitiativeType
from models.record import SessionRecord
from models.session import Conclusion
from sessions.derived import DIGEST_FILE, placed_bytes, vouched

DIGEST_VERSION = 1


@dataclass(frozen=True)
class DigestSession:
    id: str
    date: dt.date
    start_time: dt.time | None = None
    end_time: dt.time | None = None


@dataclass(frozen=True)
class DigestItem:
    """What statistics read of an initiative (the same names as ``Initiative``'s fields)."""

    id: str
    code: str
    type: InitiativeType
    category: str
    unit: str


@dataclass(frozen=True)
class DigestFinding:
    conclusion: Conclusion | None
    confirmed_benefit_vnd: int | None


@dataclass(frozen=True)
class SessionDigest:
    """Reads like a ``SessionRecord`` for ``sessions.stats``: ``session``, ``agenda_items()``, ``findings``."""

    session: DigestSession
    items: tuple[DigestItem, ...]
    findings: dict[str, DigestFinding] = field(default_factory=dict)

    def agenda_items(self) -> list[DigestItem]:
        return list(self.items)


def digest_bytes(record: SessionRecord, journal_seq: int, chain_head: str) -> bytes:
    """The digest of ``record`` as it stands at journal record ``journal_seq``."""
    return placed_bytes(digest_body(record), journal_seq, chain_head)


def digest_body(record: SessionRecord) -> dict[str, object]:
    """The digest's content, without its place in the journal (what the checkpoint record fingerprints)."""
    findings = record.findings
    items = []
    for initiative in record.agenda_items():
        finding = findings.get(initiative.id)
        items.append(
            {
                "id": initiative.id,
                "code": initiative.code,
                "type": initiative.type.value,
                "category": initiative.category,
                "unit": initiative.unit,
                "conclusion": finding.conclusion.value if finding and finding.conclusion else None,
                "benefit": finding.confirmed_benefit_vnd if finding else None,
            }
        )
    return {
        "digest_version": DIGEST_VERSION,
        "session": {
            "id": record.session.id,
            "date": record.session.date.isoformat(),
            "start_time": record.session.start_time.isoformat() if record.session.start_time else None,
            "end_time": record.session.end_time.isoformat() if record.session.end_time else None,
        },
        "items": items,
    }


def read_digest(session_dir: Path) -> SessionDigest | None:
    """The session's digest when the journal's last record vouches for it; None otherwise."""
    try:
        doc = json.loads((session_dir / DIGEST_FILE).read_bytes().decode("utf-8"))
        if doc.get("digest_version") != DIGEST_VERSION:
            return None
        if not vouched(doc, DIGEST_FILE, session_dir):
            return None
        items, findings = [], {}
        for item in doc["items"]:
            items.append(
                DigestItem(item["id"], item["code"], InitiativeType(item["type"]), item["category"], item["unit"])
            )
            conclusion = Conclusion(item["conclusion"]) if item["conclusion"] else None
            if conclusion is not None or item["benefit"] is not None:
                findings[item["id"]] = DigestFinding(conclusion, item["benefit"])
        times = [doc["session"][k] for k in ("start_time", "end_time")]
        start, end = (dt.time.fromisoformat(v) if v else None for v in times)
        session = DigestSession(doc["session"]["id"], dt.date.fromisoformat(doc["session"]["date"]), start, end)
        return SessionDigest(session, tuple(items), findings)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
