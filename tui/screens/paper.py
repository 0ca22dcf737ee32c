"""Paper tally: the chair types the counts of a paper ballot; numbers that disagree are refused."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Label, Static

from models.errors import DomainError
from models.i18n import t
from models.poll import PaperTally, Poll, PollStatus
from tui.bindings import PAPER
from tui.errors import guarded
from tui.render.poll import needed_text
from tui.screens.poll_base import PollScreen

FIELDS = ("issued", "returned", "valid", "invalid", "yes", "no", "abstain")


class PaperScreen(PollScreen):
    BINDINGS = PAPER
    poll_actions = PollScreen.poll_actions | {"save_counts"}

    def compose_main(self) -> ComposeResult:
        with VerticalScroll(id="paper-form"):
            for name in FIELDS:
                with Horizontal(classes="form-row"):
                    yield Label(t(f"paper.{name}"), classes="form-label")
                    yield Input(id=f"paper-{name}", type="integer", compact=True)
            yield Label("", id="paper-error", classes="field-error", markup=False)

    def mount_poll(self, poll: Poll) -> None:
        if poll.paper is not None:
            for name in FIELDS:
                self.query_one(f"#paper-{name}", Input).value = str(getattr(poll.paper, name))
        else:
            self.query_one("#paper-issued", Input).value = str(len(poll.voters))
        self.query_one("#paper-returned", Input).focus()

    def draw_poll(self, poll: Poll) -> None:
        text = Text(t("paper.eligible_present", count=len(poll.voters)) + "\n\n")
        if poll.paper is not None and poll.status == PollStatus.OPEN:
            text.append(t("paper.recorded") + "\n", style="green")
        text.append_text(needed_text(poll))
        self.query_one("#tally", Static).update(text)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    @guarded
    def action_save_counts(self) -> None:
        values = {}
        for name in FIELDS:
            raw = self.query_one(f"#paper-{name}", Input).value.strip()
            values[name] = int(raw) if raw else 0
        error_label = self.query_one("#paper-error", Label)
        try:
            self.service.record_paper(PaperTally(**values))
        except DomainError as error:
            error_label.update(str(error))
            return
        error_label.update("")
        self.app.notify(t("paper.recorded"))
        self.set_focus(None)  # out of the fields, so that c (close), f and x reach the screen
        self.refresh_view()
