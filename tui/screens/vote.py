"""The open vote: one row per member who may vote, one key per choice, the tally live."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Footer, Label, Static

from models.errors import DomainError
from models.i18n import t
from models.labels import mode_label, role_label, rule_sentence, rule_summary
from models.poll import Choice, Poll, PollStatus
from tui.bindings import VOTE
from tui.guard import guarded
from tui.screens.base import SessionScreen
from tui.screens.dialogs import ConfirmScreen
from tui.widgets.seat_jump import SeatJumper
from tui.widgets.session_bar import SessionBar

CHOICE_STYLE = {Choice.YES: "bold green", Choice.NO: "bold red", Choice.ABSTAIN: "bold yellow"}


def choice_text(choice: Choice | None) -> Text:
    if choice is None:
        return Text("·", style="dim")
    return Text(t(choice.value), style=CHOICE_STYLE[choice])


class VoteScreen(SessionScreen):
    BINDINGS = VOTE

    def __init__(self) -> None:
        super().__init__()
        self.jumper = SeatJumper()
        self.poll_id: str | None = None

    def compose(self) -> ComposeResult:
        yield SessionBar(id="session-bar")
        yield Label("", id="vote-title", classes="screen-title")
        with Horizontal(id="vote-body"):
            yield DataTable(id="voters", cursor_type="row")
            with Vertical(id="tally-pane"):
                yield Static(id="tally")
                yield Static(id="result")
        yield Footer()

    def on_mount(self) -> None:
        poll = self.service.record.open_poll() or self._latest_poll()
        if poll is None:
            self.app.pop_screen()
            return
        self.poll_id = poll.id
        table = self.query_one("#voters", DataTable)
        table.add_column(t("col.seat"), key="seat")
        table.add_column(t("col.name"), key="name")
        table.add_column(t("col.role"), key="role")
        table.add_column(t("col.vote"), key="vote")
        for member_id in poll.voters:
            member = self.service.record.member(member_id)
            table.add_row(
                str(member.seat),
                member.name,
                role_label(member.role),
                choice_text(poll.votes.get(member_id)),
                key=member_id,
            )
        self.refresh_view()
        table.focus()

    def _latest_poll(self) -> Poll | None:
        current = self.service.record.current_initiative
        if current is None:
            return None
        polls = self.service.record.polls_for(current.id)
        return polls[-1] if polls else None

    @property
    def poll(self) -> Poll:
        return next(p for p in self.service.record.polls if p.id == self.poll_id)

    # --- drawing
    def refresh_view(self) -> None:
        super().refresh_view()
        if self.poll_id is None:
            return
        poll = self.poll
        record = self.service.record
        initiative = record.initiatives[poll.initiative_id]
        self.query_one("#vote-title", Label).update(
            t("vote.title", mode=mode_label(poll.mode), code=initiative.code, title=initiative.title)
        )
        self._draw_tally(poll)

    def _draw_tally(self, poll: Poll) -> None:
        counts = poll.live_counts()
        missing = len([m for m in poll.voters if m not in poll.votes])
        lines = Text()
        lines.append(t("vote.tally") + "\n", style="bold underline")
        lines.append(f"{t('yes')}: {counts.yes}\n", style="green")
        lines.append(f"{t('no')}: {counts.no}\n", style="red")
        lines.append(f"{t('abstain')}: {counts.abstain}\n", style="yellow")
        lines.append(t("vote.not_voted", count=missing) + "\n", style="dim")
        lines.append("\n")
        lines.append(t("vote.rule", rule=rule_summary(poll.rule)) + "\n")
        lines.append(t("vote.needed", needed=poll.needed(counts)) + "\n", style="bold")
        if poll.recused:
            names = ", ".join(self.service.record.member(m).name for m in poll.recused)
            lines.append("\n" + t("vote.recused", names=names) + "\n", style="yellow")
        self.query_one("#tally", Static).update(lines)
        result = self.query_one("#result", Static)
        if poll.status == PollStatus.CLOSED and poll.result is not None:
            passed = poll.result.passed
            text = Text()
            text.append(
                f" {t('minutes.passed') if passed else t('minutes.failed')} \n",
                style="bold white on dark_green" if passed else "bold white on red3",
            )
            text.append(rule_sentence(poll.rule, poll.result) + "\n")
            text.append(t("vote.after_close"), style="dim")
            result.update(text)
        else:
            result.update("")

    def _member_rows(self) -> list[str]:
        return list(self.poll.voters)

    def selected_member_id(self) -> str:
        table = self.query_one("#voters", DataTable)
        key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return str(key.value)

    # --- actions
    def action_seat(self, digit: int) -> None:
        record = self.service.record
        voters = self._member_rows()
        seats = [record.member(m).seat for m in voters]
        seat = self.jumper.push(digit, seats)
        if seat is not None:
            self.query_one("#voters", DataTable).move_cursor(row=seats.index(seat))

    @guarded
    def action_cast(self, choice: str) -> None:
        self.jumper.reset()
        member_id = self.selected_member_id()
        self.service.record_vote(member_id, Choice(choice))
        table = self.query_one("#voters", DataTable)
        table.update_cell(member_id, "vote", choice_text(Choice(choice)))
        self._draw_tally(self.poll)
        self.refresh_bar()
        self._advance()
        hook = self.council_app.vote_hook
        if hook is not None:
            hook()

    def _advance(self) -> None:
        """Move to the next member without a vote, so the chair can go down the list."""
        poll = self.poll
        voters = poll.voters
        table = self.query_one("#voters", DataTable)
        start = table.cursor_row
        for offset in range(1, len(voters) + 1):
            index = (start + offset) % len(voters)
            if voters[index] not in poll.votes:
                table.move_cursor(row=index)
                return
        if start < len(voters) - 1:
            table.move_cursor(row=start + 1)

    @guarded
    def action_clear_vote(self) -> None:
        member_id = self.selected_member_id()
        self.service.clear_vote(member_id)
        self.query_one("#voters", DataTable).update_cell(member_id, "vote", choice_text(None))
        self._draw_tally(self.poll)

    @guarded
    def action_close_poll(self) -> None:
        try:
            self.service.close_poll()
        except DomainError as error:
            if error.key != "error.votes_missing":
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
        self.app.notify(t("vote.closed_passed" if result.passed else "vote.closed_failed"))
        self.refresh_view()

    def action_findings(self) -> None:
        from tui.screens.findings import FindingsScreen

        poll_initiative = self.poll.initiative_id
        self.app.switch_screen(FindingsScreen(poll_initiative))

    def action_back(self) -> None:
        self.app.pop_screen()
