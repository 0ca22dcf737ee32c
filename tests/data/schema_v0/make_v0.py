"""How the version-0 sample files beside this script were made (kept for the record; tests do not run it).

A demo council runs part of its planned session with the program of the day, then every file is
rewritten in the layout of version 0 (see sessions/migrations.py): no schema_version, members
without seat, money as the text typed; the journal's hash chain is recomputed for the old data.

    .venv/bin/python tests/data/schema_v0/make_v0.py
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

from models.formatting import format_vnd
from models.poll import Choice
from models.session import Conclusion, Finding, Presence, Scope
from sessions.demo.build import build_demo
from sessions.journal import GENESIS, Record, read_journal, record_hash
from sessions.service import SessionService
from sessions.storage import DataFolder
from sessions.tinystore import read_tables, write_tables

HERE = Path(__file__).parent
SESSION = "2026-11-22"


def _clock() -> Any:
    state = {"now": dt.datetime(2026, 11, 22, 8, 0)}

    def now() -> dt.datetime:
        state["now"] += dt.timedelta(seconds=30)
        return state["now"]

    return now


def run_part_of_meeting(data: Path) -> None:
    build_demo(DataFolder(data), dt.date(2026, 11, 22))
    service = SessionService(DataFolder(data), SESSION, clock=_clock())
    for member in service.record.voting_members:
        service.set_attendance(member.id, Presence.PRESENT)
    service.open_session()
    for index, benefit in ((0, None), (1, 61_000_000)):
        service.select_item(index)
        initiative = service.record.current_initiative
        poll = service.open_poll()
        for voter in poll.voters:
            service.record_vote(voter, Choice.YES)
        service.close_poll()
        finding = Finding(conclusion=Conclusion.RECOGNISED, scope=Scope.UNIT, confirmed_benefit_vnd=benefit)
        service.save_finding(initiative.id, finding)
    service.select_item(2)
    poll = service.open_poll()
    for voter in poll.voters[:3]:
        service.record_vote(voter, Choice.YES)
    # Killed here: no close, so the last votes are in the journal only (replayed on load).
    service.journal.close()
    service.release()


def money_text(amount: Any, with_unit: bool) -> Any:
    if amount is None:
        return ""
    text = format_vnd(amount, "vi")
    return text if with_unit else text.removesuffix(" đồng")


def old_member(member: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in member.items() if k != "seat"}


def old_initiative(initiative: dict[str, Any]) -> dict[str, Any]:
    return {**initiative, "benefit_vnd": money_text(initiative.get("benefit_vnd"), False)}


def old_finding(finding: dict[str, Any]) -> dict[str, Any]:
    return {**finding, "confirmed_benefit_vnd": money_text(finding.get("confirmed_benefit_vnd"), True)}


def old_tables(tables: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    result = dict(tables)
    for name in ("meta", "council"):
        if name in result:
            result[name] = [{k: v for k, v in result[name][0].items() if k != "schema_version"}]
    result["members"] = [old_member(m) for m in tables.get("members", [])]
    if "initiatives" in result:
        result["initiatives"] = [old_initiative(i) for i in result["initiatives"]]
    if "findings" in result:
        result["findings"] = [old_finding(f) for f in result["findings"]]
    return result


def old_event(kind: str, data: dict[str, Any]) -> dict[str, Any]:
    if kind == "session_created":
        record = {k: v for k, v in data["record"].items() if k != "schema_version"}
        record["members"] = [old_member(m) for m in record["members"]]
        record["initiatives"] = {k: old_initiative(v) for k, v in record["initiatives"].items()}
        record["findings"] = {k: old_finding(v) for k, v in record["findings"].items()}
        return {"record": record}
    if kind == "finding_saved":
        return {**data, "finding": old_finding(data["finding"])}
    return data


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        data = Path(scratch) / "data"
        run_part_of_meeting(data)
        target = HERE
        shutil.rmtree(target / "sessions", ignore_errors=True)
        (target / "sessions" / SESSION).mkdir(parents=True)
        council = read_tables(data / "council.json")
        write_tables(target / "council.json", old_tables(council))
        source = data / "sessions" / SESSION
        lines, heads, prev = [], {}, GENESIS
        for record in read_journal(source / "journal.jsonl").records:
            body = old_event(record.type, record.data)
            digest = record_hash(prev, record.seq, record.ts, record.type, body)
            lines.append(Record(record.seq, record.ts, record.type, body, prev, digest).line())
            heads[record.seq], prev = digest, digest
        (target / "sessions" / SESSION / "journal.jsonl").write_bytes(b"".join(lines))
        checkpoint = old_tables(read_tables(source / "session.json"))
        checkpoint["meta"][0]["chain_head"] = heads[checkpoint["meta"][0]["journal_seq"]]
        write_tables(target / "sessions" / SESSION / "session.json", checkpoint)
        summary = json.loads((source / "summary.json").read_text(encoding="utf-8"))
        (target / "sessions" / SESSION / "summary.json").write_text(json.dumps(summary, ensure_ascii=False))


if __name__ == "__main__":
    main()
