"""The meeting as it happened, through the session service: the actual start, nobody absent votes (whatever
the mode), and each attendance change kept with its time and item, in the record and in the minutes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from models.errors import DomainError
from models.i18n import set_language
from models.poll import Choice, PaperTally, PollMode
from models.session import Presence
from sessions.editing import AgendaEditor
from sessions.export.markdown import render_markdown
from sessions.export.minutes import build_minutes
from sessions.service import SessionService
from sessions.storage import DataFolder, dump_record
from tests.conftest import BOOTH_SECRET, PLANNED

Clock = Callable[[], dt.datetime]


def roll(service: SessionService, absent: tuple[str, ...] = ()) -> None:
    for member in service.record.members:
        if member.id in absent:
            service.set_attendance(member.id, Presence.ABSENT, "Ốm")
        else:
            service.set_attendance(member.id, Presence.PRESENT)


def started(data: Path, clock: Clock, absent: tuple[str, ...] = ()) -> SessionService:
    service = SessionService(DataFolder(data), PLANNED, clock=clock)
    roll(service, absent)
    service.open_session()
    return service


def minutes(service: SessionService, lang: str = "vi") -> str:
    set_language(lang)
    try:
        return render_markdown(build_minutes(service.record))
    finally:
        set_language("vi")


def attendance_row(text: str, name: str) -> str:
    return next(line for line in text.splitlines() if line.startswith("|") and f"| {name} |" in line)


# --- 1. the start time -----------------------------------------------------------------------


def test_the_minutes_print_when_the_meeting_started_not_the_planned_time(demo_dir: Path) -> None:
    """Planned 08:00, started at 06:46: the minutes say 06 giờ 46 and the planned time stays as prepared."""
    now = {"t": dt.datetime(2026, 11, 22, 6, 30)}

    def clock() -> dt.datetime:
        now["t"] += dt.timedelta(seconds=30)
        return now["t"]

    folder = DataFolder(demo_dir)
    service = SessionService(folder, PLANNED, clock=clock)
    try:
        AgendaEditor(service).update_session(start_time=dt.time(8, 0))
        roll(service)
        now["t"] = dt.datetime(2026, 11, 22, 6, 46, 10)
        service.open_session()
        now["t"] = dt.datetime(2026, 11, 22, 7, 1)
        service.close_session(force=True)
        session = service.record.session
        assert (session.start_time, session.started_at, session.end_time) == (
            dt.time(8, 0),
            dt.time(6, 46),
            dt.time(7, 1),
        )
        text = minutes(service)
        assert "Vào lúc 06 giờ 46 ngày" in text and "08 giờ 00" not in text
        assert "kết thúc vào lúc 07 giờ 01" in text
        assert "At 06:46 on" in minutes(service, "en")
        expected = dump_record(service.record)
    finally:
        service.close()
    (demo_dir / "sessions" / PLANNED / "session.json").unlink()  # rebuilt from the journal alone: the same
    assert dump_record(folder.load_record(PLANNED)[0]) == expected


# --- 2. nobody absent votes ------------------------------------------------------------------


def test_a_member_who_left_cannot_be_given_an_open_vote_and_is_not_waited_for(demo_dir: Path, clock: Clock) -> None:
    service = started(demo_dir, clock)
    try:
        service.open_poll(PollMode.OPEN)
        service.set_attendance("m5", Presence.LEFT_EARLY)
        before = dump_record(service.record)
        with pytest.raises(DomainError) as caught:
            service.record_vote("m5", Choice.YES)
        assert caught.value.key == "error.vote_left" and "Võ Minh Tuấn" in str(caught.value)
        assert dump_record(service.record) == before  # refused, nothing written
        service.record_all(Choice.YES)  # everyone yes: those in the room only
        poll = service.record.open_poll()
        assert "m5" not in poll.votes and poll.left == ["m5"]
        assert service.missing_voters(poll) == 0  # the close dialog waits for nobody
        result = service.close_poll()
        assert result.counts.yes == 6
        closed = service.record.polls[-1]
        assert "m5" not in closed.voters and "m5" not in closed.present_at_close
    finally:
        service.close()


def test_a_vote_cast_before_leaving_stays_and_cannot_be_changed_after(demo_dir: Path, clock: Clock) -> None:
    service = started(demo_dir, clock)
    try:
        service.open_poll(PollMode.OPEN)
        service.record_vote("m5", Choice.NO)
        service.set_attendance("m5", Presence.LEFT_EARLY)
        with pytest.raises(DomainError):
            service.record_vote("m5", Choice.YES)
        assert service.undo_last_vote() is False  # undo would change the vote of someone who has gone
        assert service.record.open_poll().votes["m5"] == Choice.NO
        service.set_attendance("m5", Presence.PRESENT)  # back in the room: may vote again
        service.record_vote("m5", Choice.YES)
        assert service.record.open_poll().votes["m5"] == Choice.YES
    finally:
        service.close()


def test_a_member_who_arrives_after_the_poll_opened_is_told_why_they_do_not_vote(demo_dir: Path, clock: Clock) -> None:
    service = started(demo_dir, clock, absent=("m7",))
    try:
        service.open_poll(PollMode.OPEN)
        service.set_attendance("m7", Presence.LATE)
        with pytest.raises(DomainError) as caught:
            service.record_vote("m7", Choice.YES)
        assert caught.value.key == "error.vote_came_after" and "Huỳnh Quốc Bảo" in str(caught.value)
    finally:
        service.close()


def test_a_member_who_left_cannot_use_the_booth_or_give_a_sheet(demo_dir: Path, clock: Clock) -> None:
    service = started(demo_dir, clock)
    try:
        service.open_poll(PollMode.SECRET)
        service.booth.open(BOOTH_SECRET)
        service.booth.cast("m1", Choice.YES)
        service.set_attendance("m1", Presence.LEFT_EARLY)  # voted, then left: the ballot stays
        service.set_attendance("m2", Presence.LEFT_EARLY)
        with pytest.raises(DomainError) as caught:
            service.booth.cast("m2", Choice.YES)
        assert caught.value.key == "error.vote_left"
        for member_id in ("m3", "m4", "m5", "m6", "m7"):
            service.booth.cast(member_id, Choice.YES)
        assert service.missing_voters(service.record.open_poll()) == 0
        result = service.close_poll()
        assert result.counts.yes == 6
        closed = service.record.polls[-1]
        assert "m1" in closed.voters and "m2" not in closed.voters and closed.left == ["m1", "m2"]
        service.next_item()
        service.set_attendance("m2", Presence.PRESENT)
        service.open_poll(PollMode.SCORING)
        service.booth.open(BOOTH_SECRET)
        service.set_attendance("m3", Presence.LEFT_EARLY)
        with pytest.raises(DomainError) as caught:
            service.booth.submit_sheet("m3", {"novelty": 20, "applicability": 20, "effectiveness": 20})
        assert caught.value.key == "error.vote_left"
    finally:
        service.close()


def test_paper_counts_are_checked_against_those_in_the_room(demo_dir: Path, clock: Clock) -> None:
    service = started(demo_dir, clock)
    try:
        service.open_poll(PollMode.PAPER)
        service.set_attendance("m7", Presence.LEFT_EARLY)
        with pytest.raises(DomainError) as caught:
            service.record_paper(PaperTally(issued=7, returned=7, valid=7, invalid=0, yes=7, no=0, abstain=0))
        assert caught.value.key == "error.paper_issued" and caught.value.params["present"] == 6
        service.record_paper(PaperTally(issued=6, returned=6, valid=6, invalid=0, yes=6, no=0, abstain=0))
    finally:
        service.close()


# --- 3. attendance as it happened ------------------------------------------------------------


def test_arrivals_and_departures_are_kept_with_their_time_and_item(demo_dir: Path, clock: Clock) -> None:
    """m7 comes at item 2; m4 leaves during item 3's poll (losing the quorum with m5 gone) and comes back."""
    service = started(demo_dir, clock, absent=("m6", "m7"))
    try:
        assert service.record.session.present_at_start == ["m1", "m2", "m3", "m4", "m5"]
        service.next_item()
        service.set_attendance("m7", Presence.LATE)
        arrived = service.record.attendance_log[-1]
        service.next_item()
        service.open_poll(PollMode.OPEN)
        service.set_attendance("m5", Presence.LEFT_EARLY)
        lost = service.set_attendance("m4", Presence.LEFT_EARLY)
        assert lost  # 4 of 7 left in the room: the screen is told
        left = service.record.attendance_log[-1]
        service.set_attendance("m4", Presence.PRESENT)
        back = service.record.attendance_log[-1]
        for member_id in ("m1", "m2", "m3", "m4"):
            service.record_vote(member_id, Choice.YES)
        service.close_poll(force=True)
        poll = service.record.polls[-1]
        assert poll.present == ["m1", "m2", "m3", "m4", "m5", "m7"]  # frozen at opening
        assert poll.left == ["m5", "m4"] and poll.present_at_close == ["m1", "m2", "m3", "m4", "m7"]
        assert poll.quorum_lost
        items = service.record.session.agenda
        assert (arrived.initiative_id, left.initiative_id) == (items[1], items[2])
        text = minutes(service)
        english = minutes(service, "en")
        expected = dump_record(service.record)
    finally:
        service.close()
    t = "{:02d} giờ {:02d}".format
    m7, m4, m5 = (attendance_row(text, n) for n in ("Huỳnh Quốc Bảo", "Phạm Thị Lan", "Võ Minh Tuấn"))
    assert f"| vắng mặt (Ốm); đến muộn lúc {t(arrived.at.hour, arrived.at.minute)}, từ mục 2 |" in m7
    assert (
        f"| có mặt; về sớm lúc {t(left.at.hour, left.at.minute)}, từ mục 3; "
        f"trở lại lúc {t(back.at.hour, back.at.minute)}, từ mục 3 |"
    ) in m4
    assert "về sớm lúc" in m5 and "trở lại" not in m5
    # The quorum as the meeting opened, then when it was lost, naming who had left.
    assert "Có mặt 5/7 thành viên Hội đồng (cần tối thiểu 5 thành viên, 2/3 tổng số); đủ điều kiện" in text
    assert f"Lúc {t(left.at.hour, left.at.minute)} (mục 3), còn 4/7 thành viên" in text
    assert "Vắng: Phạm Thị Lan, Võ Minh Tuấn." in text
    assert "**Rời phiên họp trong khi biểu quyết:** Võ Minh Tuấn, Phạm Thị Lan" in text
    assert "Thành viên có mặt: 6/7 khi bắt đầu biểu quyết, 5/7 khi kết thúc." in text
    at = f"{left.at.hour:02d}:{left.at.minute:02d}"
    assert f"left early at {at}, from item 3; came back at" in attendance_row(english, "Phạm Thị Lan")
    assert "arrived late at" in attendance_row(english, "Huỳnh Quốc Bảo")
    assert "Left: Phạm Thị Lan, Võ Minh Tuấn." in english
    # Rebuilt from the journal alone, the same record (the log is derived as the events are replayed).
    (demo_dir / "sessions" / PLANNED / "session.json").unlink()
    assert dump_record(DataFolder(demo_dir).load_record(PLANNED)[0]) == expected


