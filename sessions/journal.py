"""Append-only, hash-chained, fsynced journal: the source of truth for a live meeting.

Each line is one JSON record ``{seq, ts, type, data, prev, hash}``; ``hash`` is the SHA-256 of
``prev`` and the canonical JSON of the rest, so one changed byte anywhere breaks the chain.
A line must also be byte for byte the canonical form of what it says, so that no edit can
hide in spacing, key order or escapes.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from models.errors import DomainError
from sessions import platform
from sessions.atomic import ensure_dir, fsync_dir, write_failed
from sessions.lock import require_writer
from sessions.session_files import write_session_file

GENESIS = "0" * 64


def canonical(value: Any) -> bytes:
    """The bytes hashed for a record: sorted keys, no spaces, UTF-8."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def record_hash(prev: str, seq: int, ts: str, kind: str, data: dict[str, Any]) -> str:
    body = canonical({"seq": seq, "ts": ts, "type": kind, "data": data})
    return hashlib.sha256(prev.encode("ascii") + body).hexdigest()


class Record:
    """One journal record. Read from a file, its ``data`` is parsed from the line only when first used."""

    __slots__ = ("_data", "_line", "hash", "prev", "seq", "ts", "type")

    def __init__(
        self, seq: int, ts: str, type: str, data: dict[str, Any] | None, prev: str, hash: str, line: bytes = b""
    ) -> None:
        self.seq, self.ts, self.type, self.prev, self.hash = seq, ts, type, prev, hash
        self._data, self._line = data, line

    @property
    def data(self) -> dict[str, Any]:
        if self._data is None:
            # Only replayed records are parsed: most of a long journal lies before the checkpoint.
            doc = json.loads(self._line.decode("utf-8"))
            data = doc.get("data") if isinstance(doc, dict) else None
            if not isinstance(data, dict):
                raise ValueError(f"record {self.seq} holds no data")
            self._data, self._line = data, b""
        return self._data

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Record):
            return NotImplemented
        return (self.seq, self.ts, self.type, self.prev, self.hash, self.data) == (
            other.seq,
            other.ts,
            other.type,
            other.prev,
            other.hash,
            other.data,
        )

    def __repr__(self) -> str:
        return f"Record(seq={self.seq}, type={self.type!r}, hash={self.hash[:12]})"

    def line(self) -> bytes:
        doc = {"seq": self.seq, "ts": self.ts, "type": self.type, "data": self.data, "prev": self.prev}
        doc["hash"] = self.hash
        return canonical(doc) + b"\n"


# A line ends, after its data, with exactly this: the fields in sorted order, hex fingerprints, a plain
# number, and two JSON strings. ``"`` never appears unescaped inside a JSON string, so the last
# ``,"hash":"`` of a line is this top-level one (any inside the data comes before it).
_HASH_KEY = b',"hash":"'
_STRING = rb'("[^"\\\x00-\x1f]*(?:\\.[^"\\\x00-\x1f]*)*")'
_TAIL = re.compile(
    rb',"hash":"([0-9a-f]{64})","prev":"([0-9a-f]{64})","seq":(0|[1-9][0-9]{0,17}),'
    + rb'"ts":'
    + _STRING
    + rb',"type":'
    + _STRING
    + rb"}"
)
_BODY_START = len(_HASH_KEY) + 64 + len(b'","prev":"') + 64 + len(b'",')


