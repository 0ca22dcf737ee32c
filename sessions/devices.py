"""Members' own devices: each member's personal link, and the votes and sheets sent from it.

A link carries a long random token (``secrets``, 192 bits). The laptop keeps only its SHA-256 (a token
this long cannot be guessed from its hash, so no slow hash is needed) in ``devices.json`` beside the
session (not in the journal: it is no part of the record), written atomically under the session's lock,
so the same links work after a restart. A token given is compared with every member's hash in constant
time, all of them every time, so the answer's timing says nothing about how close a guess came.
Reissuing a member's link replaces its hash: the old link stops working at once.

A vote or sheet from a device goes through the session service exactly as the chair's keyboard or the
booth does (one vote per member per poll whatever the channel; only the poll's voters in the room;
secret ballots and sheets into the same sealed box). What the device layer adds: the poll the device
saw must still be the open one (a ballot for a closed or another poll is refused), a re-sent vote is
answered "already recorded" and never counts twice, and everything a device sends is checked here
before it reaches the service (a choice that does not exist, a score out of range or between bands,
a criterion that is not the poll's).

For a secret ballot or a scoring sheet, "already recorded" is all a device can learn: the box does not
know what a member chose, so a re-sent ballot and a different one get the same answer.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from models.errors import DomainError
from models.i18n import localised, t
from models.poll import Choice, Poll, PollMode, ScoreSheet
from models.text import clean_text
from sessions.session_files import write_session_file

if TYPE_CHECKING:
    from models.rules import Criterion
    from sessions.service import SessionService

DEVICES_FILE = "devices.json"
DEVICES_FORMAT = "council-devices/1"
TOKEN_BYTES = 24  # 192 random bits: 32 characters in the link
TOKEN_MAX = 64  # a longer "token" is not one of ours: refused before it is hashed
COMMENT_MAX = 2000  # characters of a scoring sheet's comment (the sealed sheet must fit its fixed size)
TOKEN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


class Outcome(StrEnum):
    """What a device is told after a vote or sheet it sent."""

    RECORDED = "recorded"  # on disk now, through the session service
    ALREADY = "already"  # it was in before this request (a re-sent vote): nothing changed


def token_hash(token: str) -> bytes:
    return hashlib.sha256(b"council-device\0" + token.encode("utf-8", "replace")).digest()


@dataclass(frozen=True)
class DeviceLinks:
    """The hashes of the members' links, as ``devices.json`` keeps them."""

    hashes: dict[str, bytes]

    def to_bytes(self) -> bytes:
        doc = {"format": DEVICES_FORMAT, "members": {m: h.hex() for m, h in sorted(self.hashes.items())}}
        return json.dumps(doc, sort_keys=True).encode("utf-8")

    @classmethod
    def from_bytes(cls, raw: bytes) -> DeviceLinks:
        doc = json.loads(raw.decode("utf-8"))
        if not isinstance(doc, dict) or doc.get("format") != DEVICES_FORMAT:
            raise ValueError("not a devices file")
        hashes = {str(m): bytes.fromhex(h) for m, h in doc["members"].items()}
        if any(len(h) != 32 for h in hashes.values()):
            raise ValueError("bad hash")
        return cls(hashes)


@dataclass
class Ballot:
    """One ballot as a device sent it: an open vote or secret ballot (``choice``), or a sheet."""

    member_id: str
    poll_id: str
    choice: str = ""
    scores: Any = None
    comment: Any = ""
    is_sheet: bool = False
    # Filled in while it is checked, dropped once written:
    poll: Poll | None = None
    chosen: Choice | None = None
    checked: tuple[dict[str, int], str] | None = None


def _one(results: list[Outcome | DomainError]) -> Outcome:
    if isinstance(results[0], DomainError):
        raise results[0]
    return results[0]


