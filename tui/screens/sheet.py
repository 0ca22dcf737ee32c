"""A scoring sheet: a score per criterion within its bands (descriptions on screen) and a comment.

In the booth the member fills it privately and sees only "received"; from the ballot overview the
secretary types a member's paper sheet. Either way the stored sheet carries no name.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Label, Static

from models.errors import DomainError
from models.i18n import localised, t
from models.rules import Criterion
from tui.bindings import SHEET, translate_bindings
from tui.errors import guarded
from tui.screens.booth import ReceivedScreen


def bands_text(criterion: Criterion) -> Text:
    text = Text()
    for band in criterion.bands:
        text.append(f"{band.low}-{band.high}: ", style="bold")
        text.append(localised(band.description_vi, band.description_en) + "  ")
    return text


class SheetScreen(Screen):
    """Dismisses with True when the sheet was stored."""

    BINDINGS = SHEET

    def __init__(self, poll_id: str, member_id: str, *, booth: bool, pin: str = "") -> None:
        super().__init__()
        translate_bindings(self)
        self.poll_id = poll_id
        self.member_id = member_id
        self.booth = booth
        self.pin = pin
        if booth:
            self.in_booth = True

    @property
    def service(self):  # noqa: ANN201
        return self.app.service

    def compose(self) -> ComposeResult:
        record = self.service.record
        poll = self.service.poll(self.poll_id)
        initiative = record.initiatives[poll.initiative_id]
        with VerticalScroll(id="sheet"):
            yield Label(t("sheet.title", name=record.member(self.member_id).name), classes="screen-title", markup=False)
            yield Label(f"{initiative.code}: {initiative.title}", classes="dim", markup=False)
            for criterion in poll.rule.criteria:
                name = localised(criterion.name_vi, criterion.name_en)
                with Horizontal(classes="form-row"):
                    yield Label(f"{name} (0-{criterion.max_score})", classes="form-label", markup=False)
                    yield Input(id=f"score-{criterion.id}", type="integer", compact=True)
                yield Static(bands_text(criterion), classes="bands")
            with Horizontal(classes="form-row"):
                yield Label(t("sheet.comment"), classes="form-label")
                yield Input(id="comment", compact=True)
            yield Label("", id="sheet-total", classes="field-label")
            yield Label("", id="sheet-error", classes="field-error", markup=False)
            yield Label(t("sheet.keys"), classes="dim")

    def on_mount(self) -> None:
        self.query(Input).first().focus()

    def _scores(self) -> dict[str, int]:
        poll = self.service.poll(self.poll_id)
        scores = {}
        for criterion in poll.rule.criteria:
            raw = self.query_one(f"#score-{criterion.id}", Input).value.strip()
            if raw:
                scores[criterion.id] = int(raw)
        return scores

    def on_input_changed(self, event: Input.Changed) -> None:
        try:
            total = sum(self._scores().values())
        except ValueError:
            return
        self.query_one("#sheet-total", Label).update(t("sheet.total", total=total))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.screen.focus_next()

    @guarded
    def action_submit(self) -> None:
        try:
            scores = self._scores()
        except ValueError:
            self.query_one("#sheet-error", Label).update(t("sheet.numbers_only"))
            return
        comment = self.query_one("#comment", Input).value
        try:
            self.service.booth.submit_sheet(self.member_id, scores, comment, self.pin)
        except DomainError as error:
            self.query_one("#sheet-error", Label).update(str(error))
            return
        if self.booth:
            self.app.switch_screen(ReceivedScreen(sheet=True))
        else:
            self.app.notify(t("sheet.stored"))
            self.dismiss(True)

    def action_cancel(self) -> None:
        if not any(widget.value.strip() for widget in self.query(Input)):
            self.dismiss(False)
            return
        from tui.screens.dialogs import ConfirmScreen

        # What was typed from a paper sheet is lost on leaving: ask first.
        question = ConfirmScreen(t("sheet.discard"), t("sheet.discard_confirm"))
        if self.booth:
            question.in_booth = True  # (tui/app.py) the member still reaches nothing but the sheet
        self.app.push_screen(question, self._discard)

    def _discard(self, confirmed: bool | None) -> None:
        if confirmed:
            self.dismiss(False)
