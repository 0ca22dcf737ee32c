"""Statistics read each session's small digest while it is current, and the full record otherwise."""

from __future__ import annotations

from pathlib import Path

from models.poll import Choice
from sessions.digest import DIGEST_FILE, SessionDigest, read_digest
from sessions.stats import compute_stats, load_records
from sessions.storage import DataFolder
from sessions.tail import journal_end
from tests.conftest import FIRST, PLANNED
from tests.meeting import start_meeting


def _full(demo_dir: Path) -> list:
    folder = DataFolder(demo_dir)
    return [folder.load_record(s)[0] for s in folder.session_ids()]


def test_statistics_from_digests_equal_statistics_from_full_records(demo_dir: Path) -> None:
    loaded = load_records(demo_dir, undecided=True)
    assert all(isinstance(r, SessionDigest) for r in loaded)
    assert compute_stats(loaded) == compute_stats(_full(demo_dir))


def test_a_journal_that_moved_on_makes_the_digest_stale(demo_dir: Path, clock) -> None:
    service = start_meeting(demo_dir, clock)  # checkpointed when the meeting started
    poll = service.open_poll()
    service.record_vote(poll.voters[0], Choice.YES)  # journal only: no checkpoint for a vote
    session_dir = DataFolder(demo_dir).session_dir(PLANNED)
    assert read_digest(session_dir) is None
    by_id = {r.session.id: r for r in load_records(demo_dir, undecided=True)}
    assert not isinstance(by_id[PLANNED], SessionDigest)
    assert isinstance(by_id[FIRST], SessionDigest)
    assert compute_stats(by_id.values()) == compute_stats(_full(demo_dir))
    service.close()  # the closing checkpoint makes the digest current again
    assert read_digest(session_dir) is not None


def test_a_torn_last_line_is_not_where_the_journal_ends(demo_dir: Path) -> None:
    session_dir = DataFolder(demo_dir).session_dir(FIRST)
    journal = session_dir / "journal.jsonl"
    before = journal_end(journal)
    with journal.open("ab") as handle:
        handle.write(b'{"seq": 999, "hash": "half')
    assert journal_end(journal) == before
    assert read_digest(session_dir) is not None


def test_a_missing_or_damaged_digest_costs_only_time(demo_dir: Path) -> None:
    folder = DataFolder(demo_dir)
    (folder.session_dir(FIRST) / DIGEST_FILE).unlink()
    (folder.session_dir(PLANNED) / DIGEST_FILE).write_bytes(b"{not json")
    loaded = load_records(demo_dir, undecided=True)
    assert not any(isinstance(r, SessionDigest) for r in loaded)
    assert compute_stats(loaded) == compute_stats(_full(demo_dir))
