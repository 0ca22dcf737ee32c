"""The bar at the top of every running-session screen: session, current item k of N, quorum."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Static

from tui.render.agenda import bar_text
from tui.views import BarView, bar_view

if TYPE_CHECKING:
    from models.record import SessionRecord


class SessionBar(Static):
    """Always visible while a session runs; call ``show(record)`` after every change."""

    view: BarView | None = None

    def show(self, record: SessionRecord, *, read_only: bool = False) -> None:
        self.show_view(bar_view(record, read_only))

    def show_view(self, view: BarView) -> None:
        self.view = view
        self.update(bar_text(view, self.size.width))
        self.set_class(not view.has_quorum, "no-quorum")

    def on_resize(self) -> None:
        if self.view is not None:
            self.update(bar_text(self.view, self.size.width))
