"""The ways a council decides beyond the plain open vote: secret ballot, scoring, paper tally, and the
open vote's shortcuts (everyone yes, undo). Mixed into SessionService.
"""

from __future__ import annotations

import contextlib
import hmac
import json
import unicodedata
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from nacl.exceptions import CryptoError

from models.errors import DomainError
from models.poll import Choice, Counts, Poll, PollMode, PollResult, ScoreSheet
from models.poll import PaperTally as PaperTally
from models.rules import Rulebook
from models.session import SessionStatus
from sessions import sealing
from sessions.ballot_box import OPTIONS, BallotBox, BoxState
from sessions.sealing import (
    SECRET_MIN,
    KdfCost,
    PollKey,
    SealedKey,
    add,
    encrypt_count,
    seal_key,
    seal_sheet,
    unseal_key,
)

if TYPE_CHECKING:
    from models.record import SessionRecord
    from sessions.storage import DataFolder

SECRET_MODES = (PollMode.SECRET, PollMode.SCORING)


class PollModes:
    """Secret ballots, scoring sheets, paper tallies and open-vote shortcuts, on top of the service."""

    record: SessionRecord
    folder: DataFolder

    def _commit(self, kind: str, data: dict[str, Any]) -> None:  # provided by SessionService
        raise NotImplementedError

    def _require_running(self) -> None:  # provided by SessionService
        raise NotImplementedError

    def changed(self) -> None:  # provided by SessionService (sessions/listeners.py)
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

    def _keep_box(self, state: BoxState, key: PollKey) -> None:
        """Write the box, tagged with the poll's key (fsynced, renamed, folder fsynced): only then is a ballot
        received."""
        self._require_writer()
        state = replace(state, mac=key.box_mac(state.unsigned()))
        self._box().write(state)
        self._box_cache = state
        self.changed()  # who has voted moved on: the board says so (never how)

    def _check_box(self, state: BoxState, key: PollKey) -> None:
        """Refuse a box whose tag is not the key's: it was changed (or replaced) outside council."""
        if not hmac.compare_digest(state.mac, key.box_mac(state.unsigned())):
            raise DomainError("error.box_changed", path=str(self._box().path))

    def _require_writer(self) -> None:
        if getattr(self, "read_only", False) or getattr(self, "journal", None) is None:
            raise DomainError("error.read_only")

    def why_cannot_vote(self, poll: Poll, member_id: str) -> DomainError | None:
        """Why a member may not vote (or change their vote) in ``poll`` now; None when they may.

        Only the poll's voters in the room: not the recused, not those absent when it opened, not those
        gone since (whatever the mode: open vote, booth, sheet or paper).
        """
        if member_id in poll.in_room_voters:
            return None
        member = self.record.find_member(member_id)
        name = member.name if member else member_id
        if member_id in poll.recused:
            return DomainError("error.vote_recused", name=name)
        if member_id in poll.away:
            return DomainError("error.vote_left", name=name)
        if member is not None and member.voting and self.record.presence(member_id).in_room:
            return DomainError("error.vote_came_after", name=name)  # voters are frozen when a poll opens
        return DomainError("error.vote_not_present", name=name)

    def _require_in_room(self, poll: Poll, member_id: str) -> None:
        refusal = self.why_cannot_vote(poll, member_id)
        if refusal is not None:
            raise refusal

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

    # --- the chair's secret (sessions/sealing.py)
    def _secret_poll(self) -> tuple[Poll, BoxState]:
        poll = self.record.open_poll()
        if poll is None:
            raise DomainError("error.no_open_poll")
        if poll.mode not in SECRET_MODES:
            raise DomainError("error.wrong_mode")
        state = self.box_state()
        assert state is not None
        return poll, state

    def _held_key(self, poll_id: str) -> PollKey | None:
        held = getattr(self, "_poll_key", None)
        return held[1] if held is not None and held[0] == poll_id else None

    def booth_secret_chosen(self) -> bool:
        """Whether the chair has chosen the open poll's secret (the booth was opened once)."""
        state = self.box_state()
        return state is not None and state.key is not None

    def booth_ready(self) -> bool:
        """Whether this program holds the open poll's key: the chair gave the secret since it started."""
        poll = self.record.open_poll()
        return poll is not None and self._held_key(poll.id) is not None

    def open_booth(self, secret: str, *, cost: KdfCost | None = None) -> None:
        """Give the chair's secret: the first time it seals a new key for the poll, later it resumes the poll.

        A secret too short, or not the one chosen, is refused and changes nothing. ``cost`` is for tests,
        the demo and the benchmark; the app uses the default (about 0.4 s, docs/threat-model.md).
        """
        poll, state = self._secret_poll()
        self._require_writer()
        secret = unicodedata.normalize("NFC", secret)
        if state.key is not None:
            key = unseal_key(state.key, secret)
            if key is None:
                raise DomainError("error.booth_secret_wrong")
            self._check_box(state, key)
            self._poll_key = (poll.id, key)
            return
        if len(secret) < SECRET_MIN:
            raise DomainError("error.booth_secret_short", minimum=SECRET_MIN)
        key = PollKey.generate()
        sealed = seal_key(key, secret, cost or sealing.DEFAULT_COST)
        self._keep_box(_sealed_box(poll, state, key, sealed), key)
        self._poll_key = (poll.id, key)

    def leave_booth(self, secret: str) -> bool:
        """True when ``secret`` is the chair's; a wrong one is counted (the minutes say how many at close)."""
        poll, state = self._secret_poll()
        key = unseal_key(state.key, unicodedata.normalize("NFC", secret)) if state.key else None
        if key is not None and key.public == state.key.public:
            self._poll_key = (poll.id, key)
            return True
        held = self._held_key(poll.id)
        if held is not None:
            with contextlib.suppress(DomainError):  # a count that cannot be kept must not keep the chair out
                self._keep_box(replace(state, refused=state.refused + 1), held)
        return False

    def _ballot_key(self, poll: Poll, state: BoxState) -> PollKey:
        key = self._held_key(poll.id)
        if key is None or state.key is None:
            raise DomainError("error.booth_locked")
        return key

    def check_voter(self, mode: PollMode, member_id: str) -> None:
        """Raise what this member's ballot or sheet would be refused with (not present, recused, already in),
        so that the refusal comes before anything is typed."""
        self._require_writer()
        poll = self.record.open_poll()
        if poll is None:
            raise DomainError("error.no_open_poll")
        if poll.mode != mode:
            raise DomainError("error.wrong_mode")
        self._require_in_room(poll, member_id)
        member = self.record.find_member(member_id)
        name = member.name if member else member_id
        state = self.box_state()
        if state is not None and member_id in state.voted:
            # A stored sheet is sealed without its name: it can be neither shown nor replaced.
            key = "error.sheet_already_in" if mode == PollMode.SCORING else "error.already_voted"
            raise DomainError(key, name=name)

    def _booth_voter(self, mode: PollMode, member_id: str, pin: str) -> tuple[Poll, BoxState]:
        self.check_voter(mode, member_id)
        if not self.verify_pin(member_id, pin):
            raise DomainError("error.pin_wrong")
        poll = self.record.open_poll()
        state = self.box_state()
        assert poll is not None and state is not None
        self._ballot_key(poll, state)
        return poll, state

    def cast_secret(self, member_id: str, choice: Choice, pin: str = "") -> None:
        """Put one secret ballot in the box: the member joins the voters, an encrypted one-hot vector joins
        the encrypted sums, in one durable write."""
        poll, state = self._booth_voter(PollMode.SECRET, member_id, pin)
        assert state.key is not None
        public = state.key.public
        sums = {o: add(state.sums[o], encrypt_count(public, int(o == choice.value))) for o in OPTIONS}
        self._keep_box(state.with_ballot(member_id, sums=sums), self._ballot_key(poll, state))

    def submit_sheet(self, member_id: str, scores: dict[str, int], comment: str = "", pin: str = "") -> None:
        """Add one member's scoring sheet, sealed and without their name; each score must be within its criterion."""
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
        assert state.key is not None
        sealed = seal_sheet(state.key.sheet_public, sheet.model_dump(mode="json"))
        self._keep_box(state.with_ballot(member_id, sheet=sealed), self._ballot_key(poll, state))

    def cast_many(self, ballots: list[tuple[str, Choice | ScoreSheet]]) -> None:
        """Several members' secret ballots (or sheets) into the box in one durable write: members' phones
        voting at once (sessions/devices.py). Each is checked as one ballot is; all or none go in."""
        poll, state = self._secret_poll()
        key = self._ballot_key(poll, state)
        assert state.key is not None
        seen: set[str] = set()
        counts = dict.fromkeys(OPTIONS, 0)
        for member_id, ballot in ballots:
            self.check_voter(poll.mode, member_id)
            if member_id in seen:
                raise DomainError("error.already_voted", name=member_id)
            seen.add(member_id)
            if poll.mode == PollMode.SECRET and isinstance(ballot, Choice):
                counts[ballot.value] += 1
            elif poll.mode == PollMode.SCORING and isinstance(ballot, ScoreSheet):
                sealed = seal_sheet(state.key.sheet_public, ballot.model_dump(mode="json"))
                state = state.with_ballot(member_id, sheet=sealed)
            else:
                raise DomainError("error.wrong_mode")
        if poll.mode == PollMode.SECRET:
            # The batch's ballots are added as one encrypted count per option: the box holds only sums, and a sum
            # of fresh encryptions is what one encryption of their total is (one scalar product, not one a ballot).
            public = state.key.public
            sums = {o: add(state.sums[o], encrypt_count(public, counts[o])) for o in OPTIONS}
            state = replace(state, voted=state.voted | seen, sums=sums)
            counts.clear()
        self._keep_box(state, key)

    def record_votes(self, votes: dict[str, Choice]) -> None:
        """Several members' open votes in one journal record (members' phones voting at once); each checked as
        one vote is. Not put on the undo list: ``u`` undoes the chair's own keys."""
        poll = self.record.open_poll()
        if poll is None:
            raise DomainError("error.no_open_poll")
        if poll.mode != PollMode.OPEN:
            raise DomainError("error.wrong_mode")
        for member_id in votes:
            self._require_in_room(poll, member_id)
        self._commit("votes_recorded", {"poll_id": poll.id, "votes": {m: c.value for m, c in votes.items()}})

    def _opened_box(self, poll: Poll) -> tuple[Counts, list[ScoreSheet], BoxState]:
        """The sums decrypted and the sheets opened, with the key the chair's secret unsealed."""
        state = self.box_state() or BoxState(poll.id)
        if state.key is None:
            if state.voted:  # an older version's plaintext box, never sealed: the chair opens the booth first
                raise DomainError("error.booth_secret_needed")
            return Counts(), [], state
        key = self._held_key(poll.id)
        if key is None:
            raise DomainError("error.booth_secret_needed")
        self._check_box(state, key)
        most = len(state.voted)
        try:
            if poll.mode == PollMode.SECRET:
                counts = Counts(**{o: key.decrypt_count(state.sums[o], most) for o in OPTIONS})
                sheets: list[ScoreSheet] = []
            else:
                sheets = [ScoreSheet.model_validate(key.open_sheet(s)) for s in state.sheets]
                counts = Counts()
        except (ValueError, KeyError, CryptoError) as exc:
            raise DomainError("error.box_damaged", path=str(self._box().path)) from exc
        if (counts.cast if poll.mode == PollMode.SECRET else len(sheets)) != most:
            raise DomainError("error.box_damaged", path=str(self._box().path))
        return counts, sheets, state

    def _closing_data(self, poll: Poll) -> tuple[PollResult, dict[str, Any]]:
        """The result to freeze, and what the journal records at closing (voters, counts, wrong secrets)."""
        extra: dict[str, Any] = {}
        if poll.mode in SECRET_MODES:
            counts, sheets, state = self._opened_box(poll)
            sealed = poll.model_copy(update={"counts": counts, "sheets": sheets, "voted": sorted(state.voted)})
            result = sealed.tally()
            extra["voted"] = sorted(state.voted)
            extra["sheets"] = sorted(
                (s.model_dump(mode="json") for s in sheets), key=lambda d: json.dumps(d, sort_keys=True)
            )
            extra["booth_refused"] = state.refused
            return result, extra
        return poll.tally(), extra

    def missing_voters(self, poll: Poll) -> int:
        voted = set(self.voted_members(poll))
        return len([m for m in poll.voters if m not in voted])

    def _after_close(self, poll: Poll) -> None:
        """The box (and the key) of a closed or voided poll are gone: the journal holds what stays."""
        if poll.mode in SECRET_MODES:
            self._box().clear()
            self._box_cache = None
            self._poll_key = None

    # --- paper tally
    def record_paper(self, tally: PaperTally) -> None:
        """Record the counts of a paper ballot; numbers that disagree are refused, naming them."""
        poll = self.record.open_poll()
        if poll is None:
            raise DomainError("error.no_open_poll")
        if poll.mode != PollMode.PAPER:
            raise DomainError("error.wrong_mode")
        tally.check(len(poll.in_room_voters))  # ballots go only to those in the room now
        self._commit("paper_recorded", {"poll_id": poll.id, "tally": tally.model_dump()})

    # --- open vote shortcuts
    def record_all(self, choice: Choice = Choice.YES) -> None:
        """Everyone who may vote votes ``choice`` in one step; corrections follow one by one."""
        poll = self.record.open_poll()
        if poll is None:
            raise DomainError("error.no_open_poll")
        if poll.mode != PollMode.OPEN:
            raise DomainError("error.wrong_mode")
        voters = poll.in_room_voters  # not those who have left: their vote (if any) stays as they cast it
        before = {m: (c.value if c else None) for m in voters for c in [poll.votes.get(m)]}
        votes = {m: choice.value for m in voters}
        self._commit("votes_recorded", {"poll_id": poll.id, "votes": votes})
        self._undo_stack().append((poll.id, before))  # after the commit: a refused write leaves nothing to undo

    def _undo_stack(self) -> list[tuple[str, dict[str, str | None]]]:
        stack = getattr(self, "_undo", None)
        if stack is None:
            stack = self._undo = []
        return stack

    def _remember_for_undo(self, poll_id: str, member_id: str, previous: Choice | None) -> None:
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
        # Nobody absent votes: what undo would put back for a member who has left since stays as it is.
        in_room = set(poll.in_room_voters)
        before = {m: c for m, c in before.items() if m in in_room}
        if not before:
            stack.pop()
            return False
        self._commit("votes_recorded", {"poll_id": poll.id, "votes": before})
        stack.pop()  # only once undone on disk: an undo the disk refused can be tried again
        return True

    # --- rulebook
    def set_rulebook(self, rulebook: Rulebook) -> None:
        """Change the rules of a session that has not opened yet; polls freeze them when they open."""
        if self.record.session.status != SessionStatus.PLANNED:
            raise DomainError("error.rules_after_open")
        self._commit("rulebook_set", {"rulebook": rulebook.model_dump(mode="json")})


def _sealed_box(poll: Poll, state: BoxState, key: PollKey, sealed: SealedKey) -> BoxState:
    """The first sealed box of a poll: each option's sum starts as an encrypted zero.

    A plaintext box an older version left (``legacy``) is sealed as it stands: its counts become the
    starting sums and its sheets are sealed one by one; its voters stay.
    """
    legacy = state.legacy or {}
    counts = legacy.get("counts") or {}
    sums = (
        {o: encrypt_count(key.public, int(counts.get(o, 0))) for o in OPTIONS} if poll.mode == PollMode.SECRET else {}
    )
    sheets = tuple(sorted(seal_sheet(key.sheet_public, s) for s in legacy.get("sheets") or []))
    return BoxState(poll.id, voted=state.voted, key=sealed, sums=sums, sheets=sheets)


def _vi() -> bool:
    from models.i18n import current_language

    return current_language() == "vi"
