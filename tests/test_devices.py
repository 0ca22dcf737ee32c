"""Members' own devices, through the session service: links, and the rules every device vote obeys."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.errors import DomainError
from models.poll import Choice, PollMode
from models.rules import Band, Criterion, Rulebook
from models.session import Presence
from sessions.devices import DEVICES_FILE, MemberDevices, Outcome, member_devices
from sessions.member_page import member_view
from sessions.service import SessionService
from sessions.storage import DataFolder
from tests.conftest import BOOTH_SECRET, PLANNED
from tests.test_modes import all_bytes, started

GOOD_SHEET = {"novelty": 25, "applicability": 20, "effectiveness": 35}


def refused(call, *args, **kwargs) -> DomainError:
    with pytest.raises(DomainError) as caught:
        call(*args, **kwargs)
    return caught.value


def session_files(data: Path) -> bytes:
    return all_bytes(DataFolder(data).session_dir(PLANNED))


# --- links ---------------------------------------------------------------------------------


def test_a_link_is_long_random_and_kept_only_as_a_hash(demo_dir: Path, clock) -> None:
    service = started(demo_dir, clock)
    devices = member_devices(service)
    tokens = {m.id: devices.issue(m.id) for m in service.record.members}
    assert len(set(tokens.values())) == len(tokens)
    assert all(len(token) >= 32 for token in tokens.values())
    stored = DataFolder(demo_dir).session_dir(PLANNED) / DEVICES_FILE
    doc = json.loads(stored.read_text(encoding="utf-8"))
    assert sorted(doc["members"]) == sorted(tokens)
    everything = all_bytes(demo_dir)
    for token in tokens.values():
        assert token.encode() not in everything  # no file holds a link in the clear
    assert all(devices.member_for(token) == member for member, token in tokens.items())
    service.close()


def test_a_bad_token_finds_nobody(demo_dir: Path, clock) -> None:
    service = started(demo_dir, clock)
    devices = member_devices(service)
    token = devices.issue("m2")
    for bad in ("", "x", token[:-1], token + "A", token.upper(), "../" + token, "a" * 5000, "é" * 40, "\x00" * 32):
        assert devices.member_for(bad) is None
    service.close()


def test_a_reissued_link_replaces_the_old_one_and_links_survive_a_restart(demo_dir: Path, clock) -> None:
    service = started(demo_dir, clock)
    devices = member_devices(service)
    old = devices.issue("m3")
    kept = devices.issue("m4")
    new = devices.issue("m3")
    assert devices.member_for(old) is None
    assert devices.member_for(new) == "m3"
    assert devices.shown_token("m3") == new
    service.close()
    again = SessionService(DataFolder(demo_dir), PLANNED, clock=clock)
    after = member_devices(again)
    assert after.member_for(new) == "m3" and after.member_for(kept) == "m4"
    assert after.member_for(old) is None
    assert after.shown_token("m3") is None  # the laptop kept only hashes: a QR shown again needs a new link
    assert after.has_link("m3")
    again.close()


def test_a_read_only_session_gives_no_link(demo_dir: Path, clock) -> None:
    reader = SessionService(DataFolder(demo_dir), PLANNED, clock=clock, read_only=True)
    assert refused(MemberDevices(reader).issue, "m1").key == "error.read_only"
    assert not (DataFolder(demo_dir).session_dir(PLANNED) / DEVICES_FILE).exists()


# --- open votes ----------------------------------------------------------------------------


def test_an_open_vote_from_a_device_is_recorded_once(demo_dir: Path, clock) -> None:
    service = started(demo_dir, clock)
    devices = member_devices(service)
    poll = service.open_poll(PollMode.OPEN)
    assert devices.vote("m2", poll.id, "yes") == Outcome.RECORDED
    assert service.poll(poll.id).votes["m2"] == Choice.YES
    before = session_files(demo_dir)
    # The phone lost the answer and sends again: already in, nothing written.
    assert devices.vote("m2", poll.id, "yes") == Outcome.ALREADY
    assert session_files(demo_dir) == before
    error = refused(devices.vote, "m2", poll.id, "no")
    assert error.key == "device.vote_in" and "Đồng ý" in str(error)
    assert session_files(demo_dir) == before
    assert service.poll(poll.id).live_counts().yes == 1
    service.close()


def test_one_vote_per_member_whatever_the_channel(demo_dir: Path, clock) -> None:
    service = started(demo_dir, clock)
    devices = member_devices(service)
    poll = service.open_poll(PollMode.OPEN)
    service.record_vote("m3", Choice.NO)  # the chair's keyboard
    assert devices.vote("m3", poll.id, "no") == Outcome.ALREADY
    assert refused(devices.vote, "m3", poll.id, "yes").key == "device.vote_in"
    devices.vote("m4", poll.id, "abstain")
    service.record_vote("m4", Choice.YES)  # the chair can still correct, as today
    counts = service.poll(poll.id).live_counts()
    assert (counts.yes, counts.no, counts.abstain) == (1, 1, 0)
    service.close()


@pytest.mark.parametrize("choice", ["maybe", "", "YES", "1", "yes "])
def test_a_choice_that_does_not_exist_is_refused(demo_dir: Path, clock, choice: str) -> None:
    service = started(demo_dir, clock)
    poll = service.open_poll(PollMode.OPEN)
    before = session_files(demo_dir)
    assert refused(member_devices(service).vote, "m2", poll.id, choice).key == "device.bad_choice"
    assert session_files(demo_dir) == before
    service.close()


def test_nobody_absent_recused_late_or_without_a_vote_votes_from_a_device(demo_dir: Path, clock) -> None:
    service = started(demo_dir, clock, absent=("m6",))
    service.record.members[6].voting = False  # m7 follows the meeting without a vote
    devices = member_devices(service)
    service.select_item(1)  # SK-2026-11: m5 is one of its authors
    poll = service.open_poll(PollMode.OPEN)
    before = session_files(demo_dir)
    recused = refused(devices.vote, "m5", poll.id, "yes")
    assert recused.key == "device.recused" and "tác giả" in str(recused)
    assert refused(devices.vote, "m6", poll.id, "yes").key == "device.not_present"
    assert refused(devices.vote, "m7", poll.id, "yes").key == "device.not_entitled"
    assert session_files(demo_dir) == before
    service.set_attendance("m6", Presence.PRESENT)
    assert refused(devices.vote, "m6", poll.id, "yes").key == "device.came_after"
    service.set_attendance("m2", Presence.LEFT_EARLY)
    assert refused(devices.vote, "m2", poll.id, "yes").key == "device.left"
    assert service.poll(poll.id).votes == {}
    page = member_view(devices, "m5")
    assert page["ballot"]["state"] == "refused" and page["ballot"]["choices"] == []
    assert "tác giả" in page["ballot"]["reason"]
    service.close()


def test_a_ballot_for_a_closed_or_another_poll_is_refused(demo_dir: Path, clock) -> None:
    service = started(demo_dir, clock)
    devices = member_devices(service)
    first = service.open_poll(PollMode.OPEN)
    service.close_poll(force=True)
    before = session_files(demo_dir)
    assert refused(devices.vote, "m2", first.id, "yes").key == "device.poll_closed"
    assert refused(devices.vote, "m2", "sk-9-p1", "yes").key == "device.poll_unknown"
    service.next_item()
    second = service.open_poll(PollMode.OPEN)
    assert refused(devices.vote, "m2", first.id, "yes").key == "device.poll_closed"
    assert refused(devices.sheet, "m2", second.id, GOOD_SHEET).key == "device.wrong_ballot"
    assert service.poll(second.id).votes == {}
    service.close_poll(force=True)
    assert session_files(demo_dir) != before  # (the second poll was written; the refusals wrote nothing)
    service.close()


def test_nothing_is_taken_once_the_session_is_closed(demo_dir: Path, clock) -> None:
    service = started(demo_dir, clock)
    devices = member_devices(service)
    poll = service.open_poll(PollMode.OPEN)
    service.close_poll(force=True)
    service.close_session(force=True)
    assert refused(devices.vote, "m2", poll.id, "yes").key == "device.poll_closed"
    assert refused(devices.issue, "m2").key == "error.session_closed"
    assert member_view(devices, "m2")["ballot"] is None
    service.close()


# --- secret ballots ------------------------------------------------------------------------


def test_a_secret_ballot_from_a_device_goes_into_the_sealed_box_once(demo_dir: Path, clock) -> None:
    service = started(demo_dir, clock)
    service.record.members[1].pin = "2468"  # the link stands in for the booth's PIN
    devices = member_devices(service)
    poll = service.open_poll(PollMode.SECRET)
    assert refused(devices.vote, "m2", poll.id, "no").key == "device.box_sealed"
    assert member_view(devices, "m2")["ballot"]["state"] == "sealed"
    service.booth.open(BOOTH_SECRET)
    assert member_view(devices, "m2")["ballot"]["state"] == "vote"
    assert devices.vote("m2", poll.id, "no") == Outcome.RECORDED
    box = DataFolder(demo_dir).session_dir(PLANNED) / "ballot-box.json"
    before = box.read_bytes()
    # Re-sent, or another choice: the same answer, since nobody knows what the first one said.
    assert devices.vote("m2", poll.id, "no") == Outcome.ALREADY
    assert devices.vote("m2", poll.id, "yes") == Outcome.ALREADY
    assert box.read_bytes() == before
    assert refused(service.booth.cast, "m2", Choice.YES, pin="2468").key == "error.already_voted"  # the booth too
    page = member_view(devices, "m2")
    assert page["ballot"]["state"] == "in" and page["ballot"]["mine"] == ""
    assert "Không đồng ý" not in json.dumps(page, ensure_ascii=False)
    service.booth.cast("m3", Choice.YES)  # the booth, beside the phones
    assert devices.vote("m3", poll.id, "no") == Outcome.ALREADY
    result = service.close_poll(force=True)
    assert (result.counts.yes, result.counts.no, result.counts.abstain) == (1, 1, 0)
    service.close()


def test_a_device_vote_re_sent_after_a_restart_counts_once(demo_dir: Path, clock) -> None:
    service = started(demo_dir, clock)
    poll = service.open_poll(PollMode.SECRET)
    service.booth.open(BOOTH_SECRET)
    token = member_devices(service).issue("m4")
    member_devices(service).vote("m4", poll.id, "yes")
    service.close()
    again = SessionService(DataFolder(demo_dir), PLANNED, clock=clock)
    devices = member_devices(again)
    assert devices.member_for(token) == "m4"
    assert devices.vote("m4", poll.id, "yes") == Outcome.ALREADY  # before the chair even resumed the box
    again.booth.open(BOOTH_SECRET)
    assert devices.vote("m4", poll.id, "yes") == Outcome.ALREADY
    result = again.close_poll(force=True)
    assert result.counts.yes == 1 and result.counts.cast == 1
    again.close()


# --- scoring sheets ------------------------------------------------------------------------


def test_a_scoring_sheet_from_a_device_is_sealed_and_counted_once(demo_dir: Path, clock) -> None:
    service = started(demo_dir, clock)
    devices = member_devices(service)
    poll = service.open_poll(PollMode.SCORING)
    service.booth.open(BOOTH_SECRET)
    page = member_view(devices, "m2")["ballot"]
    assert [c["id"] for c in page["criteria"]] == ["novelty", "applicability", "effectiveness"]
    assert page["criteria"][0]["bands"][2]["text"] == "Mới hoàn toàn tại cơ sở" and page["total_max"] == 100
    assert devices.sheet("m2", poll.id, GOOD_SHEET, "Rất thiết thực") == Outcome.RECORDED
    box = DataFolder(demo_dir).session_dir(PLANNED) / "ballot-box.json"
    before = box.read_bytes()
    assert b"thi" not in before and "Rất".encode() not in before
    assert devices.sheet("m2", poll.id, GOOD_SHEET, "Rất thiết thực") == Outcome.ALREADY
    assert box.read_bytes() == before
    result = service.close_poll(force=True)
    assert result.scores is not None and result.scores.sheets == 1 and result.scores.minimum == 80
    service.close()


BAD_SHEETS = [
    ({"novelty": 25, "applicability": 20}, "error.score_missing"),
    ({**GOOD_SHEET, "beauty": 5}, "device.unknown_criterion"),
    ({**GOOD_SHEET, "novelty": 31}, "error.score_range"),
    ({**GOOD_SHEET, "novelty": -1}, "error.score_range"),
    ({**GOOD_SHEET, "novelty": 2.5}, "device.score_not_number"),
    ({**GOOD_SHEET, "novelty": "25"}, "device.score_not_number"),
    ({**GOOD_SHEET, "novelty": True}, "device.score_not_number"),
    ({**GOOD_SHEET, "novelty": None}, "error.score_missing"),
    ([25, 20, 35], "device.bad_sheet"),
    ("novelty=25", "device.bad_sheet"),
]


def test_a_bad_sheet_is_refused_and_changes_nothing(demo_dir: Path, clock) -> None:
    service = started(demo_dir, clock)
    devices = member_devices(service)
    poll = service.open_poll(PollMode.SCORING)
    service.booth.open(BOOTH_SECRET)
    before = session_files(demo_dir)
    for scores, key in BAD_SHEETS:
        assert refused(devices.sheet, "m2", poll.id, scores).key == key, scores
    assert refused(devices.sheet, "m2", poll.id, GOOD_SHEET, "x" * 2001).key == "device.comment_long"
    assert refused(devices.sheet, "m2", poll.id, GOOD_SHEET, {"a": 1}).key == "device.bad_sheet"
    assert refused(devices.vote, "m2", poll.id, "yes").key == "device.wrong_ballot"
    assert session_files(demo_dir) == before
    assert service.voted_members(poll) == []
    service.close()


def test_a_score_between_bands_is_refused(demo_dir: Path, clock) -> None:
    service = SessionService(DataFolder(demo_dir), PLANNED, clock=clock)
    gappy = Criterion(
        id="value",
        name_vi="Giá trị",
        name_en="Value",
        max_score=10,
        bands=(
            Band(low=0, high=3, description_vi="Thấp", description_en="Low"),
            Band(low=7, high=10, description_vi="Cao", description_en="High"),
        ),
    )
    service.set_rulebook(Rulebook(criteria=(gappy,)))
    service.close()
    service = started(demo_dir, clock)
    devices = member_devices(service)
    poll = service.open_poll(PollMode.SCORING)
    service.booth.open(BOOTH_SECRET)
    error = refused(devices.sheet, "m2", poll.id, {"value": 5})
    assert error.key == "device.score_between_bands" and "Giá trị" in str(error)
    assert devices.sheet("m2", poll.id, {"value": 7}) == Outcome.RECORDED
    service.close()


def test_the_member_page_follows_the_meeting(demo_dir: Path, clock) -> None:
    service = started(demo_dir, clock)
    devices = member_devices(service)
    page = member_view(devices, "m2")
    assert page["item"]["code"] == service.record.current_initiative.code
    assert page["ballot"] is None and "Chủ tịch" in page["note"]
    poll = service.open_poll(PollMode.OPEN)
    page = member_view(devices, "m2")
    assert page["ballot"]["poll_id"] == poll.id and [c["value"] for c in page["ballot"]["choices"]] == [
        "yes",
        "no",
        "abstain",
    ]
    devices.vote("m2", poll.id, "abstain")
    page = member_view(devices, "m2")
    assert page["ballot"]["state"] == "in" and page["ballot"]["mine"] == "Không biểu quyết"
    assert member_view(devices, "m3")["ballot"]["state"] == "vote"  # nothing about anyone else
    service.close()


def test_ballots_that_arrive_together_are_written_together_and_each_told_its_own_outcome(demo_dir: Path, clock) -> None:
    from sessions.devices import Ballot

    service = started(demo_dir, clock)
    service.select_item(1)  # m5 is an author: refused, the others go in
    devices = member_devices(service)
    poll = service.open_poll(PollMode.SECRET)
    service.booth.open(BOOTH_SECRET)
    box = DataFolder(demo_dir).session_dir(PLANNED) / "ballot-box.json"
    writes = []
    original = service.booth._keep
    service.booth._keep = lambda state, key: (writes.append(len(state.voted)), original(state, key))[1]
    batch = [
        Ballot("m2", poll.id, choice="yes"),
        Ballot("m3", poll.id, choice="no"),
        Ballot("m2", poll.id, choice="no"),  # the same phone again, before the first was written
        Ballot("m5", poll.id, choice="yes"),
        Ballot("m4", poll.id, choice="maybe"),
        Ballot("m6", poll.id, choice="abstain"),
    ]
    outcomes = devices.record_many(batch)
    assert outcomes[:3] == [Outcome.RECORDED, Outcome.RECORDED, Outcome.ALREADY]
    assert outcomes[3].key == "device.recused" and outcomes[4].key == "device.bad_choice"
    assert outcomes[5] == Outcome.RECORDED
    assert writes == [3]  # one write for the three ballots taken
    assert all(b.choice == "" and b.chosen is None for b in batch if b.member_id in ("m3", "m6"))  # plaintext dropped
    assert b"yes" not in box.read_bytes().split(b'"sums"')[0]
    result = service.close_poll(force=True)
    assert (result.counts.yes, result.counts.no, result.counts.abstain) == (1, 1, 1)
    service.close()
