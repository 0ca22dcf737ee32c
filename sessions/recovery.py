"""What the chair is told after a restart, and which session to reopen.

``DATA/state.json`` names the session last run and whether it was closed properly; it is
written atomically when a session is opened for running and again when it is closed.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from models.errors import DomainError
from models.i18n import t
from models.record import SCHEMA_VERSION
from sessions.atomic import atomic_write
from sessions.paths import JOURNAL_FILE, SESSION_FILE

if TYPE_CHECKING:
    from sessions.storage import LoadReport

STATE_FILE = "state.json"
JOURNAL_REASONS = ("unreadable", "chain", "hash", "format", "replay")
END_REASONS = ("truncated", "rewritten")  # the journal lacks the record its anchor names (sessions/anchor.py)


@dataclass(frozen=True)
class LastSession:
    """The session last run in a data folder; ``running`` is True when it was never closed (a crash)."""

    session_id: str
    running: bool
    since: str


def remember_session(root: Path, session_id: str, *, running: bool, now: dt.datetime) -> None:
    """Note which session runs (or was just closed), atomically. Raises DomainError("error.write_failed")."""
    state = {
        "schema_version": SCHEMA_VERSION,
        "session": session_id,
        "running": running,
        "since": now.isoformat(),
        "pid": os.getpid(),
        "host": socket.gethostname(),
    }
    atomic_write(root / STATE_FILE, json.dumps(state, ensure_ascii=False, indent=1).encode("utf-8"))


def read_state(root: Path) -> LastSession | None:
    """The last session noted in ``root``, or None when there is none or the note cannot be read."""
    try:
        state = json.loads((root / STATE_FILE).read_text(encoding="utf-8"))
        if int(state.get("schema_version", 0)) > SCHEMA_VERSION:
            return None
        return LastSession(str(state["session"]), bool(state["running"]), str(state.get("since", "")))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def damage_error(report: LoadReport, session_dir: Path) -> DomainError | None:
    """Why a loaded session may not be written to, as the error to show; None when it verifies."""
    if report.damaged_line is None:
        return None
    if report.damage_reason in END_REASONS:
        return DomainError(
            "error.journal_truncated",
            path=str(session_dir / JOURNAL_FILE),
            line=report.damaged_line,
            end=report.journal_seq,
        )
    if report.damage_reason in JOURNAL_REASONS:
        return DomainError("error.journal_damaged", path=str(session_dir / JOURNAL_FILE), line=report.damaged_line)
    return DomainError("error.checkpoint_damaged", path=str(session_dir / SESSION_FILE), line=report.damaged_line)


def recovery_message(report: LoadReport, lang: str | None = None) -> str:
    """One paragraph telling the chair what was recovered on opening; empty when there is nothing to say."""
    parts = []
    holder = report.previous_holder
    if holder is not None:
        key = "recovery.taken_over" if holder.running else "recovery.unclean"
        parts.append(t(key, lang, pid=holder.pid, host=holder.host, since=holder.since))
    if report.replayed:
        key = "recovery.replayed" if report.checkpoint_seq is not None else "recovery.rebuilt"
        parts.append(t(key, lang, count=report.replayed))
    if report.torn_bytes:
        parts.append(t("recovery.torn", lang, bytes=report.torn_bytes))
    if report.cleaned:
        parts.append(t("recovery.cleaned", lang, count=len(report.cleaned)))
    if not parts:
        return ""
    if report.damaged_line is None:
        parts.append(t("recovery.nothing_lost", lang))
    return " ".join(parts)
