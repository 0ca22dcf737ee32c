"""What a user typed is shown as typed: never read as Textual or Rich markup.

A ``str`` handed to a DataTable cell, a Label, an option or a rich Table is parsed as markup: a
title with ``[/]`` in it would crash the screen, and ``[red]đỏ[/red]`` would lose its brackets.
Text the user (or a file they imported) wrote goes through here, or into a widget built with
``markup=False``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.console import RenderableType
from rich.text import Text
from textual.widgets import Static

from tui.textual_private import SelectCurrent, show_plain
from tui.widgets.select import FormSelect


class Cell(Text):
    """A DataTable cell's text that still equals the ``str`` it shows, as the plain cell it replaces did."""

    def __eq__(self, other: object) -> bool:
        if isinstance(other, str):
            return self.plain == other
        return super().__eq__(other)

    __hash__ = None  # type: ignore[assignment]  # as for Text: mutable


def cell(value: str) -> Cell:
    """A DataTable cell showing ``value`` literally, laid out exactly as a plain ``str`` cell would be."""
    # end="" as DataTable's own formatter does; wrapping follows the row height as for a str.
    return Cell(value, end="")


class PlainSelect(FormSelect):
    """A Select whose options and prompt are shown as typed (member names, units), never as markup."""

    def __init__(self, options: Iterable[tuple[RenderableType, Any]], **kwargs: Any) -> None:
        super().__init__(self._plain(options), **kwargs)

    @staticmethod
    def _plain(options: Iterable[tuple[RenderableType, Any]]) -> list[tuple[RenderableType, Any]]:
        return [(Text(prompt) if isinstance(prompt, str) else prompt, value) for prompt, value in options]

    def set_options(self, options: Iterable[tuple[RenderableType, Any]]) -> None:
        super().set_options(self._plain(options))

    def on_mount(self) -> None:
        # The prompt (shown while nothing is chosen) must stay a str for Select, and Select shows it in
        # a Static that reads markup: make that Static plain.
        show_plain(self.query_one(SelectCurrent).query_one("#label", Static))
