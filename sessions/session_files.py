"""The one way to write a session's files: only while holding the session's lock.

The checkpoint (``session.json``), the summary, the statistics digest, the glance and the ballot box
are written here; the journal checks the same rule before each append (sessions/journal.py). A
program that opened the session read-only, or whose lock was taken from it (its ``lock`` file
removed), gets a DomainError and changes nothing: read-only is enforced where data is written, not
in the screens. Files are still replaced atomically (sessions/atomic.py).
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from sessions.atomic import atomic_write, fsync_dir, write_failed
from sessions.lock import require_writer

WRITER_STOPPED = ("error.lock_lost", "error.journal_changed")
"""The refusals after which this program no longer writes the session: it stays open here read-only."""


def write_session_file(path: Path, data: bytes) -> None:
    """Replace ``path``, a file in a session's folder, with ``data``; raises DomainError without the lock."""
    require_writer(path.parent)
    atomic_write(path, data)


def remove_session_file(path: Path) -> None:
    """Remove ``path`` from a session's folder, durably; raises DomainError without the lock."""
    require_writer(path.parent)
    try:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            fsync_dir(path.parent)
    except OSError as exc:
        raise write_failed(path, exc) from exc
