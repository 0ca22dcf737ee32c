"""The running session's hub: the agenda with each item's status, and the selected item's detail."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Static

from models.i18n import t
from tui.bindings import AGENDA
from tui.errors import guarded
from tui.glance_view import view_to_json
from tui.render.agenda import item_detail, render_detail
from tui.screens.base import SessionScreen
from tui.screens.prepare.agenda_actions import AgendaPrepActions
from tui.views import AgendaView, agenda_view, bar_view
from tui.widgets.footer import Footer
from tui.widgets.plain import cell
from tui.widgets.session_bar import SessionBar
from tui.widgets.tables import ListTable

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    from models.poll import PollMode


def poll_screen(mode: PollMode) -> Screen:
    """The screen that runs a poll of ``mode``."""
    from models.poll import PollMode
    from tui.screens.ballot_overview import BallotOverviewScreen
    from tui.screens.paper import PaperScreen
    from tui.screens.vote import VoteScreen

    if mode == PollMode.OPEN:
        return VoteScreen()
    if mode == PollMode.PAPER:
        return PaperScreen()
    return BallotOverviewScreen()


# Agenda keys that change the session: not offered while it is read-only or closed.
CHANGES_SESSION = frozenset(
    {
        "start_session",
        "vote",
        "recuse",
        "next_item",
        "previous_item",
        "make_current",
        "close_session",
        "add_initiative",
        "edit_initiative",
        "remove_initiative",
        "move_item",
        "edit_details",
        "import_initiatives",
        "take_council",
    }
)
# Keys that make another item current: the open poll's item stays current until it is closed.
CHOOSES_ITEM = frozenset({"next_item", "previous_item", "make_current"})


class AgendaScreen(AgendaPrepActions, SessionScreen):
    BINDINGS = AGENDA

    def compose(self) -> ComposeResult:
        yield SessionBar(id="session-bar")
        with Horizontal(id="agenda-body"):
            yield ListTable(id="agenda", cursor_type="row")
            with VerticalScroll(id="detail-pane"):
                yield Static(id="detail")
        yield Footer()

    # The table's width the titles were last cut to; 0 until the list is first drawn, which puts the cursor
    # on the current item (later drawings keep it where it is).
    drawn_width = 0
    shown: AgendaView | None = None  # what the screen shows now
    marked = 0  # the row with the ▶: the current item

    def __init__(
        self, first_view: AgendaView | None = None, when_drawn: Callable[[AgendaScreen], Awaitable[None]] | None = None
    ) -> None:
        super().__init__()
        # A view to draw before the session is open (tui/start_up.py), and what to call once it is on screen:
        # the session opens then, and the screen is drawn again only if it shows anything else.
        self.first_view = first_view
        self.when_drawn = when_drawn

    def on_mount(self) -> None:
        # Laid out for the terminal's width from the start, so that the first layout is the right one.
        self.set_class(self.is_narrow(), "narrow")
        # Drawn when the screen is resumed, which follows at once (drawing here too would do it twice).
        self.query_one("#agenda", DataTable).focus()

    def is_narrow(self) -> bool:
        """On a narrow terminal the agenda keeps two thirds of the width for the list."""
        return self.app.size.width < 100

    # --- drawing
    def refresh_view(self) -> None:
        service = self.council_app.service
        if service is None:
            if self.first_view is not None:
                self.draw(self.first_view)
            return
        self.draw(agenda_view(service.record, service.read_only))

    def session_opened(self) -> None:
        """The session is open now: draw it again only if it shows anything else than the first view."""
        self.first_view = None
        service = self.service
        view = agenda_view(service.record, service.read_only)
        if self.shown is None or view_to_json(view) != view_to_json(self.shown):
            self.draw(view)

    def draw(self, view: AgendaView) -> None:
        """Show ``view``: the bar, the list with titles cut to the table's width, the highlighted item's detail."""
        self.query_one(SessionBar).show_view(view.bar)
        self.refresh_bindings()  # what the keys may do follows the session's state
        table = self.query_one("#agenda", ListTable)
        if not table.size.width:
            # Shown for the first time and not laid out yet: the list is drawn once the table has its width
            # (on_resize, before the first frame), not now with a guess and again a moment later.
            return
        # One current item on screen: the cursor, the ▶ and the bar's "Item k/N" are the same row. While the
        # session can change, that row is the session's current item; read-only or closed, it is where the
        # chair looks.
        cursor = table.cursor_row if self.drawn_width and self._frozen() else view.current
        cursor = min(max(cursor, 0), max(len(view.rows) - 1, 0))
        if cursor != view.current:
            self._show_bar_at(cursor)
        self.drawn_width = table.size.width
        self.shown = view
        # Columns are rebuilt too, so that their widths follow the terminal's size.
        table.clear(columns=True)
        table.add_column(t("col.no"), key="no")
        table.add_column(t("col.code"), key="code")
        table.add_column(t("col.initiative"), key="title")
        table.add_column(t("col.status"), key="status")
        # The title gets whatever room the table has left after number, code, status and cell padding.
        status_width = max((row.status.cell_len for row in view.rows), default=10)
        width = max(12, (table.size.width or 60) - 2 * 4 - 3 - 10 - status_width - 2)
        for index, row in enumerate(view.rows):
            marker = "▶" if index == cursor else " "
            title = row.title if len(row.title) <= width else row.title[: width - 1] + "…"
            table.add_row(Text(f"{marker}{index + 1}"), cell(row.code), cell(title), row.status, key=row.id)
        table.measure_new_rows()  # the next frame has the columns' widths, not the headers'
        self.marked = cursor
        if table.row_count:
            table.move_cursor(row=cursor)
        self.show_detail()
        if view is self.first_view and self.when_drawn is not None:
            # The first frame shows the first view: what comes next (the session) once that frame is up.
            when_drawn, self.when_drawn = self.when_drawn, None
            self.call_after_refresh(self.app.call_later, when_drawn, self)

    def _frozen(self) -> bool:
        """Read-only or closed: the current item cannot be recorded, so it is where the cursor is."""
        from models.session import SessionStatus

        service = self.council_app.service
        return service is not None and (service.read_only or service.record.session.status == SessionStatus.CLOSED)

    def _show_bar_at(self, index: int) -> None:
        service = self.council_app.service
        if service is not None:
            self.query_one(SessionBar).show_view(bar_view(service.record, service.read_only, current=index))

    def _mark(self, index: int) -> None:
        """Move the ▶ to row ``index``."""
        table = self.query_one("#agenda", ListTable)
        rows = self.shown.rows if self.shown is not None else ()
        for row, marker in ((self.marked, " "), (index, "▶")):
            if 0 <= row < len(rows) and row < table.row_count:
                table.update_cell(rows[row].id, "no", Text(f"{marker}{row + 1}"))
        self.marked = index

    def follow_cursor(self) -> None:
        """The chair moved the cursor: the row under it becomes the current item (or the cursor is held)."""
        service = self.council_app.service
        table = self.query_one("#agenda", ListTable)
        index = table.cursor_row
        if service is None or self.shown is None or not 0 <= index < len(self.shown.rows):
            return  # the first view: keys wait for the session behind it
        record = service.record
        if self._frozen():
            self._mark(index)
            self._show_bar_at(index)
            return
        current = record.session.current_index
        if index == current:
            if self.marked != index:
                self._mark(index)
            return
        if record.open_poll() is not None:
            # The open poll's item stays current until the poll is closed: the cursor stays on it.
            table.move_cursor(row=current)
            self.app.notify(t("error.poll_still_open"), severity="warning")
            return
        if not self._select(index):
            table.move_cursor(row=current)  # refused (the error is shown): the current item stays
            return
        self._mark(index)
        self.refresh_bar()

    @guarded
    def _select(self, index: int) -> bool:
        self.service.select_item(index)  # recorded, so that the session reopens on it
        return True

    def highlighted_index(self) -> int:
        table = self.query_one("#agenda", DataTable)
        return max(0, table.cursor_row)

    def show_detail(self) -> None:
        view = self.shown
        if view is None:
            return
        detail = self.query_one("#detail", Static)
        if not view.rows:
            detail.update(view.empty)
            return
        index = min(self.highlighted_index(), len(view.rows) - 1)
        if index == min(view.current, len(view.rows) - 1):
            detail.update(render_detail(view.detail))
            return
        service = self.council_app.service
        if service is not None:  # (while the first view is shown, keys wait: the cursor stays on the current item)
            record = service.record
            detail.update(item_detail(record, record.agenda_items()[index]))

    def on_resize(self) -> None:
        narrow = self.is_narrow()
        laid_out = self.query_one("#agenda", DataTable).size.width > 0
        if not self.drawn_width and laid_out and narrow == self.has_class("narrow"):
            self._redraw_if_resized()  # first shown: the table is laid out now, and the first frame has the list
            return
        self.set_class(narrow, "narrow")
        self.call_after_refresh(self._redraw_if_resized)  # once the table has its new width

    def _redraw_if_resized(self) -> None:
        # The chair may have quit or left the session before this runs: then there is nothing to draw.
        if self.council_app.service is None and self.first_view is None:
            return
        if self.query_one("#agenda", DataTable).size.width != self.drawn_width:
            self.refresh_view()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.follow_cursor()
        self.show_detail()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_make_current()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that cannot act in the session's state are not offered (False) or shown dimmed (None)."""
        state = self._state()
        if state is None:
            return True
        status, read_only, voting = state  # (plain values: the first view loads no models)
        frozen = read_only or status == "closed"
        if action == "vote" and frozen:
            return voting  # (a poll left open is still shown)
        if action in CHANGES_SESSION and frozen:
            return False
        if action == "room" and read_only:
            return False  # the board's link is kept with the session, which only its writer may do
        if action == "start_session":
            return status == "planned"
        if action == "vote" and status == "planned":
            return None  # polls come once the meeting is started
        if action in CHOOSES_ITEM and voting:
            return None  # the open poll keeps its item current until it is closed
        return True

    def _state(self) -> tuple[str, bool, bool] | None:
        """The session's status, read-only, a poll open: from the session, or from the first view until it opens."""
        service = self.council_app.service
        if service is not None:
            record = service.record
            return record.session.status.value, service.read_only, record.open_poll() is not None
        if self.first_view is not None:
            return self.first_view.status, self.first_view.bar.read_only, self.first_view.bar.voting
        return None

    # --- actions
    def action_attendance(self) -> None:
        from tui.screens.attendance import AttendanceScreen

        self.app.push_screen(AttendanceScreen())

    @guarded
    def action_start_session(self) -> None:
        from models.session import SessionStatus  # the session's models are loaded after the first frame

        if self.service.record.session.status == SessionStatus.OPEN:
            self.app.notify(t("agenda.already_started"))
            return
        self.service.open_session()
        self.app.notify(t("agenda.started"))
        self.refresh_view()

    @guarded
    def action_make_current(self) -> None:
        self.service.select_item(self.highlighted_index())
        self.refresh_view()

    @guarded
    def action_next_item(self) -> None:
        self.service.next_item()
        self.refresh_view()
        self.query_one("#agenda", DataTable).move_cursor(row=self.service.record.session.current_index)

    @guarded
    def action_previous_item(self) -> None:
        self.service.previous_item()
        self.refresh_view()
        self.query_one("#agenda", DataTable).move_cursor(row=self.service.record.session.current_index)

    @guarded
    def action_vote(self) -> None:
        from tui.screens.mode_picker import ModePickerScreen  # dialogs are loaded when first asked for

        record = self.service.record
        poll = record.open_poll()
        if poll is not None:
            self.app.push_screen(poll_screen(poll.mode))
            return
        self.service.select_item(self.highlighted_index())
        self.service.check_can_open_poll()  # refused (no quorum, read-only…) before the chair picks a mode
        initiative = record.current_initiative
        assert initiative is not None
        self.app.push_screen(ModePickerScreen(initiative.code), self._mode_chosen)

    @guarded
    def _mode_chosen(self, mode: PollMode | None) -> None:
        from models.poll import PollStatus

        if mode is None:
            return
        record = self.service.record
        initiative = record.current_initiative
        assert initiative is not None
        decided = any(p.status == PollStatus.CLOSED for p in record.polls_for(initiative.id))
        if decided or record.conclusion(initiative.id) is not None:
            question = t("agenda.revote_reason", code=initiative.code)
            from tui.screens.dialogs import AskTextScreen

            self.app.push_screen(AskTextScreen(question), lambda reason: self._revote(mode, reason))
            return
        self.service.open_poll(mode)
        self.app.push_screen(poll_screen(mode))

    @guarded
    def _revote(self, mode: PollMode, reason: str | None) -> None:
        if reason:
            self.service.open_poll(mode, revote_reason=reason)
            self.app.push_screen(poll_screen(mode))

    @guarded
    def action_recuse(self) -> None:
        from tui.screens.recuse import RecuseScreen

        record = self.service.record
        items = record.agenda_items()
        if not items:
            return
        self.service.check_can_change()  # refused before a member and a reason are asked for
        initiative = items[min(self.highlighted_index(), len(items) - 1)]
        self.app.push_screen(RecuseScreen(initiative.id), self._recused)

    @guarded
    def _recused(self, choice: tuple[str, str, str] | None) -> None:
        if choice is not None:
            initiative_id, member_id, reason = choice
            self.service.recuse(initiative_id, member_id, reason)
            self.app.notify(t("recuse.done", name=self.service.record.member(member_id).name))
            self.refresh_view()

    def action_rules(self) -> None:
        from tui.screens.rules import RulesScreen

        self.app.push_screen(RulesScreen())

    @guarded
    def action_findings(self) -> None:
        from tui.screens.findings import FindingsScreen

        items = self.service.record.agenda_items()
        if not items:
            return
        initiative = items[min(self.highlighted_index(), len(items) - 1)]
        self.app.push_screen(FindingsScreen(initiative.id))

    def action_export(self) -> None:
        from tui.screens.export import ExportScreen

        service = self.service
        source = (self.council_app.data_dir, service.session_id)
        self.app.push_screen(ExportScreen(service.record, service.chain_head, self.council_app.export_dir, source))

    def action_room(self) -> None:
        self.council_app.show_room()

    def action_statistics(self) -> None:
        from tui.screens.stats import StatsScreen

        self.app.push_screen(StatsScreen(self.service.record))

    @guarded
    def action_close_session(self) -> None:
        from models.session import SessionStatus
        from tui.screens.dialogs import ConfirmScreen

        record = self.service.record
        if record.session.status == SessionStatus.CLOSED:
            self.app.notify(t("error.session_closed"), severity="warning")
            return
        undecided = len(record.session.agenda) - record.decided_count()
        question = t("agenda.close_confirm")
        if undecided:
            question = t("error.items_undecided", count=undecided)
        self.app.push_screen(ConfirmScreen(question, t("agenda.close_session")), self._close_confirmed)

    @guarded
    def _close_confirmed(self, confirmed: bool | None) -> None:
        if confirmed:
            self.service.close_session(force=True)
            self.app.notify(t("agenda.closed"))
            self.refresh_view()

    def action_leave(self) -> None:
        self.council_app.close_service()
        self.app.pop_screen()
