"""The council's findings on one initiative, typed while the council talks."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static, TextArea

from models.errors import DomainError
from models.formatting import capitalised, group_thousands
from models.i18n import current_language, t
from models.labels import conclusion_label, rule_sentence, scope_label
from models.parsing import parse_amount
from models.session import Conclusion, Finding, Scope
from models.text import clean_text
from tui.bindings import FINDINGS
from tui.errors import guarded
from tui.screens.base import SessionScreen
from tui.screens.dialogs import ConfirmScreen
from tui.widgets.footer import Footer
from tui.widgets.select import FormSelect
from tui.widgets.session_bar import SessionBar


def amount_text(amount: int | None) -> str:
    if amount is None:
        return ""
    return group_thousands(amount, "." if current_language() == "vi" else ",")


class FindingsScreen(SessionScreen):
    BINDINGS = FINDINGS

    def __init__(self, initiative_id: str) -> None:
        super().__init__()
        self.initiative_id = initiative_id

    def compose(self) -> ComposeResult:
        record = self.service.record
        initiative = record.initiatives[self.initiative_id]
        finding = record.findings.get(self.initiative_id) or Finding()
        yield SessionBar(id="session-bar")
        yield Label(
            t("findings.title", code=initiative.code, title=initiative.title), classes="screen-title", markup=False
        )
        yield Static(self._basis_text(), id="basis", classes="dim")
        benefit = finding.confirmed_benefit_vnd
        if self.initiative_id not in record.findings:
            benefit = initiative.benefit_vnd
        with VerticalScroll(id="findings-form"):
            yield Label(t("field.remarks"), classes="field-label")
            yield TextArea(finding.remarks, id="remarks", soft_wrap=True)
            yield from self._row(
                t("field.conclusion"),
                FormSelect(
                    [(conclusion_label(c), c.value) for c in Conclusion],
                    value=finding.conclusion.value if finding.conclusion else Select.NULL,
                    prompt=conclusion_label(None),
                    id="conclusion",
                    compact=True,
                ),
            )
            yield from self._row(
                t("findings.reason_label"),
                Input(finding.reason, id="reason", placeholder=t("findings.reason_placeholder"), compact=True),
            )
            yield from self._row(
                t("findings.override_label"),
                Input(
                    finding.override_reason, id="override", placeholder=t("findings.override_placeholder"), compact=True
                ),
            )
            yield from self._row(
                t("field.scope"),
                FormSelect(
                    [(scope_label(s), s.value) for s in Scope],
                    value=finding.scope.value if finding.scope else Select.NULL,
                    prompt="-",
                    id="scope",
                    compact=True,
                ),
            )
            yield from self._row(
                t("field.award"),
                Input(finding.proposed_award, id="award", placeholder=t("findings.default_award"), compact=True),
            )
            yield from self._row(
                t("findings.benefit_label"),
                Input(amount_text(benefit), id="benefit", placeholder=t("benefit.unquantified"), compact=True),
            )
            yield Label("", id="benefit-error", classes="field-error", markup=False)
        yield Footer()

    @staticmethod
    def _row(label: str, widget: Widget) -> ComposeResult:
        with Horizontal(classes="form-row"):
            yield Label(label, classes="form-label")
            yield widget

    # The fields that apply to one conclusion only: cleared (and kept aside) while another is chosen.
    RECOGNISED_ONLY = ("#scope", "#award", "#benefit")
    REFUSED_ONLY = ("#reason",)

    frozen = ""  # why nothing can be saved here (a closed or read-only session), said before anything is typed

    def on_mount(self) -> None:
        self.set_aside: dict[str, object] = {}
        self.placeholders: dict[str, str] = {}
        conclusion = self.query_one("#conclusion", Select)
        self._follow_conclusion(conclusion.value)
        self.saved = self._form_state()  # what is stored: a conclusion proposed below is not saved yet
        try:
            self.service.check_can_change()
        except DomainError as error:
            self._freeze(str(error))
            return
        if conclusion.value is Select.NULL:
            proposed = self._proposed_conclusion()
            if proposed is not None:
                conclusion.value = proposed.value
        self._follow_conclusion(conclusion.value)
        self.query_one("#remarks", TextArea).focus()

    def _freeze(self, why: str) -> None:
        """Show the findings as they are, to read: every field locked, and why above them."""
        self.frozen = why
        self.query_one("#basis", Static).update(f"{self._basis_text()}\n{why}")
        self.query_one("#remarks", TextArea).read_only = True
        for widget in self.query("Input, Select"):
            widget.disabled = True
        self.query_one("#remarks", TextArea).focus()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "save" and self.frozen:
            return None  # shown dimmed: the line above the form says why
        return True

    def _proposed_conclusion(self) -> Conclusion | None:
        """What the poll's result points to: recognised after a passed poll, not recognised after a failed one."""
        poll = self.service.record.last_result_poll(self.initiative_id)
        if poll is None or poll.result is None:
            return None
        return Conclusion.RECOGNISED if poll.result.passed else Conclusion.NOT_RECOGNISED

    def _follow_conclusion(self, value: object) -> None:
        """Clear and disable the fields that do not apply to the conclusion chosen; bring them back after."""
        chosen = isinstance(value, str)
        recognised = value == Conclusion.RECOGNISED.value
        for selector in self.RECOGNISED_ONLY:
            self._applies(selector, not chosen or recognised)
        for selector in self.REFUSED_ONLY:
            self._applies(selector, not chosen or not recognised)
        award = self.query_one("#award", Input)
        if recognised and not award.value:
            award.value = t("findings.default_award")

    def _applies(self, selector: str, applies: bool) -> None:
        widget = self.query_one(selector)
        assert isinstance(widget, Input | Select)
        if applies and widget.disabled:
            widget.disabled = False
            if selector in self.set_aside:
                widget.value = self.set_aside.pop(selector)  # type: ignore[assignment]
            if isinstance(widget, Input):
                widget.placeholder = self.placeholders.pop(selector, "")
        elif not applies and not widget.disabled:
            self.set_aside[selector] = widget.value
            widget.value = Select.NULL if isinstance(widget, Select) else ""
            widget.disabled = True
            if isinstance(widget, Input):
                # A greyed "Initiative certificate" would still read as an award proposed.
                self.placeholders[selector] = widget.placeholder
                widget.placeholder = ""

    def _basis_text(self) -> str:
        record = self.service.record
        poll = record.last_result_poll(self.initiative_id)
        if poll is None or poll.result is None:
            return t("findings.no_poll")
        verdict = t("minutes.passed") if poll.result.passed else t("minutes.failed")
        basis = t("findings.basis_scoring") if poll.result.scores is not None else t("findings.basis")
        return f"{basis}: {verdict}. {capitalised(rule_sentence(poll.rule, poll.result))}"

    def _form_state(self) -> tuple:
        return (
            self.query_one("#remarks", TextArea).text,
            self.query_one("#conclusion", Select).value,
            self.query_one("#reason", Input).value,
            self.query_one("#override", Input).value,
            self.query_one("#scope", Select).value,
            self.query_one("#award", Input).value,
            self.query_one("#benefit", Input).value,
        )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.screen.focus_next()  # enter moves on, as in every form; ctrl+s saves

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "benefit":
            self.query_one("#benefit-error", Label).update(self._benefit_error(event.value) or "")

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "conclusion":
            self._follow_conclusion(event.value)

    def _benefit_error(self, text: str) -> str | None:
        try:
            parse_amount(text)  # the one amount parser, as in the initiative's form and the import
        except DomainError as error:
            return str(error)
        return None

    def _build(self) -> Finding:
        conclusion = self.query_one("#conclusion", Select).value
        scope = self.query_one("#scope", Select).value
        benefit_text = self.query_one("#benefit", Input).value
        benefit = parse_amount(benefit_text)  # a DomainError saying what is wrong with it
        recognised = conclusion == Conclusion.RECOGNISED.value
        return Finding(
            remarks=clean_text(self.query_one("#remarks", TextArea).text),
            conclusion=Conclusion(conclusion) if isinstance(conclusion, str) else None,
            reason=self.query_one("#reason", Input).value,
            override_reason=self.query_one("#override", Input).value,
            scope=Scope(scope) if isinstance(scope, str) and recognised else None,
            proposed_award=self.query_one("#award", Input).value if recognised else "",
            confirmed_benefit_vnd=benefit if recognised else None,
        )

    @guarded
    def action_save(self) -> None:
        self.service.save_finding(self.initiative_id, self._build())
        self.saved = self._form_state()
        self.app.notify(t("findings.saved"))
        self.refresh_view()

    def action_back(self) -> None:
        if self._form_state() != self.saved:
            self.app.push_screen(ConfirmScreen(t("findings.discard"), t("findings.discard_yes")), self._discard)
            return
        self.app.pop_screen()

    def _discard(self, confirmed: bool | None) -> None:
        if confirmed:
            self.app.pop_screen()
