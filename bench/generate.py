"""Generate the benchmark data folders (deterministic seed) through the real service, so every file is real.

    python -m bench.generate [--out bench/data] [--tiny]

Folders made under ``--out`` (git-ignored, reused while the sizes and GENERATOR_VERSION are unchanged):

- ``base/``: the council (15 members) and the live session: 200 initiatives, everyone present, meeting started.
- ``archive/``: the same council and 200 past sessions of 200 initiatives each (40,000), decided and closed,
  with their backups. The live session is copied in by the benchmarks when they need it.
- ``large/``: a session of 1,000 initiatives with 15,000 recorded ballots that ended in a crash: the last
  checkpoint is before the last poll, so opening it replays the journal written after it.

Writing goes through ``SessionService`` exactly as in a meeting; only the fsyncs and the per-poll
checkpoints are skipped while generating (they only make the data durable, not different), and one
checkpoint is written where a meeting would have its last one.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import multiprocessing
import os
import random
import shutil
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from bench import text
from models.council import CouncilInfo, FoundingDecision, Member
from models.poll import Choice, PaperTally, PollMode
from models.record import SessionRecord
from models.rules import Rulebook
from models.session import Conclusion, Finding, Presence, Scope, Session
from sessions.sealing import KdfCost
from sessions.service import SessionService, create_session
from sessions.storage import CouncilFile, DataFolder

GENERATOR_VERSION = 3  # 2: sessions carry stats.json; 3: checkpoints journal their fingerprint
STAMP = ".bench-stamp.json"
LIVE_ID = "2026-11-20"
LARGE_ID = "2026-12-04"
AWARD = "Giấy chứng nhận sáng kiến"


@dataclass(frozen=True)
class Sizes:
    """How big the generated data is; ``tiny`` is for the smoke test."""

    members: int = 15
    live_items: int = 200
    archive_sessions: int = 200
    archive_items: int = 200
    large_items: int = 1000
    seed: int = 20261120

    @classmethod
    def tiny(cls) -> Sizes:
        return cls(members=7, live_items=6, archive_sessions=3, archive_items=5, large_items=8)


COUNCIL = CouncilInfo(
    name="Hội đồng Sáng kiến tỉnh Vĩnh Long",
    unit="Ủy ban nhân dân tỉnh Vĩnh Long",
    parent_unit="",
    city="Vĩnh Long",
    decision=FoundingDecision(
        number="123/QĐ-UBND", date=dt.date(2016, 1, 4), issuer="Chủ tịch Ủy ban nhân dân tỉnh Vĩnh Long"
    ),
)


REAL_CHECKPOINT = SessionService.checkpoint


@contextlib.contextmanager
def fast_writes() -> Iterator[None]:
    """Skip fsync, per-poll checkpoints and backups while generating; restored afterwards."""
    fsync, checkpoint = os.fsync, SessionService.checkpoint
    os.fsync = lambda fd: None  # type: ignore[assignment]
    SessionService.checkpoint = lambda self: None  # type: ignore[method-assign]
    try:
        yield
    finally:
        os.fsync, SessionService.checkpoint = fsync, checkpoint  # type: ignore[method-assign]


def ticking(start: dt.datetime, seconds: int = 7) -> callable:
    """A clock that moves ``seconds`` on each reading: journal timestamps that look like a meeting."""
    now = [start]

    def clock() -> dt.datetime:
        now[0] += dt.timedelta(seconds=seconds)
        return now[0]

    return clock


def council_members(sizes: Sizes) -> list[Member]:
    return text.members(sizes.members, random.Random(sizes.seed))


def write_council(folder: DataFolder, sizes: Sizes) -> None:
    folder.root.mkdir(parents=True, exist_ok=True)
    folder.save_council(CouncilFile(info=COUNCIL, members=council_members(sizes), rulebook=Rulebook()))


def new_session(
    folder: DataFolder,
    session_id: str,
    day: dt.date,
    count: int,
    rng: random.Random,
    sizes: Sizes,
    *,
    code_prefix: str,
    member_authors: bool = True,
) -> None:
    """Create a planned session of ``count`` initiatives (journal + checkpoint, as `council new-session` does)."""
    members = council_members(sizes)
    authors_from = members if member_authors else []
    items = []
    for n in range(count):
        item = text.initiative(f"{code_prefix}-{n + 1:04d}", rng, authors_from or members)
        if not member_authors:
            item = item.model_copy(update={"authors": [a.model_copy(update={"member_id": None}) for a in item.authors]})
        items.append(item)
    session = Session(
        id=session_id,
        title=f"Phiên họp xét công nhận sáng kiến ngày {day.strftime('%d/%m/%Y')}",
        date=day,
        place=f"Hội trường {rng.choice('ABC')}, {rng.choice(text.UNITS)}",
        start_time=dt.time(8, 0),
        chair_id=members[0].id,
        secretary_id=members[2].id,
        agenda=[i.id for i in items],
    )
    record = SessionRecord(
        council=COUNCIL, members=members, rulebook=Rulebook(), session=session, initiatives={i.id: i for i in items}
    )
    create_session(folder, record, clock=ticking(dt.datetime.combine(day, dt.time(7, 0))))


def start_meeting(service: SessionService, rng: random.Random, *, absentees: int) -> None:
    voting = [m.id for m in service.record.voting_members]
    away = set(rng.sample(voting[3:], absentees)) if absentees else set()
    for member_id in voting:
        if member_id in away:
            service.set_attendance(member_id, Presence.ABSENT, "Đi công tác")
        else:
            service.set_attendance(member_id, Presence.PRESENT)
    service.open_session()


def choice(rng: random.Random) -> Choice:
    roll = rng.random()
    return Choice.YES if roll < 0.8 else Choice.NO if roll < 0.92 else Choice.ABSTAIN


def decide(service: SessionService, index: int, rng: random.Random, *, modes: bool) -> None:
    """Select item ``index``, poll it (mostly open votes, now and then another mode), record the finding."""
    service.select_item(index)
    roll = rng.random() if modes else 0.0
    mode = PollMode.OPEN if roll < 0.85 else PollMode.SECRET if roll < 0.9 else PollMode.SCORING
    mode = PollMode.PAPER if roll >= 0.95 else mode
    poll = service.open_poll(mode)
    if mode in (PollMode.SECRET, PollMode.SCORING):
        service.booth.open("hom-phieu-bench", cost=KdfCost.cheapest())  # closed at once below
    if mode == PollMode.OPEN:
        for member_id in poll.voters:
            service.record_vote(member_id, choice(rng))
    elif mode == PollMode.SECRET:
        for member_id in poll.voters:
            service.booth.cast(member_id, choice(rng))
    elif mode == PollMode.SCORING:
        for member_id in poll.voters:
            scores = {"novelty": rng.randint(12, 30), "applicability": rng.randint(12, 30)}
            service.booth.submit_sheet(member_id, {**scores, "effectiveness": rng.randint(15, 40)})
    else:
        voters = len(poll.voters)
        no = rng.randint(0, 2)
        service.record_paper(
            PaperTally(issued=voters, returned=voters, valid=voters, invalid=0, yes=voters - no, no=no, abstain=0)
        )
    result = service.close_poll()
    initiative = service.record.initiatives[poll.initiative_id]
    remarks = rng.choice(text.REMARKS)
    if rng.random() < 0.03:
        finding = Finding(remarks=remarks, conclusion=Conclusion.DEFERRED, reason="Đề nghị bổ sung số liệu.")
    elif result.passed:
        finding = Finding(
            remarks=remarks,
            conclusion=Conclusion.RECOGNISED,
            scope=rng.choice([Scope.UNIT, Scope.UNIT, Scope.SECTOR]),
            proposed_award=AWARD,
            confirmed_benefit_vnd=initiative.benefit_vnd,
        )
    else:
        finding = Finding(remarks=remarks, conclusion=Conclusion.NOT_RECOGNISED, reason=rng.choice(text.REASONS))
    service.save_finding(initiative.id, finding)


def archive_session(args: tuple[str, int, Sizes]) -> None:
    """One past session, decided and closed (run in a worker process)."""
    root, number, sizes = args
    folder = DataFolder(Path(root))
    rng = random.Random(sizes.seed * 1000 + number)
    day = dt.date(2016, 1, 12) + dt.timedelta(days=18 * number)
    session_id = day.isoformat()
    with fast_writes():
        new_session(folder, session_id, day, sizes.archive_items, rng, sizes, code_prefix=f"SK-{day.year}-{number:03d}")
        service = SessionService(folder, session_id, clock=ticking(dt.datetime.combine(day, dt.time(7, 50))))
        start_meeting(service, rng, absentees=rng.choice([0, 1, 1, 2]))
        for index in range(sizes.archive_items):
            decide(service, index, rng, modes=True)
    # Closing as a meeting ends: checkpoint, backup, state.json, all written for real.
    service.close_session()
    service.close()


def make_base(root: Path, sizes: Sizes) -> None:
    folder = DataFolder(root)
    write_council(folder, sizes)
    rng = random.Random(sizes.seed + 1)
    day = dt.date.fromisoformat(LIVE_ID)
    with fast_writes():
        new_session(folder, LIVE_ID, day, sizes.live_items, rng, sizes, code_prefix="SK-2026")
        service = SessionService(folder, LIVE_ID, clock=ticking(dt.datetime.combine(day, dt.time(7, 50))))
        start_meeting(service, rng, absentees=0)
    service.close()


def make_archive(root: Path, sizes: Sizes, workers: int) -> None:
    folder = DataFolder(root)
    write_council(folder, sizes)
    jobs = [(str(root), number, sizes) for number in range(sizes.archive_sessions)]
    if workers > 1 and len(jobs) > 1:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            pool.map(archive_session, jobs, chunksize=1)
    else:
        for job in jobs:
            archive_session(job)
    (root / "state.json").unlink(missing_ok=True)


def make_large(root: Path, sizes: Sizes) -> None:
    """1,000 initiatives, 15 ballots each; the program 'crashes' during the last poll, after its votes."""
    folder = DataFolder(root)
    write_council(folder, sizes)
    rng = random.Random(sizes.seed + 2)
    day = dt.date.fromisoformat(LARGE_ID)
    with fast_writes():
        new_session(folder, LARGE_ID, day, sizes.large_items, rng, sizes, code_prefix="SK-2026-L", member_authors=False)
        service = SessionService(folder, LARGE_ID, clock=ticking(dt.datetime.combine(day, dt.time(7, 50))))
        start_meeting(service, rng, absentees=0)
        for index in range(sizes.large_items - 1):
            decide(service, index, rng, modes=False)
        REAL_CHECKPOINT(service)  # the last quiet moment: the previous finding was saved
        service.select_item(sizes.large_items - 1)
        poll = service.open_poll()
        for member_id in poll.voters:
            service.record_vote(member_id, choice(rng))
        # The crash: the journal holds the last poll's votes, the checkpoint does not; no clean close.
        assert service.journal is not None and service.lock is not None
        service.journal.close()
        service.lock.release()


def _stamp(sizes: Sizes, name: str) -> dict[str, object]:
    return {"generator": GENERATOR_VERSION, "part": name, **asdict(sizes)}


def ensure(out: Path, sizes: Sizes, *, workers: int = 2, log: callable = print) -> dict[str, Path]:
    """Make (or reuse) base/, archive/ and large/ under ``out``; returns their paths."""
    makers = {"base": make_base, "archive": make_archive, "large": make_large}
    paths = {}
    for name, maker in makers.items():
        root = out / name
        paths[name] = root
        stamp = root / STAMP
        if stamp.exists() and json.loads(stamp.read_text()) == _stamp(sizes, name):
            continue
        log(f"generating {name} data in {root} ...")
        shutil.rmtree(root, ignore_errors=True)
        if name == "archive":
            make_archive(root, sizes, workers)
        else:
            maker(root, sizes)
        os.sync()
        stamp.write_text(json.dumps(_stamp(sizes, name)))
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "data")
    parser.add_argument("--tiny", action="store_true", help="a few items only (the smoke test's sizes)")
    args = parser.parse_args(argv)
    sizes = Sizes.tiny() if args.tiny else Sizes()
    for name, path in ensure(args.out, sizes).items():
        print(f"{name}: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
