"""The room (o on the agenda): open the projector board's server on an address, show its link and QR code.

The chair picks the address among the laptop's own (loopback first; the Wi-Fi or hotspot address for a
projector fed by another computer, a TV or members' phones), opens the room, and reads the link and its
QR code here; the room serves until the chair closes it, leaves the session or quits the app.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from models.errors import DomainError
from models.i18n import t
from models.labels import role_label
from tui.bindings import ROOM
from tui.errors import log_unexpected
from tui.screens.base import SessionScreen
from tui.widgets.footer import Footer
from tui.widgets.session_bar import SessionBar


class RoomScreen(SessionScreen):
    BINDINGS = ROOM

    def compose(self) -> ComposeResult:
        yield SessionBar(id="session-bar")
        with Horizontal(id="room-body"):
            with Vertical(id="room-side"):
                yield Label(t("room.title"), id="room-title")
                yield Label(t("room.choose"), id="room-choose")
                yield OptionList(id="room-addresses", markup=False)
                yield Static(id="room-state")
            yield Static(id="room-qr")
        yield Footer()

    def on_mount(self) -> None:
        from room.addresses import local_addresses

        addresses = self.query_one("#room-addresses", OptionList)
        for address in local_addresses():
            label = t("room.loopback", address=address) if address.startswith("127.") else address
            addresses.add_option(Option(label, id=address))
        addresses.highlighted = 0
        addresses.focus()

    def refresh_view(self) -> None:
        super().refresh_view()
        room = self.council_app.room
        state = self.query_one("#room-state", Static)
        qr = self.query_one("#room-qr", Static)
        https = t("room.https_chosen" if getattr(self.council_app, "room_https", False) else "room.https_off")
        if room is None or not room.is_open:
            state.update(Text(t("room.closed") + "\n\n" + https))
            qr.update("")
            return
        from room.qr import qr_lines

        text = Text(t("room.open_on", address=room.host) + "\n\n", style="bold")
        text.append(room.board_url + "\n\n", style="bold underline")
        text.append(t("room.shows") + "\n")
        if room.certificate is not None:
            text.append("\n" + t("room.https_on", fingerprint=room.certificate.fingerprint) + "\n", style="bold")
        else:
            text.append("\n" + https + "\n")
        members = room.members
        connected = members.connected if members is not None else []
        names = ", ".join(self.service.record.member(m).name for m in connected)
        text.append("\n" + (t("link.connected_list", names=names) if names else t("link.nobody")) + "\n")
        state.update(text)
        qr.update(Text("\n".join(qr_lines(room.board_url)), style="black on white"))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        room = self.council_app.room
        is_open = room is not None and room.is_open
        if action in ("close_room", "member_cards"):
            return True if is_open else None
        if action == "https":
            return None if is_open else True  # chosen before opening: close the room to change it
        return True

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open_room()

    def action_open_room(self) -> None:
        addresses = self.query_one("#room-addresses", OptionList)
        index = addresses.highlighted
        host = addresses.get_option_at_index(index).id if index is not None else None
        self.run_worker(self._open(host or "127.0.0.1"), exclusive=True, group="room")

    async def _open(self, host: str) -> None:
        try:
            url = await self.council_app.open_room(host)
        except DomainError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        except Exception:
            path = log_unexpected()
            self.notify(t("cli.unexpected", path=str(path) if path else "-"), severity="error", markup=False)
            return
        self.notify(t("room.opened", url=url), markup=False)
        if self.is_attached:
            self.refresh_view()

    def action_close_room(self) -> None:
        self.council_app.close_room()
        self.notify(t("room.closed_now"))
        self.refresh_view()

    def action_https(self) -> None:
        app = self.council_app
        app.room_https = not getattr(app, "room_https", False)
        self.refresh_view()

    def action_member_cards(self) -> None:
        """A PDF sheet of cards, one QR code per member: every member gets a new link."""
        from tui.screens.dialogs import ConfirmScreen

        devices = self.council_app.member_devices()
        if any(devices.has_link(m.id) for m in self.service.record.members):
            self.app.push_screen(ConfirmScreen(t("cards.confirm")), lambda yes: self._cards() if yes else None)
        else:
            self._cards()

    def _cards(self) -> None:
        from pathlib import Path

        from sessions.export.member_cards import Card, member_cards_pdf, write_member_cards
        from sessions.export_folder import last_export_folder

        app = self.council_app
        record = self.service.record
        try:
            devices = app.member_devices()
            cards = [
                Card(m.seat, m.name, role_label(m.role), app.room.member_url(devices.issue(m.id)))
                for m in sorted(record.members, key=lambda m: m.seat)
            ]
            pdf = member_cards_pdf(record.council.name, record.session.title, cards)
            folder = Path(app.export_dir) if app.export_dir else (last_export_folder(app.data_dir) or Path.home())
            path = write_member_cards(folder, self.service.session_id, pdf)
        except DomainError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.notify(t("cards.written", path=str(path)), timeout=15, markup=False)
        self.refresh_view()

    def action_back(self) -> None:
        self.app.pop_screen()