def test_the_minutes_of_the_same_record_are_the_same_in_any_time_zone(
    demo_dir: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    service = started(demo_dir, clock, absent=("m7",))
    try:
        service.set_attendance("m7", Presence.LATE)
        service.set_attendance("m2", Presence.LEFT_EARLY)
        texts = []
        for zone in ("UTC", "Asia/Ho_Chi_Minh", "America/New_York"):
            monkeypatch.setenv("TZ", zone)
            time.tzset()
            texts.append(minutes(service))
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
        service.close()
    assert texts[0] == texts[1] == texts[2]


def test_of_those_present_counts_those_in_the_room_when_the_poll_closes(demo_dir: Path, clock: Clock) -> None:
    """7 present at opening, one leaves without voting: 2/3 of 6 needs 4, and 4 yes pass."""
    from models.rules import PRESETS

    service = SessionService(DataFolder(demo_dir), PLANNED, clock=clock)
    try:
        service.set_rulebook(PRESETS["two_thirds_present"])
        roll(service)
        service.open_session()
        service.open_poll(PollMode.OPEN)
        service.set_attendance("m7", Presence.LEFT_EARLY)
        for member_id, choice in zip(("m1", "m2", "m3", "m4", "m5", "m6"), "yyyynn", strict=True):
            service.record_vote(member_id, Choice.YES if choice == "y" else Choice.NO)
        result = service.close_poll()
        assert (result.base_count, result.needed, result.passed) == (6, 4, True)
    finally:
        service.close()
