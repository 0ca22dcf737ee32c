"""A scripted meeting run through SessionService, for the crash tests; also a lock holder.

    python tests/crash_child.py run DATA SESSION [--items K]
        Resume the meeting where the files say it is and print ``ACK <seq> <head> <step>`` after
        each change is durable (flushed at once), then ``DONE``.
    python tests/crash_child.py hold DATA SESSION
        Open the session for running, print ``READY``, wait for a line on stdin, close, print ``CLOSED``.

Errors print ``ERROR <key> <message>`` and exit 3. The steps are a pure function of the record (and of
the open secret ballot's box), so a restarted child continues exactly where the killed one stopped.

The meeting: attendance of every voting member, the meeting opened, then three agenda items, each with
a poll opened, every member's vote, the poll closed and a finding; the second item is decided by
secret ballot through the booth (``cast_ballot``); then the meeting is ended.

The tests start ``child_main`` through a multiprocessing fork server with the program already imported,
so that a child starts in milliseconds; it then reports over a pipe, before each step ``STEP <name>``
and after it ``ACK ...``. Given a ``KillPlan`` it dies in the step named there: just before that
step's N-th file-changing system call (it first reports ``KILL <region> <op> <file>``), or, with N = 0,
when the parent kills it on reading ``STEP`` (anywhere in the step). Having finished the step without
dying it reports ``HOLD`` and waits to be killed, so that every trial ends with a kill inside the
meeting. ``calibrate`` reports every file-changing call (``CALL <region> <op> <file>``).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING

from models.errors import DomainError
from models.poll import Choice, Counts, Poll, PollMode, PollStatus
from models.session import Conclusion, Finding, Presence, SessionStatus
from sessions.ballot_box import OPTIONS
from sessions.sealing import KdfCost, unseal_key
from sessions.service import SessionService
from sessions.storage import DataFolder

if TYPE_CHECKING:
    from tests.fs_trace import Call

BOOTH_SECRET = "hom-phieu-kin"
ITEMS = 3  # agenda items the scripted meeting decides
SECRET_ITEM = 1  # the one decided by secret ballot
Action = Callable[[SessionService], object]


def choice_for(item: int, member_id: str) -> Choice:
    """A fixed, varied vote: mostly yes, some no and abstain."""
    return (Choice.YES, Choice.YES, Choice.NO, Choice.YES, Choice.ABSTAIN)[
        (item * 3 + len(member_id) + ord(member_id[-1])) % 5
    ]


# --- the secret ballot through the booth: the one place that knows how the booth is driven
def open_secret_poll(service: SessionService) -> object:
    return service.open_poll(PollMode.SECRET)


def cast_ballot(service: SessionService, member_id: str, choice: Choice) -> None:
    if not service.booth.ready():  # the first ballot seals the box; after a kill the secret resumes the poll
        service.booth.open(BOOTH_SECRET, cost=KdfCost.cheapest())
    service.booth.cast(member_id, choice)


def close_poll(service: SessionService) -> object:
    """Close the open poll; a secret one is counted with the chair's secret (typed again after a kill)."""
    poll = service.record.open_poll()
    if poll is not None and poll.mode == PollMode.SECRET and not service.booth.ready():
        service.booth.open(BOOTH_SECRET, cost=KdfCost.cheapest())
    return service.close_poll()


def voted_in(service: SessionService, poll: Poll) -> set[str]:
    """Who has voted in ``poll``: the box while a secret poll is open, the record otherwise."""
    return set(service.voted_members(poll))


def secret_counts(service: SessionService, poll: Poll) -> Counts:
    """The anonymous counts so far (the box while open, the frozen result once closed)."""
    if poll.status == PollStatus.OPEN:
        state = service.booth.state()
        if state is None or state.key is None:
            return Counts()
        key = unseal_key(state.key, BOOTH_SECRET)  # what the chair's secret opens: only the sums
        assert key is not None
        return Counts(**{o: key.decrypt_count(state.sums[o], len(state.voted)) for o in OPTIONS})
    return poll.counts


def expected_counts(item: int, voted: set[str]) -> Counts:
    """What the counts must be when exactly ``voted`` have cast the script's ballots."""
    tally = Counter(choice_for(item, m).value for m in voted)
    return Counts(yes=tally["yes"], no=tally["no"], abstain=tally["abstain"])


# --- the script
def next_step(service: SessionService, items: int = ITEMS) -> tuple[str, Action] | None:
    """The next change of the script given the state, as (step id, action), or None when finished."""
    record = service.record
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
            if item == SECRET_ITEM:
                return f"poll:{item}", open_secret_poll
            return f"poll:{item}", lambda s: s.open_poll()
        poll = polls[-1]
        if poll.status == PollStatus.OPEN:
            voted = voted_in(service, poll)
            for member_id in poll.voters:
                if member_id in voted:
                    continue
                choice = choice_for(item, member_id)
                if poll.mode == PollMode.SECRET:
                    return f"ballot:{item}:{member_id}", lambda s, m=member_id, c=choice: cast_ballot(s, m, c)
                return f"vote:{item}:{member_id}:{choice.value}", lambda s, m=member_id, c=choice: s.record_vote(m, c)
            return f"close:{item}", close_poll
        if initiative not in record.findings:
            return f"find:{item}", lambda s, i=initiative: s.save_finding(i, _finding(s, i))
    if record.session.status != SessionStatus.CLOSED:
        return "end", lambda s: s.close_session(force=True)
    return None


def _finding(service: SessionService, initiative: str) -> Finding:
    poll = service.record.last_result_poll(initiative)
    if poll is not None and poll.result is not None and poll.result.passed:
        return Finding(remarks="Đạt yêu cầu.", conclusion=Conclusion.RECOGNISED)
    return Finding(remarks="Chưa đạt.", conclusion=Conclusion.NOT_RECOGNISED, reason="Không đủ số phiếu tán thành.")


