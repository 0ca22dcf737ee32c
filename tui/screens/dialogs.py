"""Small modal dialogs: confirm, and ask for a line of text (a reason); the parts every dialog shares.

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


def dialog_buttons(confirm_label: str) -> Horizontal:
    """A dialog's two buttons: ``confirm_label`` (the default) and Cancel."""
    return Horizontal(
        Button(confirm_label, variant="primary", id="confirm"),
        Button(t("dialog.cancel"), id="cancel"),
        classes="dialog-buttons",
    )


class AnswerModal(CouncilModal):
    """A dialog answered with its confirm button or enter in a text field; Cancel or esc dismisses with None."""

    def _submit(self) -> None:
        """Check what was entered: dismiss with it, or say what is missing and stay."""
        raise NotImplementedError

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
            yield dialog_buttons(self.confirm_label)

    def on_mount(self) -> None:
        self.query_one("#confirm", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm")

    def action_cancel(self) -> None:
        self.dismiss(False)


class AskTextScreen(AnswerModal):
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
            yield dialog_buttons(t("dialog.ok"))

    def on_mount(self) -> None:
        self.query_one("#answer", Input).focus()

    def _submit(self) -> None:
        text = clean_text(self.query_one("#answer", Input).value)
        if self.required and not text:
            self.query_one("#answer-error", Label).update(t("dialog.required"))
            return
        self.dismiss(text)
