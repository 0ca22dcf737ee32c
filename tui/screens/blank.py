"""The screen under everything: shown only for a moment while the app starts."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static


class BlankScreen(Screen):
    def compose(self) -> ComposeResult:
        yield Static("")