def step_kind(step: str) -> str:
    return step.split(":", 1)[0]


def phase_of(step: str) -> str:
    """Where in the meeting a step is: opening, one of the items, or closing."""
    kind, *rest = step.split(":")
    if kind in ("att", "open"):
        return "opening"
    if kind == "end":
        return "closing"
    item = int(rest[0])
    return f"item {item + 1} ({'secret ballot' if item == SECRET_ITEM else 'open vote'})"


def is_done(service: SessionService, step: str) -> bool:
    """Whether the change named ``step`` (as acknowledged by a child) is in the session."""
    record = service.record
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
    if kind == "ballot":
        return any(rest[1] in voted_in(service, p) for p in polls)
    if kind == "close":
        return any(p.status == PollStatus.CLOSED for p in polls)
    if kind == "find":
        return agenda[item] in record.findings
    raise ValueError(step)


def ballots_add_up(service: SessionService) -> bool:
    """Every secret poll's counts are exactly the choices of the members it says voted."""
    record = service.record
    for item in range(min(ITEMS, len(record.session.agenda))):
        for poll in record.polls_for(record.session.agenda[item]):
            if poll.mode == PollMode.SECRET and secret_counts(service, poll) != expected_counts(
                item, voted_in(service, poll)
            ):
                return False
    return True


# --- running it, reporting and dying where planned
@dataclass(frozen=True)
class KillPlan:
    """Die in ``step`` ("": while opening the session), before its ``call``-th file-changing call (0: from outside)."""

    step: str
    call: int = 0


REGION_OF_FILE = {"journal.jsonl": "journal", "ballot-box.json": "ballot-box", "state.json": "state"}


def file_region(call: Call) -> str:
    """What a call outside any checkpoint or backup writes: the journal, the ballot box..."""
    name = os.path.basename(call.path)
    if name.startswith(".") and name.endswith(".tmp-council"):
        name = name[1:].rsplit(".", 2)[0]  # a temp file stands for the file it becomes
    for prefix in ("lock", "anchor"):
        if name.startswith(prefix):
            return prefix
    return REGION_OF_FILE.get(name, "other")


class _Regions:
    """Which part of the service's work is running: checkpoint, backup, state, or a step's own writes."""

    def __init__(self) -> None:
        self.current = "reopen"
        self.last_file = "other"

    def install(self) -> None:
        for method, region in (("checkpoint", "checkpoint"), ("_backup", "backup"), ("_remember", "state")):
            real = getattr(SessionService, method)
            setattr(SessionService, method, self._within(real, region))

    def _within(self, real: Callable[..., object], region: str) -> Callable[..., object]:
        def wrapper(service: SessionService, *args: object, **kwargs: object) -> object:
            outer, self.current = self.current, region if self.current == "step" else self.current
            try:
                return real(service, *args, **kwargs)
            finally:
                self.current = outer

        return wrapper

    def of(self, call: Call) -> str:
        # A folder's fsync belongs to the file just renamed or created in it.
        if call.op != "fsync_dir":
            self.last_file = file_region(call)
        if self.current == "reopen":
            return f"reopen:{self.last_file}"
        return self.last_file if self.current == "step" else self.current


def _wait_to_be_killed() -> None:
    # The parent kills us; should it die first, do not linger.
    threading.Event().wait(300)
    os._exit(5)


def run(
    data: Path,
    session: str,
    items: int,
    say: Callable[[str], None],
    plan: KillPlan | None = None,
    calibrate: bool = False,
) -> None:
    from tests.fs_trace import Interposer  # here: run as a script, the tests package is importable only from main()

    regions = _Regions()
    regions.install()
    armed = {"step": plan is not None and plan.step == "" and plan.call > 0, "count": 0}

    def before(call: Call) -> None:
        region = regions.of(call)
        if calibrate:
            say(f"CALL {region} {call.op} {call.path}")
        if armed["step"]:
            armed["count"] += 1
            if plan is not None and armed["count"] == plan.call:
                say(f"KILL {region} {call.op} {call.path}")
                os.kill(os.getpid(), signal.SIGKILL)

    with Interposer(data, before=before):
        service = SessionService(DataFolder(data), session)
        say(f"OPENED {service.report.replayed} {service.report.torn_bytes}")
        if plan is not None and plan.step == "":
            say("HOLD")
            _wait_to_be_killed()
        regions.current = "step"
        while True:
            step = next_step(service, items)
            if step is None:
                break
            name, action = step
            targeted = plan is not None and plan.step == name
            armed.update(step=targeted and plan is not None and plan.call > 0, count=0)
            say(f"STEP {name}")
            action(service)
            journal = service.journal
            assert journal is not None
            say(f"ACK {journal.seq} {journal.head} {name}")
            if targeted:
                say("HOLD")
                _wait_to_be_killed()
        say("CLOSING")
        regions.current = "close"
        service.close()
    say("DONE")


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def child_main(
    conn: Connection,
    data: Path,
    session: str,
    plan: KillPlan | None = None,
    items: int = ITEMS,
    calibrate: bool = False,
) -> None:
    """The ``run`` mode as a multiprocessing target: every line goes through ``conn`` at once."""

    def send(line: str) -> None:
        conn.send_bytes(line.encode("utf-8"))

    try:
        run(data, session, items, send, plan, calibrate)
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
    parser.add_argument("--items", type=int, default=ITEMS)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    try:
        if args.mode == "hold":
            hold(args.data, args.session)
        else:
            run(args.data, args.session, args.items, say)
    except DomainError as error:
        say(f"ERROR {error.key} {error}")
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main())
