"""Where a session's journal ended when it was last written (the anchor), so that a cut-off end is noticed.

The hash chain proves that every record follows the one before it; it cannot show that the last
records were removed, because what is left is still a valid chain. So the number and fingerprint
of the last record are also kept outside the journal, in two small files (``anchor-1.json`` for
odd records, ``anchor-2.json`` for even ones), written after every change is on disk. Loading and
``council verify`` check that the journal still holds the newest record they name: a journal that
ends before it, or holds another record there, lost its end after it was written.

Cost: replacing a file by renaming over it makes ext4 flush it (about a millisecond here, as much
as the vote's own fsync), so each change writes the slot that does not hold the previous record:
removed, written and renamed into its name, about 50 microseconds. It is flushed to disk only at
checkpoints, on closing and on restore. The order makes it safe: the anchor is written only once
its record is on disk, so after a crash or a power cut it names that record or an earlier one,
never one the journal lacks; and since the two slots alternate, one of them is always whole. A
power cut may leave the anchor older (the last few changes are then not covered) or unreadable,
which counts as no anchor.

What it cannot do: the files have no key. Whoever can write the folder can cut the journal and
rewrite these files to match; the chain head printed on the signed minutes, and backups kept
elsewhere, are the defence against that (docs/durability.md).
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from sessions import platform
from sessions.atomic import atomic_write, temp_path

ANCHOR_FILES = ("anchor-1.json", "anchor-2.json")


class _Chained(Protocol):
    hash: str


def anchor_bytes(journal_seq: int, chain_head: str) -> bytes:
    return json.dumps({"journal_seq": journal_seq, "chain_head": chain_head}).encode("ascii")


def anchor_path(folder: Path, journal_seq: int) -> Path:
    """The slot that holds record ``journal_seq``: the one the record before it does not use."""
    return folder / ANCHOR_FILES[(journal_seq + 1) % 2]


def write_anchor(folder: Path, journal_seq: int, chain_head: str, *, durable: bool = False) -> None:
    """Note that the journal in session ``folder`` now ends at record ``journal_seq``; never raises.

    ``durable``: flushed to disk as every data file is (checkpoints, closing, restore). Otherwise
    written and renamed into place only: the record it names is already on disk, so losing this
    write to a power cut leaves an older anchor, which is still true.
    """
    path = anchor_path(folder, journal_seq)
    content = anchor_bytes(journal_seq, chain_head)
    temp = temp_path(path)
    try:
        # Never renamed over an existing file (ext4 would flush it): the slot's older record goes first.
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        if durable:
            atomic_write(path, content)
            return
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | platform.BINARY, 0o644)
        try:
            os.write(fd, content)  # a few dozen bytes: whole, or the slot is refused on reading
        finally:
            os.close(fd)
        os.rename(temp, path)
    except Exception:  # the anchor is evidence, never a reason to refuse a change
        with contextlib.suppress(OSError):
            temp.unlink()


def read_anchor(folder: Path) -> tuple[int, str] | None:
    """The newest record the journal in session ``folder`` ended at when last written; None when unknown."""
    found = [named for name in ANCHOR_FILES if (named := _read_slot(folder / name)) is not None]
    return max(found, default=None)


def _read_slot(path: Path) -> tuple[int, str] | None:
    try:
        doc = json.loads(path.read_bytes().decode("ascii"))
        seq, head = doc["journal_seq"], doc["chain_head"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if type(seq) is not int or seq < 1 or not isinstance(head, str):
        return None
    return seq, head


def remove_anchor(folder: Path) -> None:
    """Forget where the journal ended (before a restore replaces it). Raises OSError."""
    for name in ANCHOR_FILES:
        with contextlib.suppress(FileNotFoundError):
            (folder / name).unlink()


def lost_end(records: Sequence[_Chained], named: tuple[int, str] | None) -> str:
    """Whether the journal's ``records`` lack the record ``named``: "" (they hold it), "truncated", "rewritten"."""
    if named is None:
        return ""
    seq, head = named
    if seq > len(records):
        return "truncated"
    if seq >= 1 and records[seq - 1].hash != head:
        return "rewritten"
    return ""
