"""One writer per session: an OS file lock the system releases when the holder dies, plus who holds it.

The lock is an exclusive lock on ``lock`` in the session folder (``flock`` on Linux and macOS,
``msvcrt.locking`` on Windows: sessions/platform.py): when the holder's process ends in any
way (quit, crash, SIGKILL, power cut) the system drops it, so a dead holder's lock is simply
free and the next program takes it: the holder is alive exactly while the lock is held, on
every system, with no process id to ask about. ``lock-holder.json`` only names the holder for
messages; it is removed on a clean release, so finding one when taking the lock means the
previous holder did not finish properly.

Every write to a session's files asks ``require_writer`` first (sessions/session_files.py, the
journal): it passes only in the process that holds the lock, and only while ``lock`` is still the
file it locked. Deleting or replacing ``lock`` lets another program take the session; the first
one notices at its next write (its open file is no longer the one at the path) and stops writing,
so two programs never write one session. (Windows refuses to delete a file held open, so there
the lock file cannot be taken away at all.)
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
from dataclasses import dataclass, replace
from pathlib import Path

from models.errors import DomainError
from sessions import platform
from sessions.atomic import atomic_write, ensure_dir, write_failed

LOCK_FILE = "lock"
HOLDER_FILE = "lock-holder.json"

_HELD: dict[str, SessionLock] = {}
"""The locks this process holds, by their session folder: its real path, and the path they were taken with."""


def _folder_key(folder: Path) -> str:
    # The real path: the same folder reached through a symlink or `..` is the same session.
    return os.path.realpath(folder)


def require_writer(folder: Path) -> None:
    """Raise DomainError unless this process holds the lock of the session in ``folder`` and it still holds.

    ``error.read_only`` when it does not hold it (a read-only view, a program that never took it);
    ``error.lock_lost`` when it held it but ``lock`` has since been removed or replaced.
    """
    # The path as the lock was taken is the usual spelling: found without asking the disk (realpath
    # costs a system call per folder of the path, and this runs before every vote).
    lock = _HELD.get(str(folder)) or _HELD.get(_folder_key(folder))
    if lock is None:
        raise DomainError("error.read_only")
    lock.check()


@dataclass(frozen=True)
class LockHolder:
    pid: int
    host: str
    since: str
    running: bool = False
    """Set on a holder found when taking the lock: it still runs here, so its ``lock`` file was removed under it."""


class SessionLock:
    """Held while a session is run; a second process gets DomainError("error.locked") naming the holder."""

    def __init__(self, folder: Path) -> None:
        self.lock_path = folder / LOCK_FILE
        self.info_path = folder / HOLDER_FILE
        self._fd: int | None = None
        self._pid = 0  # the process that took it: a forked child shares the descriptor, not the lock
        self.stale: LockHolder | None = None  # who held it last without releasing (a crash), if anyone

    @property
    def held(self) -> bool:
        return self._fd is not None

    def still_held(self) -> bool:
        """Whether this process holds the lock and ``lock`` is still the very file it locked."""
        if self._fd is None or self._pid != os.getpid():
            return False
        try:
            mine, now = os.fstat(self._fd), os.stat(self.lock_path)
        except OSError:
            return False  # the file was removed: anyone may now create another and lock that
        return (mine.st_dev, mine.st_ino) == (now.st_dev, now.st_ino)

    def check(self) -> None:
        """Raise DomainError unless the lock is held by this process and ``lock`` is still its file."""
        if self._fd is None or self._pid != os.getpid():
            raise DomainError("error.read_only")
        if not self.still_held():
            raise DomainError("error.lock_lost", path=str(self.lock_path))

    def holder(self) -> LockHolder | None:
        """Who holds the lock now, or None when nobody does (a dead holder's lock is free)."""
        if self._fd is not None:
            return self._read_info()
        try:
            fd = os.open(self.lock_path, os.O_RDONLY | platform.BINARY)
        except OSError:
            return None  # no lock file: nobody ever ran this session here
        try:
            if not platform.try_lock(fd):
                return self._read_info() or LockHolder(0, "?", "?")
            platform.unlock(fd)
            return None
        except OSError:
            return None
        finally:
            os.close(fd)

    def _read_info(self) -> LockHolder | None:
        try:
            info = json.loads(self.info_path.read_text(encoding="utf-8"))
            return LockHolder(int(info["pid"]), str(info["host"]), str(info["since"]))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError):
            return LockHolder(0, "?", "?")

    def acquire(self, now: dt.datetime) -> None:
        """Take the lock or raise DomainError naming who holds it ("error.locked") or why it cannot be taken."""
        if self._fd is not None:
            return
        try:
            ensure_dir(self.lock_path.parent)
            fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT | platform.BINARY, 0o644)
        except OSError as exc:
            raise write_failed(self.lock_path, exc) from exc
        try:
            taken = platform.try_lock(fd)
        except OSError as exc:
            os.close(fd)
            raise write_failed(self.lock_path, exc) from exc
        if not taken:
            os.close(fd)
            holder = self._read_info() or LockHolder(0, "?", "?")
            raise DomainError("error.locked", pid=holder.pid, host=holder.host, since=holder.since)
        self._fd, self._pid = fd, os.getpid()
        for key in {_folder_key(self.lock_path.parent), str(self.lock_path.parent)}:
            _HELD[key] = self
        # We hold the lock, so a holder file still here was left by a process that died holding it, or by one
        # that still runs here after its `lock` file was removed under it (it stops at its next write): the chair
        # must not be told it ended. Its process id may since belong to another program; the message says "may".
        stale = self._read_info()
        if stale is not None and stale.host == socket.gethostname() and stale.pid != os.getpid():
            stale = replace(stale, running=platform.process_alive(stale.pid))
        self.stale = stale
        info = {"pid": os.getpid(), "host": socket.gethostname(), "since": now.strftime("%d/%m/%Y %H:%M:%S")}
        try:
            atomic_write(self.info_path, json.dumps(info, ensure_ascii=False).encode("utf-8"))
        except DomainError:
            self.release()
            raise

    def release(self) -> None:
        """Let go: the holder file goes first, so a holder file without a lock always means a crash.

        A lock lost to another program (its file removed or replaced) leaves the holder file alone:
        it names that program now.
        """
        if self._fd is not None:
            for key in {_folder_key(self.lock_path.parent), str(self.lock_path.parent)}:
                if _HELD.get(key) is self:
                    del _HELD[key]
            if self.still_held():
                with contextlib.suppress(OSError):
                    self.info_path.unlink()
            if self._pid == os.getpid():
                # (A forked child shares the parent's lock: unlocking there would free it for everyone.)
                with contextlib.suppress(OSError):
                    platform.unlock(self._fd)
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None
