"""A second `council` process for the lock tests, driven line by line; and ``holding``, a lock for tests.

    python tests/session_writer.py DATA SESSION [--read-only]

Opens the session (for running, or read-only), prints ``READY`` (or ``ERROR <key>`` and exits 3),
then reads one command per line from stdin and answers each with ``OK`` or ``ERROR <key>``:

    attend MEMBER           the member is present
    open                    start the meeting
    poll MODE               open a poll (open, secret, scoring) on the current initiative
    vote MEMBER CHOICE      an open vote (yes, no, abstain)
    secret MEMBER CHOICE    a secret ballot in the booth
    checkpoint              write the checkpoint now (answers ERROR with the checkpoint's error)
    read_only               answers OK yes / OK no: whether the session is read-only now
    close                   close the service and exit

A test process is the first writer; this child the second one (or the read-only copy).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path

from models.errors import DomainError
from models.poll import Choice, PollMode
from models.session import Presence
from sessions.lock import SessionLock
from sessions.sealing import KdfCost
from sessions.service import SessionService
from sessions.storage import DataFolder


@contextlib.contextmanager
def holding(folder: Path) -> Iterator[SessionLock]:
    """Hold the lock of the session folder ``folder`` (created if needed), as a running program does."""
    lock = SessionLock(Path(folder))
    lock.acquire(dt.datetime(2026, 11, 22, 8, 0))
    try:
        yield lock
    finally:
        lock.release()


def _run(service: SessionService, words: list[str]) -> str:
    command, args = words[0], words[1:]
    if command == "attend":
        service.set_attendance(args[0], Presence.PRESENT)
    elif command == "open":
        service.open_session()
    elif command == "poll":
        service.open_poll(PollMode(args[0]))
    elif command == "vote":
        service.record_vote(args[0], Choice(args[1]))
    elif command == "secret":
        if not service.booth.ready():  # the chair's secret seals (or, after a restart, reopens) the box
            service.booth.open("hom-phieu-kin", cost=KdfCost.cheapest())
        service.booth.cast(args[0], Choice(args[1]))
    elif command == "checkpoint":
        service._since_checkpoint += 1  # write it even when nothing changed since the last one
        service.checkpoint()
        if service.checkpoint_error is not None:
            raise service.checkpoint_error
    elif command == "read_only":
        return "OK yes" if service.read_only else "OK no"
    else:
        raise ValueError(command)
    return "OK"


def main(argv: list[str]) -> int:
    data, session_id = Path(argv[0]), argv[1]
    clock_now = [dt.datetime(2026, 11, 22, 15, 0)]

    def clock() -> dt.datetime:
        clock_now[0] += dt.timedelta(seconds=1)
        return clock_now[0]

    try:
        service = SessionService(DataFolder(data), session_id, clock=clock, read_only="--read-only" in argv)
    except DomainError as error:
        print(f"ERROR {error.key}", flush=True)
        return 3
    print("READY", flush=True)
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        if words[0] == "close":
            break
        try:
            answer = _run(service, words)
        except DomainError as error:
            answer = f"ERROR {error.key}"
        print(answer, flush=True)
    service.close()
    print("CLOSED", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
