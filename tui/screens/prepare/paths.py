"""Completing a file path as it is typed (the greyed suggestion; → accepts it)."""

from __future__ import annotations

import os
from pathlib import Path

from textual.suggester import Suggester

SPREADSHEETS = (".xlsx", ".csv")


def expand(text: str) -> Path:
    """What a typed path means: ``~`` expanded, relative to the current folder."""
    return Path(os.path.expanduser(text.strip()))


class PathSuggester(Suggester):
    """Suggests the first folder or spreadsheet whose name starts with what follows the last ``/``."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        folder_text, _, prefix = value.rpartition(os.sep)
        folder = expand(folder_text + os.sep) if folder_text or value.startswith(os.sep) else Path(".")
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name.casefold())
        except OSError:
            return None
        for entry in entries:
            if entry.name.startswith(".") and not prefix.startswith("."):
                continue
            if not entry.name.startswith(prefix) or entry.name == prefix:
                continue
            is_dir = entry.is_dir()
            if is_dir or entry.name.lower().endswith(SPREADSHEETS):
                return value + entry.name[len(prefix) :] + (os.sep if is_dir else "")
        return None
