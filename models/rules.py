"""Rulebooks: quorum, passing rules, scoring criteria; exact arithmetic only."""

from __future__ import annotations

from enum import StrEnum
from fractions import Fraction

from pydantic import BaseModel, ConfigDict, Field

from models.text import CleanText


class Threshold(BaseModel):
    """A share of a base: ``at least num/den`` or, when strict, ``more than num/den``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    numerator: int = Field(ge=0)
    denominator: int = Field(ge=1)
    strict: bool = False

    @property
    def fraction(self) -> Fraction:
        return Fraction(self.numerator, self.denominator)

    def needed(self, base: int) -> int:
        """The smallest whole count that meets this threshold of ``base`` (exact)."""
        exact = self.fraction * base
        if self.strict:
            return exact.numerator // exact.denominator + 1
        return -(-exact.numerator // exact.denominator)


class PassBase(StrEnum):
    """What the passing threshold is a share of."""

    ALL_MEMBERS = "all_members"
    ELIGIBLE = "eligible"
    PRESENT = "present"
    VOTES_CAST = "votes_cast"


class ScoringPass(StrEnum):
    """How a scoring poll passes."""

    ELIGIBLE_SHEETS = "eligible_sheets"
    MEAN_THRESHOLD = "mean_threshold"


class Band(BaseModel):
    """A range of scores for a criterion with what it means."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    low: int
    high: int
    description_vi: CleanText
    description_en: CleanText


class Criterion(BaseModel):
    """One scored criterion, e.g. novelty 0-30."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: CleanText
    name_vi: CleanText
    name_en: CleanText
    max_score: int = Field(ge=1)
    bands: tuple[Band, ...] = ()


class GradeBand(BaseModel):
    """A grade given when the mean total reaches ``minimum``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    minimum: int
    label_vi: CleanText
    label_en: CleanText


def _default_criteria() -> tuple[Criterion, ...]:
    return (
        Criterion(
            id="novelty",
            name_vi="Tính mới",
            name_en="Novelty",
            max_score=30,
            bands=(
                Band(low=0, high=9, description_vi="Đã được áp dụng phổ biến", description_en="Already in common use"),
                Band(low=10, high=19, description_vi="Có cải tiến một phần", description_en="Partly improved"),
                Band(
                    low=20, high=30, description_vi="Mới hoàn toàn tại cơ sở", description_en="Entirely new in the unit"
                ),
            ),
        ),
        Criterion(
            id="applicability",
            name_vi="Khả năng áp dụng",
            name_en="Applicability",
            max_score=30,
            bands=(
                Band(low=0, high=9, description_vi="Khó áp dụng", description_en="Hard to apply"),
                Band(
                    low=10, high=19, description_vi="Áp dụng được trong đơn vị", description_en="Applicable in the unit"
                ),
                Band(low=20, high=30, description_vi="Áp dụng rộng rãi", description_en="Widely applicable"),
            ),
        ),
        Criterion(
            id="effectiveness",
            name_vi="Hiệu quả",
            name_en="Effectiveness",
            max_score=40,
            bands=(
                Band(low=0, high=14, description_vi="Hiệu quả thấp", description_en="Low benefit"),
                Band(low=15, high=29, description_vi="Hiệu quả khá", description_en="Fair benefit"),
                Band(low=30, high=40, description_vi="Hiệu quả cao", description_en="High benefit"),
            ),
        ),
    )


def _default_grades() -> tuple[GradeBand, ...]:
    return (
        GradeBand(minimum=90, label_vi="Xuất sắc", label_en="Excellent"),
        GradeBand(minimum=80, label_vi="Tốt", label_en="Good"),
        GradeBand(minimum=65, label_vi="Khá", label_en="Fair"),
        GradeBand(minimum=50, label_vi="Đạt", label_en="Pass"),
    )


class Rulebook(BaseModel):
    """The rules a council decides by; frozen into each poll when it opens."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    preset: CleanText = "circular18"
    quorum: Threshold = Threshold(numerator=2, denominator=3)
    pass_threshold: Threshold = Threshold(numerator=2, denominator=3)
    pass_base: PassBase = PassBase.ELIGIBLE
    criteria: tuple[Criterion, ...] = Field(default_factory=_default_criteria)
    sheet_eligible_minimum: int = 50
    scoring_pass: ScoringPass = ScoringPass.ELIGIBLE_SHEETS
    mean_threshold: int = 70
    grades: tuple[GradeBand, ...] = Field(default_factory=_default_grades)
    spread_warning: int = 30

    def quorum_needed(self, voting_members: int) -> int:
        """How many voting members must be present to decide."""
        return self.quorum.needed(voting_members)


PRESETS: dict[str, Rulebook] = {
    "circular18": Rulebook(),
    "two_thirds_present": Rulebook(preset="two_thirds_present", pass_base=PassBase.PRESENT),
    "simple_majority": Rulebook(
        preset="simple_majority",
        pass_threshold=Threshold(numerator=1, denominator=2, strict=True),
        pass_base=PassBase.VOTES_CAST,
    ),
    "absolute_majority": Rulebook(
        preset="absolute_majority",
        pass_threshold=Threshold(numerator=1, denominator=2, strict=True),
        pass_base=PassBase.ALL_MEMBERS,
    ),
    "unanimity": Rulebook(
        preset="unanimity",
        pass_threshold=Threshold(numerator=1, denominator=1),
        pass_base=PassBase.PRESENT,
    ),
    "mean_score": Rulebook(preset="mean_score", scoring_pass=ScoringPass.MEAN_THRESHOLD),
}
