"""The reducer: how each kind of journal event changes the session record, and the one registry of kinds.

The service validates a change, writes its event to the journal, then applies it here; recovery
applies the same events in the same order, so replaying a journal rebuilds the state exactly.

Every kind a journal holds is declared once, by ``@event(kind, *fields)`` on its handler below: ``EVENTS``
maps it to the payload keys it always carries and to that handler. The service refuses to write a kind
not declared here, or one without its keys (``check_event``), so that no record is written that a replay
could not apply. A new kind also needs its entry in ``sessions/migrations.py`` (``EVENT_MIGRATIONS``) and a
test that writes it: ``tests/test_events.py`` fails until both exist.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from models.initiative import Initiative
from models.poll import Choice, Counts, PaperTally, Poll, PollResult, PollStatus, ScoreSheet
from models.record import SessionRecord
from models.rules import Rulebook
from models.session import Attendance, AttendanceChange, Finding, Presence, RecognitionDecision, SessionStatus

Handler = Callable[["Reducer", dict[str, Any], str], None]


@dataclass(frozen=True)
class EventKind:
    """One kind of journal event: its name, the payload keys it always carries, and how it changes the record."""

    name: str
    fields: tuple[str, ...]
    handler: Handler


EVENTS: dict[str, EventKind] = {}


def event(name: str, *fields: str) -> Callable[[Handler], Handler]:
    """Declare the journal event ``name`` (carrying at least ``fields``) and the reducer's handler for it."""

    def declare(handler: Handler) -> Handler:
        if name in EVENTS:
            raise ValueError(f"event {name} declared twice")
        EVENTS[name] = EventKind(name, fields, handler)
        return handler

    return declare


def check_event(kind: str, data: dict[str, Any]) -> None:
    """Refuse (ValueError: a bug, never the user's doing) an event a replay could not apply, before it is written."""
    declared = EVENTS.get(kind)
    if declared is None:
        raise ValueError(f"unknown event {kind}")
    missing = [name for name in declared.fields if name not in data]
    if missing:
        raise ValueError(f"event {kind} without {', '.join(missing)}")


