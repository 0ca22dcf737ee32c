"""The chair's booth secret: chosen when the booth first opens, typed again to resume, count or leave.

The secret seals the poll's key (sessions/sealing.py); this screen only asks for it. Typed hidden;
when it is chosen it is typed twice, since a mistyped secret could never open the box again.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, Label

from models.errors import DomainError
from models.i18n import t
from sessions.sealing import SECRET_MIN
from tui.bindings import PIN, translate_bindings


class SecretScreen(Screen):
    """Dismisses with the secret typed, or None. ``choose``: typed twice, checked for length."""

    BINDINGS = PIN

    def __init__(self, prompt: str, *, choose: bool = False, booth: bool = False) -> None:
        super().__init__()
        translate_bindings(self)
        self.prompt = prompt
        self.choose = choose
        self.in_booth = booth  # while leaving the booth, nothing else is reachable
        self.first: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="booth"):
            yield Label(self.prompt, id="booth-instruction", markup=False)
            yield Input(password=True, id="pin")
            yield Label("", id="secret-error", classes="field-error", markup=False)

    def on_mount(self) -> None:
        self.query_one("#pin", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        field = self.query_one("#pin", Input)
        value, error = event.value, self.query_one("#secret-error", Label)
        if not self.choose:
            self.dismiss(value)
            return
        if self.first is None:
            if len(value) < SECRET_MIN:
                error.update(t("error.booth_secret_short", minimum=SECRET_MIN))
                return
            self.first = value
            self.query_one("#booth-instruction", Label).update(t("booth.secret_repeat"))
            error.update("")
        elif value != self.first:
            self.first = None
            self.query_one("#booth-instruction", Label).update(self.prompt)
            error.update(t("error.secrets_differ"))
        else:
            self.dismiss(value)
            return
        field.value = ""

    def action_cancel(self) -> None:
        self.dismiss(None)


def with_booth_key(screen: Screen, then: Callable[[], None]) -> None:
    """Run ``then`` once this program holds the open poll's key, asking the chair's secret if needed.

    The first time a poll's booth opens the chair chooses the secret; after a restart it is typed again.
    A wrong or too short secret is refused with a message and changes nothing.
    """
    service = screen.app.service
    if service.read_only:  # a view of a session another program runs: its box is not this one's to open
        error = service.read_only_error or DomainError("error.read_only")
        screen.app.notify(str(error), severity="error")
        return
    if service.booth.ready():
        then()
        return
    chosen = service.booth.secret_chosen()
    prompt = t("booth.secret_resume") if chosen else t("booth.secret_new", minimum=SECRET_MIN)

    def given(secret: str | None) -> None:
        if secret is None:
            return
        try:
            service.booth.open(secret)
        except DomainError as error:
            screen.app.notify(str(error), severity="error")
            return
        then()

    screen.app.push_screen(SecretScreen(prompt, choose=not chosen), given)