def raw_record(line: bytes, prev: str) -> tuple[Record, str] | None:
    """Verify one line from its bytes: its exact layout and that its hash covers them. None: unreadable.

    The hashed body ``canonical({seq, ts, type, data})`` is the line with ``"hash":…,"prev":…,`` cut
    out, because the line is written canonically with sorted keys; so the hash is checked without
    serialising anything again, and a change to any byte of the body changes it. Returns the record
    (its data not parsed yet) and its hash as computed, for the caller to compare.
    """
    cut = line.rfind(_HASH_KEY)
    if cut < 0 or not line.startswith(b'{"data":{'):
        return None
    tail = _TAIL.fullmatch(line, cut)
    if tail is None:
        return None
    ts, kind = tail[4], tail[5]
    try:
        # Timestamps and event names never need escapes: decode them directly, parse only if they have some.
        ts = json.loads(ts) if b"\\" in ts else ts[1:-1].decode("utf-8")
        kind = json.loads(kind) if b"\\" in kind else kind[1:-1].decode("utf-8")
    except ValueError:
        return None
    digest = hashlib.sha256(prev.encode("ascii") + line[:cut] + b"," + line[cut + _BODY_START :]).hexdigest()
    # The same text as the line's own fields whenever they match (the usual case): no need to decode those.
    claimed = digest if tail[1] == digest.encode("ascii") else tail[1].decode("ascii")
    before = prev if tail[2] == prev.encode("ascii") else tail[2].decode("ascii")
    return Record(int(tail[3]), ts, kind, None, before, claimed, line), digest


def parse_line(line: bytes) -> Record:
    """One journal line (without its newline) as a Record, by parsing it. Raises ValueError when it is not one."""
    try:
        doc = json.loads(line.decode("utf-8"))
        if not isinstance(doc, dict) or not isinstance(doc["data"], dict):
            raise ValueError("not a record")
        return Record(
            seq=int(doc["seq"]),
            ts=str(doc["ts"]),
            type=str(doc["type"]),
            data=doc["data"],
            prev=str(doc["prev"]),
            hash=str(doc["hash"]),
        )
    except (UnicodeDecodeError, KeyError, TypeError) as exc:
        raise ValueError(str(exc)) from exc


@dataclass
class JournalRead:
    """What reading a journal found: good records, a dropped torn tail, or the first bad record.

    ``bad_reason`` is one of ``unreadable``, ``chain``, ``hash``, ``format``.
    """

    records: list[Record] = field(default_factory=list)
    torn_bytes: int = 0
    good_length: int = 0
    bad_line: int | None = None
    bad_reason: str = ""

    @property
    def head(self) -> str:
        return self.records[-1].hash if self.records else GENESIS

    @property
    def seq(self) -> int:
        return self.records[-1].seq if self.records else 0


# After the two fingerprints: the rest of the tail, as in ``_TAIL``.
_REST = re.compile(rb'","seq":(0|[1-9][0-9]{0,17}),"ts":' + _STRING + rb',"type":' + _STRING + rb"}")
_CLAIMED_AT = len(_HASH_KEY)  # from the cut: the line's own fingerprint, 64 hex digits
_PREV_KEY = b'","prev":"'
_PREV_AT = _CLAIMED_AT + 64 + len(_PREV_KEY)
_REST_AT = _PREV_AT + 64


