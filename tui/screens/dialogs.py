"""Small modal dialogs: confirm, and ask for a line of text (a reason).

Questions are shown as plain text: they name members and initiatives, or quote an error.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label

from models.i18n import t
from models.text import clean_text
from tui.bindings import MODAL
from tui.screens.base import CouncilModal


class ConfirmScreen(CouncilModal):
    """Ask a yes/no question; dismisses with True or False."""

    BINDINGS = MODAL

    def __init__(self, question: str, confirm_label: str | None = None) -> None:
        super().__init__()
        self.question = question
        self.confirm_label = confirm_label or t("dialog.yes")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.question, classes="dialog-question", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.confirm_label, variant="primary", id="confirm")
                yield Button(t("dialog.cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#confirm", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm")

    def action_cancel(self) -> None:
        self.dismiss(False)


class AskTextScreen(CouncilModal):
    """Ask for one line of text (e.g. a reason); dismisses with the NFC text, or None when cancelled."""

    BINDINGS = MODAL

    def __init__(self, question: str, value: str = "", *, required: bool = True) -> None:
        super().__init__()
        self.question = question
        self.value = value
        self.required = required

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.question, classes="dialog-question", markup=False)
            yield Input(value=self.value, id="answer")
            yield Label("", id="answer-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("dialog.ok"), variant="primary", id="confirm")
                yield Button(t("dialog.cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#answer", Input).focus()

    def _submit(self) -> None:
        text = clean_text(self.query_one("#answer", Input).value)
        if self.required and not text:
            self.query_one("#answer-error", Label).update(t("dialog.required"))
            return
        self.dismiss(text)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "confirm":
            self._submit()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
