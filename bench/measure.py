"""The measurements that run in a process of their own; each prints one JSON object.

    python -m bench.measure votes DATA SESSION VOTES
    python -m bench.measure open_recover DATA SESSION PRISTINE_DIR RUNS
    python -m bench.measure persist_vote DATA SESSION DB_PATH RUNS

A fresh process for each keeps one measurement's heap (the stock TinyDB database holds the whole
archive in memory) from slowing the next one down through the garbage collector.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from models.poll import Choice
from sessions.service import SessionService
from sessions.storage import DataFolder
from sessions.tinystore import read_tables


def open_recover(data: Path, session_id: str, pristine: Path, runs: int) -> dict[str, Any]:
    """Open a crashed session for running (lock, temps, checkpoint, verify, replay) from fresh copies of its files."""
    folder = DataFolder(data)
    times, replayed, records = [], 0, 0
    for _ in range(runs):
        target = folder.session_dir(session_id)
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(pristine, target)
        (data / "state.json").unlink(missing_ok=True)
        os.sync()
        start = time.perf_counter()
        service = SessionService(folder, session_id)
        times.append(time.perf_counter() - start)
        if service.read_only:
            raise RuntimeError(f"the session opened read-only: {service.read_only_reason}")
        replayed, records = service.report.replayed, service.report.journal_seq
        # Leave as a crash would (no checkpoint), so that every run recovers the same work.
        assert service.journal is not None
        service.journal.close()
        service.release()
    ballots = sum(len(p.votes) for p in service.record.polls)
    return {
        "open_s": times,
        "replayed": replayed,
        "records": records,
        "initiatives": len(service.record.initiatives),
        "ballots": ballots,
    }


def stock_tinydb(data: Path, db_path: Path, session_id: str) -> int:
    """Write every session's state of ``data`` into one TinyDB file with TinyDB's default JSONStorage.

    The layout is TinyDB's usual one (a table per kind of document, each tagged with its session);
    returns the doc id of ``session_id``'s open poll, the document one vote changes.
    """
    from tinydb.storages import JSONStorage

    folder = DataFolder(data)
    raw: dict[str, dict[str, dict[str, Any]]] = {}
    target = 0
    for sid in folder.session_ids():
        tables = read_tables(folder.session_dir(sid) / "session.json")
        for name, docs in tables.items():
            table = raw.setdefault(name, {})
            for doc in docs:
                table[str(len(table) + 1)] = {"session_id": sid, **doc}
                if sid == session_id and name == "polls" and doc.get("status") == "open":
                    target = len(table)
    raw["council"] = {"1": json.loads((data / "council.json").read_text(encoding="utf-8"))}
    db_path.unlink(missing_ok=True)
    storage = JSONStorage(str(db_path))
    storage.write(raw)
    storage.close()
    if not target:
        raise RuntimeError("the live session has no open poll in its checkpoint")
    return target


def persist_vote(data: Path, session_id: str, db_path: Path, runs: int) -> dict[str, Any]:
    """One vote made durable: council's journal against stock TinyDB holding the same data as one database."""
    from tinydb import TinyDB

    service = SessionService(DataFolder(data), session_id)
    try:
        if service.record.open_poll() is None:
            service.open_poll()
        service.checkpoint()  # so that the stock database holds this open poll too
        poll = service.record.open_poll()
        assert poll is not None
        voters = list(poll.voters)
        ours = []
        for index in range(max(runs * 20, 200)):
            member = voters[index % len(voters)]
            choice = Choice.YES if (index // len(voters)) % 2 == 0 else Choice.NO  # always a change
            start = time.perf_counter()
            service.record_vote(member, choice)
            ours.append(time.perf_counter() - start)
        votes = {m: c.value for m, c in poll.votes.items()}
    finally:
        service.close()
    target = stock_tinydb(data, db_path, session_id)
    size = db_path.stat().st_size
    db = TinyDB(str(db_path))  # the default storage: JSONStorage
    stock = []
    try:
        polls = db.table("polls")
        for index in range(runs):
            votes[voters[index % len(voters)]] = "abstain" if index % 2 else "no"
            start = time.perf_counter()
            polls.update({"votes": votes}, doc_ids=[target])
            stock.append(time.perf_counter() - start)
    finally:
        db.close()
        db_path.unlink(missing_ok=True)
    return {"ours_s": ours, "stock_s": stock, "stock_db_bytes": size}


def main(argv: list[str]) -> int:
    kind = argv[0]
    if kind == "votes":
        from bench.votes import measure_votes

        result = measure_votes(Path(argv[1]), argv[2], int(argv[3]))
    elif kind == "open_recover":
        result = open_recover(Path(argv[1]), argv[2], Path(argv[3]), int(argv[4]))
    elif kind == "persist_vote":
        result = persist_vote(Path(argv[1]), argv[2], Path(argv[3]), int(argv[4]))
    else:
        raise SystemExit(f"unknown measurement {kind}")
    print(json.dumps(result))
    return 0


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
