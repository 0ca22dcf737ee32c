"""A session (phiên họp), its attendance and the council's findings."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from models.status import SessionStatus
from models.text import CleanText, Line


class Presence(StrEnum):
    """Where a member is; ``late`` means arrived late and now present."""

    UNKNOWN = "unknown"
    PRESENT = "present"
    ABSENT = "absent"
    LATE = "late"
    LEFT_EARLY = "left_early"

    @property
    def in_room(self) -> bool:
        return self in (Presence.PRESENT, Presence.LATE)


class Attendance(BaseModel):
    model_config = ConfigDict(extra="forbid")

    presence: Presence = Presence.UNKNOWN
    reason: CleanText = ""
    at: dt.datetime | None = None


class AttendanceChange(BaseModel):
    """One change of where a member is, as it happened: when, and at which agenda item (None before the start)."""

    model_config = ConfigDict(extra="forbid")

    member_id: CleanText
    presence: Presence
    before: Presence = Presence.UNKNOWN
    reason: CleanText = ""
    at: dt.datetime
    initiative_id: CleanText | None = None
    during_meeting: bool = False


class Invitee(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Line = Field(min_length=1)
    position: CleanText = ""


class RecognitionDecision(BaseModel):
    """The unit head's decision recognising the initiatives, issued after the meeting on the council's minutes."""

    model_config = ConfigDict(extra="forbid")

    number: CleanText = Field(min_length=1, max_length=60)
    date: dt.date


class Session(BaseModel):
    """The meeting itself: when, where, who runs it and what is on the agenda."""

    model_config = ConfigDict(extra="forbid")

    id: CleanText
    title: Line = Field(min_length=1)
    date: dt.date
    place: Line = ""
    start_time: dt.time | None = None  # planned: set while preparing
    started_at: dt.time | None = None  # actual: when the chair started the meeting
    end_time: dt.time | None = None  # actual: when the chair closed it
    present_at_start: list[str] = []  # voting members in the room when the meeting started, in seat order
    status: SessionStatus = SessionStatus.PLANNED
    chair_id: CleanText | None = None
    secretary_id: CleanText | None = None
    invitees: list[Invitee] = []
    agenda: list[str] = []
    current_index: int = 0
    # Recorded after the session is closed (`council decision`); None until then, and in older files.
    recognition: RecognitionDecision | None = None


class Conclusion(StrEnum):
    RECOGNISED = "recognised"
    NOT_RECOGNISED = "not_recognised"
    DEFERRED = "deferred"


class Scope(StrEnum):
    """Phạm vi ảnh hưởng."""

    UNIT = "unit"
    SECTOR = "sector"
    NATIONAL = "national"


class Finding(BaseModel):
    """What the council said and concluded about one initiative."""

    model_config = ConfigDict(extra="forbid")

    remarks: CleanText = ""
    conclusion: Conclusion | None = None
    reason: CleanText = ""
    scope: Scope | None = None
    proposed_award: CleanText = ""
    confirmed_benefit_vnd: int | None = Field(default=None, ge=0)
    override_reason: CleanText = ""
