"""Where Windows differs from Linux and macOS, in one place; every other module calls these and never asks.

- **Locks**: an exclusive, non-blocking OS lock on an open file through portalocker (``flock`` on
  Linux and macOS, ``msvcrt.locking`` on Windows); either system drops it when the holder's process
  ends in any way. portalocker is imported at the first lock, not with this module: on POSIX it
  needs ``fcntl``, which Windows has not, and nothing else here may depend on it.
- **Whether a process runs**: ``os.kill(pid, 0)`` probes on POSIX, but on Windows it is no probe at
  all (signal 0 is CTRL_C_EVENT there): OpenProcess and GetExitCodeProcess ask instead.
- **Folder fsync**: POSIX makes a rename durable by syncing its folder; Windows cannot open a
  folder as a file and makes renames durable itself (NTFS journals them), so it is skipped there.
- **Replacing a file**: on Windows an antivirus or the search indexer may hold the target open for
  a moment, and ``os.replace`` then raises PermissionError (the reason TinyDB reverted its own
  atomic write, msiemens/tinydb#468): retried a bounded number of times, then ``FileBusyError``.
- **Binary files**: Windows opens ``os.open`` files in text mode unless told ``O_BINARY``, turning
  every newline written into CR LF: every data file is opened with ``BINARY``.
- **Output to a pipe or a file**: Windows gives a redirected stdout its ANSI code page (cp1252 in
  most offices), which has no Vietnamese letters, so ``council sessions > list.txt`` would fail:
  ``utf8_output`` makes such a stream UTF-8.

``WINDOWS`` is read at each call, so the tests run the Windows branches on any system by setting it
and injecting the Windows calls (``sleep``, ``_kernel32``).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

WINDOWS = os.name == "nt"
"""Whether this is Windows; tests set it to run the Windows branches elsewhere."""

BINARY: int = getattr(os, "O_BINARY", 0)
"""Add to every ``os.open`` of a data file: 0 on POSIX, where files are always binary."""

REPLACE_DELAYS = (0.01, 0.02, 0.05, 0.1, 0.2, 0.4, 0.8)
"""Seconds waited before each retry of a refused replace on Windows: about 1.6 s in all, then given up."""

sleep: Callable[[float], None] = time.sleep


class FileBusyError(PermissionError):
    """Windows kept refusing to replace a file that another program holds open."""

    def __init__(self, path: Path | str, tries: int) -> None:
        super().__init__(13, f"held open by another program ({tries} tries)", str(path))
        self.tries = tries


def has_dir_fsync() -> bool:
    """Whether a folder can be opened and synced to make a rename in it durable (not on Windows)."""
    return not WINDOWS


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new name in ``folder`` durable, where the system needs it."""
    if not has_dir_fsync():
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def replace(source: Path, target: Path) -> None:
    """``os.replace``, retried a few times on Windows while another program holds ``target`` open.

    Raises FileBusyError when Windows still refuses after the last retry, OSError otherwise. On
    POSIX a PermissionError is a real refusal (a read-only folder) and is raised at once.
    """
    if not WINDOWS:
        os.replace(source, target)
        return
    for delay in (*REPLACE_DELAYS, None):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if delay is None:
                break
            sleep(delay)
    raise FileBusyError(target, len(REPLACE_DELAYS) + 1)


def utf8_output() -> None:
    """Write stdout and stderr as UTF-8 where their encoding cannot spell Vietnamese (a Windows pipe)."""
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None) or "ascii"
        try:
            "Hội đồng sáng kiến".encode(encoding)
        except (UnicodeEncodeError, LookupError):
            reconfigure = getattr(stream, "reconfigure", None)
            if reconfigure is not None:
                reconfigure(encoding="utf-8")


# --- locks


def try_lock(fd: int) -> bool:
    """Take an exclusive lock on the open file ``fd`` without waiting: False when another process holds it.

    Raises OSError when the system cannot lock at all (some network drives).
    """
    import portalocker

    try:
        portalocker.lock(fd, portalocker.LockFlags.EXCLUSIVE | portalocker.LockFlags.NON_BLOCKING)
    except portalocker.AlreadyLocked:
        return False
    except portalocker.LockException as exc:
        raise _as_os_error(exc) from exc
    return True


def unlock(fd: int) -> None:
    """Let go of the lock ``try_lock`` took on ``fd``. Raises OSError."""
    import portalocker

    try:
        portalocker.unlock(fd)
    except portalocker.LockException as exc:
        raise _as_os_error(exc) from exc


def _as_os_error(exc: Exception) -> OSError:
    cause = exc.__cause__
    if isinstance(cause, OSError):
        return cause
    return OSError(str(exc))


# --- whether a process runs

_PROCESS_QUERY_LIMITED_INFORMATION = 0x1000
_STILL_ACTIVE = 259
_ERROR_ACCESS_DENIED = 5


def process_alive(pid: int) -> bool:
    """Whether process ``pid`` still runs (then a file it names may be in use)."""
    if pid <= 0:
        return False
    if WINDOWS:
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it runs, as another user
    except OSError:
        return False
    return not _zombie(pid)


def _zombie(pid: int) -> bool:
    """Whether ``pid`` has ended and only waits for its parent to collect it (Linux; elsewhere False).

    A process killed a moment ago is such a zombie until its parent (a shell, tmux) collects it, and a
    signal to it still succeeds: without this, a session reopened right after a crash was said to be held
    by a program that "may still be running".
    """
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return False
    state = stat.rpartition(")")[2].split()
    return bool(state) and state[0] in ("Z", "X")


def _kernel32() -> Any:
    """kernel32 with the signatures used here (a HANDLE is pointer-sized, not the default int)."""
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    kernel32.OpenProcess.argtypes = (wintypes.DWORD, wintypes.BOOL, wintypes.DWORD)
    kernel32.OpenProcess.restype = wintypes.HANDLE
    kernel32.GetExitCodeProcess.argtypes = (wintypes.HANDLE, ctypes.POINTER(wintypes.DWORD))
    kernel32.GetExitCodeProcess.restype = wintypes.BOOL
    kernel32.CloseHandle.argtypes = (wintypes.HANDLE,)
    kernel32.CloseHandle.restype = wintypes.BOOL
    return kernel32


def _last_error() -> int:
    import ctypes

    return int(ctypes.get_last_error())  # type: ignore[attr-defined]


def _windows_process_alive(pid: int) -> bool:
    import ctypes

    kernel32 = _kernel32()
    handle = kernel32.OpenProcess(_PROCESS_QUERY_LIMITED_INFORMATION, False, pid)
    if not handle:
        # Access denied means it exists (another user's, or a protected process); any other error, gone.
        return _last_error() == _ERROR_ACCESS_DENIED
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True  # it could be opened, so it exists: taken as running, its file left alone
        return code.value == _STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def open_files_limit() -> int:
    """How many files and sockets this process may hold open at once (the soft limit; Windows: a fixed figure).

    The room keeps its connections under it, so that files the session writes can always be opened.
    """
    if WINDOWS:
        return 2048  # the C runtime's stdio cap is 8192; the sockets of select() are fewer: stay well under both
    import resource

    soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    return soft if soft != resource.RLIM_INFINITY else 1 << 16
