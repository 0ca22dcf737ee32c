"""Files derived from a session's journal, and the journal record that vouches for each.

``summary.json`` (the session list) and ``stats.json`` (statistics) are written with each
checkpoint. Each names the journal record it was made at (``journal_seq``, ``chain_head``): the
checkpoint's own record, which holds the fingerprint of the file's body (the file without those two
fields, in canonical JSON) under ``derived``. A derived file is used only while the journal still
ends at that record and the fingerprint matches: a file edited by hand, damaged, or left behind by a
journal that moved on is rebuilt from the journal instead. The journal's chain vouches for the
record, so changing a derived file undetected means rewriting the journal's end as well.

Imports only the standard library: the first frame of the session list reads through this.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sessions.tail import Tail

CHECKPOINT_EVENT = "checkpoint"
"""The type of the journal record written with each checkpoint (see sessions/storage.py)."""

POSITION_KEYS = ("journal_seq", "chain_head")
DERIVED_KEY = "derived"
SUMMARY_FILE = "summary.json"
DIGEST_FILE = "stats.json"
DERIVED_FILES = (SUMMARY_FILE, DIGEST_FILE)


def _canonical(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def body_fingerprint(doc: dict[str, Any]) -> str:
    """The SHA-256 of a derived file's content without its position in the journal."""
    return hashlib.sha256(_canonical({k: v for k, v in doc.items() if k not in POSITION_KEYS})).hexdigest()


def placed_bytes(body: dict[str, Any], journal_seq: int, chain_head: str) -> bytes:
    """The file's bytes: ``body`` stamped with the journal record it describes."""
    doc = {**body, "journal_seq": journal_seq, "chain_head": chain_head}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def position(doc: Any) -> tuple[int, str] | None:
    """The journal record a derived document names, or None when it names none."""
    if not isinstance(doc, dict):
        return None
    seq, head = doc.get("journal_seq"), doc.get("chain_head")
    return (seq, head) if type(seq) is int and isinstance(head, str) else None


def fingerprints_of(data: Any) -> dict[str, str]:
    """The derived files' fingerprints held by a checkpoint record's ``data``."""
    derived = data.get(DERIVED_KEY) if isinstance(data, dict) else None
    return {k: v for k, v in derived.items() if isinstance(v, str)} if isinstance(derived, dict) else {}


def vouched(doc: Any, name: str, tail: Tail | None) -> bool:
    """Whether ``doc`` (file ``name``) describes the journal as it ends now, as the journal itself says."""
    if tail is None or tail.type != CHECKPOINT_EVENT or position(doc) != (tail.seq, tail.hash):
        return False
    return fingerprints_of(tail.data).get(name) == body_fingerprint(doc)
