"""What the agenda showed when a session was last closed (``glance.json``), so that the next start can show it at once.

Opening a session verifies its journal, validates every record and builds pydantic's validators
first: a third of a second on a slow laptop before the chair sees anything. The agenda a chair
sees on reopening is the one the app showed when it closed the session, so the app keeps what it
showed, and the next start draws it before any of that work.

The file names the journal record it was written at (number and fingerprint), as the statistics
digest does (sessions/digest.py). It is used only while the journal still ends there, in the same
language, and while no other program holds the session: then it cannot show a state the journal
has moved past, a crash included (a crash leaves records after it). The session is still opened in
full right after the first frame, and the screen is drawn again if anything differs. A missing,
stale or unreadable file costs only that time.

What the payload holds is the app's business (tui/glance_view.py); this module stores it
beside the session and says whether it still describes the journal. It imports nothing heavy.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sessions.lock import SessionLock
from sessions.paths import SESSION_ID, session_dir
from sessions.session_files import write_session_file
from sessions.tail import journal_still_ends_at

GLANCE_FILE = "glance.json"
GLANCE_VERSION = 1


def glance_bytes(payload: dict[str, Any], *, journal_seq: int, chain_head: str, language: str) -> bytes:
    """The file's content: ``payload`` as shown at journal record ``journal_seq``, in ``language``."""
    doc = {
        "glance_version": GLANCE_VERSION,
        "journal_seq": journal_seq,
        "chain_head": chain_head,
        "language": language,
        "payload": payload,
    }
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def write_glance(folder: Path, payload: dict[str, Any], *, journal_seq: int, chain_head: str, language: str) -> None:
    """Keep ``payload`` beside the session in ``folder``, atomically. Raises DomainError when the disk refuses."""
    content = glance_bytes(payload, journal_seq=journal_seq, chain_head=chain_head, language=language)
    write_session_file(folder / GLANCE_FILE, content)


def read_glance(root: Path, session_id: str, *, language: str) -> dict[str, Any] | None:
    """The payload kept for ``session_id`` in data folder ``root``, if it still describes the session; else None.

    Never raises: any doubt (no file, another version or language, a journal that moved on, a
    session another program holds, unreadable JSON) is None, and the session opens as usual.
    """
    if not SESSION_ID.match(session_id):
        return None
    folder = session_dir(root, session_id)
    try:
        doc = json.loads((folder / GLANCE_FILE).read_bytes().decode("utf-8"))
        if doc.get("glance_version") != GLANCE_VERSION or doc.get("language") != language:
            return None
        if journal_still_ends_at(folder, doc) is None:
            return None
        if SessionLock(folder).holder() is not None:
            return None  # it opens read-only, or not at all: what it shows is not what was kept
        payload = doc["payload"]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return payload if isinstance(payload, dict) else None
