"""First run on an empty data folder: offer to create the demo council."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Footer, Label

from models.i18n import t
from sessions.demo.build import build_demo
from tui.bindings import FIRST_RUN
from tui.guard import guarded
from tui.screens.base import CouncilScreen


class FirstRunScreen(CouncilScreen):
    BINDINGS = FIRST_RUN

    def compose(self) -> ComposeResult:
        with Vertical(classes="centre-box"):
            yield Label(t("first_run.title"), classes="dialog-title")
            yield Label(t("first_run.empty", path=str(self.council_app.folder.root)))
            yield Label(t("first_run.offer"))
        yield Footer()

    @guarded
    def action_create_demo(self) -> None:
        from tui.screens.picker import PickerScreen

        build_demo(self.council_app.folder, self.council_app.clock().date())
        self.app.notify(t("first_run.created"))
        self.app.switch_screen(PickerScreen())

    async def action_quit(self) -> None:
        await self.council_app.action_quit()
