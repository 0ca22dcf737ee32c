"""The booth of a running session: the open secret ballot's or scoring round's box, and the chair's key to it.

A part of the session service (``service.booth``), declared with it: it keeps the box it last read and the
key the chair's secret unsealed, and writes nothing but the box. The journal learns the voters and the counts
only when the poll closes (the service's ``close_poll``, with what ``result_at_close`` gives).
"""

from __future__ import annotations

import contextlib
import hmac
import json
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from nacl.exceptions import CryptoError

from models.errors import DomainError
from models.i18n import localised
from models.poll import Choice, Counts, Poll, PollMode, PollResult, ScoreSheet
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
    from sessions.service import SessionService

SECRET_MODES = (PollMode.SECRET, PollMode.SCORING)


class Booth:
    """Secret ballots and scoring sheets into the open poll's sealed box; the chair's secret opens it at close."""

    def __init__(self, service: SessionService, changed: Callable[[], None]) -> None:
        self._service = service
        self._changed = changed  # told once the box moved on (sessions/listeners.py)
        self._cache: BoxState | None = None  # the box as last read or written (the disk is the truth)
        self._key: tuple[str, PollKey] | None = None  # (poll id, its key) once the chair gave the secret

    # --- the box
    def _box(self) -> BallotBox:
        return BallotBox(self._service.folder.session_dir(self._service.session_id))

    def state(self) -> BoxState | None:
        """The open secret ballot's or scoring round's box, read from disk (so it survives a crash)."""
        poll = self._service.record.open_poll()
        if poll is None or poll.mode not in SECRET_MODES:
            return None
        if self._cache is None or self._cache.poll_id != poll.id:
            self._cache = self._box().read(poll.id)
        return self._cache

    def _keep(self, state: BoxState, key: PollKey) -> None:
        """Write the box, tagged with the poll's key (fsynced, renamed, folder fsynced): only then is a ballot
        received."""
        self._require_writer()
        state = replace(state, mac=key.box_mac(state.unsigned()))
        self._box().write(state)
        self._cache = state
        self._changed()  # who has voted moved on: the board says so (never how)

    def _check(self, state: BoxState, key: PollKey) -> None:
        """Refuse a box whose tag is not the key's: it was changed (or replaced) outside council."""
        if not hmac.compare_digest(state.mac, key.box_mac(state.unsigned())):
            raise DomainError("error.box_changed", path=str(self._box().path))

    def _require_writer(self) -> None:
        if self._service.read_only or self._service.journal is None:
            raise DomainError("error.read_only")

    def voted(self) -> set[str]:
        """Who has put a ballot or sheet in the open poll's box (never how)."""
        state = self.state()
        return set(state.voted) if state else set()

    # --- the chair's secret (sessions/sealing.py)
    def _secret_poll(self) -> tuple[Poll, BoxState]:
        poll = self._service.record.open_poll()
        if poll is None:
            raise DomainError("error.no_open_poll")
        if poll.mode not in SECRET_MODES:
            raise DomainError("error.wrong_mode")
        state = self.state()
        assert state is not None
        return poll, state

    def _held_key(self, poll_id: str) -> PollKey | None:
        return self._key[1] if self._key is not None and self._key[0] == poll_id else None

    def secret_chosen(self) -> bool:
        """Whether the chair has chosen the open poll's secret (the booth was opened once)."""
        state = self.state()
        return state is not None and state.key is not None

    def ready(self) -> bool:
        """Whether this program holds the open poll's key: the chair gave the secret since it started."""
        poll = self._service.record.open_poll()
        return poll is not None and self._held_key(poll.id) is not None

    def open(self, secret: str, *, cost: KdfCost | None = None) -> None:
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
            self._check(state, key)
            self._key = (poll.id, key)
            return
        if len(secret) < SECRET_MIN:
            raise DomainError("error.booth_secret_short", minimum=SECRET_MIN)
        key = PollKey.generate()
        sealed = seal_key(key, secret, cost or sealing.DEFAULT_COST)
        self._keep(_sealed_box(poll, state, key, sealed), key)
        self._key = (poll.id, key)

    def leave(self, secret: str) -> bool:
        """True when ``secret`` is the chair's; a wrong one is counted (the minutes say how many at close)."""
        poll, state = self._secret_poll()
        key = unseal_key(state.key, unicodedata.normalize("NFC", secret)) if state.key else None
        if key is not None and key.public == state.key.public:
            self._key = (poll.id, key)
            return True
        held = self._held_key(poll.id)
        if held is not None:
            with contextlib.suppress(DomainError):  # a count that cannot be kept must not keep the chair out
                self._keep(replace(state, refused=state.refused + 1), held)
        return False

    def _ballot_key(self, poll: Poll, state: BoxState) -> PollKey:
        key = self._held_key(poll.id)
        if key is None or state.key is None:
            raise DomainError("error.booth_locked")
        return key

    # --- ballots and sheets
    def check_voter(self, mode: PollMode, member_id: str) -> None:
        """Raise what this member's ballot or sheet would be refused with (not present, recused, already in),
        so that the refusal comes before anything is typed."""
        self._require_writer()
        poll = self._service.record.open_poll()
        if poll is None:
            raise DomainError("error.no_open_poll")
        if poll.mode != mode:
            raise DomainError("error.wrong_mode")
        refusal = self._service.why_cannot_vote(poll, member_id)
        if refusal is not None:
            raise refusal
        member = self._service.record.find_member(member_id)
        name = member.name if member else member_id
        if member_id in self.voted():
            # A stored sheet is sealed without its name: it can be neither shown nor replaced.
            key = "error.sheet_already_in" if mode == PollMode.SCORING else "error.already_voted"
            raise DomainError(key, name=name)

    def _voter(self, mode: PollMode, member_id: str, pin: str) -> tuple[Poll, BoxState]:
        self.check_voter(mode, member_id)
        if not self._service.verify_pin(member_id, pin):
            raise DomainError("error.pin_wrong")
        poll = self._service.record.open_poll()
        state = self.state()
        assert poll is not None and state is not None
        self._ballot_key(poll, state)
        return poll, state

    def cast(self, member_id: str, choice: Choice, pin: str = "") -> None:
        """Put one secret ballot in the box: the member joins the voters, an encrypted one-hot vector joins
        the encrypted sums, in one durable write."""
        poll, state = self._voter(PollMode.SECRET, member_id, pin)
        assert state.key is not None
        public = state.key.public
        sums = {o: add(state.sums[o], encrypt_count(public, int(o == choice.value))) for o in OPTIONS}
        self._keep(state.with_ballot(member_id, sums=sums), self._ballot_key(poll, state))

    def submit_sheet(self, member_id: str, scores: dict[str, int], comment: str = "", pin: str = "") -> None:
        """Add one member's scoring sheet, sealed and without their name; each score must be within its criterion."""
        poll, state = self._voter(PollMode.SCORING, member_id, pin)
        checked: dict[str, int] = {}
        for criterion in poll.rule.criteria:
            value = scores.get(criterion.id)
            name = localised(criterion.name_vi, criterion.name_en)
            if value is None:
                raise DomainError("error.score_missing", criterion=name)
            if not 0 <= value <= criterion.max_score:
                raise DomainError("error.score_range", criterion=name, value=value, max=criterion.max_score)
            checked[criterion.id] = value
        sheet = ScoreSheet(scores=checked, comment=comment)
        assert state.key is not None
        sealed = seal_sheet(state.key.sheet_public, sheet.model_dump(mode="json"))
        self._keep(state.with_ballot(member_id, sheet=sealed), self._ballot_key(poll, state))

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
        self._keep(state, key)

    # --- closing (called by the service)
    def _opened(self, poll: Poll) -> tuple[Counts, list[ScoreSheet], BoxState]:
        """The sums decrypted and the sheets opened, with the key the chair's secret unsealed."""
        state = self.state() or BoxState(poll.id)
        if state.key is None:
            if state.voted:  # an older version's plaintext box, never sealed: the chair opens the booth first
                raise DomainError("error.booth_secret_needed")
            return Counts(), [], state
        key = self._held_key(poll.id)
        if key is None:
            raise DomainError("error.booth_secret_needed")
        self._check(state, key)
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

    def result_at_close(self, poll: Poll) -> tuple[PollResult, dict[str, Any]]:
        """The secret poll's result to freeze, and what the journal records at closing (voters, sheets, wrong
        secrets). Raises DomainError when the box cannot be opened (no key, changed, damaged)."""
        counts, sheets, state = self._opened(poll)
        sealed = poll.model_copy(update={"counts": counts, "sheets": sheets, "voted": sorted(state.voted)})
        extra: dict[str, Any] = {
            "voted": sorted(state.voted),
            "sheets": sorted((s.model_dump(mode="json") for s in sheets), key=lambda d: json.dumps(d, sort_keys=True)),
            "booth_refused": state.refused,
        }
        return sealed.tally(), extra

    def empty(self) -> None:
        """The box (and the key) of a closed or voided poll are gone: the journal holds what stays."""
        self._box().clear()
        self._cache = None
        self._key = None


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
