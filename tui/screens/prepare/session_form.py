"""A session's details: title, date, place, start time, chair, secretary, invitees.

New: creates a planned session with the council's members and rules as they are today.
Editing: changes the open session's details through its journal (not once it is closed).
"""

from __future__ import annotations

from typing import ClassVar

from models.council import Member, Role
from models.forms import session_changes_from_form
from models.i18n import t
from models.labels import role_label
from models.parsing import field_hint, field_label, format_invitees
from models.roster import role_holder
from sessions.editing import AgendaEditor
from tui.screens.prepare.form import Field, date_echo, field_check
from tui.screens.prepare.form_screen import FormScreen


def member_options(members: list[Member]) -> tuple[tuple[str, str], ...]:
    return tuple((f"{m.seat}. {m.name} ({role_label(m.role)})", m.id) for m in sorted(members, key=lambda m: m.seat))


class SessionFormScreen(FormScreen):
    """``editing``: the open session's details; otherwise a new planned session (dismisses with its id)."""

    error_fields: ClassVar[dict[str, str]] = {"error.session_exists": "date"}

    def __init__(self, *, editing: bool = False) -> None:
        super().__init__()
        self.editing = editing
        self.with_session_bar = editing

    def _members(self) -> list[Member]:
        service = self.council_app.service
        if self.editing and service is not None:
            return service.record.members
        return self.council_app.council_service.council().members

    def form_title(self) -> str:
        return t("prep.app.session_edit" if self.editing else "prep.app.session_new")

    def form_fields(self) -> list[Field]:
        members = self._members()
        options = member_options(members)

        def label(name: str) -> str:
            return field_label(name, "session")

        def blank(role: Role) -> str:
            holder = role_holder(members, role)
            if self.editing or holder is None:
                return "-"
            return t("prep.app.by_role", name=holder.name)

        return [
            Field(
                "title",
                label("title"),
                hint=t("prep.app.hint.session_title"),
                required=True,
                check=field_check("session_title"),
            ),
            Field(
                "date",
                label("date"),
                hint=field_hint("date"),
                required=True,
                check=field_check("date"),
                echo=date_echo,
            ),
            Field("place", label("place"), hint=t("prep.app.hint.place")),
            Field("start_time", label("start_time"), hint=field_hint("start_time"), check=field_check("start_time")),
            Field(
                "chair", label("chair"), kind="select", options=options, allow_blank=True, blank_label=blank(Role.CHAIR)
            ),
            Field(
                "secretary",
                label("secretary"),
                kind="select",
                options=options,
                allow_blank=True,
                blank_label=blank(Role.SECRETARY),
            ),
            Field(
                "invitees",
                label("invitees"),
                kind="text",
                hint=t("prep.app.hint.invitees"),
                check=field_check("invitees"),
                help=t("prep.app.hint.invitees"),
            ),
        ]

    def form_values(self) -> dict[str, str]:
        service = self.council_app.service
        if not self.editing or service is None:
            return {}
        session = service.record.session
        return {
            "title": session.title,
            "date": session.date.strftime("%d/%m/%Y"),
            "place": session.place,
            "start_time": session.start_time.strftime("%H:%M") if session.start_time else "",
            "chair": session.chair_id or "",
            "secretary": session.secretary_id or "",
            "invitees": format_invitees(session.invitees),
        }

    def submit(self, values: dict[str, str]) -> str:
        service = self.council_app.service
        if self.editing and service is not None:
            AgendaEditor(service).update_session_from_form(values)
            return service.session_id
        changes = session_changes_from_form(values, members=self._members())
        return self.council_app.council_service.plan_session(**changes)
