"""A member's personal link, as a QR code the member scans at roll call (q on the roll); r gives a new one.

The laptop keeps only a hash of each link (sessions/devices.py): a link made by this run of the app can
be shown again; one made before a restart cannot, so showing it makes a new one and the old stops working
(the screen says so). A lost phone: r here, and the old link stops at once.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, Static

from models.errors import DomainError
from models.i18n import t
from tui.bindings import MEMBER_LINK
from tui.screens.base import CouncilModal


class MemberLinkScreen(CouncilModal):
    BINDINGS = MEMBER_LINK

    def __init__(self, member_id: str) -> None:
        super().__init__()
        self.member_id = member_id
        self.note = ""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="member-link"):
            yield Label("", id="member-link-name", markup=False)
            with Horizontal():
                yield Static(id="member-link-qr")
                yield Static(id="member-link-text")

    def on_mount(self) -> None:
        app = self.app
        devices = app.member_devices()
        try:
            known = devices.shown_token(self.member_id)
            if known is None:
                self.note = t("link.replaced" if devices.has_link(self.member_id) else "link.new")
            self._show(devices.token_for(self.member_id))
        except DomainError as error:
            self.dismiss(None)
            app.notify(str(error), severity="error", markup=False)

    def _show(self, token: str) -> None:
        from room.qr import qr_lines

        app = self.app
        member = app.service.record.member(self.member_id)
        url = app.room.member_url(token)
        self.query_one("#member-link-name", Label).update(t("link.title", name=member.name))
        self.query_one("#member-link-qr", Static).update(Text("\n".join(qr_lines(url)), style="black on white"))
        text = Text(t("link.scan") + "\n\n", style="bold")
        text.append(url + "\n\n", style="underline")
        if self.note:
            text.append(self.note + "\n\n", style="yellow")
        text.append(t("link.keys"))
        self.query_one("#member-link-text", Static).update(text)

    def action_reissue(self) -> None:
        try:
            token = self.app.member_devices().issue(self.member_id)
        except DomainError as error:
            self.app.notify(str(error), severity="error", markup=False)
            return
        self.note = t("link.reissued")
        self._show(token)

    def action_close(self) -> None:
        self.dismiss(None)
