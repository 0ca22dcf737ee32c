"""Journal events and how each changes the session record.

The service validates a change, writes its event to the journal, then applies it here; recovery
applies the same events in the same order, so replaying a journal rebuilds the state exactly.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from models.initiative import Initiative
from models.poll import Choice, Counts, PaperTally, Poll, PollResult, PollStatus, ScoreSheet
from models.record import SessionRecord
from models.rules import Rulebook
from models.session import Attendance, AttendanceChange, Finding, Presence, RecognitionDecision, SessionStatus


class Reducer:
    """Applies events to one session record, keeping an index of polls for speed."""

    def __init__(self, record: SessionRecord) -> None:
        self.record = record
        self._polls = {p.id: p for p in record.polls}

    def poll(self, poll_id: str) -> Poll:
        return self._polls[poll_id]

    def apply(self, kind: str, data: dict[str, Any], ts: str) -> None:
        handler = getattr(self, f"_on_{kind}", None)
        if handler is None:
            raise ValueError(f"unknown event {kind}")
        handler(data, ts)

    # --- the events
    def _on_checkpoint(self, data: dict[str, Any], ts: str) -> None:
        """A checkpoint's fingerprint (sessions/storage.py): it records the state, it does not change it."""

    def _on_session_created(self, data: dict[str, Any], ts: str) -> None:
        self.record = SessionRecord.model_validate(data["record"])
        self._polls = {p.id: p for p in self.record.polls}

    def _on_session_opened(self, data: dict[str, Any], ts: str) -> None:
        # The actual start is when this was recorded; the planned one (``start_time``) stays as prepared.
        session = self.record.session
        session.status = SessionStatus.OPEN
        session.started_at = _minute(ts)
        session.present_at_start = [m.id for m in self.record.present_voting]

    def _on_session_closed(self, data: dict[str, Any], ts: str) -> None:
        self.record.session.status = SessionStatus.CLOSED
        if data.get("end_time"):
            self.record.session.end_time = dt.time.fromisoformat(data["end_time"])

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

    def _on_item_selected(self, data: dict[str, Any], ts: str) -> None:
        self.record.session.current_index = int(data["index"])

    def _on_recusal_set(self, data: dict[str, Any], ts: str) -> None:
        self.record.recusals.setdefault(data["initiative_id"], {})[data["member_id"]] = data["reason"]

    def _on_recusal_cleared(self, data: dict[str, Any], ts: str) -> None:
        self.record.recusals.get(data["initiative_id"], {}).pop(data["member_id"], None)

    def _on_poll_opened(self, data: dict[str, Any], ts: str) -> None:
        poll = Poll.model_validate(data["poll"])
        self.record.polls.append(poll)
        self._polls[poll.id] = poll

    def _on_vote_recorded(self, data: dict[str, Any], ts: str) -> None:
        self._polls[data["poll_id"]].votes[data["member_id"]] = Choice(data["choice"])

    def _on_vote_cleared(self, data: dict[str, Any], ts: str) -> None:
        self._polls[data["poll_id"]].votes.pop(data["member_id"], None)

    def _on_quorum_lost(self, data: dict[str, Any], ts: str) -> None:
        self._polls[data["poll_id"]].quorum_lost = True

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

    def _on_votes_recorded(self, data: dict[str, Any], ts: str) -> None:
        votes = self._polls[data["poll_id"]].votes
        for member_id, choice in data["votes"].items():
            if choice is None:
                votes.pop(member_id, None)
            else:
                votes[member_id] = Choice(choice)

    def _on_paper_recorded(self, data: dict[str, Any], ts: str) -> None:
        self._polls[data["poll_id"]].paper = PaperTally.model_validate(data["tally"])

    def _on_rulebook_set(self, data: dict[str, Any], ts: str) -> None:
        self.record.rulebook = Rulebook.model_validate(data["rulebook"])

    def _on_poll_voided(self, data: dict[str, Any], ts: str) -> None:
        poll = self._polls[data["poll_id"]]
        if poll.status == PollStatus.OPEN:
            poll.present_at_close = [m.id for m in self.record.present_voting]
        poll.status = PollStatus.VOID
        poll.void_reason = data["reason"]
        if poll.closed_at is None:
            poll.closed_at = dt.datetime.fromisoformat(ts)

    def _on_finding_saved(self, data: dict[str, Any], ts: str) -> None:
        self.record.findings[data["initiative_id"]] = Finding.model_validate(data["finding"])

    def _on_recognition_decided(self, data: dict[str, Any], ts: str) -> None:
        self.record.session.recognition = RecognitionDecision(
            number=data["number"], date=dt.date.fromisoformat(data["date"])
        )

    def _on_initiative_saved(self, data: dict[str, Any], ts: str) -> None:
        initiative = Initiative.model_validate(data["initiative"])
        self.record.initiatives[initiative.id] = initiative
        if initiative.id not in self.record.session.agenda:
            self.record.session.agenda.append(initiative.id)

    def _on_initiative_removed(self, data: dict[str, Any], ts: str) -> None:
        self.record.initiatives.pop(data["initiative_id"], None)
        agenda = self.record.session.agenda
        if data["initiative_id"] in agenda:
            agenda.remove(data["initiative_id"])
        self.record.session.current_index = min(self.record.session.current_index, max(0, len(agenda) - 1))

    def _on_agenda_reordered(self, data: dict[str, Any], ts: str) -> None:
        self.record.session.agenda = list(data["agenda"])

    # --- preparing a session: details, bulk import, members snapshot (sessions/editing.py)
    def _on_session_updated(self, data: dict[str, Any], ts: str) -> None:
        editable = {"title", "date", "place", "start_time", "chair_id", "secretary_id", "invitees"}
        changes = {k: v for k, v in data["changes"].items() if k in editable}
        merged = {**self.record.session.model_dump(mode="json"), **changes}
        self.record.session = type(self.record.session).model_validate(merged)

    def _on_initiatives_imported(self, data: dict[str, Any], ts: str) -> None:
        # One journal record for a whole import, so an import is all or nothing even on a crash.
        for item in data["initiatives"]:
            self._on_initiative_saved({"initiative": item}, ts)

    def _on_council_refreshed(self, data: dict[str, Any], ts: str) -> None:
        snapshot = {k: data[k] for k in ("council", "members", "rulebook") if k in data}
        self.record = type(self.record).model_validate({**self.record.model_dump(mode="json"), **snapshot})
        self._polls = {p.id: p for p in self.record.polls}


def _minute(ts: str) -> dt.time:
    """The wall-clock minute of a journal timestamp (as the program's clock read it)."""
    return dt.datetime.fromisoformat(ts).time().replace(second=0, microsecond=0)
