"""One writer per session: an flock the kernel releases when the holder dies, plus who holds it.

The lock is ``flock`` on ``lock`` in the session folder: when the holder's process ends in any
way (quit, crash, SIGKILL, power cut) the kernel drops it, so a dead holder's lock is simply
free and the next program takes it. ``lock-holder.json`` only names the holder for messages;
it is removed on a clean release, so finding one when taking the lock means the previous
holder did not finish properly.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path

from models.errors import DomainError
from sessions.atomic import atomic_write, ensure_dir, write_failed

LOCK_FILE = "lock"
HOLDER_FILE = "lock-holder.json"


@dataclass(frozen=True)
class LockHolder:
    pid: int
    host: str
    since: str


class SessionLock:
    """Held while a session is run; a second process gets DomainError("error.locked") naming the holder."""

    def __init__(self, folder: Path) -> None:
        self.lock_path = folder / LOCK_FILE
        self.info_path = folder / HOLDER_FILE
        self._fd: int | None = None
        self.stale: LockHolder | None = None  # who held it last without releasing (a crash), if anyone

    @property
    def held(self) -> bool:
        return self._fd is not None

    def holder(self) -> LockHolder | None:
        """Who holds the lock now, or None when nobody does (a dead holder's lock is free)."""
        if self._fd is not None:
            return self._read_info()
        try:
            fd = os.open(self.lock_path, os.O_RDONLY)
        except OSError:
            return None  # no lock file: nobody ever ran this session here
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return self._read_info() or LockHolder(0, "?", "?")
        except OSError:
            return None
        else:
            fcntl.flock(fd, fcntl.LOCK_UN)
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
            fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise write_failed(self.lock_path, exc) from exc
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            holder = self._read_info() or LockHolder(0, "?", "?")
            raise DomainError("error.locked", pid=holder.pid, host=holder.host, since=holder.since) from None
        except OSError as exc:
            os.close(fd)
            raise write_failed(self.lock_path, exc) from exc
        self._fd = fd
        # We hold the flock, so a holder file still here was left by a process that died holding it.
        self.stale = self._read_info()
        info = {"pid": os.getpid(), "host": socket.gethostname(), "since": now.strftime("%d/%m/%Y %H:%M:%S")}
        try:
            atomic_write(self.info_path, json.dumps(info, ensure_ascii=False).encode("utf-8"))
        except DomainError:
            self.release()
            raise

    def release(self) -> None:
        """Let go: the holder file goes first, so a holder file without a lock always means a crash."""
        if self._fd is not None:
            with contextlib.suppress(OSError):
                self.info_path.unlink()
            with contextlib.suppress(OSError):
                fcntl.flock(self._fd, fcntl.LOCK_UN)
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None
