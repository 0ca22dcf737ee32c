"""Append-only, hash-chained, fsynced journal: the source of truth for a live meeting.

Each line is one JSON record ``{seq, ts, type, data, prev, hash}``; ``hash`` is the SHA-256 of
``prev`` and the canonical JSON of the rest, so one changed byte anywhere breaks the chain.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from models.errors import DomainError
from sessions.atomic import atomic_write

GENESIS = "0" * 64


def canonical(value: Any) -> bytes:
    """The bytes hashed for a record: sorted keys, no spaces, UTF-8."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def record_hash(prev: str, seq: int, ts: str, kind: str, data: dict[str, Any]) -> str:
    body = canonical({"seq": seq, "ts": ts, "type": kind, "data": data})
    return hashlib.sha256(prev.encode("ascii") + body).hexdigest()


@dataclass(frozen=True)
class Record:
    seq: int
    ts: str
    type: str
    data: dict[str, Any]
    prev: str
    hash: str

    def line(self) -> bytes:
        doc = {"seq": self.seq, "ts": self.ts, "type": self.type, "data": self.data, "prev": self.prev}
        doc["hash"] = self.hash
        return canonical(doc) + b"\n"


@dataclass
class JournalRead:
    """What reading a journal found: good records, a dropped torn tail, or the first bad record."""

    records: list[Record] = field(default_factory=list)
    torn_bytes: int = 0
    good_length: int = 0
    bad_line: int | None = None
    bad_reason: str = ""

    @property
    def head(self) -> str:
        return self.records[-1].hash if self.records else GENESIS


def read_journal(path: Path) -> JournalRead:
    """Parse and verify a journal. A half-written last line is dropped; damage before it is reported."""
    result = JournalRead()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return result
    lines = raw.split(b"\n")
    complete, tail = lines[:-1], lines[-1]
    if tail:
        result.torn_bytes = len(tail)
    prev = GENESIS
    offset = 0
    for number, line in enumerate(complete, start=1):
        try:
            doc = json.loads(line.decode("utf-8"))
            record = Record(
                seq=int(doc["seq"]),
                ts=str(doc["ts"]),
                type=str(doc["type"]),
                data=dict(doc["data"]),
                prev=str(doc["prev"]),
                hash=str(doc["hash"]),
            )
        except (UnicodeDecodeError, ValueError, KeyError, TypeError):
            result.bad_line, result.bad_reason = number, "unreadable"
            return result
        if record.seq != number or record.prev != prev:
            result.bad_line, result.bad_reason = number, "chain"
            return result
        if record_hash(prev, record.seq, record.ts, record.type, record.data) != record.hash:
            result.bad_line, result.bad_reason = number, "hash"
            return result
        prev = record.hash
        result.records.append(record)
        offset += len(line) + 1
    result.good_length = offset
    return result


class Journal:
    """The open, append-only journal of one session."""

    def __init__(self, path: Path, head: str = GENESIS, seq: int = 0) -> None:
        self.path = path
        self.head = head
        self.seq = seq
        self._fd: int | None = None

    @classmethod
    def open(cls, path: Path) -> tuple[Journal, JournalRead]:
        """Open for appending after verifying; a torn tail is cut off by rewriting the good prefix."""
        found = read_journal(path)
        if found.bad_line is not None:
            raise DomainError("error.journal_damaged", path=str(path), line=found.bad_line)
        if found.torn_bytes:
            atomic_write(path, path.read_bytes()[: found.good_length])
        journal = cls(path, found.head, found.records[-1].seq if found.records else 0)
        return journal, found

    def _descriptor(self) -> int:
        if self._fd is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            except OSError as exc:
                raise DomainError("error.write_failed", path=str(self.path), detail=exc.strerror or str(exc)) from exc
        return self._fd

    def append(self, kind: str, data: dict[str, Any], ts: str) -> Record:
        """Write one record and fsync it; only then does the caller apply it. Raises DomainError."""
        seq = self.seq + 1
        record = Record(seq, ts, kind, data, self.head, record_hash(self.head, seq, ts, kind, data))
        line = record.line()
        fd = self._descriptor()
        size = os.fstat(fd).st_size
        try:
            written = os.write(fd, line)
            if written != len(line):
                raise OSError(28, "short write")
            os.fsync(fd)
        except OSError as exc:
            # Take back whatever part of the record reached the file, so the journal stays whole.
            with contextlib.suppress(OSError):
                os.ftruncate(fd, size)
                os.fsync(fd)
            raise DomainError("error.write_failed", path=str(self.path), detail=exc.strerror or str(exc)) from exc
        self.seq, self.head = seq, record.hash
        return record

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
