"""Names of the domain's values in the user's language."""

from __future__ import annotations

from models.council import Role
from models.formatting import capitalised, format_fraction
from models.i18n import localised, t
from models.initiative import InitiativeType
from models.poll import PollMode, PollResult
from models.rules import PassBase, Rulebook, ScoringPass, Threshold
from models.session import Conclusion, Presence, Scope


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


def mode_heading(mode: PollMode) -> str:
    """The mode's name as it starts a heading or a line: "Kiểm phiếu giấy", not "kiểm phiếu giấy"."""
    return capitalised(mode_label(mode))


def base_label(base: PassBase) -> str:
    return t(f"base.{base.value}")


def threshold_phrase(threshold: Threshold) -> str:
    if threshold.fraction == 1 and not threshold.strict:
        return t("rule.all")
    key = "rule.more_than" if threshold.strict else "rule.at_least"
    return t(key, fraction=format_fraction(threshold.fraction))


def rule_sentence(rule: Rulebook, result: PollResult) -> str:
    """One sentence that shows the arithmetic: the rule, the base, the votes needed and those cast."""
    if result.scores is not None:
        if rule.scoring_pass == ScoringPass.MEAN_THRESHOLD:
            mean = result.scores.mean
            shown = f"{round(mean * 100) / 100:.2f}"
            return t("rule.sentence_mean", threshold=rule.mean_threshold, mean=shown)
        key = "rule.sentence_sheets"
    else:
        key = "rule.sentence"
    return t(
        key,
        threshold=threshold_phrase(rule.pass_threshold),
        base=base_label(rule.pass_base),
        base_count=result.base_count,
        needed=result.needed,
        yes=result.counts.yes,
    )


def rule_summary(rule: Rulebook) -> str:
    """The passing rule in plain words, e.g. 'yes ≥ 2/3 of eligible members'."""
    return t("rule.summary", threshold=threshold_phrase(rule.pass_threshold), base=base_label(rule.pass_base))


def scoring_summary(rule: Rulebook) -> str:
    """How a scoring round passes, in plain words: by eligible sheets, or by the mean total."""
    if rule.scoring_pass == ScoringPass.MEAN_THRESHOLD:
        return t("rule.summary_mean", threshold=rule.mean_threshold)
    return t(
        "rule.summary_sheets",
        threshold=threshold_phrase(rule.pass_threshold),
        base=base_label(rule.pass_base),
        minimum=rule.sheet_eligible_minimum,
    )


def preset_name(preset: str) -> str:
    return t(f"preset.{preset}") if preset in PRESET_KEYS else preset


PRESET_KEYS = (
    "custom",
    "circular18",
    "two_thirds_present",
    "simple_majority",
    "absolute_majority",
    "unanimity",
    "mean_score",
)


def describe_rulebook(rule: Rulebook) -> list[str]:
    """The rulebook in plain words, one rule a line."""
    lines = [
        t("rules.preset", name=preset_name(rule.preset)),
        t("rules.quorum", threshold=threshold_phrase(rule.quorum)),
        t("rules.passing", rule=rule_summary(rule)),
    ]
    if rule.pass_base == PassBase.VOTES_CAST:
        lines.append(t("rules.abstentions_excluded"))
    if rule.pass_threshold.strict:
        lines.append(t("rules.tie_fails"))
    criteria = ", ".join(f"{localised(c.name_vi, c.name_en)} 0-{c.max_score}" for c in rule.criteria)
    lines.append(t("rules.criteria", criteria=criteria))
    lines.append(t("rules.sheet_eligible", minimum=rule.sheet_eligible_minimum))
    if rule.scoring_pass.value == "mean_threshold":
        lines.append(t("rules.scoring_mean", threshold=rule.mean_threshold))
    else:
        lines.append(
            t("rules.scoring_sheets", threshold=threshold_phrase(rule.pass_threshold), base=base_label(rule.pass_base))
        )
    grades = ", ".join(f"≥ {g.minimum}: {localised(g.label_vi, g.label_en)}" for g in rule.grades)
    lines.append(t("rules.grades", grades=grades))
    lines.append(t("rules.spread", spread=rule.spread_warning))
    return lines