class MemberDevices:
    """The members' links of one running session, and the votes that come through them."""

    def __init__(self, service: SessionService) -> None:
        self.service = service
        self.path = service.folder.session_dir(service.session_id) / DEVICES_FILE
        self._links = self._read()
        self._given: dict[str, str] = {}  # tokens made by this program since it started (so a QR can be shown again)
        self.on_issue: list[Callable[[str], None]] = []  # told the member's id once a new link replaced the old

    def _read(self) -> DeviceLinks:
        try:
            return DeviceLinks.from_bytes(self.path.read_bytes())
        except FileNotFoundError:
            return DeviceLinks({})
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            # Unreadable: no link works until the chair gives new ones (the safe side: nobody else gets in).
            return DeviceLinks({})

    # --- links
    def has_link(self, member_id: str) -> bool:
        return member_id in self._links.hashes

    def shown_token(self, member_id: str) -> str | None:
        """The token of the member's link if this program made it (the laptop keeps only hashes on disk)."""
        return self._given.get(member_id)

    def issue(self, member_id: str) -> str:
        """Give the member a new link (the old one, if any, stops working); durable before it is returned."""
        self.service.check_can_change()
        if self.service.record.find_member(member_id) is None:
            raise DomainError("error.unknown_member", member=member_id)
        token = secrets.token_urlsafe(TOKEN_BYTES)
        links = DeviceLinks({**self._links.hashes, member_id: token_hash(token)})
        write_session_file(self.path, links.to_bytes())
        self._links = links
        self._given[member_id] = token
        for listener in list(self.on_issue):
            with contextlib.suppress(Exception):  # the room ends the old link's page; its trouble is not the chair's
                listener(member_id)
        return token

    def token_for(self, member_id: str) -> str:
        """The member's link token: the one made in this run, or a new one (which replaces a lost one)."""
        return self.shown_token(member_id) or self.issue(member_id)

    def member_for(self, token: str) -> str | None:
        """The member whose link ``token`` is, or None; every stored hash is compared, in constant time."""
        if not token or len(token) > TOKEN_MAX or not set(token) <= TOKEN_CHARS:
            return None
        given = token_hash(token)
        found: str | None = None
        for member_id, stored in self._links.hashes.items():
            if hmac.compare_digest(given, stored):
                found = member_id
        if found is not None and self.service.record.find_member(found) is None:
            return None  # a member no longer on the session's list
        return found

    # --- votes
    def _poll(self, poll_id: str, mode: PollMode) -> Poll:
        """The open poll the device saw; a ballot for a closed or another poll is refused."""
        poll = self.service.record.open_poll()
        if poll is None or poll.id != poll_id:
            try:
                known = self.service.poll(poll_id)
            except (KeyError, LookupError, DomainError):
                known = None
            raise DomainError("device.poll_closed" if known is not None else "device.poll_unknown")
        if poll.mode != mode:
            raise DomainError("device.wrong_ballot")
        return poll

    def vote(self, member_id: str, poll_id: str, choice: str) -> Outcome:
        """An open vote or a secret ballot from the member's device."""
        return _one(self.record_many([Ballot(member_id, poll_id, choice=choice)]))

    def sheet(self, member_id: str, poll_id: str, scores: Any, comment: Any = "") -> Outcome:
        """A scoring sheet from the member's device: every criterion of the poll, each score within a band."""
        return _one(self.record_many([Ballot(member_id, poll_id, scores=scores, comment=comment, is_sheet=True)]))

    def record_many(self, ballots: list[Ballot]) -> list[Outcome | DomainError]:
        """Ballots from several devices (those that arrived together), in one durable write: each one's outcome,
        or the refusal of those that may not be taken (the others are written all the same).

        One write for many is what lets 30 phones vote at once without waiting in a queue of fsyncs; for a
        secret ballot or a round of sheets it also means that no version of the box shows them one by one.
        A phone's vote is not put on the chair's undo list (``u`` undoes the chair's own keys).
        """
        results: list[Outcome | DomainError] = []
        taken: dict[str, Ballot] = {}  # member -> their ballot accepted in this batch
        for ballot in ballots:
            try:
                results.append(self._check(ballot, taken))
            except DomainError as error:
                results.append(error)
        if taken:
            try:
                self._write(list(taken.values()))
            except DomainError as error:
                results = [error if r == Outcome.RECORDED else r for r in results]
        return results

    def _check(self, ballot: Ballot, taken: dict[str, Ballot]) -> Outcome:
        """ALREADY, or RECORDED once ``ballot`` joins ``taken`` (written with the batch); DomainError if refused."""
        service, member_id = self.service, ballot.member_id
        poll = service.record.open_poll()
        if ballot.is_sheet:
            poll = self._poll(ballot.poll_id, PollMode.SCORING)
            ballot.checked = check_sheet(poll, ballot.scores, ballot.comment)
        else:
            try:
                ballot.chosen = Choice(ballot.choice)
            except ValueError as exc:
                raise DomainError("device.bad_choice") from exc
            mode = poll.mode if poll is not None and poll.id == ballot.poll_id else PollMode.OPEN
            poll = self._poll(ballot.poll_id, PollMode.SECRET if mode == PollMode.SECRET else PollMode.OPEN)
        service.check_can_change()
        self._require_may_vote(poll, member_id)
        earlier = taken.get(member_id)
        if poll.mode == PollMode.OPEN:
            recorded = earlier.chosen if earlier is not None else poll.votes.get(member_id)
            if recorded == ballot.chosen:
                return Outcome.ALREADY
            if recorded is not None:
                # One vote per member: a change goes through the chair, who sees it.
                raise DomainError("device.vote_in", choice=_choice_word(recorded))
        else:
            if earlier is not None or member_id in set(service.voted_members(poll)):
                return Outcome.ALREADY  # the box knows only that it is in: a re-sent ballot or another, alike
            if not service.booth.ready():
                raise DomainError("device.box_sealed")
        ballot.poll = poll
        taken[member_id] = ballot
        return Outcome.RECORDED

    def _write(self, ballots: list[Ballot]) -> None:
        """One durable write for the batch: a journal record (open votes) or one new version of the box."""
        poll = ballots[0].poll
        assert poll is not None
        if poll.mode == PollMode.OPEN:
            self.service.record_votes({b.member_id: b.chosen for b in ballots if b.chosen is not None})
            return
        sealed: list[tuple[str, Choice | ScoreSheet]] = []
        for ballot in ballots:
            if ballot.checked is not None:
                sealed.append((ballot.member_id, ScoreSheet(scores=ballot.checked[0], comment=ballot.checked[1])))
            elif ballot.chosen is not None:
                sealed.append((ballot.member_id, ballot.chosen))
            # The plaintext goes with the write: nothing kept after it links the member to a choice.
            ballot.chosen, ballot.checked, ballot.choice, ballot.scores, ballot.comment = None, None, "", None, ""
        self.service.booth.cast_many(sealed)

    def refusal(self, poll: Poll, member_id: str) -> DomainError | None:
        """Why the member may not vote in ``poll`` now, said to them; None when they may."""
        member = self.service.record.find_member(member_id)
        if member is not None and not member.voting:
            return DomainError("device.not_entitled")
        refusal = self.service.why_cannot_vote(poll, member_id)
        if refusal is None:
            return None
        if refusal.key == "error.vote_recused":
            reason = poll.recused.get(member_id, "")
            return DomainError("device.recused", reason=t("minutes.recused_author") if reason == "author" else reason)
        return DomainError(_YOU.get(refusal.key, "device.not_present"))

    def _require_may_vote(self, poll: Poll, member_id: str) -> None:
        refusal = self.refusal(poll, member_id)
        if refusal is not None:
            raise refusal