def check_records(lines: list[bytes], result: JournalRead) -> None:
    """Verify complete lines in order, filling ``result`` up to the first bad one.

    Opening a long session checks every line, so the usual line (in the chain, in the layout) is
    accepted here in one pass: its previous fingerprint must be the bytes expected and its own must
    be the one computed, which also proves both are 64 lowercase hex digits, and the rest of the
    tail must match as in ``raw_record``. Any line that fails goes through ``raw_record``, which
    says why; so the two accept exactly the same lines (tests/test_journal_raw.py).
    """
    prev, prev_bytes = GENESIS, GENESIS.encode("ascii")
    offset = 0
    append = result.records.append
    sha256, rest = hashlib.sha256, _REST.fullmatch
    for number, line in enumerate(lines, start=1):
        cut = line.rfind(_HASH_KEY)
        tail = rest(line, cut + _REST_AT) if cut >= 0 and line.startswith(b'{"data":{') else None
        if (
            tail is not None
            and line[cut + _PREV_AT : cut + _REST_AT] == prev_bytes
            and line[cut + _CLAIMED_AT + 64 : cut + _PREV_AT] == _PREV_KEY
            and int(tail[1]) == number
        ):
            claimed = line[cut + _CLAIMED_AT : cut + _CLAIMED_AT + 64]
            digest = sha256(prev_bytes + line[:cut] + b"," + line[cut + _BODY_START :]).hexdigest()
            ts, kind = tail[2], tail[3]
            if claimed == digest.encode("ascii") and b"\\" not in ts and b"\\" not in kind:
                try:
                    record = Record(
                        number, ts[1:-1].decode("utf-8"), kind[1:-1].decode("utf-8"), None, prev, digest, line
                    )
                except UnicodeDecodeError:
                    record = None
                if record is not None:
                    append(record)
                    prev, prev_bytes = digest, claimed
                    offset += len(line) + 1
                    continue
        # Not the usual line: the careful way, which accepts it or says what is wrong with it.
        checked = raw_record(line, prev)
        if checked is None:
            result.bad_line, result.bad_reason = number, _why_not_read(line, number, prev)
            return
        record, digest = checked
        if record.seq != number or record.prev != prev:
            result.bad_line, result.bad_reason = number, "chain"
            return
        if digest != record.hash:
            result.bad_line, result.bad_reason = number, "hash"
            return
        append(record)
        prev, prev_bytes = record.hash, record.hash.encode("ascii")
        offset += len(line) + 1
    result.good_length = offset


def _why_not_read(line: bytes, number: int, prev: str) -> str:
    """Why a line is not in the journal's layout: not a record, out of the chain, or written differently."""
    try:
        record = parse_line(line)
    except ValueError:
        return "unreadable"
    return "chain" if record.seq != number or record.prev != prev else "format"


