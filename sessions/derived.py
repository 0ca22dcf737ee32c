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
from pathlib import Path
from typing import Any

from sessions.tail import journal_still_ends_at

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


def fingerprints_of(data: Any) -> dict[str, str]:
    """The derived files' fingerprints held by a checkpoint record's ``data``."""
    derived = data.get(DERIVED_KEY) if isinstance(data, dict) else None
    return {k: v for k, v in derived.items() if isinstance(v, str)} if isinstance(derived, dict) else {}


def vouched(doc: Any, name: str, folder: Path) -> bool:
    """Whether ``doc`` (file ``name`` in session folder ``folder``) describes the journal as it ends now.

    As the journal itself says: its last record is the checkpoint that holds ``doc``'s fingerprint.
    """
    tail = journal_still_ends_at(folder, doc)
    if tail is None or tail.type != CHECKPOINT_EVENT:
        return False
    return fingerprints_of(tail.data).get(name) == body_fingerprint(doc)
