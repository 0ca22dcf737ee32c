"""An interposed layer over the os calls that change files, for the crash tests.

While an ``Interposer`` is active, ``os.open``, ``write``, ``fsync``, ``fdatasync``, ``ftruncate``,
``truncate``, ``close``, ``replace``, ``rename``, ``unlink``, ``remove``, ``mkdir``, ``rmdir`` and
``link`` are wrapped. sessions/ (atomic.py, journal.py, lock.py, backup.py, and pathlib and shutil on
their behalf) looks them up on the ``os`` module at each call, so every change it makes to a data
folder goes through here. Only calls on paths under ``root`` are seen; everything else (the test's
pipe, logs) passes untouched.

Each file-changing call is described as a ``Call`` twice: ``before`` (the call may be refused by
killing the process there: tests/crash_child.py) and ``after`` it succeeded, with the bytes and
offsets it wrote (what tests/crash_states.py records). ``creat`` is an ``open`` that made a new
file, ``trunc`` one that emptied an existing file; an ``fsync`` of a folder is ``fsync_dir``.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Call:
    """One file-changing call, paths relative to the watched root."""

    op: str  # creat, trunc, write, fsync, fsync_dir, ftruncate, rename, unlink, mkdir, rmdir, link
    path: str
    dest: str = ""  # rename, link: the new name
    offset: int = 0  # write: where the bytes went
    data: bytes = b""  # write: the bytes that reached the kernel
    size: int = 0  # ftruncate: the new length


@dataclass
class _Fd:
    path: str
    is_dir: bool
    append: bool


Hook = Callable[[Call], None]
NAMES = (
    "open",
    "write",
    "fsync",
    "fdatasync",
    "ftruncate",
    "truncate",
    "close",
    "replace",
    "rename",
    "unlink",
    "remove",
    "mkdir",
    "rmdir",
    "link",
)


class Interposer:
    """Wrap the os calls while active (``with Interposer(root, before=..., after=...):``)."""

    def __init__(self, root: Path, before: Hook | None = None, after: Hook | None = None) -> None:
        self.root = os.path.abspath(root)
        self.before = before
        self.after = after
        self._fds: dict[int, _Fd] = {}
        self._real: dict[str, Any] = {}

    # --- paths
    def _abs(self, path: Any, dir_fd: int | None = None) -> str:
        text = os.fsdecode(os.fspath(path))
        if dir_fd is not None and not os.path.isabs(text):
            base = self._fds.get(dir_fd)
            if base is None:
                return ""
            text = os.path.join(self.root, base.path, text)
        return os.path.normpath(os.path.abspath(text))

    def _rel(self, path: Any, dir_fd: int | None = None) -> str | None:
        absolute = self._abs(path, dir_fd)
        if absolute == self.root:
            return "."
        if absolute.startswith(self.root + os.sep):
            return absolute[len(self.root) + 1 :]
        return None

    def _emit(self, hook: Hook | None, call: Call) -> None:
        if hook is not None:
            hook(call)

    # --- the wrappers
    def _open(self, path: Any, flags: int, mode: int = 0o777, *, dir_fd: int | None = None) -> int:
        rel = self._rel(path, dir_fd)
        real = self._real["open"]
        if rel is None:
            return real(path, flags, mode, dir_fd=dir_fd)
        absolute = os.path.join(self.root, rel)
        existed = os.path.lexists(absolute)
        call = None
        if flags & os.O_CREAT and not existed:
            call = Call("creat", rel)
        elif flags & os.O_TRUNC and existed and os.path.getsize(absolute) > 0:
            call = Call("trunc", rel)
        if call is not None:
            self._emit(self.before, call)
        fd = real(path, flags, mode, dir_fd=dir_fd)
        is_dir = stat.S_ISDIR(os.fstat(fd).st_mode)
        self._fds[fd] = _Fd(rel, is_dir, bool(flags & os.O_APPEND))
        if call is not None:
            self._emit(self.after, call)
        return fd

    def _write(self, fd: int, data: Any) -> int:
        info = self._fds.get(fd)
        real = self._real["write"]
        if info is None:
            return real(fd, data)
        offset = os.fstat(fd).st_size if info.append else os.lseek(fd, 0, os.SEEK_CUR)
        self._emit(self.before, Call("write", info.path, offset=offset))
        written = real(fd, data)
        self._emit(self.after, Call("write", info.path, offset=offset, data=bytes(memoryview(data)[:written])))
        return written

    def _sync(self, name: str) -> Callable[[int], None]:
        def sync(fd: int) -> None:
            info = self._fds.get(fd)
            real = self._real[name]
            if info is None:
                return real(fd)
            call = Call("fsync_dir" if info.is_dir else "fsync", info.path)
            self._emit(self.before, call)
            real(fd)
            self._emit(self.after, call)
            return None

        return sync

    def _ftruncate(self, fd: int, length: int) -> None:
        info = self._fds.get(fd)
        real = self._real["ftruncate"]
        if info is None:
            return real(fd, length)
        call = Call("ftruncate", info.path, size=length)
        self._emit(self.before, call)
        real(fd, length)
        self._emit(self.after, call)
        return None

    def _truncate(self, path: Any, length: int) -> None:
        rel = self._rel(path) if not isinstance(path, int) else None
        real = self._real["truncate"]
        if rel is None:
            return real(path, length)
        call = Call("ftruncate", rel, size=length)
        self._emit(self.before, call)
        real(path, length)
        self._emit(self.after, call)
        return None

    def _close(self, fd: int) -> None:
        self._fds.pop(fd, None)
        self._real["close"](fd)

    def _two_names(self, name: str, op: str) -> Callable[..., None]:
        def move(
            src: Any, dst: Any, *, src_dir_fd: int | None = None, dst_dir_fd: int | None = None, **kw: Any
        ) -> None:
            real = self._real[name]
            old, new = self._rel(src, src_dir_fd), self._rel(dst, dst_dir_fd)
            if old is None or new is None:
                return real(src, dst, src_dir_fd=src_dir_fd, dst_dir_fd=dst_dir_fd, **kw)
            call = Call(op, old, dest=new)
            self._emit(self.before, call)
            real(src, dst, src_dir_fd=src_dir_fd, dst_dir_fd=dst_dir_fd, **kw)
            self._emit(self.after, call)
            return None

        return move

    def _one_name(self, name: str, op: str) -> Callable[..., None]:
        def change(path: Any, *args: Any, dir_fd: int | None = None) -> None:
            real = self._real[name]
            rel = self._rel(path, dir_fd)
            if rel is None:
                return real(path, *args, dir_fd=dir_fd)
            call = Call(op, rel)
            self._emit(self.before, call)
            real(path, *args, dir_fd=dir_fd)
            self._emit(self.after, call)
            return None

        return change

    # --- installing
    def _wrappers(self) -> dict[str, Any]:
        return {
            "open": self._open,
            "write": self._write,
            "fsync": self._sync("fsync"),
            "fdatasync": self._sync("fdatasync"),
            "ftruncate": self._ftruncate,
            "truncate": self._truncate,
            "close": self._close,
            "replace": self._two_names("replace", "rename"),
            "rename": self._two_names("rename", "rename"),
            "link": self._two_names("link", "link"),
            "unlink": self._one_name("unlink", "unlink"),
            "remove": self._one_name("remove", "unlink"),
            "mkdir": self._one_name("mkdir", "mkdir"),
            "rmdir": self._one_name("rmdir", "rmdir"),
        }

    def __enter__(self) -> Interposer:
        # (Windows has no fdatasync: what the system lacks, nothing can call.)
        self._real = {name: getattr(os, name) for name in NAMES if hasattr(os, name)}
        for name, wrapper in self._wrappers().items():
            if name in self._real:
                setattr(os, name, wrapper)
        return self

    def __exit__(self, *exc: object) -> None:
        for name, real in self._real.items():
            setattr(os, name, real)
