"""A scripted meeting run through SessionService, for the crash tests; also a lock holder.

    python tests/crash_child.py run DATA SESSION [--die-at N] [--items K]
        Resume the meeting where the files say it is and print ``ACK <seq> <head> <step>`` after
        each change is durable (flushed at once), then ``DONE``. With ``--die-at N`` the process
        SIGKILLs itself just before its N-th file-changing system call (write, fsync, ftruncate,
        replace, rename, unlink, mkdir), to land in every window between them.
    python tests/crash_child.py hold DATA SESSION
        Open the session for running, print ``READY``, wait for a line on stdin, close, print ``CLOSED``.

Errors print ``ERROR <key> <message>`` and exit 3. The steps are a pure function of the record, so
a restarted child continues exactly where the killed one stopped.

The tests start the same ``run`` through a multiprocessing fork server (``child_main``) with the
program already imported, so that a child starts in milliseconds; lines then go through a pipe.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path

from models.errors import DomainError
from models.poll import Choice, PollStatus
from models.record import SessionRecord
from models.session import Conclusion, Finding, Presence, SessionStatus
from sessions.service import SessionService
from sessions.storage import DataFolder

ITEMS = 3  # agenda items the scripted meeting decides
Action = Callable[[SessionService], object]


def choice_for(item: int, member_id: str) -> Choice:
    """A fixed, varied vote: mostly yes, some no and abstain."""
    return (Choice.YES, Choice.YES, Choice.NO, Choice.YES, Choice.ABSTAIN)[
        (item * 3 + len(member_id) + ord(member_id[-1])) % 5
    ]


def next_step(record: SessionRecord, items: int = ITEMS) -> tuple[str, Action] | None:
    """The next change of the script given the state, as (step id, action), or None when finished."""
    for member in record.voting_members:
        if record.presence(member.id) == Presence.UNKNOWN:
            return f"att:{member.id}", lambda s, m=member.id: s.set_attendance(m, Presence.PRESENT)
    if record.session.status == SessionStatus.PLANNED:
        return "open", lambda s: s.open_session()
    for item in range(min(items, len(record.session.agenda))):
        initiative = record.session.agenda[item]
        if record.session.current_index < item:
            return f"sel:{item}", lambda s, i=item: s.select_item(i)
        polls = record.polls_for(initiative)
        if not polls:
            return f"poll:{item}", lambda s: s.open_poll()
        poll = polls[-1]
        if poll.status == PollStatus.OPEN:
            for member_id in poll.voters:
                if member_id not in poll.votes:
                    choice = choice_for(item, member_id)
                    return f"vote:{item}:{member_id}:{choice.value}", lambda s, m=member_id, c=choice: s.record_vote(
                        m, c
                    )
            return f"close:{item}", lambda s: s.close_poll()
        if initiative not in record.findings:
            return f"find:{item}", lambda s, i=initiative: s.save_finding(i, _finding(s.record, i))
    if record.session.status != SessionStatus.CLOSED:
        return "end", lambda s: s.close_session(force=True)
    return None


def _finding(record: SessionRecord, initiative: str) -> Finding:
    poll = record.last_result_poll(initiative)
    if poll is not None and poll.result is not None and poll.result.passed:
        return Finding(remarks="Đạt yêu cầu.", conclusion=Conclusion.RECOGNISED)
    return Finding(remarks="Chưa đạt.", conclusion=Conclusion.NOT_RECOGNISED, reason="Không đủ số phiếu tán thành.")


def is_done(record: SessionRecord, step: str) -> bool:
    """Whether the change named ``step`` (as acknowledged by a child) is in ``record``."""
    kind, *rest = step.split(":")
    agenda = record.session.agenda
    if kind == "att":
        return record.presence(rest[0]) == Presence.PRESENT
    if kind == "open":
        return record.session.status != SessionStatus.PLANNED
    if kind == "end":
        return record.session.status == SessionStatus.CLOSED
    item = int(rest[0])
    polls = record.polls_for(agenda[item])
    if kind == "sel":
        return record.session.current_index >= item
    if kind == "poll":
        return bool(polls)
    if kind == "vote":
        return any(p.votes.get(rest[1]) == Choice(rest[2]) for p in polls)
    if kind == "close":
        return any(p.status == PollStatus.CLOSED for p in polls)
    if kind == "find":
        return agenda[item] in record.findings
    raise ValueError(step)


def _die_at(limit: int) -> None:
    """SIGKILL this process just before its ``limit``-th file-changing call."""
    count = [0]

    def wrap(name: str) -> None:
        real = getattr(os, name)

        def counted(*args: object, **kwargs: object) -> object:
            count[0] += 1
            if count[0] >= limit:
                os.kill(os.getpid(), signal.SIGKILL)
            return real(*args, **kwargs)

        setattr(os, name, counted)

    for name in ("write", "fsync", "ftruncate", "replace", "rename", "unlink", "mkdir", "rmdir"):
        wrap(name)


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def run(data: Path, session: str, items: int, say: Callable[[str], None] = say) -> None:
    service = SessionService(DataFolder(data), session)
    say(f"OPENED {service.report.replayed} {service.report.torn_bytes}")
    while True:
        step = next_step(service.record, items)
        if step is None:
            break
        name, action = step
        action(service)
        journal = service.journal
        assert journal is not None
        say(f"ACK {journal.seq} {journal.head} {name}")
    service.close()
    say("DONE")


def child_main(conn: Connection, data: Path, session: str, die_at: int, items: int = ITEMS) -> None:
    """The ``run`` mode as a multiprocessing target: every line goes through ``conn`` at once."""

    def send(line: str) -> None:
        conn.send_bytes(line.encode("utf-8"))

    if die_at:
        _die_at(die_at)
    try:
        run(data, session, items, send)
    except DomainError as error:
        send(f"ERROR {error.key} {error}")


def hold(data: Path, session: str) -> None:
    service = SessionService(DataFolder(data), session)
    say("READY")
    sys.stdin.readline()
    service.close()
    say("CLOSED")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["run", "hold"])
    parser.add_argument("data", type=Path)
    parser.add_argument("session")
    parser.add_argument("--die-at", type=int, default=0)
    parser.add_argument("--items", type=int, default=ITEMS)
    args = parser.parse_args()
    try:
        if args.mode == "hold":
            hold(args.data, args.session)
        else:
            if args.die_at:
                _die_at(args.die_at)
            run(args.data, args.session, args.items)
    except DomainError as error:
        say(f"ERROR {error.key} {error}")
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main())
