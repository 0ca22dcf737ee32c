"""Quorum and passing rules, table-driven, through Poll.tally(): the arithmetic a council relies on."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from models.poll import Choice, Poll, PollResult
from models.record import SessionRecord
from models.rules import PRESETS, PassBase, Rulebook, Threshold
from models.session import Attendance, Presence, Session
from sessions.demo.data import COUNCIL, MEMBERS

OPENED = dt.datetime(2026, 11, 22, 14, 0)


def tally(
    rule: Rulebook,
    *,
    members: int = 7,
    present: int | None = None,
    recused: int = 0,
    yes: int = 0,
    no: int = 0,
    abstain: int = 0,
) -> PollResult:
    """A poll of ``members`` voting members, the first ``present`` in the room, the first ``recused`` of them
    recused as authors; the remaining voters cast ``yes``, ``no``, ``abstain`` in that order."""
    ids = [f"m{n}" for n in range(1, members + 1)]
    in_room = ids[: members if present is None else present]
    recusals = {m: "author" for m in in_room[:recused]}
    voters = [m for m in in_room if m not in recusals]
    choices = [Choice.YES] * yes + [Choice.NO] * no + [Choice.ABSTAIN] * abstain
    assert len(choices) <= len(voters), "the table row casts more votes than there are voters"
    poll = Poll(
        id="p1",
        initiative_id="sk",
        opened_at=OPENED,
        rule=rule,
        voting_members=ids,
        present=in_room,
        recused=recusals,
        votes=dict(zip(voters, choices, strict=False)),
    )
    return poll.tally()


# --- quorum


@pytest.mark.parametrize(
    ("members", "needed"),
    [(7, 5), (6, 4), (9, 6), (3, 2), (5, 4), (10, 7), (12, 8), (1, 1)],
)
def test_quorum_is_two_thirds_rounded_up(members: int, needed: int) -> None:
    assert Rulebook().quorum_needed(members) == needed


def _record(present: int) -> SessionRecord:
    session = Session(id="s", title="Phiên họp", date=dt.date(2026, 11, 22))
    attendance = {m.id: Attendance(presence=Presence.PRESENT) for m in MEMBERS[:present]}
    attendance.update({m.id: Attendance(presence=Presence.ABSENT, reason="ốm") for m in MEMBERS[present:]})
    return SessionRecord(council=COUNCIL, members=MEMBERS, rulebook=Rulebook(), session=session, attendance=attendance)


@pytest.mark.parametrize(("present", "met"), [(7, True), (6, True), (5, True), (4, False), (0, False)])
def test_quorum_of_seven_members(present: int, met: bool) -> None:
    record = _record(present)
    assert len(record.voting_members) == 7
    assert record.quorum_needed == 5
    assert len(record.present_voting) == present
    assert record.has_quorum is met


def test_late_counts_as_present_and_left_early_does_not() -> None:
    record = _record(4)
    record.attendance["m5"] = Attendance(presence=Presence.LATE)
    assert record.has_quorum
    record.attendance["m5"] = Attendance(presence=Presence.LEFT_EARLY)
    assert not record.has_quorum


# --- passing: (preset, members, present, recused, yes, no, abstain) -> (base_count, needed, passed)

CIRCULAR18 = [
    # 2/3 of 7 eligible needs 5 yes, not 4.67
    ("circular18", 7, 7, 0, 5, 2, 0, 7, 5, True),
    ("circular18", 7, 7, 0, 4, 3, 0, 7, 5, False),
    # absent members stay in the base: 5 present all voting yes still pass, 4 yes of 5 present do not
    ("circular18", 7, 5, 0, 5, 0, 0, 7, 5, True),
    ("circular18", 7, 5, 0, 4, 0, 1, 7, 5, False),
    # a recused author leaves the base: 6 eligible need 4
    ("circular18", 7, 7, 1, 4, 2, 0, 6, 4, True),
    ("circular18", 7, 7, 1, 3, 3, 0, 6, 4, False),
    ("circular18", 7, 5, 1, 4, 0, 0, 6, 4, True),
    # other council sizes
    ("circular18", 6, 6, 0, 4, 2, 0, 6, 4, True),
    ("circular18", 9, 9, 0, 6, 3, 0, 9, 6, True),
    ("circular18", 9, 9, 0, 5, 4, 0, 9, 6, False),
]

TWO_THIRDS_PRESENT = [
    ("two_thirds_present", 7, 7, 0, 5, 2, 0, 7, 5, True),
    ("two_thirds_present", 7, 6, 0, 4, 2, 0, 6, 4, True),
    ("two_thirds_present", 7, 5, 0, 4, 1, 0, 5, 4, True),
    ("two_thirds_present", 7, 5, 0, 3, 2, 0, 5, 4, False),
    # a present but recused member is not counted among those present who may vote
    ("two_thirds_present", 7, 6, 1, 4, 1, 0, 5, 4, True),
]

SIMPLE_MAJORITY = [
    ("simple_majority", 7, 7, 0, 3, 2, 2, 5, 3, True),
    # abstentions are left out: one yes and six abstentions pass
    ("simple_majority", 7, 7, 0, 1, 0, 6, 1, 1, True),
    # a tie fails
    ("simple_majority", 7, 7, 0, 2, 2, 3, 4, 3, False),
    ("simple_majority", 7, 6, 0, 3, 3, 0, 6, 4, False),
    ("simple_majority", 7, 7, 0, 4, 3, 0, 7, 4, True),
]

ABSOLUTE_MAJORITY = [
    # more than half of all 7 members: 4, whoever is present or recused
    ("absolute_majority", 7, 7, 0, 4, 3, 0, 7, 4, True),
    ("absolute_majority", 7, 7, 0, 3, 0, 4, 7, 4, False),
    ("absolute_majority", 7, 5, 0, 4, 1, 0, 7, 4, True),
    ("absolute_majority", 7, 7, 1, 3, 3, 0, 7, 4, False),
    ("absolute_majority", 8, 8, 0, 4, 4, 0, 8, 5, False),
    ("absolute_majority", 8, 8, 0, 5, 3, 0, 8, 5, True),
]

UNANIMITY = [
    ("unanimity", 7, 7, 0, 7, 0, 0, 7, 7, True),
    ("unanimity", 7, 7, 0, 6, 0, 1, 7, 7, False),
    ("unanimity", 7, 7, 0, 6, 1, 0, 7, 7, False),
    ("unanimity", 7, 5, 0, 5, 0, 0, 5, 5, True),
    ("unanimity", 7, 7, 1, 6, 0, 0, 6, 6, True),
]

# The scoring preset changes only how scoring polls pass; an open vote follows the Circular 18 default.
MEAN_SCORE = [
    ("mean_score", 7, 7, 0, 5, 2, 0, 7, 5, True),
    ("mean_score", 7, 7, 1, 3, 3, 0, 6, 4, False),
]

TABLE = CIRCULAR18 + TWO_THIRDS_PRESENT + SIMPLE_MAJORITY + ABSOLUTE_MAJORITY + UNANIMITY + MEAN_SCORE


@pytest.mark.parametrize(
    ("preset", "members", "present", "recused", "yes", "no", "abstain", "base_count", "needed", "passed"), TABLE
)
def test_passing_rules(
    preset: str,
    members: int,
    present: int,
    recused: int,
    yes: int,
    no: int,
    abstain: int,
    base_count: int,
    needed: int,
    passed: bool,
) -> None:
    result = tally(PRESETS[preset], members=members, present=present, recused=recused, yes=yes, no=no, abstain=abstain)
    assert (result.base_count, result.needed, result.passed) == (base_count, needed, passed)
    assert (result.counts.yes, result.counts.no, result.counts.abstain) == (yes, no, abstain)
    assert result.base == PRESETS[preset].pass_base


def test_every_preset_has_rows_in_the_table() -> None:
    assert {row[0] for row in TABLE} == set(PRESETS)


def test_default_rulebook_is_circular18() -> None:
    rule = Rulebook()
    assert rule == PRESETS["circular18"]
    assert rule.pass_base == PassBase.ELIGIBLE
    assert rule.pass_threshold.fraction == Fraction(2, 3)
    assert not rule.pass_threshold.strict


@pytest.mark.parametrize("preset", sorted(PRESETS))
@pytest.mark.parametrize(("present", "recused"), [(7, 0), (5, 0), (7, 1)])
def test_everyone_abstaining_fails(preset: str, present: int, recused: int) -> None:
    voters = present - recused
    result = tally(PRESETS[preset], present=present, recused=recused, abstain=voters)
    assert result.counts.abstain == voters
    assert result.counts.yes == 0
    assert result.needed >= 1
    assert not result.passed


@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_nobody_voted_yet_fails(preset: str) -> None:
    assert not tally(PRESETS[preset]).passed


# --- exact arithmetic


def meets(threshold: Threshold, count: int, base: int) -> bool:
    """Whether ``count`` of ``base`` meets the threshold, in integers only: n/d of base is d·count against n·base."""
    share, whole = threshold.denominator * count, threshold.numerator * base
    return share > whole if threshold.strict else share >= whole


@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_every_preset_counts_exactly_where_floats_would_round(preset: str) -> None:
    """The quorum and the passing threshold of each preset are exact shares at any size: with floats,
    2/3 of 3·10^20 + 1 loses its 2/3 and unanimity of 3·10^20 + 1 loses the last member."""
    rule = PRESETS[preset]
    for threshold in (rule.quorum, rule.pass_threshold):
        assert threshold.fraction == Fraction(threshold.numerator, threshold.denominator)
        for base in (3 * 10**20 + 1, 3 * 10**20 + 2, 10**20, 7 * 10**19 + 3):
            needed = threshold.needed(base)
            assert meets(threshold, needed, base) and not meets(threshold, needed - 1, base), (preset, base)
    assert rule.quorum_needed(3 * 10**20 + 1) == rule.quorum.needed(3 * 10**20 + 1)


def test_at_least_two_thirds_matches_integer_arithmetic() -> None:
    for base in range(0, 1000):
        needed = Threshold(numerator=2, denominator=3).needed(base)
        # the smallest k with k >= 2/3 * base, i.e. 3k >= 2 base
        assert 3 * needed >= 2 * base, base
        assert needed == 0 or 3 * (needed - 1) < 2 * base, base


def test_more_than_half_matches_integer_arithmetic() -> None:
    for base in range(0, 1000):
        needed = Threshold(numerator=1, denominator=2, strict=True).needed(base)
        # the smallest k with k > base / 2, i.e. 2k > base
        assert 2 * needed > base, base
        assert 2 * (needed - 1) <= base, base


def test_exact_where_floats_would_round() -> None:
    # 2/3 of 3·10^20 + 1 is 2·10^20 + 2/3; floats lose the 2/3 and give 2·10^20.
    base = 3 * 10**20 + 1
    assert Threshold(numerator=2, denominator=3).needed(base) == 2 * 10**20 + 1
    # exactly half of an even base is not "more than half"
    assert Threshold(numerator=1, denominator=2, strict=True).needed(10**20) == 10**20 // 2 + 1
    # exactly 2/3 meets "at least 2/3"
    assert Threshold(numerator=2, denominator=3).needed(3 * 10**20) == 2 * 10**20


def test_result_counts_are_integers() -> None:
    result = tally(Rulebook(), yes=5, no=1, abstain=1)
    for value in (result.needed, result.base_count, result.counts.yes, result.counts.no, result.counts.abstain):
        assert type(value) is int
