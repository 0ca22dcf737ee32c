"""The ways a council decides beyond the plain open vote: secret ballot, scoring, paper tally, and the
open vote's shortcuts (everyone yes, undo). Mixed into SessionService.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from models.errors import DomainError
from models.poll import Choice, Poll, PollMode, PollResult, ScoreSheet
from models.poll import PaperTally as PaperTally
from models.rules import Rulebook
from models.session import SessionStatus
from sessions.ballot_box import BallotBox, BoxState

if TYPE_CHECKING:
    from models.record import SessionRecord
    from sessions.storage import DataFolder

SECRET_MODES = (PollMode.SECRET, PollMode.SCORING)


class PollModes:
    """Secret ballots, scoring sheets, paper tallies and open-vote shortcuts, on top of the service."""

    record: SessionRecord
    folder: DataFolder

    def commit(self, kind: str, data: dict[str, Any]) -> None:  # provided by SessionService
        raise NotImplementedError

    def _require_running(self) -> None:  # provided by SessionService
        raise NotImplementedError

    # --- the box
    def _box(self) -> BallotBox:
        return BallotBox(self.folder.session_dir(self.record.session.id))

    def box_state(self) -> BoxState | None:
        """The open secret ballot's or scoring round's box, read from disk (so it survives a crash)."""
        poll = self.record.open_poll()
        if poll is None or poll.mode not in SECRET_MODES:
            return None
        cache = getattr(self, "_box_cache", None)
        if cache is None or cache.poll_id != poll.id:
            cache = self._box().read(poll.id)
            self._box_cache = cache
        return cache

    def voted_members(self, poll: Poll) -> list[str]:
        """Who has voted (open: from the votes; secret: from the box), in seat order."""
        if poll.mode in SECRET_MODES and poll.status.value == "open":
            state = self.box_state()
            voted = state.voted if state else set()
            return [m for m in poll.voters if m in voted]
        return poll.has_voted

    def verify_pin(self, member_id: str, pin: str) -> bool:
        """True when the member has no PIN or ``pin`` matches it."""
        member = self.record.find_member(member_id)
        return member is not None and (not member.pin or member.pin == pin.strip())

    def _booth_voter(self, mode: PollMode, member_id: str, pin: str) -> tuple[Poll, BoxState]:
        poll = self.record.open_poll()
        if poll is None:
            raise DomainError("error.no_open_poll")
        if poll.mode != mode:
            raise DomainError("error.wrong_mode")
        member = self.record.find_member(member_id)
        name = member.name if member else member_id
        if member_id not in poll.voters:
            key = "error.vote_recused" if member_id in poll.recused else "error.vote_not_present"
            raise DomainError(key, name=name)
        if not self.verify_pin(member_id, pin):
            raise DomainError("error.pin_wrong")
        state = self.box_state()
        assert state is not None
        if member_id in state.voted:
            raise DomainError("error.already_voted", name=name)
        return poll, state

    def cast_secret(self, member_id: str, choice: Choice, pin: str = "") -> None:
        """Put one secret ballot in the box: the member joins the set of voters, the choice joins the counts."""
        _, state = self._booth_voter(PollMode.SECRET, member_id, pin)
        counts = state.counts.model_copy(update={choice.value: getattr(state.counts, choice.value) + 1})
        new_state = BoxState(state.poll_id, state.voted | {member_id}, counts, list(state.sheets))
        self._box().write(new_state)
        self._box_cache = new_state

    def submit_sheet(self, member_id: str, scores: dict[str, int], comment: str = "", pin: str = "") -> None:
        """Add one member's scoring sheet (kept without their name); each score must be within its criterion."""
        poll, state = self._booth_voter(PollMode.SCORING, member_id, pin)
        checked: dict[str, int] = {}
        for criterion in poll.rule.criteria:
            value = scores.get(criterion.id)
            name = criterion.name_vi if _vi() else criterion.name_en
            if value is None:
                raise DomainError("error.score_missing", criterion=name)
            if not 0 <= value <= criterion.max_score:
                raise DomainError("error.score_range", criterion=name, value=value, max=criterion.max_score)
            checked[criterion.id] = value
        sheet = ScoreSheet(scores=checked, comment=comment)
        new_state = BoxState(state.poll_id, state.voted | {member_id}, state.counts, [*state.sheets, sheet])
        self._box().write(new_state)
        self._box_cache = new_state

    def closing_data(self, poll: Poll) -> tuple[PollResult, dict[str, Any]]:
        """The result to freeze, and what the journal records at closing (voters and counts only)."""
        extra: dict[str, Any] = {}
        if poll.mode in SECRET_MODES:
            state = self.box_state() or BoxState(poll.id)
            sealed = poll.model_copy(update={"counts": state.counts, "sheets": list(state.sheets)})
            result = sealed.tally()
            extra["voted"] = sorted(state.voted)
            extra["sheets"] = sorted(
                (s.model_dump(mode="json") for s in state.sheets), key=lambda d: json.dumps(d, sort_keys=True)
            )
            return result, extra
        return poll.tally(), extra

    def missing_voters(self, poll: Poll) -> int:
        voted = set(self.voted_members(poll))
        return len([m for m in poll.voters if m not in voted])

    def after_close(self, poll: Poll) -> None:
        if poll.mode in SECRET_MODES:
            self._box().clear()
            self._box_cache = None

    # --- paper tally
    def record_paper(self, tally: PaperTally) -> None:
        """Record the counts of a paper ballot; numbers that disagree are refused, naming them."""
        poll = self.record.open_poll()
        if poll is None:
            raise DomainError("error.no_open_poll")
        if poll.mode != PollMode.PAPER:
            raise DomainError("error.wrong_mode")
        tally.check(len(poll.voters))
        self.commit("paper_recorded", {"poll_id": poll.id, "tally": tally.model_dump()})

    # --- open vote shortcuts
    def record_all(self, choice: Choice = Choice.YES) -> None:
        """Everyone who may vote votes ``choice`` in one step; corrections follow one by one."""
        poll = self.record.open_poll()
        if poll is None:
            raise DomainError("error.no_open_poll")
        if poll.mode != PollMode.OPEN:
            raise DomainError("error.wrong_mode")
        before = {m: (c.value if c else None) for m in poll.voters for c in [poll.votes.get(m)]}
        votes = {m: choice.value for m in poll.voters}
        self.commit("votes_recorded", {"poll_id": poll.id, "votes": votes})
        self._undo_stack().append((poll.id, before))  # after the commit: a refused write leaves nothing to undo

    def _undo_stack(self) -> list[tuple[str, dict[str, str | None]]]:
        stack = getattr(self, "_undo", None)
        if stack is None:
            stack = self._undo = []
        return stack

    def remember_for_undo(self, poll_id: str, member_id: str, previous: Choice | None) -> None:
        """Called once one open vote's change is on disk, with what it replaced, so that undo can put it back."""
        self._undo_stack().append((poll_id, {member_id: previous.value if previous else None}))

    def undo_last_vote(self) -> bool:
        """Put back what the last vote (or 'everyone yes') replaced; False when there is nothing to undo."""
        poll = self.record.open_poll()
        stack = self._undo_stack()
        while stack and (poll is None or stack[-1][0] != poll.id):
            stack.pop()
        if poll is None or not stack:
            return False
        _, before = stack[-1]
        self.commit("votes_recorded", {"poll_id": poll.id, "votes": before})
        stack.pop()  # only once undone on disk: an undo the disk refused can be tried again
        return True

    # --- rulebook
    def set_rulebook(self, rulebook: Rulebook) -> None:
        """Change the rules of a session that has not opened yet; polls freeze them when they open."""
        if self.record.session.status != SessionStatus.PLANNED:
            raise DomainError("error.rules_after_open")
        self.commit("rulebook_set", {"rulebook": rulebook.model_dump(mode="json")})


def _vi() -> bool:
    from models.i18n import current_language

    return current_language() == "vi"
