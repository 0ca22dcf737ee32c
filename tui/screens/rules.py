"""The rulebook of this session: pick a preset or edit the rules, before the meeting starts."""

from __future__ import annotations

from fractions import Fraction

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Checkbox, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from models.errors import DomainError
from models.i18n import t
from models.labels import base_label, describe_rulebook, preset_name, rule_summary
from models.rules import PRESETS, PassBase, Rulebook, ScoringPass, Threshold
from tui.bindings import RULES
from tui.errors import guarded
from tui.screens.base import SessionScreen
from tui.widgets.footer import Footer
from tui.widgets.select import FormSelect
from tui.widgets.session_bar import SessionBar


def parse_fraction(text: str) -> Threshold:
    """``2/3`` or ``1/2`` (or a whole number); raises DomainError."""
    try:
        value = Fraction(text.strip())
    except (ValueError, ZeroDivisionError):
        raise DomainError("error.fraction", text=text) from None
    if not 0 < value <= 1:
        raise DomainError("error.fraction", text=text)
    return Threshold(numerator=value.numerator, denominator=value.denominator)


class RulesScreen(SessionScreen):
    BINDINGS = RULES

    def compose(self) -> ComposeResult:
        rule = self.service.record.rulebook
        yield SessionBar(id="session-bar")
        yield Label(t("rules.title"), classes="screen-title")
        with VerticalScroll(id="rules-body"):
            yield Static(id="rules-now", markup=False)
            yield Label(t("rules.presets"), classes="field-label")
            yield OptionList(
                *[Option(f"{preset_name(k)}: {rule_summary(r)}", id=k) for k, r in PRESETS.items()], id="presets"
            )
            yield Label(t("rules.edit"), classes="field-label")
            with Horizontal(classes="form-row"):
                yield Label(t("rules.f_quorum"), classes="form-label")
                yield Input(f"{rule.quorum.numerator}/{rule.quorum.denominator}", id="quorum", compact=True)
            with Horizontal(classes="form-row"):
                yield Label(t("rules.f_threshold"), classes="form-label")
                yield Input(
                    f"{rule.pass_threshold.numerator}/{rule.pass_threshold.denominator}", id="threshold", compact=True
                )
            yield Checkbox(t("rules.f_strict"), rule.pass_threshold.strict, id="strict", compact=True)
            with Horizontal(classes="form-row"):
                yield Label(t("rules.f_base"), classes="form-label")
                yield FormSelect(
                    [(base_label(b), b.value) for b in PassBase],
                    value=rule.pass_base.value,
                    allow_blank=False,
                    id="base",
                    compact=True,
                )
            with Horizontal(classes="form-row"):
                yield Label(t("rules.f_scoring"), classes="form-label")
                yield FormSelect(
                    [(t(f"rules.scoring_{s.value}"), s.value) for s in ScoringPass],
                    value=rule.scoring_pass.value,
                    allow_blank=False,
                    id="scoring",
                    compact=True,
                )
            with Horizontal(classes="form-row"):
                yield Label(t("rules.f_sheet_min"), classes="form-label")
                yield Input(str(rule.sheet_eligible_minimum), id="sheet-min", type="integer", compact=True)
            with Horizontal(classes="form-row"):
                yield Label(t("rules.f_mean"), classes="form-label")
                yield Input(str(rule.mean_threshold), id="mean", type="integer", compact=True)
            yield Label("", id="rules-error", classes="field-error", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_view()
        self.query_one("#presets", OptionList).focus()

    def refresh_view(self) -> None:
        super().refresh_view()
        self.query_one("#rules-now", Static).update("\n".join(describe_rulebook(self.service.record.rulebook)))

    def show_rules(self, rule: Rulebook) -> None:
        """Put the rules in force into the edit fields, so that saving them keeps what is in force."""
        self.query_one("#quorum", Input).value = f"{rule.quorum.numerator}/{rule.quorum.denominator}"
        threshold = rule.pass_threshold
        self.query_one("#threshold", Input).value = f"{threshold.numerator}/{threshold.denominator}"
        self.query_one("#strict", Checkbox).value = threshold.strict
        self.query_one("#base", Select).value = rule.pass_base.value
        self.query_one("#scoring", Select).value = rule.scoring_pass.value
        self.query_one("#sheet-min", Input).value = str(rule.sheet_eligible_minimum)
        self.query_one("#mean", Input).value = str(rule.mean_threshold)
        self.query_one("#rules-error", Label).update("")

    @guarded
    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.service.set_rulebook(PRESETS[str(event.option.id)])
        self.show_rules(self.service.record.rulebook)
        self.app.notify(t("rules.applied", name=preset_name(str(event.option.id))))
        self.refresh_view()

    def action_apply_preset(self) -> None:
        options = self.query_one("#presets", OptionList)
        if options.highlighted is not None:
            options.action_select()

    @guarded
    def action_save_rules(self) -> None:
        current = self.service.record.rulebook
        try:
            rule = Rulebook(
                **{
                    **current.model_dump(),
                    "preset": "custom",
                    "quorum": parse_fraction(self.query_one("#quorum", Input).value),
                    "pass_threshold": parse_fraction(self.query_one("#threshold", Input).value).model_copy(
                        update={"strict": self.query_one("#strict", Checkbox).value}
                    ),
                    "pass_base": PassBase(str(self.query_one("#base", Select).value)),
                    "scoring_pass": ScoringPass(str(self.query_one("#scoring", Select).value)),
                    "sheet_eligible_minimum": int(self.query_one("#sheet-min", Input).value or 0),
                    "mean_threshold": int(self.query_one("#mean", Input).value or 0),
                }
            )
        except DomainError as error:
            self.query_one("#rules-error", Label).update(str(error))
            return
        if rule.model_copy(update={"preset": current.preset}) == current:
            rule = current  # nothing edited: the preset in force stays by its name
        self.service.set_rulebook(rule)
        self.query_one("#rules-error", Label).update("")
        self.app.notify(t("rules.saved"))
        self.refresh_view()

    def action_back(self) -> None:
        self.app.pop_screen()
