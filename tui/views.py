"""What the session bar and the agenda show, as plain data: built from the open session, or read back from its glance.

The agenda draws only from an ``AgendaView``. When the app closes a session it keeps the view as
JSON beside the session (tui/glance_view.py, sessions/glance.py); the next start draws that before pydantic and
the session code are even imported, then opens the session and draws again only if the view built
from it differs. One view and one drawing (tui/render/agenda.py) for both paths is what keeps the first frame honest.

This module imports neither Textual, the models nor the session code (the builders import them when
called): `council import` keeps a glance too, and the app's first frame reads one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from rich.text import Text

from models.i18n import t

# NamedTuples, not frozen dataclasses: the agenda's first frame imports this module, and each frozen dataclass
# costs about 0.4 ms to make (a NamedTuple 0.07 ms); immutable and compared by value all the same.

if TYPE_CHECKING:
    from models.record import SessionRecord


class DetailGrid(NamedTuple):
    """Label and value rows of the detail pane."""

    rows: tuple[tuple[Text, Text], ...]


DetailBlock = Text | DetailGrid


class BarView(NamedTuple):
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


def bar_view(record: SessionRecord, read_only: bool, current: int | None = None) -> BarView:
    """The bar of ``record``; ``current`` is the item shown as current when it is not the session's own."""
    session = record.session
    items = record.agenda_items()
    item = ""
    if items:
        index = min(max(session.current_index if current is None else current, 0), len(items) - 1)
        item = t("bar.item", index=index + 1, total=len(session.agenda), code=items[index].code)
    return BarView(
        title=session.title,
        item=item,
        present=len(record.present_voting),
        needed=record.quorum_needed,
        voting=record.open_poll() is not None,
        read_only=read_only,
    )


class AgendaRow(NamedTuple):
    id: str
    code: str
    title: str
    status: Text


class AgendaView(NamedTuple):
    """Everything the agenda's first frame shows; ``detail`` is the current item's."""

    bar: BarView
    rows: tuple[AgendaRow, ...]
    current: int
    detail: tuple[DetailBlock, ...]
    empty: str  # what an empty agenda says
    status: str  # the session's status ("planned", "open", "closed"): which keys the footer offers


def agenda_view(record: SessionRecord, read_only: bool) -> AgendaView:
    """What the agenda shows of ``record``, the current item's detail included."""
    from models.session import SessionStatus
    from tui.render.initiative import detail_blocks, item_status

    # An empty agenda says how to fill it while that is still possible.
    can_fill = record.session.status == SessionStatus.PLANNED and not read_only
    empty = t("prep.app.agenda_empty" if can_fill else "error.agenda_empty")

    items = record.agenda_items()
    rows = tuple(AgendaRow(i.id, i.code, i.title, item_status(record, i.id)) for i in items)
    current = record.session.current_index
    detail = tuple(detail_blocks(record, items[min(current, len(items) - 1)])) if items else ()
    status = record.session.status.value
    return AgendaView(bar_view(record, read_only), rows, current, detail, empty, status)
