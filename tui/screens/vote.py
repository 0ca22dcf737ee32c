"""The open vote: one row per member who may vote, one key per choice, the tally live."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from models.i18n import t
from models.poll import Choice, Poll
from sessions.tally import LiveTally
from tui.bindings import VOTE
from tui.errors import guarded
from tui.render.poll import live_rule_text
from tui.screens.poll_base import PollScreen
from tui.widgets.seat_jump import SeatJumper
from tui.widgets.tables import key_at_cursor

CHOICE_STYLE = {Choice.YES: "bold green", Choice.NO: "bold red", Choice.ABSTAIN: "bold yellow"}


def choice_text(choice: Choice | None) -> Text:
    if choice is None:
        return Text("·", style="dim")
    return Text(t(choice.value), style=CHOICE_STYLE[choice])


class VoteScreen(PollScreen):
    BINDINGS = VOTE
    poll_actions = PollScreen.poll_actions | {"cast", "everyone_yes", "undo", "clear_vote"}

    def __init__(self) -> None:
        super().__init__()
        self.jumper = SeatJumper()
        self.missed = ""  # why the seat just typed is not in this poll: no choice key may land on another row

    def compose_main(self) -> ComposeResult:
        yield DataTable(id="voters", cursor_type="row")

    def mount_poll(self, poll: Poll) -> None:
        self.member_table(poll, "col.vote", "vote", 16, lambda member_id: choice_text(poll.votes.get(member_id)))

    def draw_poll(self, poll: Poll) -> None:
        self.draw_tally(poll, self.service.tally(poll.id))

    def draw_tally(self, poll: Poll, tally: LiveTally) -> None:
        counts = tally.counts
        lines = Text()
        lines.append(t("vote.tally") + "\n", style="bold underline")
        lines.append(f"{t('yes')}: {counts.yes}\n", style="green")
        lines.append(f"{t('no')}: {counts.no}\n", style="red")
        lines.append(f"{t('abstain')}: {counts.abstain}\n", style="yellow")
        lines.append(t("vote.not_voted", count=tally.not_voted) + "\n\n", style="dim")
        lines.append_text(live_rule_text(poll, tally))
        self.query_one("#tally", Static).update(lines)

    def _redraw_votes(self) -> None:
        poll = self.poll
        table = self.query_one("#voters", DataTable)
        for member_id in poll.voters:
            table.update_cell(member_id, "vote", choice_text(poll.votes.get(member_id)))
        self.draw_poll(poll)
        self.refresh_bar()

    def selected_member_id(self) -> str:
        return key_at_cursor(self.query_one("#voters", DataTable)) or ""

    # --- actions
    def action_seat(self, digit: int) -> None:
        record = self.service.record
        voters = list(self.poll.voters)
        seats = [record.member(m).seat for m in voters]
        seat = self.jumper.push(digit, seats)
        if seat is not None:
            self.missed = ""
            self.query_one("#voters", DataTable).move_cursor(row=seats.index(seat))
        elif not any(str(s).startswith(self.jumper.buffer) for s in seats):
            typed = int(self.jumper.buffer)
            member = next((m for m in record.members if m.seat == typed), None)
            refusal = self.service.why_cannot_vote(self.poll, member.id) if member else None
            self.missed = str(refusal) if refusal else t("vote.no_seat", seat=typed)
            self.app.notify(self.missed, severity="warning", markup=False)

    def on_data_table_row_highlighted(self) -> None:
        self.missed = ""  # the chair moved to a row: keys apply to it again

    @guarded
    def action_cast(self, choice: str) -> None:
        self.jumper.reset()
        if self.missed:
            self.app.notify(self.missed, severity="error", markup=False)
            return
        member_id = self.selected_member_id()
        tally = self.service.record_vote(member_id, Choice(choice))
        self.query_one("#voters", DataTable).update_cell(member_id, "vote", choice_text(Choice(choice)))
        self.draw_tally(self.poll, tally)
        self._advance()
        hook = self.council_app.vote_hook
        if hook is not None:
            hook()

    @guarded
    def action_everyone_yes(self) -> None:
        self.service.record_all(Choice.YES)
        self._redraw_votes()
        self.app.notify(t("vote.everyone_yes_done"))

    @guarded
    def action_undo(self) -> None:
        if self.service.undo_last_vote():
            self._redraw_votes()
        else:
            self.app.notify(t("vote.nothing_to_undo"), severity="warning")

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
        self._redraw_votes()
