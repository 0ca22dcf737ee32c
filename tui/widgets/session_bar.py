"""The bar at the top of every running-session screen: session, current item k of N, quorum."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from models.i18n import t

if TYPE_CHECKING:
    from models.record import SessionRecord


@dataclass(frozen=True)
class BarView:
    """The session bar: session title, current item, quorum, badges."""

    title: str
    item: str  # "Mục 3/12 (SK-03)", or "" with no current item
    present: int
    needed: int
    voting: bool
    read_only: bool

    @property
    def has_quorum(self) -> bool:
        return self.present >= self.needed


def quorum_text(present: int, needed: int) -> Text:
    """``Số lượng 6/5 ✓`` in green when the council can decide, red when it cannot."""
    ok = present >= needed
    label = t("bar.quorum_ok" if ok else "bar.quorum_missing", present=present, needed=needed)
    return Text(f" {label} ", style="bold white on dark_green" if ok else "bold white on red3")


def bar_text(bar: BarView, width: int) -> Text:
    """Quorum, item and badges always fit; the session title gets the room that is left."""
    rest = Text()
    if bar.item:
        rest.append("│ ")
        rest.append(bar.item)
        rest.append(" ")
    rest.append("│ ")
    rest.append_text(quorum_text(bar.present, bar.needed))
    if bar.voting:
        rest.append(" ")
        rest.append(f" {t('bar.voting')} ", style="bold black on yellow")
    if bar.read_only:
        rest.append(" ")
        rest.append(f" {t('bar.read_only')} ", style="bold white on grey37")
    title = bar.title
    room = (width or 200) - rest.cell_len - 3
    if len(title) > room:
        title = title[: max(0, room - 1)] + "…" if room > 1 else ""
    line = Text(f" {title} ", style="bold")
    line.append_text(rest)
    return line


def bar_view(record: SessionRecord, read_only: bool) -> BarView:
    session = record.session
    current = record.current_initiative
    item = ""
    if current is not None:
        item = t("bar.item", index=session.current_index + 1, total=len(session.agenda), code=current.code)
    return BarView(
        title=session.title,
        item=item,
        present=len(record.present_voting),
        needed=record.quorum_needed,
        voting=record.open_poll() is not None,
        read_only=read_only,
    )


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
