"""Which of the chair's screens follow members' phones: a vote or a connection from a phone redraws them.

Only screens that show what a phone changes, and whose redraw keeps what the chair is typing: the
agenda, the roll, the open vote, the secret ballot's or scoring round's overview, the room. A booth
screen, a form or a dialog on top is left alone (it redraws when the chair comes back to the screen).
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from rich.text import Text
from textual.screen import Screen

from models.i18n import t

REDRAW_S = 0.02
"""The chair's screen redraws this long after a phone's vote or connection: a burst of 30 is one redraw."""

if TYPE_CHECKING:
    from tui.app import CouncilApp


def phone_marks(app: CouncilApp) -> dict[str, Text]:
    """Member id -> "connected" (green) while their page is open, or "link given" (dim)."""
    if app.service is None or app.service.read_only:
        return {}
    devices = app.member_devices()
    room = app.room
    connected = set(room.members.connected) if room is not None and room.members is not None else set()
    marks: dict[str, Text] = {}
    for member in app.service.record.members:
        if member.id in connected:
            marks[member.id] = Text("● " + t("link.connected"), style="green")
        elif devices.has_link(member.id):
            marks[member.id] = Text(t("link.given"), style="dim")
    return marks


def redraw_for_devices(screen: Screen) -> None:
    from tui.screens.agenda import AgendaScreen
    from tui.screens.attendance import AttendanceScreen
    from tui.screens.ballot_overview import BallotOverviewScreen
    from tui.screens.room import RoomScreen
    from tui.screens.vote import VoteScreen

    if isinstance(screen, AgendaScreen | AttendanceScreen | BallotOverviewScreen | RoomScreen | VoteScreen):
        with contextlib.suppress(Exception):  # a redraw that fails must not reach the chair as an error
            if screen.is_attached:
                screen.refresh_view()
                if isinstance(screen, VoteScreen) and screen.poll_id is not None:
                    screen._redraw_votes()  # each member's cell, as a key pressed there redraws it
