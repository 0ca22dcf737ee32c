"""The room's board (sessions/board.py): what the projector shows of a session, and what it never shows.

Logic tests on the session service, without a server: the board's view per poll mode, the quorum, the
current item, and the link's token kept beside the session.
"""

from __future__ import annotations

import json

import pytest

from models.errors import DomainError
from models.i18n import set_language
from models.poll import Choice, PaperTally, PollMode
from models.session import Presence
from sessions.board import board_of, board_token
from sessions.service import SessionService
from sessions.storage import DataFolder
from tests.conftest import BOOTH_SECRET, PLANNED
from tests.meeting import start_meeting

REASON = "Đi công tác tại Hà Nội"  # an absence reason: the chair's, never the room's


@pytest.fixture
def service(demo_dir, clock):
    service = start_meeting(demo_dir, clock)
    yield service
    service.close()


def names(service: SessionService) -> list[str]:
    return [m.name for m in service.record.members]


def test_before_any_poll_the_board_shows_the_session_the_item_and_the_quorum(service):
    view = board_of(service)
    item = service.record.current_initiative
    assert view["council"] == service.record.council.name
    assert view["session"] == service.record.session.title
    assert view["item"]["code"] == item.code
    assert view["item"]["title"] == item.title
    assert view["item"]["authors"] == ", ".join(a.name for a in item.authors)
    assert view["item"]["position"] == f"Mục 1/{len(service.record.session.agenda)}"
    assert view["quorum"]["ok"] is True
    assert view["poll"] is None


def test_the_quorum_light_turns_red_and_an_absence_reason_stays_off_the_board(service):
    voting = service.record.voting_members
    for member in voting[: len(voting) - service.record.quorum_needed + 1]:
        service.set_attendance(member.id, Presence.ABSENT, REASON)
    view = board_of(service)
    assert view["quorum"]["ok"] is False
    assert view["quorum"]["text"].startswith("KHÔNG ĐỦ SỐ LƯỢNG")
    assert REASON not in json.dumps(view, ensure_ascii=False)


def test_an_open_vote_shows_its_live_tally_and_the_votes_needed(service):
    poll = service.open_poll(PollMode.OPEN)
    service.record_vote(poll.voters[0], Choice.YES)
    service.record_vote(poll.voters[1], Choice.YES)
    service.record_vote(poll.voters[2], Choice.NO)
    shown = board_of(service)["poll"]
    assert {e["choice"]: e["count"] for e in shown["tally"]} == {"yes": 2, "no": 1, "abstain": 0}
    assert shown["voted"] == f"Đã bỏ phiếu: 3/{len(poll.voters)}"
    assert shown["needed"] == f"Cần {service.poll(poll.id).needed()} phiếu đồng ý để thông qua"
    assert shown["open"] is True and shown["result"] is None


def test_a_secret_ballot_shows_only_how_many_have_voted(service):
    poll = service.open_poll(PollMode.SECRET)
    service.booth.open(BOOTH_SECRET)
    service.booth.cast(poll.voters[0], Choice.YES)
    service.booth.cast(poll.voters[1], Choice.NO)
    view = board_of(service)
    shown = view["poll"]
    assert shown["voted"] == f"Đã bỏ phiếu: 2/{len(poll.voters)}"
    assert shown["tally"] is None and shown["needed"] == "" and shown["result"] is None
    text = json.dumps(view, ensure_ascii=False)
    # Nobody's name (the authors excepted, who are on the item), no count, no choice.
    voters = {m.name for m in service.record.members if m.id in poll.voters}
    assert [n for n in voters if n in text.replace(view["item"]["authors"], "")] == []
    for word in ("Đồng ý", "Không đồng ý", "count", "yes"):
        assert word not in text


