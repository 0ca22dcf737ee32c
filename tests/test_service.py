"""Running a session through SessionService on a copy of the demo: what the chair is allowed and refused."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from models.errors import DomainError
from models.i18n import set_language
from models.poll import Choice, PollStatus
from models.session import Conclusion, Finding, Presence, SessionStatus
from sessions.journal import read_journal
from sessions.service import SessionService
from sessions.storage import DataFolder
from tests.conftest import FIRST, PLANNED

Y, N, A = Choice.YES, Choice.NO, Choice.ABSTAIN
AUTHOR_ITEM = "sk-2026-11"  # m5 (Võ Minh Tuấn) is a co-author
AUTHOR_INDEX = 1


@pytest.fixture
def service(demo_dir: Path, clock: Callable[[], dt.datetime]) -> Iterator[SessionService]:
    svc = SessionService(DataFolder(demo_dir), PLANNED, clock=clock)
    yield svc
    svc.close()


def roll(svc: SessionService, present: list[str], absent: dict[str, str] | None = None) -> None:
    for member_id in present:
        svc.set_attendance(member_id, Presence.PRESENT)
    for member_id, reason in (absent or {}).items():
        svc.set_attendance(member_id, Presence.ABSENT, reason)


def start(svc: SessionService, present: int = 7) -> None:
    """Roll call with the first ``present`` members in, the rest absent, then open the meeting."""
    ids = [m.id for m in svc.record.voting_members]
    roll(svc, ids[:present], {m: "Đi công tác" for m in ids[present:]})
    svc.open_session()


def vote_all(svc: SessionService, choice: Choice = Y) -> None:
    poll = svc.record.open_poll()
    assert poll is not None
    for member_id in poll.voters:
        svc.record_vote(member_id, choice)


def refused(call: Callable[[], object], key: str) -> DomainError:
    with pytest.raises(DomainError) as caught:
        call()
    assert caught.value.key == key, str(caught.value)
    return caught.value


def journal_length(svc: SessionService) -> int:
    return len(read_journal(svc.folder.session_dir(PLANNED) / "journal.jsonl").records)


# --- attendance


def test_absent_needs_a_reason(service: SessionService) -> None:
    for reason in ("", "   ", "\ufeff"):
        error = refused(lambda r=reason: service.set_attendance("m6", Presence.ABSENT, r), "error.absence_reason")
        assert "Đặng Thị Hồng" in str(error)
    assert service.record.presence("m6") == Presence.UNKNOWN
    service.set_attendance("m6", Presence.ABSENT, " Đi công tác\r\n")
    assert service.record.attendance["m6"].reason == "Đi công tác"
    assert service.record.presence("m6") == Presence.ABSENT


def test_unknown_member(service: SessionService) -> None:
    error = refused(lambda: service.set_attendance("m99", Presence.PRESENT), "error.unknown_member")
    assert "m99" in str(error)


def test_late_and_left_early(service: SessionService) -> None:
    roll(service, ["m1", "m2", "m3", "m4"])
    assert not service.record.has_quorum
    service.set_attendance("m7", Presence.LATE)
    assert service.record.has_quorum
    service.set_attendance("m7", Presence.LEFT_EARLY)
    assert not service.record.has_quorum


# --- opening polls


def test_open_poll_refused_before_the_session_opens(service: SessionService) -> None:
    roll(service, [m.id for m in service.record.members])
    assert service.record.has_quorum
    refused(service.open_poll, "error.session_not_open")
    assert service.record.polls == []


def test_open_poll_refused_without_quorum(service: SessionService) -> None:
    start(service, present=4)
    error = refused(service.open_poll, "error.no_quorum")
    assert "có mặt 4" in str(error) and "cần 5" in str(error)
    set_language("en")
    assert "4 voting members present, 5 needed" in str(error)
    assert service.record.polls == []
    service.set_attendance("m5", Presence.LATE)
    assert service.open_poll().voters == ["m1", "m2", "m3", "m4", "m5"]


def test_authors_are_recused_automatically(service: SessionService) -> None:
    start(service)
    service.select_item(AUTHOR_INDEX)
    assert service.record.current_initiative.id == AUTHOR_ITEM
    poll = service.open_poll()
    assert poll.recused == {"m5": "author"}
    assert "m5" not in poll.voters and "m5" not in poll.eligible
    assert len(poll.eligible) == 6
    assert poll.needed() == 4  # 2/3 of 6 eligible


def test_chair_recusal_needs_a_reason_and_is_frozen_into_the_poll(service: SessionService) -> None:
    start(service)
    refused(lambda: service.recuse("sk-2026-10", "m2", "  "), "error.recusal_reason")
    refused(lambda: service.recuse("sk-2026-99", "m2", "Vợ tác giả"), "error.unknown_initiative")
    refused(lambda: service.recuse("sk-2026-10", "m99", "Vợ tác giả"), "error.unknown_member")
    service.recuse("sk-2026-10", "m2", "Vo\u031b\u0323 ta\u0301c gia\u0309")  # typed decomposed
    poll = service.open_poll()
    assert poll.recused == {"m2": "Vợ tác giả"}
    assert poll.voters == ["m1", "m3", "m4", "m5", "m6", "m7"]


def test_a_vote_by_an_absent_or_recused_member_is_refused_naming_them(service: SessionService) -> None:
    start(service, present=6)  # m7 absent
    service.select_item(AUTHOR_INDEX)
    service.open_poll()
    error = refused(lambda: service.record_vote("m7", Y), "error.vote_not_present")
    assert "Huỳnh Quốc Bảo" in str(error)
    error = refused(lambda: service.record_vote("m5", Y), "error.vote_recused")
    assert "Võ Minh Tuấn" in str(error)
    set_language("en")
    assert str(error) == "Võ Minh Tuấn is recused from this initiative and cannot vote."
    assert service.record.open_poll().votes == {}


def test_one_key_per_member_replaces_the_earlier_choice(service: SessionService) -> None:
    start(service)
    poll = service.open_poll()
    service.record_vote("m1", Y)
    service.record_vote("m1", N)
    before = journal_length(service)
    service.record_vote("m1", N)  # the same key again changes nothing and writes nothing
    assert journal_length(service) == before
    assert poll.votes == {"m1": N}
    counts = poll.live_counts()
    assert (counts.yes, counts.no, counts.abstain) == (0, 1, 0)
    service.record_vote("m1", A)
    assert poll.live_counts().abstain == 1 and poll.live_counts().no == 0


def test_close_poll_with_missing_votes_needs_force(service: SessionService) -> None:
    start(service)
    service.open_poll()
    for member_id in ("m1", "m2", "m3", "m4", "m5"):
        service.record_vote(member_id, Y)
    error = refused(service.close_poll, "error.votes_missing")
    assert "2" in str(error)
    assert service.record.open_poll() is not None
    result = service.close_poll(force=True)
    assert result.passed and result.counts.yes == 5 and result.needed == 5
    assert service.record.open_poll() is None


def test_result_is_frozen_when_the_poll_closes(service: SessionService) -> None:
    start(service)
    service.open_poll()
    vote_all(service)
    result = service.close_poll()
    poll = service.record.polls[0]
    assert poll.status == PollStatus.CLOSED and poll.result == result
    for member_id in ("m1", "m2", "m3"):
        service.set_attendance(member_id, Presence.ABSENT, "Có việc đột xuất")
    assert not service.record.has_quorum
    assert poll.result == result and poll.tally() == result
    assert poll.present == ["m1", "m2", "m3", "m4", "m5", "m6", "m7"]
    loaded, _ = DataFolder(service.folder.root).load_record(PLANNED)
    assert loaded.polls[0].result == result


def test_revote_needs_a_reason_and_the_earlier_poll_stays_on_record(service: SessionService) -> None:
    start(service)
    service.open_poll()
    vote_all(service, N)
    first = service.close_poll()
    assert not first.passed
    refused(service.open_poll, "error.revote_reason")
    refused(lambda: service.open_poll(revote_reason="  "), "error.revote_reason")
    service.open_poll(revote_reason="Bấm nhầm phím khi ghi phiếu")
    vote_all(service, Y)
    second = service.close_poll()
    polls = service.record.polls_for("sk-2026-10")
    assert [p.status for p in polls] == [PollStatus.VOID, PollStatus.CLOSED]
    assert polls[0].void_reason == "Bấm nhầm phím khi ghi phiếu"
    assert polls[0].result == first  # the voided poll keeps what it recorded
    assert service.record.last_result_poll("sk-2026-10").result == second
    assert polls[0].id != polls[1].id


def test_a_concluded_item_needs_a_reason_to_vote_again(service: SessionService) -> None:
    start(service)
    service.open_poll()
    vote_all(service)
    service.close_poll()
    service.save_finding("sk-2026-10", Finding(conclusion=Conclusion.RECOGNISED))
    refused(service.open_poll, "error.revote_reason")


def test_void_an_open_poll(service: SessionService) -> None:
    start(service)
    service.open_poll()
    refused(lambda: service.void_poll(""), "error.revote_reason")
    service.void_poll("Mất điện trong phòng họp")
    assert service.record.open_poll() is None
    assert service.record.polls[0].status == PollStatus.VOID
    # a voided poll is no result: the next poll needs no revote reason
    service.open_poll()


def test_moving_on_is_refused_while_a_poll_is_open(service: SessionService) -> None:
    start(service)
    service.open_poll()
    refused(service.next_item, "error.poll_still_open")
    refused(lambda: service.open_poll(), "error.poll_already_open")
    vote_all(service)
    service.close_poll()
    service.next_item()
    assert service.record.session.current_index == 1


def test_quorum_lost_during_an_open_poll_is_recorded(service: SessionService) -> None:
    start(service, present=5)
    poll = service.open_poll()
    assert service.set_attendance("m5", Presence.LEFT_EARLY) is True
    assert poll.quorum_lost
    kinds = [r.type for r in read_journal(service.folder.session_dir(PLANNED) / "journal.jsonl").records]
    assert kinds[-2:] == ["attendance_set", "quorum_lost"]
    # recorded once, not again for each further departure
    assert service.set_attendance("m4", Presence.LEFT_EARLY) is False
    assert kinds.count("quorum_lost") == 1


# --- findings


def _closed_poll(svc: SessionService, choice: Choice) -> None:
    svc.open_poll()
    vote_all(svc, choice)
    svc.close_poll()


def test_not_recognised_needs_a_reason(service: SessionService) -> None:
    start(service)
    _closed_poll(service, N)
    refused(
        lambda: service.save_finding("sk-2026-10", Finding(conclusion=Conclusion.NOT_RECOGNISED, reason=" \r\n")),
        "error.refusal_reason",
    )
    service.save_finding("sk-2026-10", Finding(conclusion=Conclusion.NOT_RECOGNISED, reason="Chưa có tính mới."))
    assert service.record.conclusion("sk-2026-10") == Conclusion.NOT_RECOGNISED


def test_a_conclusion_that_contradicts_the_poll_needs_an_override_reason(service: SessionService) -> None:
    start(service)
    _closed_poll(service, N)  # failed
    refused(
        lambda: service.save_finding("sk-2026-10", Finding(conclusion=Conclusion.RECOGNISED)), "error.override_reason"
    )
    service.save_finding(
        "sk-2026-10", Finding(conclusion=Conclusion.RECOGNISED, override_reason="Hội đồng xem xét lại số liệu.")
    )
    service.next_item()
    _closed_poll(service, Y)  # passed
    refusal = Finding(conclusion=Conclusion.NOT_RECOGNISED, reason="Trùng với sáng kiến năm trước.")
    refused(lambda: service.save_finding(AUTHOR_ITEM, refusal), "error.override_reason")
    # deferring never contradicts a poll
    service.save_finding(AUTHOR_ITEM, Finding(conclusion=Conclusion.DEFERRED))


def test_recognising_without_a_poll_needs_a_reason(service: SessionService) -> None:
    start(service)
    refused(
        lambda: service.save_finding("sk-2026-10", Finding(conclusion=Conclusion.RECOGNISED)),
        "error.override_no_poll",
    )
    # remarks alone are fine before any poll
    service.save_finding("sk-2026-10", Finding(remarks="Tác giả trình bày 10 phút."))
    assert service.record.conclusion("sk-2026-10") is None


def test_no_conclusion_while_its_poll_is_open(service: SessionService) -> None:
    start(service)
    service.open_poll()
    refused(
        lambda: service.save_finding("sk-2026-10", Finding(conclusion=Conclusion.DEFERRED)), "error.poll_still_open"
    )
    refused(lambda: service.save_finding("sk-9", Finding()), "error.unknown_initiative")


# --- closing


def test_closing_with_undecided_items_needs_force(service: SessionService) -> None:
    start(service)
    _closed_poll(service, Y)
    service.save_finding("sk-2026-10", Finding(conclusion=Conclusion.RECOGNISED))
    error = refused(service.close_session, "error.items_undecided")
    assert "11" in str(error)
    service.open_poll(revote_reason="Kiểm tra lại")
    refused(lambda: service.close_session(force=True), "error.poll_still_open")
    service.void_poll("Không cần biểu quyết lại")
    service.close_session(force=True)
    assert service.record.session.status == SessionStatus.CLOSED
    assert service.record.session.end_time is not None


def test_a_closed_session_refuses_changes(service: SessionService) -> None:
    start(service)
    service.close_session(force=True)
    before = journal_length(service)
    refused(lambda: service.set_attendance("m1", Presence.ABSENT, "Về sớm"), "error.session_closed")
    refused(service.open_session, "error.session_closed")
    refused(service.open_poll, "error.session_closed")
    refused(lambda: service.recuse("sk-2026-10", "m2", "Họ hàng"), "error.session_closed")
    refused(lambda: service.save_finding("sk-2026-10", Finding(remarks="x")), "error.session_closed")
    refused(lambda: service.select_item(3), "error.session_closed")
    refused(service.close_session, "error.session_closed")
    assert journal_length(service) == before


def test_the_demo_closed_session_refuses_changes(demo_dir: Path, clock: Callable[[], dt.datetime]) -> None:
    svc = SessionService(DataFolder(demo_dir), FIRST, clock=clock)
    try:
        journal = demo_dir / "sessions" / FIRST / "journal.jsonl"
        before = journal.read_bytes()
        refused(lambda: svc.set_attendance("m6", Presence.PRESENT), "error.session_closed")
        refused(svc.next_item, "error.session_closed")
        assert journal.read_bytes() == before
    finally:
        svc.close()


def test_a_second_writer_is_refused_and_a_reader_is_not(service: SessionService) -> None:
    error = refused(lambda: SessionService(service.folder, PLANNED), "error.locked")
    assert "process" in str(error) or "tiến trình" in str(error)
    reader = SessionService(service.folder, PLANNED, read_only=True)
    assert reader.record == service.record
    refused(lambda: reader.set_attendance("m1", Presence.PRESENT), "error.read_only")


def test_the_check_code_for_the_minutes_is_the_journal_s_last_hash_running_or_read_only(
    service: SessionService,
) -> None:
    service.set_attendance("m1", Presence.PRESENT)
    last = read_journal(service.folder.journal_path(PLANNED)).records[-1]
    assert service.chain_head == last.hash
    reader = SessionService(service.folder, PLANNED, read_only=True)
    assert reader.chain_head == last.hash


# --- store round trip


class RoundTrip:
    """After each change: a fresh load equals the service's record, with the checkpoint and without it."""

    def __init__(self, svc: SessionService) -> None:
        self.svc = svc
        self.checks = 0

    def __call__(self) -> None:
        folder = DataFolder(self.svc.folder.root)
        loaded, report = folder.load_record(PLANNED)
        assert report.damaged_line is None
        assert loaded == self.svc.record
        checkpoint = folder.session_dir(PLANNED) / "session.json"
        aside = checkpoint.with_name("session.json.aside")
        checkpoint.rename(aside)
        try:
            replayed, report = folder.load_record(PLANNED)
            records = read_journal(self.svc.folder.session_dir(PLANNED) / "journal.jsonl").records
            assert report.replayed == sum(r.type != "checkpoint" for r in records)  # replayed from scratch
            assert replayed == self.svc.record
        finally:
            aside.rename(checkpoint)
        self.checks += 1


