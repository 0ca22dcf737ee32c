"""Taking the roll: present, absent with a reason, late, left early; the quorum updates at once."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import DataTable, Label

from models.i18n import t
from models.labels import presence_label, role_label
from models.session import Presence
from tui.bindings import ATTENDANCE
from tui.errors import guarded
from tui.screens.base import SessionScreen
from tui.screens.dialogs import AskTextScreen
from tui.widgets.footer import Footer
from tui.widgets.plain import cell
from tui.widgets.seat_jump import SeatJumper
from tui.widgets.session_bar import SessionBar
from tui.widgets.tables import key_at_cursor

PRESENCE_STYLE = {
    Presence.PRESENT: "green",
    Presence.LATE: "green",
    Presence.ABSENT: "red",
    Presence.LEFT_EARLY: "yellow",
    Presence.UNKNOWN: "dim",
}


class AttendanceScreen(SessionScreen):
    BINDINGS = ATTENDANCE

    def __init__(self) -> None:
        super().__init__()
        self.jumper = SeatJumper()

    def compose(self) -> ComposeResult:
        yield SessionBar(id="session-bar")
        yield Label(t("attendance.title"), classes="screen-title")
        yield Label(t("attendance.hint"), classes="dim")
        yield DataTable(id="members", cursor_type="row")
        yield Label("", id="attendance-summary")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#members", DataTable)
        table.add_column(t("col.seat"), key="seat")
        table.add_column(t("col.name"), key="name")
        table.add_column(t("col.role"), key="role")
        table.add_column(t("col.presence"), key="presence")
        table.add_column(t("col.phone"), key="phone")  # members' phones (room/members.py)
        self.refresh_view()
        table.focus()

    def members(self) -> list:
        return sorted(self.service.record.members, key=lambda m: m.seat)

    def refresh_view(self) -> None:
        super().refresh_view()
        record = self.service.record
        table = self.query_one("#members", DataTable)
        cursor = table.cursor_row
        table.clear()
        phones = self.council_app.phone_marks()
        for member in self.members():
            entry = record.attendance.get(member.id)
            presence = entry.presence if entry else Presence.UNKNOWN
            label = presence_label(presence)
            if entry and entry.reason:
                label = f"{label}: {entry.reason}"
            role = role_label(member.role) + ("" if member.voting else f" ({t('attendance.non_voting')})")
            table.add_row(
                str(member.seat),
                cell(member.name),
                role,
                Text(label, style=PRESENCE_STYLE[presence]),
                phones.get(member.id, ""),
                key=member.id,
            )
        table.move_cursor(row=max(0, cursor))
        present, needed = len(record.present_voting), record.quorum_needed
        summary = t("attendance.summary", present=present, total=len(record.voting_members), needed=needed)
        self.query_one("#attendance-summary", Label).update(summary)

    def selected_member_id(self) -> str:
        return key_at_cursor(self.query_one("#members", DataTable)) or ""

    def action_seat(self, digit: int) -> None:
        members = self.members()
        seat = self.jumper.push(digit, [m.seat for m in members])
        if seat is not None:
            index = next(i for i, m in enumerate(members) if m.seat == seat)
            self.query_one("#members", DataTable).move_cursor(row=index)

    @guarded
    def action_mark(self, presence: str) -> None:
        self.jumper.reset()
        member_id = self.selected_member_id()
        state = Presence(presence)
        if state == Presence.ABSENT:
            self.service.check_can_change()  # refused before the reason is asked for
            name = self.service.record.member(member_id).name
            self.app.push_screen(
                AskTextScreen(t("attendance.absence_reason", name=name)),
                lambda reason: self._absent(member_id, reason),
            )
            return
        self._set(member_id, state, "")

    @guarded
    def _absent(self, member_id: str, reason: str | None) -> None:
        if reason:
            self._set(member_id, Presence.ABSENT, reason)

    def _set(self, member_id: str, presence: Presence, reason: str) -> None:
        lost = self.service.set_attendance(member_id, presence, reason)
        if lost:
            self.app.notify(t("attendance.quorum_lost"), severity="error", timeout=10)
        self.refresh_view()
        table = self.query_one("#members", DataTable)
        if table.cursor_row < table.row_count - 1:
            table.move_cursor(row=table.cursor_row + 1)

    def action_member_link(self) -> None:
        """The highlighted member's personal link as a QR code (tui/screens/member_link.py)."""
        from tui.screens.member_link import MemberLinkScreen

        room = self.council_app.room
        if room is None or not room.is_open:
            self.app.notify(t("link.room_closed"), severity="warning")
            return
        member_id = self.selected_member_id()
        if member_id:
            self.app.push_screen(MemberLinkScreen(member_id), lambda _: self.refresh_view())

    def action_back(self) -> None:
        self.app.pop_screen()
