"""The secret ballot booth: the laptop passes from member to member.

Only the names of members who have not voted are shown. A member picks their name, types their PIN
where the council set one, votes on a large ballot, confirms, and sees a neutral "received" screen.
No tally and no other member's choice is visible, and no key leads anywhere else: the app refuses
every other action while a booth screen is on top (see CouncilApp.check_action). The chair leaves
with ctrl+x and the booth secret (tui/screens/booth_secret.py); wrong tries are counted.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Input, Label, OptionList
from textual.widgets.option_list import Option

from models.i18n import t
from models.poll import Choice, PollMode
from tui.bindings import BALLOT, BOOTH, PIN, RECEIVED, translate_bindings
from tui.errors import guarded


class BoothMixin:
    """Marks a screen as part of the booth: the app then allows only the booth's own actions."""

    in_booth = True


class BoothScreen(BoothMixin, Screen):
    BINDINGS = BOOTH

    def __init__(self, poll_id: str) -> None:
        super().__init__()
        translate_bindings(self)
        self.poll_id = poll_id

    @property
    def service(self):  # noqa: ANN201
        return self.app.service

    def compose(self) -> ComposeResult:
        with Vertical(id="booth"):
            yield Label(t("booth.title"), id="booth-title")
            yield Label("", id="booth-item", markup=False)
            yield Label(t("booth.pick_name"), id="booth-instruction")
            with Center():
                yield OptionList(id="booth-names", markup=False)
            yield Label(t("booth.chair_leaves"), classes="dim", id="booth-footer")

    def on_mount(self) -> None:
        self.refresh_names()

    def on_screen_resume(self) -> None:
        self.refresh_names()

    def refresh_names(self) -> None:
        record = self.service.record
        poll = self.service.poll(self.poll_id)
        initiative = record.initiatives[poll.initiative_id]
        self.query_one("#booth-item", Label).update(f"{initiative.code}: {initiative.title}")
        scoring = poll.mode == PollMode.SCORING  # members hand in sheets, not ballots
        self.query_one("#booth-title", Label).update(t("booth.title_scoring" if scoring else "booth.title"))
        voted = set(self.service.voted_members(poll))
        names = self.query_one("#booth-names", OptionList)
        names.clear_options()
        waiting = [m for m in poll.voters if m not in voted]
        for member_id in waiting:
            names.add_option(Option(record.member(member_id).name, id=member_id))
        if waiting:
            names.highlighted = 0
        else:
            self.query_one("#booth-instruction", Label).update(
                t("booth.all_sheets_in" if scoring else "booth.all_voted")
            )
        names.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        member_id = str(event.option.id)
        member = self.service.record.member(member_id)
        if member.pin:
            self.app.push_screen(
                PinScreen(t("booth.pin_for", name=member.name)), lambda pin: self._start(member_id, pin)
            )
        else:
            self._start(member_id, "")

    def _start(self, member_id: str, pin: str | None) -> None:
        if pin is None:
            return
        if not self.service.verify_pin(member_id, pin):
            self.app.notify(t("error.pin_wrong"), severity="error")
            return
        poll = self.service.poll(self.poll_id)
        if poll.mode == PollMode.SCORING:
            from tui.screens.sheet import SheetScreen

            self.app.push_screen(SheetScreen(self.poll_id, member_id, booth=True, pin=pin))
        else:
            self.app.push_screen(BallotScreen(member_id, pin))

    def action_leave_booth(self) -> None:
        from tui.screens.booth_secret import SecretScreen

        self.app.push_screen(SecretScreen(t("booth.chair_secret"), booth=True), self._leave_with_secret)

    @guarded
    def _leave_with_secret(self, secret: str | None) -> None:
        # Only the chair's secret opens the way out; a wrong one is counted (the minutes say how many).
        if secret is None:
            return
        if self.service.booth.leave(secret):
            self.app.pop_screen()
        else:
            self.app.notify(t("booth.leave_refused"), severity="error")


class PinScreen(BoothMixin, Screen):
    """Asks for a PIN (hidden as typed); dismisses with it, or None."""

    BINDINGS = PIN

    def __init__(self, prompt: str) -> None:
        super().__init__()
        translate_bindings(self)
        self.prompt = prompt

    def compose(self) -> ComposeResult:
        with Vertical(id="booth"):
            yield Label(self.prompt, id="booth-instruction", markup=False)
            yield Input(password=True, id="pin")

    def on_mount(self) -> None:
        self.query_one("#pin", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class BallotScreen(BoothMixin, Screen):
    """The large ballot; choosing asks for confirmation, then the vote goes into the box."""

    BINDINGS = BALLOT

    def __init__(self, member_id: str, pin: str) -> None:
        super().__init__()
        translate_bindings(self)
        self.member_id = member_id
        self.pin = pin
        self.choice: Choice | None = None

    def compose(self) -> ComposeResult:
        name = self.app.service.record.member(self.member_id).name
        with Vertical(id="booth"):
            yield Label(t("booth.ballot_for", name=name), id="booth-title", markup=False)
            with Horizontal(id="ballot-choices"):
                yield Button(t("yes"), id="yes", classes="ballot-button", variant="success")
                yield Button(t("no"), id="no", classes="ballot-button", variant="error")
                yield Button(t("abstain"), id="abstain", classes="ballot-button", variant="warning")
            yield Label(t("booth.ballot_keys"), id="booth-instruction")
            with Center():
                yield Button(t("booth.confirm"), id="confirm", variant="primary", disabled=True)

    def on_mount(self) -> None:
        self.query_one("#yes", Button).focus()

    def action_choose(self, choice: str) -> None:
        self._choose(Choice(choice))

    def _choose(self, choice: Choice) -> None:
        self.choice = choice
        for button in self.query(".ballot-button").results(Button):
            button.set_class(button.id == choice.value, "chosen")
        self.query_one("#booth-instruction", Label).update(t("booth.confirm_choice", choice=t(choice.value)))
        confirm = self.query_one("#confirm", Button)
        confirm.disabled = False
        confirm.focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "confirm":
            self._cast()
        elif event.button.id in ("yes", "no", "abstain"):
            self._choose(Choice(event.button.id))

    @guarded
    def _cast(self) -> None:
        if self.choice is None:
            return
        self.app.service.booth.cast(self.member_id, self.choice, self.pin)
        self.choice = None
        self.app.switch_screen(ReceivedScreen())

    def action_cancel(self) -> None:
        self.app.pop_screen()


class ReceivedScreen(BoothMixin, Screen):
    """Neutral: says only that a ballot (or a scoring sheet) was received."""

    BINDINGS = RECEIVED

    def __init__(self, sheet: bool = False) -> None:
        super().__init__()
        translate_bindings(self)
        self.sheet = sheet

    def compose(self) -> ComposeResult:
        with Vertical(id="booth"):
            yield Label(t("booth.sheet_received" if self.sheet else "booth.received"), id="booth-title")
            yield Label(t("booth.pass_on"), id="booth-instruction")

    def action_done(self) -> None:
        self.app.pop_screen()