def test_store_round_trip_after_every_change(service: SessionService) -> None:
    check = RoundTrip(service)
    check()
    svc = service
    svc.set_attendance("m1", Presence.PRESENT)
    check()
    svc.set_attendance("m6", Presence.ABSENT, "Đi công tác tại Sở Y tế")
    check()
    for member_id in ("m2", "m3", "m4", "m5"):
        svc.set_attendance(member_id, Presence.PRESENT)
    svc.set_attendance("m7", Presence.LATE)
    check()
    svc.open_session()
    check()
    svc.recuse("sk-2026-12", "m2", "Vo\u031b\u0323 cu\u0309a ta\u0301c gia\u0309")
    check()
    scripts = [Y, N, A, Y, Y, N, Y, Y, A, Y, N, Y]
    for index in range(len(svc.record.session.agenda)):
        svc.select_item(index)
        check()
        poll = svc.open_poll()
        check()
        for n, member_id in enumerate(poll.voters):
            svc.record_vote(member_id, scripts[(index + n) % len(scripts)])
        check()
        if index == 2:
            svc.record_vote(poll.voters[0], N)  # a changed vote
            svc.close_poll()
            check()
            svc.open_poll(revote_reason="Ghi nhầm ý kiến của thành viên")
            vote_all(svc, Y)
            check()
        if index == 4:
            svc.set_attendance("m7", Presence.LEFT_EARLY)
            svc.set_attendance("m5", Presence.LEFT_EARLY)  # quorum lost mid-poll
            check()
            svc.close_poll(force=True)
            svc.set_attendance("m5", Presence.PRESENT)
            svc.set_attendance("m7", Presence.PRESENT)
        else:
            svc.close_poll(force=True)
        check()
        result = svc.record.last_result_poll(svc.record.session.agenda[index]).result
        if result.passed:
            finding = Finding(
                conclusion=Conclusion.RECOGNISED,
                remarks=f"Nhận xe\u0301t {index}\r\n",
                confirmed_benefit_vnd=1_000_000 * index or None,
                proposed_award="Giấy chứng nhận sáng kiến",
            )
        else:
            finding = Finding(conclusion=Conclusion.NOT_RECOGNISED, reason="Chưa đạt tính mới.")
        svc.save_finding(svc.record.session.agenda[index], finding)
        check()
    svc.close_session()
    check()
    record = svc.record
    assert len(record.polls) >= 13  # more than nine polls: their order must survive the checkpoint
    assert [p.id for p in record.polls][:2] == ["sk-2026-10-p1", "sk-2026-11-p1"]
    recognised = [f for f in record.findings.values() if f.conclusion == Conclusion.RECOGNISED]
    assert recognised and all(f.remarks.startswith("Nhận xét ") for f in recognised)  # NFC, CRLF gone
    assert any(p.quorum_lost for p in record.polls)
    assert check.checks > 40
    # and after the service lets go (final checkpoint written)
    svc.close()
    loaded, _ = DataFolder(svc.folder.root).load_record(PLANNED)
    assert loaded == record


