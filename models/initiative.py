"""An initiative as submitted on the application form (Đơn yêu cầu công nhận sáng kiến)."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator

from models.errors import DomainError
from models.text import CleanText, Line

CAMPAIGN_CATEGORIES = (
    "cải tiến kỹ thuật",
    "hợp lý hóa sản xuất",
    "tiết kiệm",
    "phục vụ và điều trị bệnh",
    "tổ chức, quản lý, đào tạo",
)
"""The usual campaign categories; categories are data, so others are accepted too."""


class InitiativeType(StrEnum):
    """The four legal types of Decree 13/2012."""

    TECHNICAL = "technical"
    MANAGEMENT = "management"
    PROCEDURE = "procedure"
    TECH_ADVANCE = "tech_advance"


class Author(BaseModel):
    """An author or co-author with their share of the contribution, in whole percent."""

    model_config = ConfigDict(extra="forbid")

    name: Line = Field(min_length=1)
    share: int = Field(ge=1, le=100)
    birth_date: dt.date | None = None
    workplace: CleanText = ""
    position: CleanText = ""
    qualification: CleanText = ""
    member_id: CleanText | None = None


class Initiative(BaseModel):
    """One initiative on the agenda."""

    model_config = ConfigDict(extra="forbid")

    id: CleanText
    code: Line = Field(min_length=1)
    title: Line
    type: InitiativeType
    field: CleanText = ""
    category: CleanText = ""
    unit: CleanText = ""
    authors: list[Author] = Field(min_length=1)
    first_applied: dt.date | None = None
    description: CleanText = ""
    conditions: CleanText = ""
    benefit_text: CleanText = ""
    benefit_vnd: int | None = Field(default=None, ge=0)
    confidential: CleanText = ""
    first_application_people: CleanText = ""

    @model_validator(mode="after")
    def _check(self) -> Initiative:
        if not self.title:
            raise DomainError("error.title_empty", code=self.code)
        total = sum(a.share for a in self.authors)
        if total != 100:
            raise DomainError("error.shares", code=self.code, total=total)
        return self

    @property
    def author_member_ids(self) -> set[str]:
        """Council members among the authors: they are recused automatically."""
        return {a.member_id for a in self.authors if a.member_id}
