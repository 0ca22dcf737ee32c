"""Where a journal ends, read from its last bytes only: for the caches, which must cost a millisecond.

Kept apart from sessions/journal.py, whose hashing and verification a first frame does not need.
Every file derived from a journal (summary, statistics digest, glance) names the record it was made
at; ``journal_still_ends_at`` says whether the journal still ends there.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sessions.paths import JOURNAL_FILE


@dataclass(frozen=True)
class Tail:
    """The journal's last complete record, as read from the file's end (not verified)."""

    seq: int
    hash: str
    type: str
    data: dict[str, Any]


def journal_tail(path: Path) -> Tail | None:
    """The journal's last complete record, read from the file's end only; None when there is none.

    Not a verification (``council verify`` and loading do that): only where the journal ends now.
    """
    try:
        with path.open("rb") as handle:
            size = handle.seek(0, os.SEEK_END)
            chunk, tail = 8192, b""
            while True:
                start = max(0, size - len(tail) - chunk)
                handle.seek(start)
                tail = handle.read(size - start)
                complete = tail[: tail.rfind(b"\n") + 1]  # a torn last line is not part of the journal
                lines = complete.rstrip(b"\n").rsplit(b"\n", 1)
                if len(lines) == 2 or start == 0:
                    break
                chunk *= 4
    except OSError:
        return None
    if not complete:
        return None
    try:
        doc = json.loads(lines[-1].decode("utf-8"))
        data = doc["data"]
        return Tail(int(doc["seq"]), str(doc["hash"]), str(doc["type"]), data if isinstance(data, dict) else {})
    except (ValueError, KeyError, TypeError):
        return None


def journal_end(path: Path) -> tuple[int, str] | None:
    """Number and fingerprint of the journal's last complete record, read from the file's end only."""
    tail = journal_tail(path)
    return None if tail is None else (tail.seq, tail.hash)


def position(doc: Any) -> tuple[int, str] | None:
    """The journal record a derived document names, or None when it names none."""
    if not isinstance(doc, dict):
        return None
    seq, head = doc.get("journal_seq"), doc.get("chain_head")
    return (seq, head) if type(seq) is int and isinstance(head, str) else None


def journal_still_ends_at(folder: Path, doc: Any) -> Tail | None:
    """The last record of the journal in session folder ``folder``, when it is the one ``doc`` names; else None.

    The check every cache beside a journal makes before it is used (summary, statistics digest,
    glance): a journal that moved on, has no complete record, or a ``doc`` that names none, is None.
    """
    tail = journal_tail(folder / JOURNAL_FILE)
    return tail if tail is not None and position(doc) == (tail.seq, tail.hash) else None
