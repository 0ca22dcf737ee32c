"""Where a journal ends, read from its last bytes only: for the digest and the glance, which must cost a millisecond.

Kept apart from sessions/journal.py, whose hashing and verification a first frame does not need.
"""

from __future__ import annotations

import json
import os
from pathlib import Path


def journal_end(path: Path) -> tuple[int, str] | None:
    """Number and fingerprint of the journal's last complete record, read from the file's end only.

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
        return int(doc["seq"]), str(doc["hash"])
    except (ValueError, KeyError, TypeError):
        return None
