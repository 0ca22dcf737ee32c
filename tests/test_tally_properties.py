"""Property-based tests of the tally invariants of every mode (hypothesis)."""

from __future__ import annotations

import datetime as dt
import json
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from models.errors import DomainError
from models.poll import Choice, Counts, PaperTally, Poll, PollMode, ScoreSheet, score_stats
from models.rules import PRESETS, Rulebook
from sessions.ballot_box import OPTIONS, BoxState
from sessions.sealing import PollKey, add, encrypt_count

MEMBERS = [f"m{n}" for n in range(1, 16)]
presets = st.sampled_from(list(PRESETS.values()))


@st.composite
def open_polls(draw: st.DrawFn) -> Poll:
    size = draw(st.integers(min_value=1, max_value=15))
    members = MEMBERS[:size]
    present = draw(st.lists(st.sampled_from(members), unique=True, min_size=1))
    recused = draw(st.lists(st.sampled_from(members), unique=True, max_size=size - 1))
    poll = Poll(
        id="p",
        initiative_id="i",
        opened_at=dt.datetime(2026, 11, 22, 14, 0),
        rule=draw(presets),
        voting_members=members,
        present=[m for m in members if m in present],
        recused={m: "x" for m in recused},
    )
    for member in poll.voters:
        choice = draw(st.none() | st.sampled_from(list(Choice)))
        if choice is not None:
            poll.votes[member] = choice
    return poll


@settings(max_examples=200, deadline=None)
@given(open_polls())
def test_open_vote_counts_add_up_and_the_rule_is_exact(poll: Poll) -> None:
    result = poll.tally()
    counts = result.counts
    assert counts.yes + counts.no + counts.abstain == len(poll.votes) <= len(poll.voters)
    assert result.needed >= 1
    assert result.passed == (counts.yes >= result.needed)
    threshold = poll.rule.pass_threshold
    base = result.base_count
    # needed is the least whole number meeting the threshold, checked with exact fractions
    meets = (
        (lambda k: Fraction(k) > threshold.fraction * base)
        if threshold.strict
        else (lambda k: Fraction(k) >= threshold.fraction * base)
    )
    assert meets(result.needed)
    assert result.needed == 1 or not meets(result.needed - 1)


@settings(max_examples=100, deadline=None)
@given(open_polls(), st.sampled_from(MEMBERS))
def test_one_more_yes_never_turns_a_pass_into_a_fail(poll: Poll, member: str) -> None:
    if member not in poll.voters or poll.rule.pass_base.value == "votes_cast":
        return
    before = poll.tally().passed
    poll.votes[member] = Choice.YES
    assert poll.tally().passed or not before


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(MEMBERS), st.sampled_from(list(Choice))), unique_by=lambda b: b[0]), st.randoms()
)
def test_a_ballot_box_forgets_the_order_of_ballots(ballots: list[tuple[str, Choice]], random) -> None:
    """Whatever the order, the box lists the same voters, and its sums decrypt to the plain counts."""
    key = PollKey.generate()

    def fill(order: list[tuple[str, Choice]]) -> BoxState:
        state = BoxState("p", sums={o: encrypt_count(key.public, 0) for o in OPTIONS})
        for member, choice in order:
            sums = {o: add(state.sums[o], encrypt_count(key.public, int(o == choice.value))) for o in OPTIONS}
            state = state.with_ballot(member, sums=sums)
        return state

    shuffled = list(ballots)
    random.shuffle(shuffled)
    first, second = fill(ballots), fill(shuffled)
    assert json.loads(first.to_bytes())["voted"] == json.loads(second.to_bytes())["voted"]
    for option in OPTIONS:
        expected = sum(1 for _, choice in ballots if choice.value == option)
        assert key.decrypt_count(first.sums[option], len(ballots)) == expected
        assert key.decrypt_count(second.sums[option], len(ballots)) == expected
        assert first.sums[option] != second.sums[option]  # the same count, never the same bytes


sheets = st.lists(
    st.builds(
        lambda a, b, c: ScoreSheet(scores={"novelty": a, "applicability": b, "effectiveness": c}),
        st.integers(0, 30),
        st.integers(0, 30),
        st.integers(0, 40),
    ),
    min_size=1,
    max_size=15,
)


@settings(max_examples=150, deadline=None)
@given(sheets, st.randoms())
def test_score_statistics_are_exact_and_order_free(sheet_list: list[ScoreSheet], random) -> None:
    rule = Rulebook()
    stats = score_stats(rule, sheet_list)
    totals = [s.total for s in sheet_list]
    assert stats.minimum <= stats.mean <= stats.maximum
    assert stats.mean == Fraction(sum(totals), len(totals))
    assert stats.spread == max(totals) - min(totals)
    assert stats.eligible_sheets == sum(1 for total in totals if total >= 50)
    assert sum(Fraction(v) for v in stats.criterion_means.values()) == stats.mean
    shuffled = list(sheet_list)
    random.shuffle(shuffled)
    assert score_stats(rule, shuffled) == stats


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 12), min_size=7, max_size=7), st.integers(0, 15))
def test_paper_counts_are_accepted_only_when_they_add_up(numbers: list[int], present: int) -> None:
    tally = PaperTally(
        **dict(zip(("issued", "returned", "valid", "invalid", "yes", "no", "abstain"), numbers, strict=True))
    )
    try:
        tally.check(present)
    except DomainError as error:
        assert str(error)  # a message, in words
        return
    assert tally.issued <= present
    assert tally.returned <= tally.issued
    assert tally.valid + tally.invalid == tally.returned
    assert tally.yes + tally.no + tally.abstain == tally.valid
    assert tally.counts() == Counts(yes=tally.yes, no=tally.no, abstain=tally.abstain, invalid=tally.invalid)


def test_scoring_poll_counts_eligible_sheets_as_yes() -> None:
    poll = Poll(
        id="p",
        initiative_id="i",
        mode=PollMode.SCORING,
        opened_at=dt.datetime(2026, 11, 22),
        rule=Rulebook(),
        voting_members=MEMBERS[:7],
        present=MEMBERS[:7],
        sheets=[ScoreSheet(scores={"novelty": 20, "applicability": 20, "effectiveness": t}) for t in (5, 10, 30)],
    )
    counts = poll.live_counts()
    assert (counts.yes, counts.no) == (2, 1)  # 45 is below 50; 50 and 70 are eligible