class Reducer:
    """Applies events to one session record, keeping an index of polls for speed."""

    def __init__(self, record: SessionRecord) -> None:
        self.record = record
        self._polls = {p.id: p for p in record.polls}

    def poll(self, poll_id: str) -> Poll:
        return self._polls[poll_id]

    def apply(self, kind: str, data: dict[str, Any], ts: str) -> None:
        declared = EVENTS.get(kind)
        if declared is None:
            raise ValueError(f"unknown event {kind}")
        declared.handler(self, data, ts)

    # --- the journal's own marks: they record where things stand, they change nothing
    @event("schema_migrated", "from", "to")
    def _on_schema_migrated(self, data: dict[str, Any], ts: str) -> None:
        """The records after it are in schema ``to`` (sessions/migrations.py ``SCHEMA_MARK``)."""

    @event("checkpoint", "seq", "sha256")
    def _on_checkpoint(self, data: dict[str, Any], ts: str) -> None:
        """A checkpoint's fingerprint (sessions/storage.py): it records the state, it does not change it."""

    # --- the events

    @event("session_created", "record")
    def _on_session_created(self, data: dict[str, Any], ts: str) -> None:
        self.record = SessionRecord.model_validate(data["record"])
        self._polls = {p.id: p for p in self.record.polls}

    @event("session_opened")
    def _on_session_opened(self, data: dict[str, Any], ts: str) -> None:
        # The actual start is when this was recorded; the planned one (``start_time``) stays as prepared.
        session = self.record.session
        session.status = SessionStatus.OPEN
        session.started_at = _minute(ts)
        session.present_at_start = [m.id for m in self.record.present_voting]

    @event("session_closed")
    def _on_session_closed(self, data: dict[str, Any], ts: str) -> None:
        self.record.session.status = SessionStatus.CLOSED
        if data.get("end_time"):
            self.record.session.end_time = dt.time.fromisoformat(data["end_time"])

    @event("attendance_set", "member_id", "presence")
    def _on_attendance_set(self, data: dict[str, Any], ts: str) -> None:
        record, member_id = self.record, data["member_id"]
        presence, reason, at = Presence(data["presence"]), data.get("reason", ""), dt.datetime.fromisoformat(ts)
        before = record.attendance.get(member_id)
        record.attendance[member_id] = Attendance(presence=presence, reason=reason, at=at)
        if before is not None and before.presence == presence and before.reason == reason:
            return  # the same key again: nothing happened in the room
        during = record.session.status == SessionStatus.OPEN
        current = record.current_initiative if during else None
        record.attendance_log.append(
            AttendanceChange(
                member_id=member_id,
                presence=presence,
                before=before.presence if before else Presence.UNKNOWN,
                reason=reason,
                at=at,
                initiative_id=current.id if current else None,
                during_meeting=during,
            )
        )
        poll = record.open_poll()
        if poll is not None and member_id in poll.present:
            # The open poll's voters follow attendance; it keeps who left while it was open.
            if presence.in_room:
                if member_id in poll.away:
                    poll.away.remove(member_id)
            else:
                if member_id not in poll.away:
                    poll.away.append(member_id)
                if member_id not in poll.left:
                    poll.left.append(member_id)

    @event("item_selected", "index")
    def _on_item_selected(self, data: dict[str, Any], ts: str) -> None:
        self.record.session.current_index = int(data["index"])

    @event("recusal_set", "initiative_id", "member_id", "reason")
    def _on_recusal_set(self, data: dict[str, Any], ts: str) -> None:
        self.record.recusals.setdefault(data["initiative_id"], {})[data["member_id"]] = data["reason"]

    @event("poll_opened", "poll")
    def _on_poll_opened(self, data: dict[str, Any], ts: str) -> None:
        poll = Poll.model_validate(data["poll"])
        self.record.polls.append(poll)
        self._polls[poll.id] = poll

    @event("vote_recorded", "poll_id", "member_id", "choice")
    def _on_vote_recorded(self, data: dict[str, Any], ts: str) -> None:
        self._polls[data["poll_id"]].votes[data["member_id"]] = Choice(data["choice"])

    @event("vote_cleared", "poll_id", "member_id")
    def _on_vote_cleared(self, data: dict[str, Any], ts: str) -> None:
        self._polls[data["poll_id"]].votes.pop(data["member_id"], None)

    @event("quorum_lost", "poll_id")
    def _on_quorum_lost(self, data: dict[str, Any], ts: str) -> None:
        self._polls[data["poll_id"]].quorum_lost = True

    @event("poll_closed", "poll_id", "result")
    def _on_poll_closed(self, data: dict[str, Any], ts: str) -> None:
        poll = self._polls[data["poll_id"]]
        poll.status = PollStatus.CLOSED
        poll.closed_at = dt.datetime.fromisoformat(ts)
        poll.present_at_close = [m.id for m in self.record.present_voting]
        if "counts" in data:
            poll.counts = Counts.model_validate(data["counts"])
        if "voted" in data:
            poll.voted = sorted(data["voted"])
        if "sheets" in data:
            poll.sheets = [ScoreSheet.model_validate(s) for s in data["sheets"]]
        poll.result = PollResult.model_validate(data["result"])

    @event("votes_recorded", "poll_id", "votes")
    def _on_votes_recorded(self, data: dict[str, Any], ts: str) -> None:
        votes = self._polls[data["poll_id"]].votes
        for member_id, choice in data["votes"].items():
            if choice is None:
                votes.pop(member_id, None)
            else:
                votes[member_id] = Choice(choice)

    @event("paper_recorded", "poll_id", "tally")
    def _on_paper_recorded(self, data: dict[str, Any], ts: str) -> None:
        self._polls[data["poll_id"]].paper = PaperTally.model_validate(data["tally"])

    @event("rulebook_set", "rulebook")
    def _on_rulebook_set(self, data: dict[str, Any], ts: str) -> None:
        self.record.rulebook = Rulebook.model_validate(data["rulebook"])

    @event("poll_voided", "poll_id", "reason")
    def _on_poll_voided(self, data: dict[str, Any], ts: str) -> None:
        poll = self._polls[data["poll_id"]]
        if poll.status == PollStatus.OPEN:
            poll.present_at_close = [m.id for m in self.record.present_voting]
        poll.status = PollStatus.VOID
        poll.void_reason = data["reason"]
        if poll.closed_at is None:
            poll.closed_at = dt.datetime.fromisoformat(ts)

    @event("finding_saved", "initiative_id", "finding")
    def _on_finding_saved(self, data: dict[str, Any], ts: str) -> None:
        self.record.findings[data["initiative_id"]] = Finding.model_validate(data["finding"])

    @event("recognition_decided", "number", "date")
    def _on_recognition_decided(self, data: dict[str, Any], ts: str) -> None:
        self.record.session.recognition = RecognitionDecision(
            number=data["number"], date=dt.date.fromisoformat(data["date"])
        )

    @event("initiative_saved", "initiative")
    def _on_initiative_saved(self, data: dict[str, Any], ts: str) -> None:
        initiative = Initiative.model_validate(data["initiative"])
        self.record.initiatives[initiative.id] = initiative
        if initiative.id not in self.record.session.agenda:
            self.record.session.agenda.append(initiative.id)

    @event("initiative_removed", "initiative_id")
    def _on_initiative_removed(self, data: dict[str, Any], ts: str) -> None:
        self.record.initiatives.pop(data["initiative_id"], None)
        agenda = self.record.session.agenda
        if data["initiative_id"] in agenda:
            agenda.remove(data["initiative_id"])
        self.record.session.current_index = min(self.record.session.current_index, max(0, len(agenda) - 1))

    @event("agenda_reordered", "agenda")
    def _on_agenda_reordered(self, data: dict[str, Any], ts: str) -> None:
        self.record.session.agenda = list(data["agenda"])

    # --- preparing a session: details, bulk import, members snapshot (sessions/editing.py)
    @event("session_updated", "changes")
    def _on_session_updated(self, data: dict[str, Any], ts: str) -> None:
        editable = {"title", "date", "place", "start_time", "chair_id", "secretary_id", "invitees"}
        changes = {k: v for k, v in data["changes"].items() if k in editable}
        merged = {**self.record.session.model_dump(mode="json"), **changes}
        self.record.session = type(self.record.session).model_validate(merged)

    @event("initiatives_imported", "initiatives")
    def _on_initiatives_imported(self, data: dict[str, Any], ts: str) -> None:
        # One journal record for a whole import, so an import is all or nothing even on a crash.
        for item in data["initiatives"]:
            self._on_initiative_saved({"initiative": item}, ts)

    @event("council_refreshed")  # any of council, members, rulebook
    def _on_council_refreshed(self, data: dict[str, Any], ts: str) -> None:
        snapshot = {k: data[k] for k in ("council", "members", "rulebook") if k in data}
        self.record = type(self.record).model_validate({**self.record.model_dump(mode="json"), **snapshot})
        self._polls = {p.id: p for p in self.record.polls}


def _minute(ts: str) -> dt.time:
    """The wall-clock minute of a journal timestamp (as the program's clock read it)."""
    return dt.datetime.fromisoformat(ts).time().replace(second=0, microsecond=0)