def test_demo_closed_session_round_trip(demo_dir: Path) -> None:
    folder = DataFolder(demo_dir)
    with_checkpoint, _ = folder.load_record(FIRST)
    (folder.session_dir(FIRST) / "session.json").unlink()
    replayed, report = folder.load_record(FIRST)
    assert replayed == with_checkpoint
    assert report.replayed > 50
    assert with_checkpoint.session.status == SessionStatus.CLOSED
    assert with_checkpoint.decided_count() == 9


def test_each_vote_returns_the_live_tally_with_the_votes_needed(service: SessionService) -> None:
    """What the open vote's tally pane shows comes from the service: counts, who has not voted, votes needed."""
    start(service)
    service.recuse("sk-2026-10", "m2", "Vợ tác giả")
    poll = service.open_poll()
    tally = service.record_vote("m1", Y)
    assert (tally.counts.yes, tally.counts.no, tally.voters, tally.not_voted) == (1, 0, 6, 5)
    assert tally.recused == (service.record.member("m2").name,)
    assert tally.needed == 4  # more than half of the seven members
    tally = service.record_vote("m3", N)
    assert (tally.counts.yes, tally.counts.no, tally.not_voted) == (1, 1, 4)
    assert service.record_vote("m3", N) == tally == service.tally(poll.id)  # the same key again changes nothing
