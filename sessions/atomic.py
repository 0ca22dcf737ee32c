"""Never write a data file in place: temp file in the same folder, fsync, rename, fsync the folder."""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

from models.errors import DomainError
from sessions import platform
from sessions.platform import fsync_dir

TEMP_SUFFIX = ".tmp-council"


def ensure_dir(folder: Path) -> None:
    """Create ``folder`` and its missing parents so that they survive a power cut. Raises OSError."""
    missing = []
    current = Path(folder)
    while not current.exists():
        missing.append(current)
        current = current.parent
    for created in reversed(missing):
        with contextlib.suppress(FileExistsError):
            created.mkdir()
        # A new folder is only a name in its parent until the parent is synced.
        fsync_dir(created.parent)


def temp_path(path: Path) -> Path:
    """The temporary name used while ``path`` is being written: hidden, same folder, names our process."""
    return path.with_name(f".{path.name}.{os.getpid()}{TEMP_SUFFIX}")


def write_failed(path: Path, exc: OSError) -> DomainError:
    """The user-facing error for a write the disk refused (or that another program's open file blocked)."""
    if isinstance(exc, platform.FileBusyError):
        return DomainError("error.file_busy", path=str(path))
    return DomainError("error.write_failed", path=str(path), detail=exc.strerror or str(exc))


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves either the old or the new file.

    Raises DomainError("error.write_failed") when the disk refuses; the old file is untouched.
    """
    temp = temp_path(path)
    try:
        ensure_dir(path.parent)
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | platform.BINARY, 0o644)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        platform.replace(temp, path)
        fsync_dir(path.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise write_failed(path, exc) from exc


def _owner_alive(temp: Path) -> bool:
    """Whether the process named in a temp file's name still runs (then the file is in use)."""
    stem = temp.name[: -len(TEMP_SUFFIX)]
    pid_text = stem.rsplit(".", 1)[-1]
    if not (pid_text.isascii() and pid_text.isdigit()):
        return False
    pid = int(pid_text)
    return pid != os.getpid() and platform.process_alive(pid)


def clean_stale_temps(folder: Path, *, recursive: bool = True) -> list[Path]:
    """Remove temporary files and folders a crash left behind; returns what was removed.

    A temp whose process still runs is left alone: another council may be writing it right now.
    """
    removed: list[Path] = []
    if not folder.exists():
        return removed
    found = folder.rglob(f"*{TEMP_SUFFIX}") if recursive else folder.glob(f"*{TEMP_SUFFIX}")
    for temp in sorted(found):
        if _owner_alive(temp):
            continue
        with contextlib.suppress(OSError):
            if temp.is_dir() and not temp.is_symlink():
                shutil.rmtree(temp)
            else:
                temp.unlink()
            removed.append(temp)
    return removed
