"""The whole recorded state of one session, self-contained: members and rules as they were that day."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from models.council import CouncilInfo, Member
from models.initiative import Initiative
from models.poll import Poll, PollStatus
from models.rules import Rulebook
from models.schema import SCHEMA_VERSION
from models.session import Attendance, AttendanceChange, Conclusion, Finding, Presence, Session


class SessionRecord(BaseModel):
    """Everything the minutes are built from."""

    model_config = ConfigDict(extra="forbid")

    schema_version: int = SCHEMA_VERSION
    council: CouncilInfo
    members: list[Member]
    rulebook: Rulebook
    session: Session
    initiatives: dict[str, Initiative] = {}
    attendance: dict[str, Attendance] = {}
    attendance_log: list[AttendanceChange] = []  # every change, in order (the minutes print those of the meeting)
    recusals: dict[str, dict[str, str]] = {}
    polls: list[Poll] = []
    findings: dict[str, Finding] = {}

    # --- lookups
    def member(self, member_id: str) -> Member:
        return next(m for m in self.members if m.id == member_id)

    def find_member(self, member_id: str | None) -> Member | None:
        return next((m for m in self.members if m.id == member_id), None)

    @property
    def voting_members(self) -> list[Member]:
        return sorted((m for m in self.members if m.voting), key=lambda m: m.seat)

    def presence(self, member_id: str) -> Presence:
        entry = self.attendance.get(member_id)
        return entry.presence if entry else Presence.UNKNOWN

    @property
    def present_voting(self) -> list[Member]:
        return [m for m in self.voting_members if self.presence(m.id).in_room]

    @property
    def quorum_needed(self) -> int:
        return self.rulebook.quorum_needed(len(self.voting_members))

    @property
    def has_quorum(self) -> bool:
        return len(self.present_voting) >= self.quorum_needed

    def agenda_items(self) -> list[Initiative]:
        return [self.initiatives[i] for i in self.session.agenda if i in self.initiatives]

    @property
    def current_initiative(self) -> Initiative | None:
        items = self.session.agenda
        if not items:
            return None
        return self.initiatives.get(items[min(self.session.current_index, len(items) - 1)])

    def recused_for(self, initiative_id: str) -> dict[str, str]:
        """Member id to reason: authors automatically, plus the chair's recusals."""
        initiative = self.initiatives[initiative_id]
        reasons = {mid: "author" for mid in initiative.author_member_ids}
        reasons.update(self.recusals.get(initiative_id, {}))
        return reasons

    def polls_for(self, initiative_id: str) -> list[Poll]:
        return [p for p in self.polls if p.initiative_id == initiative_id]

    def open_poll(self) -> Poll | None:
        return next((p for p in self.polls if p.status == PollStatus.OPEN), None)

    def last_result_poll(self, initiative_id: str) -> Poll | None:
        """The latest closed poll for an initiative: the basis of its conclusion."""
        closed = [p for p in self.polls_for(initiative_id) if p.status == PollStatus.CLOSED]
        return closed[-1] if closed else None

    def conclusion(self, initiative_id: str) -> Conclusion | None:
        finding = self.findings.get(initiative_id)
        return finding.conclusion if finding else None

    def decided_count(self) -> int:
        return sum(1 for i in self.session.agenda if self.conclusion(i) is not None)
