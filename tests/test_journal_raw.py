"""The journal is verified from its raw bytes: the same verdict as re-serialising every record."""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Callable
from pathlib import Path

import pytest

from models.poll import Choice
from sessions.journal import GENESIS, Journal, parse_line, raw_record, read_journal, record_hash
from tests.meeting import crash, decide_item, journal_path, start_meeting
from tests.session_writer import holding

Clock = Callable[[], dt.datetime]

TRICKY: list[dict[str, object]] = [
    {"text": '","hash":"' + "0" * 64 + '","prev":"' + "1" * 64 + '",'},
    {"hash": "x", "prev": "y", "seq": 3, "nested": {"hash": "z", "data": {"hash": "w"}}},
    {"note": "Sáng kiến cải tiến quy trình — “tiết kiệm” 1.250.000 đồng", "nfd": "Tiê\u0301ng Viê\u0323t"},
    {"escapes": 'quote " backslash \\ newline \n tab \t nul \x00 bell \x07 del \x7f', "sep": "\u2028\u2029"},
    {"emoji": "🗳️", "surrogate_free": "\U0001f600", "empty": "", "list": [1, 2.5, True, None, "a"]},
    {"": "empty key", 'a"b': "quoted key", "z": {"y": {"x": []}}},
]


def write_journal(path: Path, events: list[tuple[str, dict[str, object]]]) -> None:
    with holding(path.parent):
        journal = Journal(path)
        try:
            for number, (kind, data) in enumerate(events):
                journal.append(kind, data, f"2026-11-22T08:{number // 60:02d}:{number % 60:02d}")
        finally:
            journal.close()


def canonical_agrees(raw: bytes) -> None:
    """Every line: the raw method's record and hash equal the parsed record and its canonical hash and line."""
    prev = GENESIS
    for line in raw.rstrip(b"\n").split(b"\n"):
        checked = raw_record(line, prev)
        assert checked is not None
        record, digest = checked
        parsed = parse_line(line)
        assert digest == record_hash(prev, parsed.seq, parsed.ts, parsed.type, parsed.data) == parsed.hash
        assert (record.seq, record.ts, record.type, record.prev, record.hash) == (
            parsed.seq,
            parsed.ts,
            parsed.type,
            parsed.prev,
            parsed.hash,
        )
        assert record.data == parsed.data
        assert parsed.line() == line + b"\n"
        prev = digest


def test_tricky_data_verifies_the_same_way_raw_and_canonical(tmp_path: Path) -> None:
    path = tmp_path / "journal.jsonl"
    write_journal(path, [("note", data) for data in TRICKY] + [('odd"kind\\', {"a": 1})])
    canonical_agrees(path.read_bytes())
    found = read_journal(path)
    assert found.bad_line is None and len(found.records) == len(TRICKY) + 1
    assert [r.data for r in found.records[: len(TRICKY)]] == TRICKY
    assert found.records[-1].type == 'odd"kind\\'


def test_generated_journals_verify_the_same_way_raw_and_canonical(tmp_path: Path) -> None:
    rng = random.Random(7)
    alphabet = 'ab"\\,:{}[] ăâđêôơưáàảãạ\n\t\u2028😀hashprev'
    for round_ in range(20):
        events = []
        for _ in range(rng.randint(1, 15)):
            data = {
                "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6))): "".join(
                    rng.choice(alphabet) for _ in range(rng.randint(0, 30))
                )
                for _ in range(rng.randint(0, 5))
            }
            events.append((rng.choice(["vote_recorded", "note", "checkpoint"]), data))
        path = tmp_path / f"journal-{round_}.jsonl"
        write_journal(path, events)
        canonical_agrees(path.read_bytes())
        assert read_journal(path).bad_line is None


def test_a_real_meetings_journal_verifies_the_same_way_raw_and_canonical(demo_dir: Path, clock: Clock) -> None:
    service = start_meeting(demo_dir, clock)
    decide_item(service)
    poll = service.open_poll()
    service.record_vote(poll.voters[0], Choice.NO)
    crash(service)
    canonical_agrees(journal_path(demo_dir).read_bytes())


