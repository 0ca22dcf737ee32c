"""What every poll screen shares: the session bar, the title, closing, resetting, going to findings."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Label, Static

from models.errors import DomainError
from models.i18n import t
from models.labels import mode_heading, role_label
from models.poll import Poll, PollMode, PollStatus
from tui.errors import guarded
from tui.render.poll import result_text
from tui.screens.base import SessionScreen
from tui.screens.dialogs import AskTextScreen, ConfirmScreen
from tui.widgets.footer import Footer
from tui.widgets.plain import cell
from tui.widgets.session_bar import SessionBar

CellMaker = Callable[[str], str | Text]


class PollScreen(SessionScreen):
    """Base of the open vote, ballot overview and paper tally screens; ``poll_id`` is fixed at mount.

    The layout is shared: session bar, title, the subclass's main part on the left and the
    tally and result on the right.
    """

    hint = False
    # Keys that act on an open poll: hidden once it is closed or voided, and in a session open read-only.
    poll_actions: frozenset[str] = frozenset({"close_poll", "reset_poll"})

    def __init__(self) -> None:
        super().__init__()
        self.poll_id: str | None = None

    def compose(self) -> ComposeResult:
        yield SessionBar(id="session-bar")
        yield Label("", id="vote-title", classes="screen-title", markup=False)
        if self.hint:
            yield Label("", id="overview-hint", classes="dim")
        with Horizontal(id="vote-body"):
            yield from self.compose_main()
            with Vertical(id="tally-pane"):
                yield Static(id="tally")
                yield Static(id="result")
        yield Footer()

    def compose_main(self) -> ComposeResult:
        """The left part of the screen (the members, or the paper counts)."""
        yield from ()

    def on_mount(self) -> None:
        poll = self.find_poll()
        if poll is None:
            self.app.pop_screen()
            return
        self.poll_id = poll.id
        self.mount_poll(poll)
        self.refresh_view()

    def mount_poll(self, poll: Poll) -> None:
        """Fill the main part for ``poll`` (called once, before the first drawing)."""

    def member_table(self, poll: Poll, label_key: str, column_key: str, width: int, make_cell: CellMaker) -> DataTable:
        """The #voters table: a row per member who may vote, with ``make_cell(member_id)`` in ``column_key``."""
        table = self.query_one("#voters", DataTable)
        table.add_column(t("col.seat"), key="seat")
        table.add_column(t("col.name"), key="name")
        # The vote (or ballot) comes before the role, so that a narrow terminal cuts the role, not the vote.
        table.add_column(t(label_key), key=column_key, width=width)
        table.add_column(t("col.role"), key="role")
        for member_id in poll.voters:
            member = self.service.record.member(member_id)
            table.add_row(
                str(member.seat), cell(member.name), make_cell(member_id), role_label(member.role), key=member_id
            )
        table.focus()
        return table

    def find_poll(self) -> Poll | None:
        record = self.service.record
        poll = record.open_poll()
        if poll is not None:
            return poll
        current = record.current_initiative
        polls = record.polls_for(current.id) if current else []
        return polls[-1] if polls else None

    @property
    def poll(self) -> Poll:
        return self.service.poll(self.poll_id)

    def refresh_view(self) -> None:
        super().refresh_view()
        if self.poll_id is None:
            return
        poll = self.poll
        initiative = self.service.record.initiatives[poll.initiative_id]
        self.query_one("#vote-title", Label).update(
            t("vote.title", mode=mode_heading(poll.mode), code=initiative.code, title=initiative.title)
        )
        self.query_one("#result", Static).update(result_text(self.service.record, poll))
        self.draw_poll(poll)

    def draw_poll(self, poll: Poll) -> None:
        """Subclasses draw their own part (rows, tally)."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action not in self.poll_actions or self.poll_id is None:
            return True
        return self.poll.status == PollStatus.OPEN and not self.service.read_only

    @guarded
    def action_close_poll(self) -> None:
        try:
            self.service.close_poll()
        except DomainError as error:
            if error.key == "error.booth_secret_needed":
                # A sealed box is counted only with the chair's secret (typed again after a restart).
                from tui.screens.booth_secret import with_booth_key

                with_booth_key(self, self.action_close_poll)
                return
            if error.key not in ("error.votes_missing", "error.sheets_missing"):
                raise
            self.app.push_screen(ConfirmScreen(str(error), t("vote.close_anyway")), self._close_forced)
            return
        self._show_result()

    @guarded
    def _close_forced(self, confirmed: bool | None) -> None:
        if confirmed:
            self.service.close_poll(force=True)
            self._show_result()

    def _show_result(self) -> None:
        result = self.poll.result
        assert result is not None
        if self.poll.mode == PollMode.SCORING:
            self.app.notify(t("vote.scoring_closed_passed" if result.passed else "vote.scoring_closed_failed"))
        else:
            self.app.notify(t("vote.closed_passed" if result.passed else "vote.closed_failed"))
        self.refresh_view()

    def action_reset_poll(self) -> None:
        self.app.push_screen(AskTextScreen(t("vote.reset_reason")), self._reset)

    @guarded
    def _reset(self, reason: str | None) -> None:
        if reason:
            self.service.void_poll(reason)
            self.app.notify(t("vote.reset_done"))
            self.app.pop_screen()

    def action_findings(self) -> None:
        from tui.screens.findings import FindingsScreen

        self.app.switch_screen(FindingsScreen(self.poll.initiative_id))

    def action_back(self) -> None:
        self.app.pop_screen()
