"""The chair's view of a secret ballot or scoring round: who has voted, never how; the booth is one key away."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import DataTable, Label, Static

from models.i18n import t
from models.poll import Poll, PollMode, PollStatus
from tui.bindings import BALLOT_OVERVIEW
from tui.errors import guarded
from tui.render.poll import live_rule_text
from tui.screens.booth_secret import with_booth_key
from tui.screens.poll_base import PollScreen
from tui.widgets.tables import key_at_cursor


class BallotOverviewScreen(PollScreen):
    BINDINGS = BALLOT_OVERVIEW

    hint = True
    poll_actions = PollScreen.poll_actions | {"booth", "paper_sheet"}

    def compose_main(self) -> ComposeResult:
        yield DataTable(id="voters", cursor_type="row")

    def mount_poll(self, poll: Poll) -> None:
        self.member_table(poll, "col.ballot", "ballot", 18, lambda _: "")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "paper_sheet" and self.poll_id is not None and self.poll.mode != PollMode.SCORING:
            return False  # only scoring has paper sheets
        return super().check_action(action, parameters)

    def draw_poll(self, poll: Poll) -> None:
        # The hint names the keys only while they work.
        hint = "overview.hint_scoring" if poll.mode == PollMode.SCORING else "overview.hint_secret"
        if poll.status != PollStatus.OPEN:
            hint = "overview.hint_closed"
        self.query_one("#overview-hint", Label).update(t(hint))
        voted = set(self.service.voted_members(poll))
        table = self.query_one("#voters", DataTable)
        scoring = poll.mode == PollMode.SCORING  # sheets handed in, not votes
        done = t("overview.sheet_in" if scoring else "overview.voted")
        for member_id in poll.voters:
            mark = Text("✓ " + done, style="green") if member_id in voted else Text("·", style="dim")
            table.update_cell(member_id, "ballot", mark)
        lines = Text()
        progress = "overview.progress_sheets" if scoring else "overview.progress"
        lines.append(t(progress, voted=len(voted), total=len(poll.voters)) + "\n", style="bold")
        if poll.status == PollStatus.OPEN:
            lines.append(t("overview.no_tally") + "\n\n", style="italic")
        tally = self.service.tally(poll.id)
        lines.append_text(live_rule_text(poll, tally))
        self.query_one("#tally", Static).update(lines)

    def action_booth(self) -> None:
        from tui.screens.booth import BoothScreen

        if self.poll.status != PollStatus.OPEN:
            self.app.notify(t("error.no_open_poll"), severity="warning")
            return
        poll_id = self.poll.id
        with_booth_key(self, lambda: self.app.push_screen(BoothScreen(poll_id)))

    @guarded
    def action_paper_sheet(self) -> None:
        """The secretary types the selected member's scoring sheet from paper."""
        from tui.screens.sheet import SheetScreen

        poll = self.poll
        if poll.mode != PollMode.SCORING or poll.status != PollStatus.OPEN:
            return
        member_id = key_at_cursor(self.query_one("#voters", DataTable))
        if member_id is not None:
            # A member whose sheet is in (or who may not score) is refused now, not after the sheet is typed.
            self.service.booth.check_voter(PollMode.SCORING, member_id)
            sheet = SheetScreen(poll.id, member_id, booth=False)
            with_booth_key(self, lambda: self.app.push_screen(sheet, self._sheet_done))

    def _sheet_done(self, stored: bool | None) -> None:
        self.refresh_view()
        if stored:
            self._to_next_without_sheet()

    def _to_next_without_sheet(self) -> None:
        """Put the cursor on the next member (after this one, round the list) who has no sheet yet."""
        table = self.query_one("#voters", DataTable)
        voters = self.poll.voters
        voted = set(self.service.voted_members(self.poll))
        start = max(0, table.cursor_row)
        for step in range(1, len(voters) + 1):
            index = (start + step) % len(voters)
            if voters[index] not in voted:
                table.move_cursor(row=index)
                return

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_paper_sheet()
