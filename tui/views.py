"""What the session bar and the agenda show, as plain data: built from the open session, or read back from its glance.

The agenda draws only from an ``AgendaView``. When the app closes a session it keeps the view as
JSON beside the session (sessions/glance.py); the next start draws that before pydantic and the
session code are even imported, then opens the session and draws again only if the view built
from it differs. One view and one drawing for both paths is what keeps the first frame honest.

This module imports neither Textual, the models nor the session code (the builders import them when
called): `council import` keeps a glance too, and the app's first frame reads one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.style import Style
from rich.table import Table
from rich.text import Span, Text

from models.i18n import current_language, t

if TYPE_CHECKING:
    from models.initiative import Initiative
    from models.record import SessionRecord
    from sessions.service import SessionService

VIEW_VERSION = 2
"""Part of every kept view: a view kept by an older drawing of the agenda is not used."""

LABEL_WIDTH = 14


@dataclass(frozen=True)
class DetailGrid:
    """Label and value rows of the detail pane."""

    rows: tuple[tuple[Text, Text], ...]


DetailBlock = Text | DetailGrid


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


@dataclass(frozen=True)
class AgendaRow:
    id: str
    code: str
    title: str
    status: Text


@dataclass(frozen=True)
class AgendaView:
    """Everything the agenda's first frame shows; ``detail`` is the current item's."""

    bar: BarView
    rows: tuple[AgendaRow, ...]
    current: int
    detail: tuple[DetailBlock, ...]
    empty: str  # what an empty agenda says
    status: str  # the session's status ("planned", "open", "closed"): which keys the footer offers

    def to_json(self) -> dict[str, Any]:
        """The view as JSON-ready data (what the glance keeps)."""
        bar = self.bar
        return {
            "view_version": VIEW_VERSION,
            "bar": [bar.title, bar.item, bar.present, bar.needed, bar.voting, bar.read_only],
            "rows": [[r.id, r.code, r.title, _text_json(r.status)] for r in self.rows],
            "current": self.current,
            "detail": [_block_json(block) for block in self.detail],
            "empty": self.empty,
            "status": self.status,
        }

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> AgendaView | None:
        """The view kept in ``doc``; None if it is not one this version draws."""
        try:
            if doc.get("view_version") != VIEW_VERSION:
                return None
            title, item, present, needed, voting, read_only = doc["bar"]
            bar = BarView(str(title), str(item), int(present), int(needed), bool(voting), bool(read_only))
            rows = tuple(AgendaRow(str(i), str(c), str(ti), _text(s)) for i, c, ti, s in doc["rows"])
            detail = tuple(_block(block) for block in doc["detail"])
            return cls(bar, rows, int(doc["current"]), detail, str(doc["empty"]), str(doc["status"]))
        except (KeyError, TypeError, ValueError, AttributeError):
            return None


# --- drawing (both paths)
# Below this width the values would be cut beside their labels ("SK-202…" at 80 columns): each label
# goes on its own line, with its value under it.
SIDE_BY_SIDE = LABEL_WIDTH + 1 + 17


class LabelledRows:
    """A detail grid laid out for the width it is given: label beside value, or above it when narrow."""

    def __init__(self, grid: DetailGrid) -> None:
        self.grid = grid

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if options.max_width >= SIDE_BY_SIDE:
            table = Table.grid(padding=(0, 1), expand=True)
            table.add_column(style="bold", width=LABEL_WIDTH)
            table.add_column(ratio=1)
            for label, value in self.grid.rows:
                table.add_row(label, value)
            yield table
            return
        for label, value in self.grid.rows:
            if label.plain:  # (a row without a label goes on under the one above)
                yield Text.assemble(label, style="bold")
            yield Padding(value, (0, 0, 0, 2))


def render_detail(blocks: tuple[DetailBlock, ...]) -> RenderableType:
    """The detail pane: texts, and label/value grids."""
    parts: list[RenderableType] = []
    for block in blocks:
        parts.append(LabelledRows(block) if isinstance(block, DetailGrid) else block)
    return Group(*parts)


# --- building from the open session
def agenda_view(record: SessionRecord, read_only: bool) -> AgendaView:
    """What the agenda shows of ``record``, the current item's detail included."""
    from models.session import SessionStatus
    from tui.screens.initiative_view import detail_blocks, item_status

    # An empty agenda says how to fill it while that is still possible.
    can_fill = record.session.status == SessionStatus.PLANNED and not read_only
    empty = t("prep.app.agenda_empty" if can_fill else "error.agenda_empty")

    items = record.agenda_items()
    rows = tuple(AgendaRow(i.id, i.code, i.title, item_status(record, i.id)) for i in items)
    current = record.session.current_index
    detail = tuple(detail_blocks(record, items[min(current, len(items) - 1)])) if items else ()
    status = record.session.status.value
    return AgendaView(bar_view(record, read_only), rows, current, detail, empty, status)


def glance_of(service: SessionService) -> dict[str, Any] | None:
    """What the agenda shows of the open session, as kept for its next start (sessions/glance.py).

    None for a session open read-only (nothing of it is kept), or if the view cannot be made: a
    shortcut for the next start must never stop a session from closing, so the error is only logged.
    """
    if service.read_only:
        return None
    try:
        return agenda_view(service.record, read_only=False).to_json()
    except Exception:
        from tui.guard import log_unexpected

        log_unexpected()
        return None


def first_frame(service: SessionService) -> tuple[dict[str, Any], str] | None:
    """The agenda's first frame of the open session and the language it is in, kept as the session closes."""
    glance = glance_of(service)
    return (glance, current_language()) if glance is not None else None


def item_detail(record: SessionRecord, initiative: Initiative) -> RenderableType:
    """The detail pane for any item of the open session."""
    from tui.screens.initiative_view import detail_blocks

    return render_detail(tuple(detail_blocks(record, initiative)))


# --- Rich text as JSON
def _style_json(style: str | Style) -> str:
    return str(style) if style else ""


def _text_json(text: Text) -> list[Any]:
    spans = [[s.start, s.end, _style_json(s.style)] for s in text.spans]
    return [text.plain, _style_json(text.style), spans]


def _text(doc: list[Any]) -> Text:
    plain, style, spans = doc
    return Text(str(plain), style=str(style), spans=[Span(int(a), int(b), str(s)) for a, b, s in spans])


def _block_json(block: DetailBlock) -> dict[str, Any]:
    if isinstance(block, DetailGrid):
        return {"grid": [[_text_json(label), _text_json(value)] for label, value in block.rows]}
    return {"text": _text_json(block)}


def _block(doc: dict[str, Any]) -> DetailBlock:
    if "grid" in doc:
        return DetailGrid(tuple((_text(label), _text(value)) for label, value in doc["grid"]))
    return _text(doc["text"])