_YOU = {
    "error.vote_not_present": "device.not_present",
    "error.vote_left": "device.left",
    "error.vote_came_after": "device.came_after",
}


def check_sheet(poll: Poll, scores: Any, comment: Any) -> tuple[dict[str, int], str]:
    """The sheet's scores and comment as the service takes them, or a DomainError saying what is wrong."""
    if not isinstance(scores, dict):
        raise DomainError("device.bad_sheet")
    criteria = {c.id: c for c in poll.rule.criteria}
    unknown = [k for k in scores if k not in criteria]
    if unknown:
        raise DomainError("device.unknown_criterion")
    checked: dict[str, int] = {}
    for criterion in poll.rule.criteria:
        value = scores.get(criterion.id)
        name = _criterion_name(criterion)
        if value is None or value == "":
            raise DomainError("error.score_missing", criterion=name)
        if isinstance(value, bool) or not isinstance(value, int):
            raise DomainError("device.score_not_number", criterion=name)
        if not 0 <= value <= criterion.max_score:
            raise DomainError("error.score_range", criterion=name, value=value, max=criterion.max_score)
        if criterion.bands and not any(b.low <= value <= b.high for b in criterion.bands):
            raise DomainError("device.score_between_bands", criterion=name, value=value)
        checked[criterion.id] = value
    if comment is None:
        comment = ""
    if not isinstance(comment, str):
        raise DomainError("device.bad_sheet")
    text = clean_text(comment)
    if len(text) > COMMENT_MAX:
        raise DomainError("device.comment_long", count=len(text), most=COMMENT_MAX)
    return checked, text


def _criterion_name(criterion: Criterion) -> str:
    return localised(criterion.name_vi, criterion.name_en)


def _choice_word(choice: Choice) -> str:
    return t(f"bind.{choice.value}")


def member_devices(service: SessionService) -> MemberDevices:
    """The one MemberDevices of a running service (the chair's screens and the room share it)."""
    found = service.__dict__.get("_member_devices")
    if found is None or found.service is not service:
        found = service.__dict__["_member_devices"] = MemberDevices(service)
    return found
