"""Choose how the council decides on this initiative: open vote, secret ballot, scoring or paper tally."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from models.i18n import t
from models.labels import mode_heading
from models.poll import PollMode
from tui.bindings import MODAL
from tui.screens.base import CouncilModal


class ModePickerScreen(CouncilModal):
    """Dismisses with the chosen PollMode, or None."""

    BINDINGS = MODAL

    def __init__(self, code: str) -> None:
        super().__init__()
        self.code = code

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(t("mode.pick", code=self.code), classes="dialog-title", markup=False)
            yield OptionList(
                *[Option(f"{mode_heading(m)}: {t(f'mode.{m.value}_help')}", id=m.value) for m in PollMode],
                id="modes",
            )

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(PollMode(str(event.option.id)))

    def action_cancel(self) -> None:
        self.dismiss(None)
