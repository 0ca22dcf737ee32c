"""Schema versions: every stored document carries one, and older files are migrated on load."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from models.errors import DomainError
from models.record import SCHEMA_VERSION

Tables = dict[str, list[dict[str, Any]]]

# version -> function that turns tables of that version into the next one.
MIGRATIONS: dict[int, Callable[[Tables], Tables]] = {}


def file_version(tables: Tables) -> int:
    for name in ("meta", "council"):
        rows = tables.get(name)
        if rows:
            return int(rows[0].get("schema_version", 0))
    return 0


def migrate_tables(tables: Tables, path: Path) -> Tables:
    """Bring ``tables`` up to the current schema; a newer file than this program is refused."""
    try:
        version = file_version(tables)
    except (TypeError, ValueError) as exc:
        raise DomainError("error.file_foreign", path=str(path)) from exc
    if version > SCHEMA_VERSION:
        raise DomainError("error.schema_newer", path=str(path), version=version)
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise DomainError("error.file_foreign", path=str(path))
        tables = step(tables)
        version += 1
    return tables
