"""Rotating backups of a session, and restoring one.

Layout: ``DATA/backups/<session>/<NNNN>-<YYYYMMDD-HHMMSS>-<kind>/`` holding copies of the session's
``journal.jsonl``, ``session.json`` and ``summary.json`` plus ``backup.json`` (what it holds).
A backup is built in a hidden temporary folder and renamed into place, so it is whole or absent.
Kinds: ``open`` and ``close`` (taken by the service when the meeting starts and ends) and
``restore`` (the files a restore replaced). The newest ``KEEP`` backups of a session are kept.
``NNNN`` counts up, so that the order (and which backups rotation drops) does not depend on the
computer's clock, which may be wrong after a flat battery.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from models.errors import DomainError
from models.i18n import t
from sessions import platform
from sessions.anchor import remove_anchor, write_anchor
from sessions.atomic import TEMP_SUFFIX, atomic_write, ensure_dir, fsync_dir, write_failed
from sessions.derived import DERIVED_FILES, SUMMARY_FILE
from sessions.glance import GLANCE_FILE
from sessions.journal import parse_journal, read_journal
from sessions.lock import SessionLock
from sessions.paths import JOURNAL_FILE, SESSION_FILE
from sessions.storage import BACKUPS_DIR, DataFolder
from sessions.verify import verify_in

KEEP = 10
FILES = (JOURNAL_FILE, SESSION_FILE, SUMMARY_FILE)
INFO = "backup.json"
KINDS = ("open", "close", "restore")


@dataclass(frozen=True)
class Backup:
    """One backup of one session."""

    session_id: str
    name: str
    path: Path
    kind: str
    taken: dt.datetime | None
    records: int
    head: str
    status: str


def backups_dir(data: Path, session_id: str | None = None) -> Path:
    root = Path(data) / BACKUPS_DIR
    return root if session_id is None else root / session_id


def _write_file(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | platform.BINARY, 0o644)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)


def _summary_status(raw: bytes | None) -> str:
    try:
        return str(json.loads(raw or b"{}").get("status", ""))
    except (ValueError, AttributeError):
        return ""


def take_backup(folder: DataFolder, session_id: str, kind: str, now: dt.datetime, keep: int = KEEP) -> Backup:
    """Copy the session's files into a new backup folder, then drop all but the newest ``keep``.

    The caller holds the session lock (so the files do not change meanwhile). Raises DomainError.
    """
    source = folder.session_dir(session_id)
    contents = {name: (source / name).read_bytes() for name in FILES if (source / name).exists()}
    return _store(folder.root, session_id, kind, now, contents, keep)


def _store(data: Path, session_id: str, kind: str, now: dt.datetime, contents: dict[str, bytes], keep: int) -> Backup:
    root = backups_dir(data, session_id)
    number = max((_number(name) for name in _names(root)), default=0) + 1
    name = f"{number:04d}-{now.strftime('%Y%m%d-%H%M%S')}-{kind}"
    temp = root / f".{name}.{os.getpid()}{TEMP_SUFFIX}"
    journal = contents.get(JOURNAL_FILE, b"")
    found = parse_journal(journal)
    info = {
        "session": session_id,
        "kind": kind,
        "taken": now.isoformat(),
        "records": found.seq,
        "head": found.head,
        "status": _summary_status(contents.get(SUMMARY_FILE)),
    }
    try:
        ensure_dir(root)
        with contextlib.suppress(FileNotFoundError):
            shutil.rmtree(temp)
        temp.mkdir()
        for file_name, data_ in contents.items():
            _write_file(temp / file_name, data_)
        _write_file(temp / INFO, json.dumps(info, ensure_ascii=False, indent=1).encode("utf-8"))
        fsync_dir(temp)
        platform.replace(temp, root / name)  # a new name; retried while Windows' scanner holds a file in it
        fsync_dir(root)
    except OSError as exc:
        with contextlib.suppress(OSError):
            shutil.rmtree(temp)
        raise write_failed(root / name, exc) from exc
    _rotate(root, keep)
    return _read_backup(session_id, root / name)


def _number(name: str) -> int:
    prefix = name.split("-", 1)[0]
    return int(prefix) if prefix.isascii() and prefix.isdigit() else 0


def _names(root: Path) -> list[str]:
    """The backup folders in ``root``, oldest first."""
    if not root.is_dir():
        return []
    names = [p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")]
    return sorted(names, key=lambda name: (_number(name), name))


def _rotate(root: Path, keep: int) -> None:
    """Drop the oldest backups beyond ``keep``: renamed away first, so none is ever seen half-deleted."""
    names = _names(root)
    for old in names[: max(0, len(names) - keep)]:
        doomed = root / f".{old}.{os.getpid()}{TEMP_SUFFIX}"
        try:
            os.rename(root / old, doomed)
            shutil.rmtree(doomed)
        except OSError:
            continue  # an old backup that stays is harmless; the next rotation tries again
    with contextlib.suppress(OSError):
        fsync_dir(root)


def _read_backup(session_id: str, path: Path) -> Backup:
    try:
        info = json.loads((path / INFO).read_text(encoding="utf-8"))
        taken = dt.datetime.fromisoformat(info["taken"])
        return Backup(
            session_id,
            path.name,
            path,
            str(info["kind"]),
            taken,
            int(info["records"]),
            str(info["head"]),
            str(info.get("status", "")),
        )
    except (OSError, ValueError, KeyError, TypeError):
        # No readable description: say what the folder itself shows.
        found = read_journal(path / JOURNAL_FILE)
        kind = next((k for k in KINDS if f"-{k}" in path.name), "?")
        return Backup(session_id, path.name, path, kind, None, found.seq, found.head, "")


def list_backups(data: Path, session_id: str) -> list[Backup]:
    """A session's backups, newest first."""
    root = backups_dir(data, session_id)
    return [_read_backup(session_id, root / name) for name in reversed(_names(root))]


