"""Where a session's files live in a data folder; no heavy imports, so that a first frame can find them."""

from __future__ import annotations

import re
from pathlib import Path

SESSION_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
JOURNAL_FILE = "journal.jsonl"
SESSION_FILE = "session.json"  # the checkpoint: the record as of a journal record


def session_dir(root: Path, session_id: str) -> Path:
    """The folder of session ``session_id`` in the data folder ``root``."""
    return Path(root) / "sessions" / session_id
