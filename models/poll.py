"""Polls and their frozen results; tallying is exact integer arithmetic."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from models.rules import PassBase, Rulebook
from models.text import Text


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


class PollResult(BaseModel):
    """The frozen outcome: counts, the base the rule was applied to, and pass or fail."""

    model_config = ConfigDict(extra="forbid")

    counts: Counts
    base: PassBase
    base_count: int
    needed: int
    passed: bool


class Poll(BaseModel):
    """One vote on one initiative. Membership is frozen at opening, the result at closing."""

    model_config = ConfigDict(extra="forbid")

    id: Text
    initiative_id: Text
    mode: PollMode = PollMode.OPEN
    status: PollStatus = PollStatus.OPEN
    opened_at: dt.datetime
    closed_at: dt.datetime | None = None
    rule: Rulebook
    voting_members: list[str]
    present: list[str]
    recused: dict[str, str] = {}
    votes: dict[str, Choice] = {}
    counts: Counts = Counts()
    result: PollResult | None = None
    void_reason: Text = ""
    quorum_lost: bool = False

    @property
    def voters(self) -> list[str]:
        """Members who may vote in this poll: present and not recused, in seat order."""
        return [m for m in self.present if m not in self.recused]

    @property
    def eligible(self) -> list[str]:
        """All voting members minus the recused: the Circular 18 base."""
        return [m for m in self.voting_members if m not in self.recused]

    def live_counts(self) -> Counts:
        """Counts so far (open vote: from recorded choices)."""
        if self.mode == PollMode.OPEN:
            values = list(self.votes.values())
            return Counts(
                yes=values.count(Choice.YES), no=values.count(Choice.NO), abstain=values.count(Choice.ABSTAIN)
            )
        return self.counts

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
        """The result the rule gives for the current counts."""
        counts = self.live_counts()
        needed = self.needed(counts)
        return PollResult(
            counts=counts,
            base=self.rule.pass_base,
            base_count=self.base_count(counts),
            needed=needed,
            passed=counts.yes >= needed,
        )
