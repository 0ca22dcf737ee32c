"""Recuse a member from one initiative for a stated conflict of interest."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, OptionList
from textual.widgets.option_list import Option

from models.i18n import t
from models.text import clean_text
from tui.bindings import MODAL
from tui.screens.base import CouncilModal


class RecuseScreen(CouncilModal):
    """Dismisses with (initiative id, member id, reason), or None."""

    BINDINGS = MODAL

    def __init__(self, initiative_id: str) -> None:
        super().__init__()
        self.initiative_id = initiative_id

    def compose(self) -> ComposeResult:
        record = self.app.service.record
        initiative = record.initiatives[self.initiative_id]
        recused = record.recused_for(self.initiative_id)
        with Vertical(classes="dialog"):
            yield Label(t("recuse.title", code=initiative.code), classes="dialog-title", markup=False)
            yield OptionList(
                *[Option(f"{m.seat}. {m.name}", id=m.id) for m in record.voting_members if m.id not in recused],
                id="recuse-member",
                markup=False,
            )
            yield Label(t("recuse.reason"), classes="field-label")
            yield Input(id="recuse-reason")
            yield Label("", id="recuse-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("recuse.confirm"), variant="primary", id="confirm")
                yield Button(t("dialog.cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.query_one("#recuse-reason", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "confirm":
            self._submit()
        else:
            self.dismiss(None)

    def _submit(self) -> None:
        options = self.query_one(OptionList)
        reason = clean_text(self.query_one("#recuse-reason", Input).value)
        if options.highlighted is None:
            self.query_one("#recuse-error", Label).update(t("recuse.pick_member"))
            return
        if not reason:
            self.query_one("#recuse-error", Label).update(t("error.recusal_reason"))
            return
        member_id = str(options.get_option_at_index(options.highlighted).id)
        self.dismiss((self.initiative_id, member_id, reason))

    def action_cancel(self) -> None:
        self.dismiss(None)