def backed_up_sessions(data: Path) -> list[str]:
    """Sessions that have at least one backup."""
    root = backups_dir(data)
    if not root.is_dir():
        return []
    return sorted(
        p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith(".") and list_backups(data, p.name)
    )


def find_backup(data: Path, session_id: str, choice: str) -> Backup:
    """A backup by its number in the list (1 = newest) or its folder name. Raises DomainError."""
    backups = list_backups(data, session_id)
    if choice.isascii() and choice.isdigit() and 1 <= int(choice) <= len(backups):
        return backups[int(choice) - 1]
    for backup in backups:
        if backup.name == choice:
            return backup
    raise DomainError("error.unknown_backup", backup=choice, session=session_id, count=len(backups))


class _BackupFolder(DataFolder):
    """A backup's files read as the session of a data folder, so that they are verified as `council verify` does."""

    def __init__(self, backup: Backup) -> None:
        super().__init__(backup.path)
        self._files = backup.path

    def session_dir(self, session_id: str) -> Path:
        return self._files

    def check_session_id(self, session_id: str) -> None:
        return None


def check_backup(backup: Backup) -> dict[str, bytes]:
    """The backup's files, after verifying them in full; raises DomainError naming what does not verify.

    The same checks as `council verify` (the chain, the checkpoint against a full replay, the summary
    against the record that vouches for it), and the journal must end where ``backup.json`` says it
    did: an edited or cut backup is refused, never restored to open read-only.
    """
    contents = {name: (backup.path / name).read_bytes() for name in FILES if (backup.path / name).exists()}
    if JOURNAL_FILE not in contents:
        raise DomainError("error.backup_damaged", backup=backup.name, line=1)
    found = parse_journal(contents[JOURNAL_FILE])
    if found.bad_line is not None or not found.records:
        raise DomainError("error.backup_damaged", backup=backup.name, line=found.bad_line or 1)
    try:
        report = verify_in(_BackupFolder(backup), backup.session_id)
    except DomainError as error:
        raise DomainError("error.backup_unverified", backup=backup.name, reason=str(error)) from error
    if not report.ok:
        raise DomainError("error.backup_unverified", backup=backup.name, reason=report.findings())
    described = _described_end(backup.path)
    if described is not None and described != (found.seq, found.head):
        if described[0] != found.seq:
            reason = t("backup.end_differs", records=described[0], end=found.seq)
        else:  # same length, another chain: the journal or backup.json was rewritten
            reason = t("backup.head_differs", records=found.seq, head=found.head[:16], named=described[1][:16])
        raise DomainError("error.backup_unverified", backup=backup.name, reason=reason)
    if found.torn_bytes:
        contents[JOURNAL_FILE] = contents[JOURNAL_FILE][: found.good_length]
    return contents


def _described_end(path: Path) -> tuple[int, str] | None:
    """Where ``backup.json`` says the backup's journal ends; None when it cannot say."""
    try:
        info = json.loads((path / INFO).read_text(encoding="utf-8"))
        return int(info["records"]), str(info["head"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def restore_backup(folder: DataFolder, backup: Backup, now: dt.datetime) -> Backup | None:
    """Put ``backup`` back as its session's files; the files replaced are kept as a ``restore`` backup.

    Refuses (DomainError "error.locked") while a program runs the session. Returns the backup of
    the replaced files, or None when the session had no files.
    """
    contents = check_backup(backup)  # read before a new backup may rotate this one away
    session_dir = folder.session_dir(backup.session_id)
    lock = SessionLock(session_dir)
    lock.acquire(now)
    try:
        kept = None
        if (session_dir / JOURNAL_FILE).exists():
            kept = take_backup(folder, backup.session_id, "restore", now)
        # Without a checkpoint the journal alone rebuilds the session, so a crash between the steps
        # below leaves either the old journal or the restored one, each whole and loadable. The anchor
        # and the files derived from the old journal go first: they describe an end the restored one lacks.
        try:
            remove_anchor(session_dir)
            for name in (SESSION_FILE, *DERIVED_FILES, GLANCE_FILE):
                with contextlib.suppress(FileNotFoundError):
                    (session_dir / name).unlink()
            fsync_dir(session_dir)
        except OSError as exc:
            raise write_failed(session_dir, exc) from exc
        atomic_write(session_dir / JOURNAL_FILE, contents[JOURNAL_FILE])
        for name in (SESSION_FILE, SUMMARY_FILE):
            if name in contents:
                atomic_write(session_dir / name, contents[name])
        found = parse_journal(contents[JOURNAL_FILE])
        write_anchor(session_dir, found.seq, found.head, durable=True)
        return kept
    finally:
        lock.release()
