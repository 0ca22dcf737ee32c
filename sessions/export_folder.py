"""The folder the minutes were last exported to, so that the next export starts there.

Kept in the settings file (sessions/settings.py, the user's config folder), never in the council's data
folder: it says where one person keeps their files, which is not the council's record, and a copy of the
data folder carried to another laptop must not point at this one's folders. A convenience only: failing to
read or write it changes nothing else.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from models.errors import DomainError
from sessions.settings import load_settings, remember
from sessions.settings import settings_path as settings_path


def last_export_folder(data: Path) -> Path | None:
    """The folder the last export went to, if it is still there."""
    folder = load_settings().settings.export_folder
    return folder if folder is not None and folder.is_dir() else None


def remember_export_folder(data: Path, folder: Path) -> None:
    """Remember ``folder`` for the next export (silently skipped when it cannot be written)."""
    if settings_path().resolve().is_relative_to(Path(data).expanduser().resolve()):
        return  # the config folder inside the data folder (an odd setup): keep the council's folder clean
    with contextlib.suppress(OSError, DomainError):
        remember(export_folder=Path(folder).expanduser().resolve())
