"""Tamper evidence for ``council.json``: every save of the council is journaled first, hash-chained.

Layout::

    DATA/council/journal.jsonl        one record per save of the council (hash-chained, fsynced)
    DATA/council/anchor-1.json, -2    where that journal ended when last written (sessions/anchor.py)
    DATA/council/lock                 held while a program saves the council
    DATA/council/replaced/            each council.json replaced by `council restore --council`

Each save appends a ``council_saved`` record holding the council's tables and the SHA-256 of
``council.json`` as it is about to be written, then replaces ``council.json`` atomically, then
anchors the journal's end. The journal is the council's record, ``council.json`` its copy: loading
accepts the copy only when its bytes are the ones the journal's last record names. A crash between
the record and the file leaves ``council.json`` one save behind: the journal's last version (on
disk before the save returned) is used, and the next save writes the file again. Any other
``council.json`` was changed outside council: it is refused with a message, and nothing is written
over it. A data folder from before this record has no ``council/`` yet: it opens as before, and the
evidence starts at its first save (``council verify`` says so).

Each new session's first record names the council record it was created at (``COUNCIL_KEY``): a
council journal that no longer holds it (``council/`` deleted, or cut with its anchors) is refused.

What it cannot do, as for sessions (docs/threat-model.md): there is no secret key, so whoever
deletes ``council/`` before any session names it leaves a folder that looks like an older
version's (``verify`` then says the council file is not covered), and whoever rewrites the
journal, its anchors and the file consistently leaves files that verify.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from models.errors import DomainError
from sessions.anchor import lost_end, read_anchor, write_anchor
from sessions.atomic import atomic_write
from sessions.clock import local_now
from sessions.journal import GENESIS, Journal, JournalRead, read_journal
from sessions.listing import session_ids
from sessions.lock import SessionLock
from sessions.paths import JOURNAL_FILE
from sessions.tail import journal_end
from sessions.tinystore import layout_bytes

COUNCIL_DIR = "council"
SAVED = "council_saved"
KEPT_DIR = "council/replaced"  # under the data folder: each council.json replaced by ``restore_council``

# What loading may find: the copy is the journal's last version, or one save behind it (a crash),
# or there is no journal yet (an older version's folder); anything else refuses the council.
OK, BEHIND, UNRECORDED = "ok", "behind", "unrecorded"
EDITED, DAMAGED, TRUNCATED, REWRITTEN, REMOVED = "edited", "damaged", "truncated", "rewritten", "removed"
FAILING = (EDITED, DAMAGED, TRUNCATED, REWRITTEN, REMOVED)
UNTRUSTED = (DAMAGED, TRUNCATED, REWRITTEN, REMOVED)  # the journal itself cannot be believed

COUNCIL_KEY = "council"
"""In a session's first record (``session_created``): the council's record it was created at."""
# That record's line starts so (canonical JSON, keys sorted): read from its first bytes only.
_NAMED = re.compile(rb'\{"data":\{"council":\{"chain_head":"([0-9a-f]{64})","journal_seq":([1-9][0-9]{0,17})\}')


def council_dir(root: Path) -> Path:
    return Path(root) / COUNCIL_DIR


def fingerprint(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


@dataclass(frozen=True)
class CouncilEvidence:
    """What the council's journal says of ``council.json`` as it is now."""

    state: str
    records: int = 0
    head: str = GENESIS
    record: int = 0  # the record concerned: the last one, the damaged one, the one the anchor names
    tables: dict[str, dict[str, Any]] | None = None  # BEHIND: the journal's version, to use instead
    session: str = ""  # REMOVED: the session created at a council record the journal lacks

    @property
    def fails(self) -> bool:
        return self.state in FAILING

    def error(self, path: Path) -> DomainError:
        """The refusal for a failing state (loading, and saving over a changed file)."""
        journal = str(council_dir(path.parent) / JOURNAL_FILE)
        params = {"path": str(path), "journal": journal, "record": self.record, "session": self.session}
        return DomainError(f"error.council_{self.state}", **params)


def council_mark(root: Path) -> dict[str, Any] | None:
    """Where the council's journal ends now, for a new session's first record; None without one."""
    end = journal_end(council_dir(root) / JOURNAL_FILE)
    return None if end is None else {"chain_head": end[1], "journal_seq": end[0]}


def named_by_sessions(root: Path) -> tuple[str, int, str] | None:
    """The newest council record a session says it was created at: (session, record, fingerprint).

    Sessions are anchors the council's journal cannot take back: removing that journal (or cutting
    it) after a session was created at one of its records is noticed, even with its anchor gone.
    """
    newest = None
    for session_id in session_ids(root):
        try:
            with (Path(root) / "sessions" / session_id / JOURNAL_FILE).open("rb") as journal:
                start = journal.read(160)
        except OSError:
            continue
        if (named := _NAMED.match(start)) and (newest is None or int(named[2]) > newest[1]):
            newest = (session_id, int(named[2]), named[1].decode("ascii"))
    return newest


