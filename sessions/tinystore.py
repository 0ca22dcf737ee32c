"""TinyDB with a storage that writes atomically and keeps Vietnamese readable."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage

from models.errors import DomainError
from sessions.atomic import atomic_write


def _is_tinydb_layout(data: object) -> bool:
    """TinyDB's layout is table -> numeric doc id -> document; any other JSON is someone else's file."""
    if not isinstance(data, dict):
        return False
    for table in data.values():
        if not isinstance(table, dict):
            return False
        for doc_id, doc in table.items():
            if not (doc_id.isascii() and doc_id.isdigit()) or not isinstance(doc, dict):
                return False
    return True


class AtomicJSONStorage(Storage):
    """JSON storage for TinyDB that never writes in place and reports unreadable files clearly."""

    def __init__(self, path: str | Path, **_: Any) -> None:
        self.path = Path(path)

    def read(self) -> dict[str, dict[str, Any]] | None:
        return self.read_with_bytes()[1]

    def read_with_bytes(self) -> tuple[bytes | None, dict[str, dict[str, Any]] | None]:
        """The file's bytes as read (None if missing) and its tables (None if missing or empty)."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None, None
        except OSError as exc:
            raise DomainError("error.file_unreadable", path=str(self.path), detail=exc.strerror or str(exc)) from exc
        if not raw.strip():
            return raw, None
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise DomainError("error.file_malformed", path=str(self.path), detail=str(exc)) from exc
        if not _is_tinydb_layout(data):
            raise DomainError("error.file_foreign", path=str(self.path))
        return raw, data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        atomic_write(self.path, layout_bytes(data))

    def close(self) -> None:
        pass


def open_db(path: Path) -> TinyDB:
    """A TinyDB on ``path`` using the atomic storage."""
    return TinyDB(path, storage=AtomicJSONStorage)


RawTables = dict[str, dict[str, dict[str, Any]]]
"""TinyDB's layout of a file: table -> doc id (text) -> document."""


def raw_layout(tables: dict[str, list[dict[str, Any]]]) -> RawTables:
    """Lists of documents in TinyDB's raw layout, doc ids from 1 in list order."""
    return {name: {str(i + 1): doc for i, doc in enumerate(docs)} for name, docs in tables.items()}


def layout_bytes(data: RawTables) -> bytes:
    """A file's bytes exactly as the storage writes them (so that their fingerprint can be taken first)."""
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")


def write_tables(path: Path, tables: dict[str, list[dict[str, Any]]]) -> None:
    """Write several tables in one atomic step (TinyDB's raw layout: table -> doc id -> doc)."""
    AtomicJSONStorage(path).write(raw_layout(tables))


def read_tables(path: Path) -> dict[str, list[dict[str, Any]]]:
    """Read every table of a TinyDB file as lists of documents, in insertion order."""
    db = open_db(path)
    try:
        # JSON keeps doc ids as text, sorted "1", "10", "2"...: restore insertion (doc id) order.
        return {name: sorted(db.table(name).all(), key=lambda doc: doc.doc_id) for name in db.tables()}
    finally:
        db.close()
