"""The session list as the app's first screen shows it, read as plain JSON: the council's name and each summary.

`council` (no session named) opens on the session list. Reading it through the models means loading
pydantic and building their validators first: a good part of a second on a slow laptop, for a
council's name and a few strings per session that this program wrote itself. This reads the same
files (``council.json`` and each session's ``summary.json``) as plain JSON and checks what it uses.
At any doubt (a file missing, unreadable, of another layout version, a value of another type, a
session left running, which the app reopens) it returns None and the app reads them as before. The
app still reads the council through the models right after the first frame, so a damaged council
file is reported as it always was. ``DataFolder.summaries`` reads the summaries with the same
reader, and rebuilds one it refuses from its session. A summary is believed only while the journal
ends at the checkpoint record that vouches for it (sessions/derived.py): an edited, damaged or stale
one is refused here and rebuilt from the journal. ``council.json`` likewise is read here only when the
council's journal ends with its save (sessions/council_record.py).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from models.cleaning import clean_line
from models.schema import SCHEMA_VERSION
from models.status import SessionStatus
from sessions.derived import SUMMARY_FILE, placed_bytes, vouched
from sessions.paths import JOURNAL_FILE, SESSION_ID
from sessions.tail import journal_tail


@dataclass(frozen=True)
class SessionSummary:
    """One row of the session list, as ``summary.json`` keeps it beside each checkpoint."""

    id: str
    title: str
    date: str
    place: str
    status: str
    decided: int
    total: int

    def to_json(self, journal_seq: int, chain_head: str) -> bytes:
        """The file's bytes, naming the journal record (a checkpoint's) that it describes."""
        return placed_bytes(asdict(self), journal_seq, chain_head)


@dataclass(frozen=True)
class Listing:
    council_name: str
    sessions: tuple[SessionSummary, ...]  # newest first, as ``DataFolder.summaries`` gives them


DAMAGED = "damaged"
"""The status of a listed session that cannot be read (its journal damaged, emptied or unreadable)."""


def damaged_summary(session_id: str) -> SessionSummary:
    """The row of a session that cannot be read: its id, its date when the id gives one; opening it says why."""
    from models.i18n import t

    date = session_id[:10]
    try:
        dt.date.fromisoformat(date)
    except ValueError:
        date = ""
    return SessionSummary(session_id, t("listing.damaged_title"), date, "", DAMAGED, 0, 0)


def session_ids(root: Path) -> list[str]:
    """The sessions of data folder ``root``: the folders that hold a journal."""
    folder = Path(root) / "sessions"
    if not folder.exists():
        return []
    return sorted(p.name for p in folder.iterdir() if (p / JOURNAL_FILE).exists())


def read_summary(folder: Path) -> SessionSummary | None:
    """The summary in session folder ``folder``; None when it is missing, unreadable, not as written here,
    or not vouched for by the journal's last record (edited, damaged, or the journal moved on)."""
    try:
        doc = _load(folder / SUMMARY_FILE)
        texts = [doc.get(key) for key in ("id", "title", "date", "place", "status")]
        counts = [doc.get(key) for key in ("decided", "total")]
    except (OSError, ValueError, AttributeError):
        return None
    if not all(isinstance(v, str) for v in texts) or not all(type(v) is int for v in counts):
        return None
    session_id, title, date, place, status = texts
    if session_id != folder.name or not SESSION_ID.match(session_id) or status not in set(SessionStatus):
        return None
    try:
        dt.date.fromisoformat(date)
    except ValueError:
        return None
    if not vouched(doc, SUMMARY_FILE, folder):
        return None
    # A summary written before control characters were stripped where text enters must not reach a terminal raw.
    return SessionSummary(session_id, clean_line(title), date, clean_line(place), status, counts[0], counts[1])


def quick_listing(root: Path) -> Listing | None:
    """The council's name and its sessions from data folder ``root``; None when they must be read in full."""
    root = Path(root)
    try:
        if _running(root):
            return None
        content = (root / "council.json").read_bytes()
        if not _recorded(root, content):
            return None
        council = json.loads(content.decode("utf-8"))
        info = council["council"]["1"]
        # Version 2 changed sessions only: a council file of version 1 reads the same.
        if info.get("schema_version") not in (1, SCHEMA_VERSION) or not isinstance(info["info"]["name"], str):
            return None
        sessions = [read_summary(root / "sessions" / session_id) for session_id in session_ids(root)]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    if any(s is None for s in sessions):
        return None
    listed = sorted((s for s in sessions if s is not None), key=lambda s: (s.date, s.id), reverse=True)
    return Listing(clean_line(info["info"]["name"]), tuple(listed))


def _recorded(root: Path, content: bytes) -> bool:
    """Whether the council's journal ends with the save of exactly ``content`` (sessions/council_record.py).

    A folder without that journal (an older version's) is read as before; its full load says the rest.
    """
    council = root / "council"
    if not council.exists():
        return True
    tail = journal_tail(council / JOURNAL_FILE)
    return tail is not None and tail.data.get("sha256") == hashlib.sha256(content).hexdigest()


def _load(path: Path) -> Any:
    return json.loads(path.read_bytes().decode("utf-8"))


def _running(root: Path) -> bool:
    """Whether ``state.json`` says a session was left running (or cannot say): the app then reopens it."""
    try:
        state = _load(root / "state.json")
    except FileNotFoundError:
        return False
    return not isinstance(state, dict) or state.get("running") is not False