def test_a_scoring_round_shows_only_how_many_sheets_are_in(service):
    poll = service.open_poll(PollMode.SCORING)
    service.booth.open(BOOTH_SECRET)
    service.booth.submit_sheet(
        poll.voters[0], {"novelty": 25, "applicability": 20, "effectiveness": 30}, comment="Rất tốt"
    )
    view = board_of(service)
    assert view["poll"]["voted"] == f"Đã bỏ phiếu: 1/{len(poll.voters)}"
    text = json.dumps(view, ensure_ascii=False)
    assert "Rất tốt" not in text and "75" not in text and view["poll"]["tally"] is None


def test_a_paper_tally_being_typed_shows_no_count_until_it_closes(service):
    poll = service.open_poll(PollMode.PAPER)
    n = len(poll.voters)
    service.record_paper(PaperTally(issued=n, returned=n, valid=n, invalid=0, yes=n - 1, no=1, abstain=0))
    shown = board_of(service)["poll"]
    assert shown["tally"] is None and shown["voted"] == "Đang kiểm phiếu giấy"
    service.close_poll()
    shown = board_of(service)["poll"]
    assert {e["choice"]: e["count"] for e in shown["tally"]} == {"yes": n - 1, "no": 1, "abstain": 0}


def test_after_closing_the_result_and_the_rules_arithmetic_are_shown(service):
    poll = service.open_poll(PollMode.SECRET)
    service.booth.open(BOOTH_SECRET)
    for voter in poll.voters:
        service.booth.cast(voter, Choice.YES)
    result = service.close_poll()
    shown = board_of(service)["poll"]
    assert shown["open"] is False
    assert shown["result"]["passed"] is True and shown["result"]["label"] == "ĐẠT"
    assert {e["choice"]: e["count"] for e in shown["tally"]}["yes"] == len(poll.voters)
    sentence = shown["result"]["lines"][-1]
    assert str(result.needed) in sentence and str(result.base_count) in sentence


def test_a_closed_scoring_round_shows_the_means(service):
    poll = service.open_poll(PollMode.SCORING)
    service.booth.open(BOOTH_SECRET)
    for voter in poll.voters:
        service.booth.submit_sheet(voter, {"novelty": 25, "applicability": 20, "effectiveness": 30})
    service.close_poll()
    lines = board_of(service)["poll"]["result"]["lines"]
    assert "Tổng điểm trung bình: 75,0" in lines


def test_the_board_speaks_the_language_in_force(service):
    set_language("en")
    view = board_of(service)
    assert view["lang"] == "en" and view["item"]["position"].startswith("Item 1/")
    assert view["quorum"]["text"].startswith("Quorum")


def test_moving_to_the_next_item_moves_the_board(service):
    service.next_item()
    assert board_of(service)["item"]["position"].startswith("Mục 2/")


def test_the_board_token_is_kept_with_the_session_across_a_restart(demo_dir, clock):
    service = SessionService(DataFolder(demo_dir), PLANNED, clock=clock)
    token = board_token(service)
    assert len(token) >= 24 and board_token(service) == token
    service.close()
    again = SessionService(DataFolder(demo_dir), PLANNED, clock=clock)
    assert board_token(again) == token
    again.close()


def test_a_read_only_session_makes_no_token(demo_dir, clock):
    viewer = SessionService(DataFolder(demo_dir), PLANNED, clock=clock, read_only=True)
    with pytest.raises(DomainError):
        board_token(viewer)


def test_a_read_only_view_never_serves_the_board_even_once_its_link_exists(demo_dir, clock):
    # A second app viewing the session read-only (the chair's app holds it) could serve the board's link
    # once board.json existed: a projector's bookmark then showed a view that did not follow the chair.
    writer = SessionService(DataFolder(demo_dir), PLANNED, clock=clock)
    board_token(writer)
    viewer = SessionService(DataFolder(demo_dir), PLANNED, clock=clock, read_only=True)
    with pytest.raises(DomainError) as refused:
        board_token(viewer)
    assert str(refused.value)  # in words, the read-only view's own reason
    writer.close()
