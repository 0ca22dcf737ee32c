"""First run on an empty data folder: start a new council (n) or create the demo council (d)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, Static

from models.council import CouncilInfo
from models.i18n import t
from tui.bindings import FIRST_RUN
from tui.errors import guarded
from tui.screens.base import CouncilScreen
from tui.widgets.footer import Footer


class FirstRunScreen(CouncilScreen):
    BINDINGS = FIRST_RUN

    def compose(self) -> ComposeResult:
        with Vertical(classes="centre-box"):
            yield Label(t("first_run.title"), classes="dialog-title")
            yield Label(t("first_run.empty", path=str(self.council_app.council_service.root)), markup=False)
            yield Static(t("prep.app.first_run_offer"))
        yield Footer()

    def action_new_council(self) -> None:
        from tui.screens.prepare.council_form import CouncilFormScreen

        self.app.push_screen(CouncilFormScreen(creating=True), self._council_created)

    def _council_created(self, info: CouncilInfo | None) -> None:
        from tui.screens.prepare.members import MembersScreen

        if info is None:
            return
        self.app.notify(t("prep.app.council_created", name=info.name))
        # Members next; leaving the members editor goes on to the session picker.
        self.app.switch_screen(MembersScreen(first_run=True))

    @guarded
    def action_create_demo(self) -> None:
        from tui.screens.picker import PickerScreen

        self.council_app.council_service.create_demo(self.council_app.clock().date())
        self.app.notify(t("first_run.created"))
        self.app.switch_screen(PickerScreen())

    async def action_quit(self) -> None:
        await self.council_app.action_quit()
