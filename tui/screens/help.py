"""The help screen (?): every key of the screen it was opened from."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Label, Static

from models.i18n import t
from tui.bindings import HELP
from tui.screens.base import CouncilModal


def key_label(key: str, key_display: str | None) -> str:
    names = {"question_mark": "?", "escape": "esc", "enter": "enter", "backspace": "⌫"}
    if key_display:
        return key_display
    return names.get(key, key)


def screen_keys(screen: Screen) -> list[tuple[str, str]]:
    """(keys, description) for every binding of ``screen`` and of the app, without repeats."""
    rows: list[tuple[str, str]] = []
    seen: set[str] = set()
    for source in (screen._bindings, screen.app._bindings):
        for key, binding in source:
            if not binding.description or binding.description in seen:
                continue
            seen.add(binding.description)
            rows.append(
                (
                    key_label(key, None if binding.action == "command_palette" else binding.key_display),
                    binding.description,
                )
            )
    return rows


class HelpScreen(CouncilModal):
    """A list of keys; any of esc, ? or q closes it."""

    BINDINGS = HELP

    def __init__(self, screen: Screen) -> None:
        super().__init__()
        self.for_screen = screen

    def compose(self) -> ComposeResult:
        table = Table(show_header=True, header_style="bold", box=None, padding=(0, 2))
        table.add_column(t("help.key"))
        table.add_column(t("help.action"))
        for keys, description in screen_keys(self.for_screen):
            table.add_row(Text(keys), Text(description))  # a key may be '[': not markup
        with VerticalScroll(classes="dialog help"):
            yield Label(t("help.title"), classes="dialog-title")
            yield Static(table)
            yield Label(t("help.close"), classes="dim")

    def action_close(self) -> None:
        self.dismiss(None)
