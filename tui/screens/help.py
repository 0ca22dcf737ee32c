"""The help screen (?): every key of the screen it was opened from."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Label, Static

from models.i18n import t
from tui.bindings import HELP
from tui.screens.base import CouncilModal
from tui.textual_private import own_bindings


def key_label(key: str, key_display: str | None) -> str:
    names = {"question_mark": "?", "escape": "esc", "enter": "enter", "backspace": "⌫"}
    if key_display:
        return key_display
    return names.get(key, key)


def available(node: DOMNode, action: str) -> bool | None:
    """What ``node.check_action`` says of ``action`` now: True works, None not now (dimmed), False hidden."""
    name, _, _ = action.partition("(")
    return node.check_action(name.removeprefix("app.").removeprefix("screen."), ())


def screen_keys(screen: Screen) -> list[tuple[str, str, bool]]:
    """(keys, description, works now) for the bindings of ``screen`` and of the app that apply now, without repeats."""
    rows: list[tuple[str, str, bool]] = []
    seen: set[str] = set()
    for node in (screen, screen.app):
        for key, binding in own_bindings(node):
            if not binding.description or binding.description in seen:
                continue
            works = available(node, binding.action)
            if works is False:
                continue
            seen.add(binding.description)
            rows.append(
                (
                    key_label(key, None if binding.action == "command_palette" else binding.key_display),
                    binding.description,
                    works is True,
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
        for keys, description, works in screen_keys(self.for_screen):
            style = "" if works else "dim"  # (not now: the footer dims it too)
            table.add_row(Text(keys, style=style), Text(description, style=style))  # a key may be '[': not markup
        with VerticalScroll(classes="dialog help"):
            yield Label(t("help.title"), classes="dialog-title")
            yield Static(table)
            yield Label(t("help.close"), classes="dim")

    def action_close(self) -> None:
        self.dismiss(None)