def _saved_fingerprint(data: dict[str, Any]) -> str | None:
    value = data.get("sha256")
    return value if isinstance(value, str) else None


def examine(root: Path, content: bytes | None, found: JournalRead | None = None) -> CouncilEvidence:
    """``council.json``'s bytes (None: no file) against the council's journal in data folder ``root``."""
    folder = council_dir(root)
    anchor = read_anchor(folder)
    found = read_journal(folder / JOURNAL_FILE) if found is None else found
    if found.bad_line is not None:
        return CouncilEvidence(DAMAGED, len(found.records), found.head, found.bad_line)
    if lost := lost_end(found.records, anchor):
        return CouncilEvidence(lost, len(found.records), found.head, anchor[0])  # type: ignore[index]
    named = named_by_sessions(root)
    if named is not None and lost_end(found.records, named[1:]):
        return CouncilEvidence(REMOVED, len(found.records), found.head, named[1], session=named[0])
    records = found.records
    if not records:
        return CouncilEvidence(UNRECORDED)
    seq, head = len(records), found.head
    if content is None:
        return CouncilEvidence(OK, seq, head, seq)  # no council file (yet): nothing to check
    mine = fingerprint(content)
    try:
        if _saved_fingerprint(records[-1].data) == mine:
            return CouncilEvidence(OK, seq, head, seq)
        if seq >= 2 and _saved_fingerprint(records[-2].data) == mine:
            tables = records[-1].data.get("tables")
            if isinstance(tables, dict):
                return CouncilEvidence(BEHIND, seq, head, seq, tables)
    except ValueError:  # a record whose data does not parse: the chain verified, so it was written so
        return CouncilEvidence(DAMAGED, seq, head, seq)
    return CouncilEvidence(EDITED, seq, head, seq)


def record_council(path: Path, content: bytes, tables: dict[str, dict[str, Any]]) -> None:
    """Journal ``content`` (``tables``' bytes) as the council's new version, then write it at ``path``.

    Raises DomainError: another program is saving the council, the journal or the file was
    changed outside council (nothing is written then), or the disk refused.
    """
    folder = council_dir(path.parent)
    lock = SessionLock(folder)
    try:
        lock.acquire(local_now())
    except DomainError as error:
        if error.key == "error.locked":
            raise DomainError("error.council_busy", **error.params) from None
        raise
    journal: Journal | None = None
    try:
        found = read_journal(folder / JOURNAL_FILE)
        try:
            before = path.read_bytes()
        except FileNotFoundError:
            before = None
        evidence = examine(path.parent, before, found)
        if evidence.fails:
            raise evidence.error(path)
        journal, _ = Journal.open(folder / JOURNAL_FILE, found)
        journal.append(SAVED, {"sha256": fingerprint(content), "tables": tables}, local_now().isoformat())
        atomic_write(path, content)
        write_anchor(folder, journal.seq, journal.head, durable=True)
    finally:
        if journal is not None:
            journal.close()
        with contextlib.suppress(Exception):
            lock.release()


def restore_council(path: Path, now: dt.datetime) -> Path | None:
    """Put back at ``path`` the council as its journal last recorded it; returns where the replaced file was kept.

    None: ``council.json`` already is that version (nothing was written). Refused with DomainError when
    the journal itself does not verify or there is none (an older version's folder). The file replaced
    is kept in ``DATA/council/replaced/`` first, so the restore can be undone by hand.
    """
    root = path.parent
    folder = council_dir(root)
    if not folder.exists():  # (before the lock: an older version's folder gets no council/ here)
        raise DomainError("error.council_no_record", path=str(path))
    lock = SessionLock(folder)
    try:
        lock.acquire(now)
    except DomainError as error:
        if error.key == "error.locked":
            raise DomainError("error.council_busy", **error.params) from None
        raise
    try:
        found = read_journal(folder / JOURNAL_FILE)
        try:
            before = path.read_bytes()
        except FileNotFoundError:
            before = None
        evidence = examine(root, before, found)
        if evidence.state in UNTRUSTED:
            raise evidence.error(path)
        if evidence.state == UNRECORDED:
            raise DomainError("error.council_no_record", path=str(path))
        if evidence.state == OK and before is not None:
            return None
        last = found.records[-1].data
        tables = last.get("tables")
        content = layout_bytes(tables) if isinstance(tables, dict) else b""
        if fingerprint(content) != _saved_fingerprint(last):
            raise DomainError(
                "error.council_damaged", path=str(path), journal=str(folder / JOURNAL_FILE), record=len(found.records)
            )
        kept = None
        if before is not None:
            kept = root / KEPT_DIR / f"{now.strftime('%Y%m%d-%H%M%S')}-council.json"
            atomic_write(kept, before)
        atomic_write(path, content)
        return kept
    finally:
        with contextlib.suppress(Exception):
            lock.release()
