"""The live tally of a poll as every front end shows it: counts so far, who has not voted, the votes needed.

Worked out once here from the poll's frozen rule and the attendance now, so that a screen, the room's
board or a phone never redo the arithmetic from the models.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.poll import Counts, Poll
from models.record import SessionRecord


@dataclass(frozen=True)
class LiveTally:
    """One poll's tally as it stands; ``needed``: yes votes (or eligible sheets) needed to pass now."""

    poll_id: str
    counts: Counts
    voters: int
    not_voted: int
    needed: int
    recused: tuple[str, ...]  # the names of the members recused from this poll, in seat order


def live_tally(record: SessionRecord, poll: Poll, voted: list[str]) -> LiveTally:
    """``voted``: who has voted (for a secret ballot, as its box says)."""
    counts = poll.live_counts()
    cast = set(voted)
    voters = poll.voters
    return LiveTally(
        poll_id=poll.id,
        counts=counts,
        voters=len(voters),
        not_voted=len([m for m in voters if m not in cast]),
        needed=poll.needed(counts),
        recused=tuple(record.member(m).name for m in poll.recused),
    )
