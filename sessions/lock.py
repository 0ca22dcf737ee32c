"""One writer per session: an flock the kernel releases when the holder dies, plus who holds it."""

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
from sessions.atomic import atomic_write


@dataclass(frozen=True)
class LockHolder:
    pid: int
    host: str
    since: str


class SessionLock:
    """Held while a session is run; a second process gets DomainError("error.locked") naming the holder."""

    def __init__(self, folder: Path) -> None:
        self.lock_path = folder / "lock"
        self.info_path = folder / "lock-holder.json"
        self._fd: int | None = None

    def holder(self) -> LockHolder | None:
        """Who holds the lock now, or None when nobody does (a dead holder's lock is free)."""
        fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return self._read_info()
        else:
            fcntl.flock(fd, fcntl.LOCK_UN)
            return None
        finally:
            os.close(fd)

    def _read_info(self) -> LockHolder:
        try:
            info = json.loads(self.info_path.read_text(encoding="utf-8"))
            return LockHolder(int(info["pid"]), str(info["host"]), str(info["since"]))
        except (OSError, ValueError, KeyError):
            return LockHolder(0, "?", "?")

    def acquire(self, now: dt.datetime) -> None:
        """Take the lock or raise DomainError naming who holds it."""
        self.lock_path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            holder = self._read_info()
            raise DomainError("error.locked", pid=holder.pid, host=holder.host, since=holder.since) from None
        self._fd = fd
        info = {"pid": os.getpid(), "host": socket.gethostname(), "since": now.strftime("%d/%m/%Y %H:%M:%S")}
        atomic_write(self.info_path, json.dumps(info).encode("utf-8"))

    def release(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                self.info_path.unlink()
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
