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


def _is_session_folder(folder: Path) -> bool:
    """A session's own folder, or a copy of one: its journal and no council file."""
    return (folder / JOURNAL_FILE).is_file() and not (folder / COUNCIL_FILE).is_file() and folder.name != "council"


def _refusal(path: Path) -> tuple[str, Path] | None:
    """Why ``path`` is refused, as (message key, folder named), or None when it lies in no data folder.

    The folder is named as the user knows it: a session's folder (through a symlink too) is "the session
    folder"; anything else inside a council's folder (its backups, its council journal) is inside "the
    council data folder", the outermost one, not a backup's copy of a session."""
    for spelling in _spellings(path):
        found = [folder for folder in spelling.parents if is_data_folder(folder)]
        if not found:
            continue
        inner, outer = found[0], found[-1]
        if _is_session_folder(inner) and (inner.parent.name == SESSIONS_DIR or outer == inner):
            return "error.export_into_session", inner
        return "error.export_into_data", outer
    return None


def data_folder_around(path: Path) -> Path | None:
    """The council data folder (or session folder) that holds ``path`` in any of its spellings, or None."""
    refusal = _refusal(path)
    return None if refusal is None else refusal[1]


REPORT_EXTENSIONS = frozenset({"md", "docx", "pdf", "json", "xlsx", "csv"})
"""The extensions of the formats council writes: a name ending in one of them must get that format."""


def refuse_wrong_extension(path: Path, extension: str | None) -> None:
    """Raise DomainError when ``path``'s name says another of our formats than ``extension``: Markdown written
    into ``list.xlsx`` is a file Excel refuses, found only at the office. Other names (``.txt``, none) are as asked."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if extension is not None and suffix in REPORT_EXTENSIONS and suffix != extension:
        raise DomainError("error.report_wrong_suffix", path=str(path), suffix=suffix, extension=extension)


def refuse_unsafe_report(path: Path, extension: str | None = None) -> None:
    """Raise DomainError when ``path`` is a folder, lies inside a council data folder, or is named for another
    format than ``extension`` (when given)."""
    path = Path(path).expanduser()
    if path.is_dir():
        raise DomainError("error.report_is_folder", path=str(path))
    refusal = _refusal(path)
    if refusal is not None:
        raise DomainError(refusal[0], path=str(path), folder=str(refusal[1]))
    refuse_wrong_extension(path, extension)  # after: a data file named is told as that, whatever its name


def write_report(path: Path, data: bytes, extension: str | None = None) -> Path:
    """Write ``data`` to the report file ``path`` atomically, unless it is unsafe (see above). Returns the path."""
    path = Path(path).expanduser()
    refuse_unsafe_report(path, extension)
    atomic_write(path, data)
    return path
