"""The folder the minutes were last exported to, per council, so that the next export starts there.

Kept in the user's state folder (platformdirs), never in the council's data folder: it says where
one person keeps their files, which is not the council's record, and a copy of the data folder
carried to another laptop must not point at this one's folders. A convenience only: failing to
read or write it changes nothing else.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from models.errors import DomainError
from sessions.atomic import atomic_write

FILE = "export-folders.json"


def settings_path() -> Path:
    from platformdirs import user_state_dir  # only when an export dialog opens

    return Path(user_state_dir("council", appauthor=False)) / FILE


def _key(data: Path) -> str:
    return str(Path(data).expanduser().resolve())


def _read(path: Path) -> dict[str, str]:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in doc.items()} if isinstance(doc, dict) else {}


def last_export_folder(data: Path) -> Path | None:
    """The folder the last export of this council went to, if it is still there."""
    folder = _read(settings_path()).get(_key(data))
    if folder and Path(folder).is_dir():
        return Path(folder)
    return None


def remember_export_folder(data: Path, folder: Path) -> None:
    """Remember ``folder`` for this council's next export (silently skipped when it cannot be written)."""
    path = settings_path()
    data_key = _key(data)
    if path.resolve().is_relative_to(data_key):
        return  # the state folder inside the data folder (an odd setup): keep the council's folder clean
    folders = _read(path)
    folders[data_key] = str(Path(folder).expanduser().resolve())
    with contextlib.suppress(OSError, DomainError):
        atomic_write(path, json.dumps(folders, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8"))
