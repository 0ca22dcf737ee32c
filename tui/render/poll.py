"""Text of a poll's tally and frozen result, for every mode."""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

from rich.text import Text

from models.formatting import capitalised
from models.i18n import current_language, localised, t
from models.labels import rule_sentence, rule_summary, scoring_summary
from models.poll import Poll, PollMode, PollStatus, ScoreStats
from models.record import SessionRecord
from models.rules import ScoringPass

if TYPE_CHECKING:
    from sessions.tally import LiveTally


def one_decimal(value: Fraction) -> str:
    """A mean shown to one decimal (the exact fraction stays in the record)."""
    tenths = round(value * 10)
    text = f"{tenths // 10}.{tenths % 10}"
    return text.replace(".", ",") if current_language() == "vi" else text


def needed_text(poll: Poll, needed: int | None = None) -> Text:
    """How many yes votes (or eligible sheets, or what mean total) the open poll needs under the current attendance.

    ``needed``: as the service's live tally says (sessions/tally.py); worked out from the poll if not given.
    """
    needed = poll.needed() if needed is None else needed
    if poll.mode != PollMode.SCORING:
        text = Text(t("vote.rule", rule=rule_summary(poll.rule)) + "\n")
        text.append(t("vote.needed", needed=needed) + "\n", style="bold")
        return text
    text = Text(t("vote.rule", rule=scoring_summary(poll.rule)) + "\n")
    if poll.rule.scoring_pass == ScoringPass.MEAN_THRESHOLD:
        text.append(t("vote.needed_mean", threshold=poll.rule.mean_threshold) + "\n", style="bold")
    else:
        text.append(t("vote.needed_sheets", needed=needed) + "\n", style="bold")
    return text


def live_rule_text(poll: Poll, tally: LiveTally) -> Text:
    """Under an open poll's count: its rule, what it needs now, and who stood aside (recused)."""
    text = needed_text(poll, tally.needed)
    if tally.recused:
        text.append("\n" + t("vote.recused", names=", ".join(tally.recused)) + "\n", style="yellow")
    return text


def grade_text(passed: bool, stats: ScoreStats) -> str:
    """The grade of a scoring that passed ("" otherwise: a grade beside NOT PASSED would read as a pass)."""
    grade = localised(stats.grade_vi, stats.grade_en)
    return grade if passed else ""


def score_lines(record: SessionRecord, poll: Poll, stats: ScoreStats) -> Text:
    text = Text()
    for criterion in poll.rule.criteria:
        mean = Fraction(stats.criterion_means.get(criterion.id, "0"))
        name = localised(criterion.name_vi, criterion.name_en)
        text.append(t("score.criterion_mean", name=name, mean=one_decimal(mean), max=criterion.max_score) + "\n")
    text.append(t("score.mean_total", mean=one_decimal(stats.mean)) + "\n", style="bold")
    text.append(t("score.range", minimum=stats.minimum, maximum=stats.maximum, spread=stats.spread) + "\n")
    if stats.spread_flag:
        text.append(t("score.spread_flag") + "\n", style="bold yellow")
    text.append(
        t(
            "score.eligible",
            eligible=stats.eligible_sheets,
            sheets=stats.sheets,
            minimum=poll.rule.sheet_eligible_minimum,
        )
        + "\n"
    )
    return text


def result_text(record: SessionRecord, poll: Poll) -> Text:
    """The frozen result: counts (or score statistics, or paper counts), the rule's arithmetic, pass or fail."""
    result = poll.result
    if poll.status != PollStatus.CLOSED or result is None:
        return Text("")
    text = Text()
    passed = result.passed
    text.append(
        f" {t('minutes.passed') if passed else t('minutes.failed')} \n",
        style="bold white on dark_green" if passed else "bold white on red3",
    )
    c = result.counts
    if poll.mode == PollMode.SCORING and result.scores is not None:
        text.append_text(score_lines(record, poll, result.scores))
    else:
        text.append(t("detail.counts", yes=c.yes, no=c.no, abstain=c.abstain) + "\n")
        if poll.mode == PollMode.PAPER and result.paper is not None:
            p = result.paper
            text.append(
                t("paper.summary", issued=p.issued, returned=p.returned, valid=p.valid, invalid=p.invalid) + "\n"
            )
    text.append(capitalised(rule_sentence(poll.rule, result)) + "\n")
    if result.scores is not None and grade_text(passed, result.scores):
        text.append(t("score.grade", grade=grade_text(passed, result.scores)) + "\n", style="bold")
    text.append(t("vote.after_close"), style="dim")
    return text
