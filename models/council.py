"""The council, its members and the decision that founded it."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator

from models.text import CleanText, Line


class Role(StrEnum):
    """A member's role in the council."""

    CHAIR = "chair"
    VICE_CHAIR = "vice_chair"
    SECRETARY = "secretary"
    MEMBER = "member"
    EXPERT = "expert"


class Member(BaseModel):
    """A council member; ``seat`` is the number the chair types to jump to them."""

    model_config = ConfigDict(extra="forbid")

    id: CleanText
    seat: int = Field(ge=1, le=99)
    name: Line = Field(min_length=1)
    role: Role = Role.MEMBER
    title: CleanText = ""
    unit: CleanText = ""
    voting: bool = True
    pin: CleanText | None = None


class FoundingDecision(BaseModel):
    """The decision that formed the council, e.g. Quyết định số 123/QĐ-SKHCN ngày 05/03/2026."""

    model_config = ConfigDict(extra="forbid")

    number: CleanText = ""
    date: dt.date | None = None
    issuer: CleanText = ""


class CouncilInfo(BaseModel):
    """Who the council is: what the minutes print in their header."""

    model_config = ConfigDict(extra="forbid")

    name: Line = Field(min_length=1)
    unit: CleanText = ""
    parent_unit: CleanText = ""
    city: CleanText = ""
    decision: FoundingDecision = FoundingDecision()
    legal_basis: list[CleanText] | None = None
    """The "Căn cứ" lines the minutes print before the founding decision, each as it is printed; None
    prints the standard ones (Decree 13/2012/NĐ-CP, Circular 18/2013/TT-BKHCN) in the minutes' language."""
    minutes_copies: int = Field(default=2, ge=1, le=20)
    """How many originals of the minutes are made ("biên bản được lập thành 02 bản")."""


def check_members(members: list[Member]) -> list[Member]:
    """Member ids and seats must be unique."""
    ids = [m.id for m in members]
    seats = [m.seat for m in members]
    if len(set(ids)) != len(ids):
        raise ValueError("duplicate member id")
    if len(set(seats)) != len(seats):
        raise ValueError("duplicate seat number")
    return members


class MemberList(BaseModel):
    """A validated list of members (ids and seats unique)."""

    members: list[Member]

    @field_validator("members")
    @classmethod
    def _unique(cls, members: list[Member]) -> list[Member]:
        return check_members(members)