def read_journal(path: Path) -> JournalRead:
    """Parse and verify a journal. A half-written last line is dropped; damage before it is reported.

    Every record ends with a newline and the newline is written last, so a last line without one
    was never acknowledged (the write or its fsync did not finish) and is safe to drop.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return JournalRead()
    except OSError as exc:  # a folder where the journal should be, no permission, a disk error
        raise DomainError("error.file_unreadable", path=str(path), detail=exc.strerror or str(exc)) from exc
    return parse_journal(raw)


def parse_journal(raw: bytes) -> JournalRead:
    """Verify journal bytes already read (e.g. a backup's copy); see ``read_journal``."""
    result = JournalRead()
    lines = raw.split(b"\n")
    complete, tail = lines[:-1], lines[-1]
    result.torn_bytes = len(tail)
    check_records(complete, result)
    return result


class Journal:
    """The open, append-only journal of one session (only the lock holder appends).

    It never cuts what it did not write. Before each append it checks that it still holds the
    session's lock and that the file is still the one it opened, exactly as long as it left it
    (or longer only by its own half-written record). If anything else changed the journal, it
    stops: ``error.journal_changed`` (or ``error.lock_lost``) now and at every later append, and
    the other program's records stay as they are.
    """

    def __init__(self, path: Path, head: str = GENESIS, seq: int = 0, size: int | None = None) -> None:
        self.path = path
        self.head = head
        self.seq = seq
        self._size = size  # the length of the good records: a failed write is cut back to it
        self._before_last: tuple[int, int, str, str] | None = None
        self._fd: int | None = None
        self._unfinished = b""  # a record whose failed write could not be cut back: only it may be cut later
        self.stopped: DomainError | None = None  # why this journal no longer writes, once it does not
        self.last_ts = ""  # the time of the last record appended by this program, "" before any

    @classmethod
    def open(cls, path: Path, found: JournalRead | None = None) -> tuple[Journal, JournalRead]:
        """Open for appending after verifying; a torn tail is cut off by rewriting the good prefix.

        ``found`` is a fresh read of the same file by the caller (who holds the lock), to save a second read.
        """
        found = read_journal(path) if found is None else found
        if found.bad_line is not None:
            raise DomainError("error.journal_damaged", path=str(path), line=found.bad_line)
        if found.torn_bytes:
            write_session_file(path, path.read_bytes()[: found.good_length])
        journal = cls(path, found.head, found.seq, found.good_length)
        return journal, found

    def _descriptor(self) -> int:
        if self._fd is None:
            try:
                ensure_dir(self.path.parent)
                existed = self.path.exists()
                fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | platform.BINARY, 0o644)
                if not existed:
                    # The new file's name must survive a power cut together with its first record.
                    fsync_dir(self.path.parent)
            except OSError as exc:
                raise write_failed(self.path, exc) from exc
            self._fd = fd
            if self._size is None:
                self._size = os.fstat(fd).st_size
        return self._fd

    def _stop(self, error: DomainError) -> DomainError:
        self.stopped = error
        return error

    def _changed(self) -> DomainError:
        return self._stop(DomainError("error.journal_changed", path=str(self.path)))

    def _check_writer(self) -> None:
        """Raise DomainError unless this program still holds the session and nobody else touched the journal."""
        if self.stopped is not None:
            raise DomainError(self.stopped.key, **self.stopped.params)
        try:
            require_writer(self.path.parent)
        except DomainError as error:
            if error.key == "error.lock_lost":
                raise self._stop(error) from None
            raise

    def _check_file(self, fd: int, good: int) -> int:
        """The journal's size, after checking that the file at the path is ours and holds only what we wrote.

        Longer than we left it is only accepted when the extra bytes are the start of our own record
        whose failed write could not be taken back (the caller then cuts them); anything else is
        another writer's, and is left alone.
        """
        try:
            mine, now = os.fstat(fd), os.stat(self.path)
        except FileNotFoundError:
            raise self._changed() from None
        if (mine.st_dev, mine.st_ino) != (now.st_dev, now.st_ino):
            raise self._changed()  # replaced: appending to our file would write where nobody reads
        size = mine.st_size
        if size == good:
            return size
        if size < good or not self._unfinished or size - good > len(self._unfinished):
            raise self._changed()
        with open(self.path, "rb") as reader:
            reader.seek(good)
            extra = reader.read(size - good)
        if not self._unfinished.startswith(extra):
            raise self._changed()
        return size

    def append(self, kind: str, data: dict[str, Any], ts: str) -> Record:
        """Write one record and fsync it; only then does the caller apply it. Raises DomainError.

        On failure the file is cut back to its last good record, so the journal stays whole.
        """
        self._check_writer()
        seq = self.seq + 1
        record = Record(seq, ts, kind, data, self.head, record_hash(self.head, seq, ts, kind, data))
        line = record.line()
        fd = self._descriptor()
        good = self._size if self._size is not None else 0
        writing = False
        try:
            size = self._check_file(fd, good)
            if size > good:
                # Our own record, whose failed write could not be taken back then (the disk refused): now.
                os.ftruncate(fd, good)
                self._unfinished = b""
            writing = True
            written = os.write(fd, line)
            if written != len(line):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            os.fsync(fd)
        except OSError as exc:
            if writing:  # (before that, nothing of ours is there to take back, and the rest is not ours)
                self._unfinished = line  # some of it may be on disk: the only bytes a later append may cut
                with contextlib.suppress(OSError):
                    os.ftruncate(fd, good)
                    os.fsync(fd)
                    self._unfinished = b""
            raise write_failed(self.path, exc) from exc
        self._before_last = (good, self.seq, self.head, self.last_ts)
        self._size = good + len(line)
        self.seq, self.head, self.last_ts = seq, record.hash, ts
        return record

    def take_back_last(self) -> None:
        """Remove the record just appended (it was never acknowledged: applying it failed). Raises DomainError."""
        if self._before_last is None or self._fd is None:
            return
        self._check_writer()
        self._check_file(self._fd, self._size if self._size is not None else 0)
        size, seq, head, self.last_ts = self._before_last
        try:
            os.ftruncate(self._fd, size)
            os.fsync(self._fd)
        except OSError as exc:
            raise write_failed(self.path, exc) from exc
        self._size, self.seq, self.head = size, seq, head
        self._before_last = None

    def close(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None
