"""The four ways a council decides, through the session service: what is stored and what results."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from models.errors import DomainError
from models.poll import Choice, PaperTally, PollMode, PollStatus
from models.rules import PRESETS
from models.session import Presence
from sessions.service import SessionService
from sessions.storage import DataFolder
from tests.conftest import BOOTH_SECRET, PLANNED


def started(data: Path, clock, absent: tuple[str, ...] = ()) -> SessionService:
    """The planned demo session with the roll taken and the meeting started."""
    service = SessionService(DataFolder(data), PLANNED, clock=clock)
    for member in service.record.members:
        if member.id in absent:
            service.set_attendance(member.id, Presence.ABSENT, "Ốm")
        else:
            service.set_attendance(member.id, Presence.PRESENT)
    service.open_session()
    return service


def all_bytes(data: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(data.rglob("*")) if p.is_file())


# --- secret ballot -------------------------------------------------------------------------


def test_secret_ballot_result_counts_only(demo_dir: Path, clock) -> None:
    service = started(demo_dir, clock)
    poll = service.open_poll(PollMode.SECRET)
    service.booth.open(BOOTH_SECRET)
    choices = [Choice.YES, Choice.YES, Choice.NO, Choice.YES, Choice.ABSTAIN, Choice.YES, Choice.YES]
    for member_id, choice in zip(poll.voters, choices, strict=True):
        service.booth.cast(member_id, choice)
    assert service.voted_members(poll) == poll.voters
    result = service.close_poll()
    assert (result.counts.yes, result.counts.no, result.counts.abstain) == (5, 1, 1)
    assert result.passed
    closed = service.record.polls[-1]
    assert closed.voted == sorted(poll.voters) and closed.votes == {}
    service.close()


def test_a_member_votes_once_and_only_with_their_pin(demo_dir: Path, clock) -> None:
    service = started(demo_dir, clock)
    service.record.members[1].pin = "2468"
    poll = service.open_poll(PollMode.SECRET)
    service.booth.open(BOOTH_SECRET)
    with pytest.raises(DomainError) as wrong:
        service.booth.cast("m2", Choice.YES, pin="1111")
    assert wrong.value.key == "error.pin_wrong"
    service.booth.cast("m2", Choice.YES, pin="2468")
    with pytest.raises(DomainError) as twice:
        service.booth.cast("m2", Choice.NO, pin="2468")
    assert "Trần Thị Mai" in str(twice.value)
    with pytest.raises(DomainError) as missing:
        service.close_poll()
    assert missing.value.key == "error.votes_missing"
    assert poll.status == PollStatus.OPEN
    result = service.close_poll(force=True)
    assert (result.counts.yes, result.counts.no) == (1, 0)  # the refused second ballot is not in the box
    service.close()


def _secret_run(data: Path, clock, order: list[tuple[str, Choice]]) -> tuple[bytes, dict]:
    service = started(data, clock)
    service.open_poll(PollMode.SECRET)
    service.booth.open(BOOTH_SECRET)
    box_path = DataFolder(data).session_dir(PLANNED) / "ballot-box.json"
    for member_id, choice in order:
        service.booth.cast(member_id, choice)
    box = box_path.read_bytes()
    service.close_poll(force=True)
    lines = DataFolder(data).journal_path(PLANNED).read_bytes().splitlines()
    closing = [r for r in map(json.loads, lines) if r["type"] != "checkpoint"][-1]  # a checkpoint's fingerprint aside
    service.close()
    return box, closing["data"]


def test_stored_bytes_never_link_a_member_to_a_choice(tmp_path: Path, demo_dir: Path, clock) -> None:
    """The same ballots cast in different orders leave identical box and closing records."""
    import shutil

    ballots = [("m1", Choice.YES), ("m2", Choice.NO), ("m3", Choice.YES), ("m5", Choice.ABSTAIN)]
    results = []
    for number, order in enumerate(
        [ballots, list(reversed(ballots)), [ballots[2], ballots[0], ballots[3], ballots[1]]]
    ):
        copy = tmp_path / f"copy{number}"
        shutil.copytree(demo_dir, copy)
        results.append(_secret_run(copy, clock, order))
    closings = {json.dumps(data, sort_keys=True) for _, data in results}
    assert len(closings) == 1 and json.loads(next(iter(closings)))["counts"]["yes"] == 2
    for raw, _ in results:
        box = json.loads(raw)
        assert box["voted"] == ["m1", "m2", "m3", "m5"] and "counts" not in box  # no count before closing
        assert set(box) == {
            "format",
            "poll_id",
            "key",
            "voted",
            "sums",
            "sheets",
            "refused",
            "mac",
        }  # no time, no order
    assert len({json.loads(raw)["sums"]["yes"][1] for raw, _ in results}) == 3  # fresh randomness every run
    # Nothing anywhere in the data folder names a choice next to a member for this poll.
    everything = all_bytes(tmp_path / "copy0")
    assert b'"member_id":"m2","poll_id":"sk-2026-10-p1"' not in everything
    journal = DataFolder(tmp_path / "copy0").journal_path(PLANNED).read_bytes().decode("utf-8")
    secret_records = [line for line in journal.splitlines() if "sk-2026-10-p1" in line]
    assert [json.loads(line)["type"] for line in secret_records] == ["poll_opened", "poll_closed"]
    assert not (DataFolder(tmp_path / "copy0").session_dir(PLANNED) / "ballot-box.json").exists()


def test_secret_ballot_survives_a_restart(demo_dir: Path, clock) -> None:
    service = started(demo_dir, clock)
    poll = service.open_poll(PollMode.SECRET)
    service.booth.open(BOOTH_SECRET)
    service.booth.cast("m1", Choice.YES)
    service.booth.cast("m3", Choice.NO)
    service.release()  # as if the process died: no checkpoint, no clean close
    service.journal.close()
    again = SessionService(DataFolder(demo_dir), PLANNED, clock=clock)
    reopened = again.record.open_poll()
    assert reopened is not None and reopened.id == poll.id
    assert again.voted_members(reopened) == ["m1", "m3"]
    with pytest.raises(DomainError) as sealed:
        again.close_poll(force=True)
    assert sealed.value.key == "error.booth_secret_needed"  # counting needs the chair's secret again
    again.booth.open(BOOTH_SECRET)
    result = again.close_poll(force=True)
    assert (result.counts.yes, result.counts.no) == (1, 1)
    again.close()


# --- scoring -------------------------------------------------------------------------------


def test_scoring_sheets_statistics_and_grade(demo_dir: Path, clock) -> None:
    service = started(demo_dir, clock)
    poll = service.open_poll(PollMode.SCORING)
    service.booth.open(BOOTH_SECRET)
    sheets = [(25, 25, 35), (20, 20, 30), (10, 10, 10), (28, 28, 38), (22, 22, 30), (15, 20, 25), (24, 26, 34)]
    for member_id, (a, b, c) in zip(poll.voters, sheets, strict=True):
        service.booth.submit_sheet(member_id, {"novelty": a, "applicability": b, "effectiveness": c})
    result = service.close_poll()
    stats = result.scores
    assert stats is not None
    assert stats.sheets == 7 and stats.minimum == 30 and stats.maximum == 94 and stats.spread == 64
    assert stats.spread_flag
    assert stats.eligible_sheets == 6  # every sheet but the 30-point one
    assert stats.mean_total == "71"  # (85 + 70 + 30 + 94 + 74 + 60 + 84) / 7, exactly
    assert stats.grade_vi == "Khá"
    assert result.needed == 5 and result.passed
    service.close()


def test_a_score_outside_its_band_is_refused_with_the_criterion(demo_dir: Path, clock) -> None:
    service = started(demo_dir, clock)
    service.open_poll(PollMode.SCORING)
    service.booth.open(BOOTH_SECRET)
    with pytest.raises(DomainError) as error:
        service.booth.submit_sheet("m1", {"novelty": 31, "applicability": 10, "effectiveness": 10})
    assert "Tính mới" in str(error.value) and "31" in str(error.value)
    with pytest.raises(DomainError) as missing:
        service.booth.submit_sheet("m1", {"novelty": 10, "applicability": 10})
    assert "Hiệu quả" in str(missing.value)
    assert service.voted_members(service.record.open_poll()) == []
    service.close()


def test_mean_score_preset_passes_on_the_mean(demo_dir: Path, clock) -> None:
    service = SessionService(DataFolder(demo_dir), PLANNED, clock=clock)
    service.set_rulebook(PRESETS["mean_score"])
    service.close()
    service = started(demo_dir, clock)
    poll = service.open_poll(PollMode.SCORING)
    service.booth.open(BOOTH_SECRET)
    for member_id in poll.voters:
        service.booth.submit_sheet(member_id, {"novelty": 20, "applicability": 20, "effectiveness": 29})
    result = service.close_poll()
    assert result.scores.mean_total == "69" and not result.passed  # 69 < 70
    service.close()


# --- paper tally ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tally", "words"),
    [
        (dict(issued=8, returned=7, valid=7, invalid=0, yes=7, no=0, abstain=0), ["8", "7"]),
        (dict(issued=7, returned=8, valid=8, invalid=0, yes=8, no=0, abstain=0), ["8", "7"]),
        (dict(issued=7, returned=7, valid=6, invalid=0, yes=6, no=0, abstain=0), ["6", "0", "7"]),
        (dict(issued=7, returned=7, valid=7, invalid=0, yes=5, no=1, abstain=0), ["5", "1", "0", "7"]),
    ],
)
def test_paper_counts_that_disagree_are_refused_naming_them(demo_dir: Path, clock, tally, words) -> None:
    service = started(demo_dir, clock)
    service.open_poll(PollMode.PAPER)
    before = DataFolder(demo_dir).journal_path(PLANNED).read_bytes()
    with pytest.raises(DomainError) as error:
        service.record_paper(PaperTally(**tally))
    assert all(word in str(error.value) for word in words)
    assert DataFolder(demo_dir).journal_path(PLANNED).read_bytes() == before
    service.close()


def test_paper_tally_closes_with_its_counts(demo_dir: Path, clock) -> None:
    service = started(demo_dir, clock)
    service.open_poll(PollMode.PAPER)
    with pytest.raises(DomainError):
        service.close_poll()
    service.record_paper(PaperTally(issued=7, returned=7, valid=6, invalid=1, yes=5, no=1, abstain=0))
    result = service.close_poll()
    assert result.passed and result.counts.invalid == 1 and result.paper.returned == 7
    service.close()


# --- open vote extras, recusal, rules --------------------------------------------------------


def test_everyone_yes_then_corrections_then_undo(demo_dir: Path, clock) -> None:
    service = started(demo_dir, clock)
    poll = service.open_poll()
    service.record_all(Choice.YES)
    assert set(poll.votes.values()) == {Choice.YES} and len(poll.votes) == 7
    service.record_vote("m3", Choice.NO)
    assert service.undo_last_vote()
    assert poll.votes["m3"] == Choice.YES
    assert service.undo_last_vote()
    assert poll.votes == {}
    assert not service.undo_last_vote()
    service.close()


def test_chair_recusal_leaves_the_base_and_is_refused_once_voting(demo_dir: Path, clock) -> None:
    service = started(demo_dir, clock)
    first = service.record.current_initiative
    service.recuse(first.id, "m2", "Vợ của tác giả")
    poll = service.open_poll()
    assert poll.recused == {"m2": "Vợ của tác giả"}
    assert "m2" not in poll.voters and len(poll.eligible) == 6 and poll.needed() == 4
    with pytest.raises(DomainError) as error:
        service.recuse(first.id, "m3", "Đồng nghiệp")
    assert error.value.key == "error.recuse_after_poll"
    service.close()


def test_rules_are_frozen_into_the_poll_and_locked_once_the_meeting_starts(demo_dir: Path, clock) -> None:
    service = SessionService(DataFolder(demo_dir), PLANNED, clock=clock)
    service.set_rulebook(PRESETS["simple_majority"])
    service.close()
    service = started(demo_dir, clock)
    poll = service.open_poll()
    assert poll.rule == PRESETS["simple_majority"]
    with pytest.raises(DomainError) as error:
        service.set_rulebook(PRESETS["unanimity"])
    assert error.value.key == "error.rules_after_open"
    service.close()


def test_zero_eligible_members_cannot_open_a_poll(demo_dir: Path, clock) -> None:
    service = started(demo_dir, clock)
    item = service.record.current_initiative
    for member in service.record.voting_members:
        service.recuse(item.id, member.id, "Cùng đơn vị với tác giả")
    with pytest.raises(DomainError) as error:
        service.open_poll()
    assert error.value.key == "error.no_voters"
    service.close()


@pytest.mark.parametrize("mode", list(PollMode))
def test_a_poll_can_be_reset_and_retaken_with_both_on_record(demo_dir: Path, clock, mode: PollMode) -> None:
    service = started(demo_dir, clock)
    first = service.open_poll(mode)
    service.void_poll("Bấm nhầm")
    second = service.open_poll(mode)
    assert first.status == PollStatus.VOID and first.void_reason == "Bấm nhầm"
    assert second.id != first.id and second.status == PollStatus.OPEN
    assert len(service.record.polls_for(first.initiative_id)) == 2
    service.close()


def test_permutations_of_open_votes_give_the_same_result(demo_dir: Path, clock) -> None:
    service = started(demo_dir, clock)
    poll = service.open_poll()
    choices = dict(
        zip(
            poll.voters,
            [Choice.YES, Choice.NO, Choice.YES, Choice.YES, Choice.ABSTAIN, Choice.YES, Choice.YES],
            strict=True,
        )
    )
    results = set()
    for order in itertools.islice(itertools.permutations(poll.voters), 5):
        for member_id in poll.voters:
            service.clear_vote(member_id)
        for member_id in order:
            service.record_vote(member_id, choices[member_id])
        results.add(poll.tally().model_dump_json())
    assert len(results) == 1
    service.close()


def test_a_revote_reopens_the_conclusion_but_keeps_the_remarks(demo_dir: Path, clock) -> None:
    from models.session import Conclusion, Finding

    service = started(demo_dir, clock)
    item = service.record.current_initiative
    service.open_poll()
    service.record_all(Choice.YES)
    service.close_poll()
    service.save_finding(item.id, Finding(remarks="Rõ ràng", conclusion=Conclusion.RECOGNISED))
    service.open_poll(revote_reason="Thành viên đến muộn xin biểu quyết lại")
    finding = service.record.findings[item.id]
    assert finding.conclusion is None and finding.remarks == "Rõ ràng"
    assert [p.status for p in service.record.polls_for(item.id)] == [PollStatus.VOID, PollStatus.OPEN]
    service.close()


def test_export_never_replaces_a_data_file(demo_dir: Path) -> None:
    from sessions.exporting import export_session

    before = (demo_dir / "council.json").read_bytes()
    with pytest.raises(DomainError) as error:
        export_session(demo_dir, PLANNED, "md", demo_dir / "council.json")
    assert error.value.key == "error.export_into_data"
    assert (demo_dir / "council.json").read_bytes() == before
