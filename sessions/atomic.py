"""Never write a data file in place: temp file in the same folder, fsync, rename, fsync the folder."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from models.errors import DomainError

TEMP_SUFFIX = ".tmp-council"


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves either the old or the new file.

    Raises DomainError("error.write_failed") when the disk refuses; the old file is untouched.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{os.getpid()}{TEMP_SUFFIX}")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
        fsync_dir(path.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise DomainError("error.write_failed", path=str(path), detail=exc.strerror or str(exc)) from exc


def clean_stale_temps(folder: Path) -> list[Path]:
    """Remove temporary files a crash left behind; returns what was removed."""
    removed = []
    if not folder.exists():
        return removed
    for temp in folder.rglob(f"*{TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            temp.unlink()
            removed.append(temp)
    return removed