@pytest.mark.parametrize(
    ("edit", "reason"),
    [
        (lambda line: line.replace(b'"seq":2,', b'"seq":2 ,'), "format"),
        (lambda line: line.replace(b'{"data":{', b'{ "data":{'), "format"),
        (lambda line: line.replace(b'"data":{"a":1', b'"data":{"a": 1'), "hash"),
        (lambda line: line.replace(b'"a":1', b'"a":2'), "hash"),
        (lambda line: line.replace(b'"type":"note"', b'"type":"\\u006eote"'), "hash"),
        (lambda line: line.replace(b'"seq":2,', b'"seq":3,'), "chain"),
        (lambda line: line[:-1], "unreadable"),
        (lambda line: json.dumps(json.loads(line), sort_keys=False).encode(), "format"),
    ],
)
def test_an_edited_line_is_named_with_its_reason(tmp_path: Path, edit: Callable[[bytes], bytes], reason: str) -> None:
    path = tmp_path / "journal.jsonl"
    write_journal(path, [("note", {"a": 1}), ("note", {"a": 1, "hash": "h"}), ("note", {"b": 2})])
    lines = path.read_bytes().split(b"\n")
    edited = edit(lines[1])
    assert edited != lines[1]
    lines[1] = edited
    path.write_bytes(b"\n".join(lines))
    found = read_journal(path)
    assert (found.bad_line, found.bad_reason) == (2, reason)
    assert len(found.records) == 1


def test_records_before_the_replay_are_not_parsed_until_read(tmp_path: Path) -> None:
    path = tmp_path / "journal.jsonl"
    write_journal(path, [("note", {"a": [1, 2]}), ("note", {"b": "c"})])
    found = read_journal(path)
    assert all(record._data is None for record in found.records)
    assert found.records[1].data == {"b": "c"}
    assert found.records[0]._data is None


def _careful(lines: list[bytes]) -> tuple[list[tuple[int, str, str, str, str]], int | None, str]:
    """The verdict line by line through ``raw_record`` only (how every line was checked before)."""
    from sessions.journal import _why_not_read

    prev, kept = GENESIS, []
    for number, line in enumerate(lines, start=1):
        checked = raw_record(line, prev)
        if checked is None:
            return kept, number, _why_not_read(line, number, prev)
        record, digest = checked
        if record.seq != number or record.prev != prev:
            return kept, number, "chain"
        if digest != record.hash:
            return kept, number, "hash"
        kept.append((record.seq, record.ts, record.type, record.prev, record.hash))
        prev = record.hash
    return kept, None, ""


def test_the_quick_pass_accepts_exactly_what_the_careful_check_accepts(tmp_path: Path) -> None:
    """Opening checks the usual line in one pass; any edited byte must get the careful check's verdict."""
    from sessions.journal import JournalRead, check_records

    path = tmp_path / "journal.jsonl"
    write_journal(path, [("note", data) for data in TRICKY] + [('odd"kind\\', {"a": 1}), ("vote", {"m": "m1"})])
    clean = path.read_bytes().split(b"\n")[:-1]
    rng = random.Random(11)
    swaps = b'0123456789abcdefABCDEF",:{}\\ x\x00\xc3\xa1'
    for trial in range(400):
        lines = list(clean)
        number = rng.randrange(len(lines))
        line = bytearray(lines[number])
        at = rng.randrange(len(line))
        if trial % 3 == 0:
            line[at : at + 1] = b""  # a byte lost
        else:
            line[at] = rng.choice(swaps)  # a byte changed
        lines[number] = bytes(line)
        found = JournalRead()
        check_records(lines, found)
        quick = [(r.seq, r.ts, r.type, r.prev, r.hash) for r in found.records]
        assert (quick, found.bad_line, found.bad_reason) == _careful(lines), (number, at)
    found = JournalRead()
    check_records(clean, found)
    assert found.bad_line is None and len(found.records) == len(clean)
    assert [(r.seq, r.ts, r.type, r.prev, r.hash) for r in found.records] == _careful(clean)[0]
