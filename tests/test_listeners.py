"""The session service tells its listeners (the room's board) after each durable change, and only then."""

from __future__ import annotations

import pytest

from models.errors import DomainError
from models.poll import Choice, PollMode
from sessions.storage import DataFolder
from tests.conftest import BOOTH_SECRET, PLANNED
from tests.meeting import start_meeting


@pytest.fixture
def service(demo_dir, clock):
    service = start_meeting(demo_dir, clock)
    yield service
    service.close()


def test_a_listener_hears_each_change_once_it_is_on_disk(service, demo_dir):
    poll = service.open_poll(PollMode.OPEN)
    seen = []

    def listener() -> None:
        # What it reads is the change already applied, and already in the journal on disk.
        on_disk, _ = DataFolder(demo_dir).load_record(PLANNED, deep=False)
        seen.append((dict(service.poll(poll.id).votes), dict(on_disk.polls[-1].votes)))

    service.subscribe(listener)
    service.record_vote(poll.voters[0], Choice.YES)
    assert seen == [({poll.voters[0]: Choice.YES}, {poll.voters[0]: Choice.YES})]


def test_a_refused_change_tells_nobody_and_unsubscribing_stops_it(service):
    poll = service.open_poll(PollMode.OPEN)
    calls = []
    unsubscribe = service.subscribe(lambda: calls.append(1))
    with pytest.raises(DomainError):
        service.record_vote("no-such-member", Choice.YES)
    assert calls == []
    service.record_vote(poll.voters[0], Choice.YES)
    assert calls == [1]
    unsubscribe()
    unsubscribe()  # twice is harmless
    service.record_vote(poll.voters[1], Choice.YES)
    assert calls == [1]


def test_a_listener_that_fails_never_costs_the_chair_a_vote(service):
    poll = service.open_poll(PollMode.OPEN)

    def broken() -> None:
        raise RuntimeError("a board went wrong")

    service.subscribe(broken)
    service.record_vote(poll.voters[0], Choice.NO)
    assert service.poll(poll.id).votes == {poll.voters[0]: Choice.NO}


def test_a_ballot_in_the_box_is_heard_too(service):
    poll = service.open_poll(PollMode.SECRET)
    service.booth.open(BOOTH_SECRET)
    counts = []
    service.subscribe(lambda: counts.append(len(service.voted_members(service.record.open_poll()))))
    service.booth.cast(poll.voters[0], Choice.YES)
    assert counts == [1]
