"""The session picker: the council's sessions with date, place, status and progress."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import DataTable, Label

from models.i18n import t
from tui.bindings import PICKER
from tui.errors import guarded
from tui.screens.base import CouncilScreen
from tui.screens.prepare.picker_actions import PickerPrepActions
from tui.widgets.footer import Footer
from tui.widgets.plain import cell
from tui.widgets.tables import ListTable, key_at_cursor


def cut(text: str, width: int) -> Text:
    """``text`` as typed, cut to ``width`` cells with an ellipsis when longer."""
    shown = cell(text)
    if cell_len(text) > width:
        shown.truncate(width, overflow="ellipsis")
    return shown


def wrapped(text: str, width: int) -> Text:
    """``text`` as typed on one or two lines of ``width`` cells.

    When two lines are not enough the middle goes: sessions' titles differ at their end ("đợt 1 năm
    2026", "đợt 2 năm 2026"), so the second line keeps the end of the title.
    """
    if cell_len(text) <= width:
        return cell(text)
    parts = textwrap.wrap(text, width) or [text]
    if len(parts) > 2:
        tail = text[-(width - 1) :]
        if " " in tail:
            tail = tail[tail.index(" ") + 1 :]  # from a word's start
        parts = [parts[0], "…" + tail]
    return cell("\n".join(cut(part, width).plain for part in parts[:2]))


if TYPE_CHECKING:
    from collections.abc import Callable

    from sessions.listing import Listing


class PickerScreen(PickerPrepActions, CouncilScreen):
    BINDINGS = PICKER

    built = False  # the widgets are made when the picker is first seen

    def __init__(self, listing: Listing | None = None, when_drawn: Callable[[], object] | None = None) -> None:
        super().__init__()
        # The list as read at start without the models (sessions/listing.py), for the first drawing only,
        # and what to call once that is on screen (tui/start_up.py: the council read through the models).
        self.listing = listing
        self.when_drawn = when_drawn

    def compose(self) -> ComposeResult:
        # Nothing yet: a session opened at start covers the picker at once, and the chair may never go back
        # to it. Its widgets are made the first time it is seen, so that they do not delay the agenda.
        return iter(())

    async def on_screen_resume(self) -> None:
        # The list is read when the picker is seen: not when a session opened at start covers it at once.
        if not self.is_active:  # the top screen (is_current also counts the screen just beneath it)
            return
        if not self.built:
            self.built = True
            table = ListTable(id="sessions", cursor_type="row", zebra_stripes=True)
            table.add_columns(
                t("col.date"), t("col.session"), t("col.status"), t("col.progress"), t("col.place"), t("col.id")
            )
            council_name = Label("", id="council-name", classes="screen-title", markup=False)
            await self.mount_all([council_name, Label(t("picker.hint"), classes="dim"), table, Footer()])
        self.reload()

    @guarded
    def reload(self) -> None:
        if not self.built:
            return  # read when the picker is first seen
        from models.formatting import format_date, parse_date
        from models.status import listed_status_label

        listing, self.listing = self.listing, None
        if listing is None:
            council = self.council_app.council_service
            name, summaries = council.council().info.name, council.summaries(damaged_rows=True)
        else:
            name, summaries = listing.council_name, list(listing.sessions)
        self.query_one("#council-name", Label).update(name)
        self.rows = [
            (
                format_date(parse_date(summary.date)) if summary.date else "-",
                summary.title,
                listed_status_label(summary.status),
                f"{summary.decided}/{summary.total}",
                summary.place,
                summary.id,
            )
            for summary in summaries
        ]
        self.draw_rows()
        if self.when_drawn is not None:
            when_drawn, self.when_drawn = self.when_drawn, None
            self.call_after_refresh(self.app.call_later, when_drawn)

    rows: ClassVar[list[tuple[str, str, str, str, str, str]]] = []  # date, title, status, decided, place, id

    def draw_rows(self) -> None:
        """Fill the table, the title and the place cut so that every column fits the terminal's width."""
        table = self.query_one(ListTable)
        selected = self.selected_id()
        title_width, place_width = self.flexible_widths()
        table.clear()
        for date, title, status, progress, place, session_id in self.rows:
            shown = wrapped(title, title_width)
            table.add_row(
                date,
                shown,
                status,
                progress,
                cut(place, place_width),
                cell(session_id),
                key=session_id,
                height=len(shown.plain.split("\n")),
            )
        table.measure_new_rows()  # the next frame has the columns' widths, not the headers'
        if selected is not None and selected in {str(k.value) for k in table.rows}:
            table.move_cursor(row=table.get_row_index(selected))
        table.focus()

    def flexible_widths(self) -> tuple[int, int]:
        """How wide the title and the place may be: what the other columns (whole) leave of the width."""
        headers = [t(key) for key in ("col.date", "col.session", "col.status", "col.progress", "col.place", "col.id")]
        widths = [max([cell_len(h)] + [cell_len(row[i]) for row in self.rows]) for i, h in enumerate(headers)]
        # Each column has a cell of padding on either side; a cell is kept for the scroll bar.
        room = self.app.size.width - 2 * len(headers) - 2 - sum(widths[i] for i in (0, 2, 3, 5))
        title, place = widths[1], widths[4]
        if title + place <= room:
            return title, place
        place = max(cell_len(headers[4]), min(place, room * 2 // 5))
        return max(cell_len(headers[1]), room - place), place

    def on_resize(self) -> None:
        if self.built and self.rows:
            self.draw_rows()

    def selected_id(self) -> str | None:
        return key_at_cursor(self.query_one(DataTable))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_session()

    def action_open_session(self) -> None:
        session_id = self.selected_id()
        if session_id:
            self.council_app.open_session(session_id)

    def action_open_read_only(self) -> None:
        session_id = self.selected_id()
        if session_id:
            self.council_app.open_session(session_id, read_only=True)

    @guarded
    def action_export(self) -> None:
        from tui.screens.export import ExportScreen

        session_id = self.selected_id()
        if session_id:
            record, chain_head = self.council_app.council_service.recorded(session_id)
            source = (self.council_app.data_dir, session_id)
            self.app.push_screen(ExportScreen(record, chain_head, self.council_app.export_dir, source))

    def action_statistics(self) -> None:
        from tui.screens.stats import StatsScreen

        self.app.push_screen(StatsScreen())

    async def action_quit(self) -> None:
        await self.council_app.action_quit()
