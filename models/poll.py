"""Polls and their frozen results; tallying is exact integer arithmetic."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from fractions import Fraction

from pydantic import BaseModel, ConfigDict, Field

from models.errors import DomainError
from models.rules import PassBase, Rulebook, ScoringPass
from models.text import CleanText


class PollMode(StrEnum):
    OPEN = "open"
    SECRET = "secret"
    SCORING = "scoring"
    PAPER = "paper"


class PollStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"
    VOID = "void"


class Choice(StrEnum):
    YES = "yes"
    NO = "no"
    ABSTAIN = "abstain"


class Counts(BaseModel):
    model_config = ConfigDict(extra="forbid")

    yes: int = Field(default=0, ge=0)
    no: int = Field(default=0, ge=0)
    abstain: int = Field(default=0, ge=0)
    invalid: int = Field(default=0, ge=0)

    @property
    def cast(self) -> int:
        return self.yes + self.no + self.abstain + self.invalid


class PaperTally(BaseModel):
    """Counts typed from a paper ballot (kiểm phiếu)."""

    model_config = ConfigDict(extra="forbid")

    issued: int = Field(ge=0)
    returned: int = Field(ge=0)
    valid: int = Field(ge=0)
    invalid: int = Field(ge=0)
    yes: int = Field(ge=0)
    no: int = Field(ge=0)
    abstain: int = Field(ge=0)

    def check(self, eligible_present: int) -> None:
        """Raise DomainError naming the numbers that disagree."""
        if self.issued > eligible_present:
            raise DomainError("error.paper_issued", issued=self.issued, present=eligible_present)
        if self.returned > self.issued:
            raise DomainError("error.paper_returned", returned=self.returned, issued=self.issued)
        if self.valid + self.invalid != self.returned:
            raise DomainError("error.paper_valid", valid=self.valid, invalid=self.invalid, returned=self.returned)
        if self.yes + self.no + self.abstain != self.valid:
            raise DomainError("error.paper_choices", yes=self.yes, no=self.no, abstain=self.abstain, valid=self.valid)

    def counts(self) -> Counts:
        return Counts(yes=self.yes, no=self.no, abstain=self.abstain, invalid=self.invalid)


class ScoreSheet(BaseModel):
    """One member's scoring sheet, kept without the member's name."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    scores: dict[str, int]
    comment: CleanText = ""

    @property
    def total(self) -> int:
        return sum(self.scores.values())


class ScoreStats(BaseModel):
    """What a scoring poll's sheets add up to; means are exact fractions kept as text "n/d"."""

    model_config = ConfigDict(extra="forbid")

    sheets: int
    criterion_means: dict[str, str]
    mean_total: str
    minimum: int
    maximum: int
    spread: int
    spread_flag: bool
    eligible_sheets: int
    grade_vi: str = ""
    grade_en: str = ""

    @property
    def mean(self) -> Fraction:
        return Fraction(self.mean_total)


def score_stats(rule: Rulebook, sheets: list[ScoreSheet]) -> ScoreStats:
    """Means, spread, eligible sheets and grade, in exact arithmetic."""
    totals = [s.total for s in sheets]
    count = len(sheets)
    means = {
        c.id: str(Fraction(sum(s.scores.get(c.id, 0) for s in sheets), count) if count else Fraction(0))
        for c in rule.criteria
    }
    mean_total = Fraction(sum(totals), count) if count else Fraction(0)
    grade = next((g for g in sorted(rule.grades, key=lambda g: -g.minimum) if mean_total >= g.minimum), None)
    spread = (max(totals) - min(totals)) if totals else 0
    return ScoreStats(
        sheets=count,
        criterion_means=means,
        mean_total=str(mean_total),
        minimum=min(totals) if totals else 0,
        maximum=max(totals) if totals else 0,
        spread=spread,
        spread_flag=spread >= rule.spread_warning,
        eligible_sheets=sum(1 for total in totals if total >= rule.sheet_eligible_minimum),
        grade_vi=grade.label_vi if grade else "",
        grade_en=grade.label_en if grade else "",
    )


