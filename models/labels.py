"""Names of the domain's values in the user's language."""

from __future__ import annotations

from models.council import Role
from models.formatting import format_fraction
from models.i18n import t
from models.initiative import CAMPAIGN_CATEGORIES, InitiativeType
from models.poll import PollMode, PollResult
from models.rules import PassBase, Rulebook, Threshold
from models.session import Conclusion, Presence, Scope, SessionStatus


def role_label(role: Role) -> str:
    return t(f"role.{role.value}")


def presence_label(presence: Presence) -> str:
    return t(f"presence.{presence.value}")


def type_label(kind: InitiativeType) -> str:
    return t(f"type.{kind.value}")


def conclusion_label(conclusion: Conclusion | None) -> str:
    return t(f"conclusion.{conclusion.value}") if conclusion else t("conclusion.none")


def scope_label(scope: Scope | None) -> str:
    return t(f"scope.{scope.value}") if scope else ""


def mode_label(mode: PollMode) -> str:
    return t(f"mode.{mode.value}")


def status_label(status: SessionStatus) -> str:
    return t(f"status.{status.value}")


def base_label(base: PassBase) -> str:
    return t(f"base.{base.value}")


def category_label(category: str) -> str:
    """Categories are data; the known ones are translated, others shown as typed."""
    if category in CAMPAIGN_CATEGORIES:
        return t(f"category.{CAMPAIGN_CATEGORIES.index(category)}")
    return category


def threshold_phrase(threshold: Threshold) -> str:
    key = "rule.more_than" if threshold.strict else "rule.at_least"
    return t(key, fraction=format_fraction(threshold.fraction))


def rule_sentence(rule: Rulebook, result: PollResult) -> str:
    """One sentence that shows the arithmetic: the rule, the base, the votes needed and those cast."""
    return t(
        "rule.sentence",
        threshold=threshold_phrase(rule.pass_threshold),
        base=base_label(rule.pass_base),
        base_count=result.base_count,
        needed=result.needed,
        yes=result.counts.yes,
    )


def rule_summary(rule: Rulebook) -> str:
    """The passing rule in plain words, e.g. 'yes ≥ 2/3 of eligible members'."""
    return t("rule.summary", threshold=threshold_phrase(rule.pass_threshold), base=base_label(rule.pass_base))
