"""Recuse a member from one initiative for a stated conflict of interest."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from models.i18n import t
from models.text import clean_text
from tui.bindings import MODAL
from tui.screens.dialogs import AnswerModal, dialog_buttons


class RecuseScreen(AnswerModal):
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
            yield dialog_buttons(t("recuse.confirm"))

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.query_one("#recuse-reason", Input).focus()

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