class PollResult(BaseModel):
    """The frozen outcome: counts, the base the rule was applied to, and pass or fail."""

    model_config = ConfigDict(extra="forbid")

    counts: Counts
    base: PassBase
    base_count: int
    needed: int
    passed: bool
    scores: ScoreStats | None = None
    paper: PaperTally | None = None


class Poll(BaseModel):
    """One vote on one initiative. Membership is frozen at opening, the result at closing."""

    model_config = ConfigDict(extra="forbid")

    id: CleanText
    initiative_id: CleanText
    mode: PollMode = PollMode.OPEN
    status: PollStatus = PollStatus.OPEN
    opened_at: dt.datetime
    closed_at: dt.datetime | None = None
    rule: Rulebook
    voting_members: list[str]
    present: list[str]
    recused: dict[str, str] = {}
    votes: dict[str, Choice] = {}
    voted: list[str] = []
    counts: Counts = Counts()
    sheets: list[ScoreSheet] = []
    paper: PaperTally | None = None
    result: PollResult | None = None
    void_reason: CleanText = ""
    quorum_lost: bool = False
    away: list[str] = []  # of ``present``: out of the room now (an open poll) or when it closed
    left: list[str] = []  # of ``present``: everyone who left while the poll was open, in order
    present_at_close: list[str] = []  # voting members in the room when it closed (or was cancelled)

    @property
    def voters(self) -> list[str]:
        """The poll's voters, in seat order: present at opening and not recused, less those who left before
        voting (a vote cast before leaving stays; voters follow attendance while the poll is open)."""
        cast = set(self.votes) | set(self.voted)
        return [m for m in self.present if m not in self.recused and (m not in self.away or m in cast)]

    @property
    def in_room_voters(self) -> list[str]:
        """Those who may vote (or change their open vote) now: present at opening, not recused, in the room."""
        return [m for m in self.present if m not in self.recused and m not in self.away]

    @property
    def eligible(self) -> list[str]:
        """All voting members minus the recused: the Circular 18 base."""
        return [m for m in self.voting_members if m not in self.recused]

    def live_counts(self) -> Counts:
        """Counts so far: open votes from recorded choices, scoring as eligible / other sheets."""
        if self.mode == PollMode.OPEN:
            values = list(self.votes.values())
            return Counts(
                yes=values.count(Choice.YES), no=values.count(Choice.NO), abstain=values.count(Choice.ABSTAIN)
            )
        if self.mode == PollMode.SCORING:
            eligible = sum(1 for s in self.sheets if s.total >= self.rule.sheet_eligible_minimum)
            return Counts(yes=eligible, no=len(self.sheets) - eligible)
        if self.mode == PollMode.PAPER and self.paper is not None:
            return self.paper.counts()
        return self.counts

    @property
    def has_voted(self) -> list[str]:
        """Members who have cast their vote or sheet (for secret modes: only this, never how)."""
        if self.mode == PollMode.OPEN:
            return [m for m in self.voters if m in self.votes]
        return [m for m in self.voters if m in self.voted]

    def base_count(self, counts: Counts) -> int:
        """Size of the base the passing rule applies to."""
        base = self.rule.pass_base
        if base == PassBase.ALL_MEMBERS:
            return len(self.voting_members)
        if base == PassBase.ELIGIBLE:
            return len(self.eligible)
        if base == PassBase.PRESENT:
            return len(self.voters)
        return counts.yes + counts.no

    def needed(self, counts: Counts | None = None) -> int:
        """Yes votes needed to pass under the frozen rule (at least one)."""
        counts = counts or self.live_counts()
        return max(1, self.rule.pass_threshold.needed(self.base_count(counts)))

    def tally(self) -> PollResult:
        """The result the rule gives for the current counts (and sheets)."""
        counts = self.live_counts()
        needed = self.needed(counts)
        passed = counts.yes >= needed
        scores = None
        if self.mode == PollMode.SCORING:
            scores = score_stats(self.rule, self.sheets)
            if self.rule.scoring_pass == ScoringPass.MEAN_THRESHOLD:
                passed = scores.sheets > 0 and scores.mean >= self.rule.mean_threshold
        return PollResult(
            counts=counts,
            base=self.rule.pass_base,
            base_count=self.base_count(counts),
            needed=needed,
            passed=passed,
            scores=scores,
            paper=self.paper,
        )
