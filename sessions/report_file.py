"""The one way to write a report: minutes, the record, the recognition list, statistics, templates.

Every writer of a file the user names (the CLI's ``export``, ``stats`` and ``template``, the app's
export dialog, the README's screenshots) writes it through ``write_report``, which refuses a path
inside any council data folder, and a folder. The path is checked as written, with its symlinks
resolved and its ``..`` taken out, so no spelling of a data file gets past it; and every folder
above it is looked at, so a second council's folder is as safe as the one open. A refusal is a
DomainError in the user's language and writes nothing.
"""

from __future__ import annotations

import os
from pathlib import Path

from models.errors import DomainError
from sessions.atomic import atomic_write
from sessions.paths import JOURNAL_FILE

COUNCIL_FILE = "council.json"
SESSIONS_DIR = "sessions"
STATE_FILE = "state.json"


def is_data_folder(folder: Path) -> bool:
    """Whether ``folder`` is a council's data folder, or one session's folder (a copy of one included)."""
    if (folder / COUNCIL_FILE).is_file() or (folder / JOURNAL_FILE).is_file():
        return True
    sessions = folder / SESSIONS_DIR
    if not sessions.is_dir():
        return False
    if (folder / STATE_FILE).is_file():
        return True
    # A data folder whose council.json is gone is still one: its sessions are in it.
    try:
        return any((child / JOURNAL_FILE).is_file() for child in sessions.iterdir())
    except OSError:
        return False


def _spellings(path: Path) -> list[Path]:
    """``path`` as the user wrote it made absolute, with ``..`` taken out, and with every symlink resolved."""
    written = Path(os.path.abspath(path))  # `..` taken out as written
    where = written.parent.resolve() / written.name  # where the new file's name is made
    target = Path(path).resolve()  # the file a symlink at ``path`` points to
    return list(dict.fromkeys([written, where, target]))


def data_folder_around(path: Path) -> Path | None:
    """The council data folder (or session folder) that holds ``path`` in any of its spellings, or None."""
    for spelling in _spellings(path):
        for folder in spelling.parents:
            if is_data_folder(folder):
                return folder
    return None


def refuse_unsafe_report(path: Path) -> None:
    """Raise DomainError when ``path`` is a folder, or lies inside a council data folder."""
    path = Path(path).expanduser()
    if path.is_dir():
        raise DomainError("error.report_is_folder", path=str(path))
    folder = data_folder_around(path)
    if folder is not None:
        # Named as the user knows it: a session's own folder is not "the council data folder".
        in_session = folder.parent.name == SESSIONS_DIR and (folder / JOURNAL_FILE).is_file()
        key = "error.export_into_session" if in_session else "error.export_into_data"
        raise DomainError(key, path=str(path), folder=str(folder))


def write_report(path: Path, data: bytes) -> Path:
    """Write ``data`` to the report file ``path`` atomically, unless it is unsafe (see above). Returns the path."""
    path = Path(path).expanduser()
    refuse_unsafe_report(path)
    atomic_write(path, data)
    return path
