"""One council member: seat, name, role, position, unit, voting, ballot PIN."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from models.council import Member, Role
from models.forms import member_to_form
from models.i18n import t
from models.labels import role_label
from models.parsing import field_label
from models.roster import next_seat
from tui.screens.prepare.form import Field, field_check
from tui.screens.prepare.form_screen import FormScreen

if TYPE_CHECKING:
    from sessions.council_setup import CouncilEditor


class MemberFormScreen(FormScreen):
    """Adds a member (``member_id`` None) or edits one, in the council file; dismisses with the member."""

    error_fields: ClassVar[dict[str, str]] = {
        "prep.err.two_chairs": "role",
        "prep.err.two_secretaries": "role",
        "prep.err.seat_shared": "seat",
        "prep.err.seat_taken": "seat",
    }

    def __init__(self, member_id: str | None = None) -> None:
        super().__init__()
        self.member_id = member_id

    @property
    def editor(self) -> CouncilEditor:
        return self.council_app.council_service.editor()

    def _member(self) -> Member | None:
        return next((m for m in self.editor.council.members if m.id == self.member_id), None)

    def form_title(self) -> str:
        member = self._member()
        return t("prep.app.member_edit", name=member.name) if member else t("prep.app.member_new")

    def form_fields(self) -> list[Field]:
        taken = {m.seat for m in self.editor.council.members if m.id != self.member_id}
        roles = tuple((role_label(role), role.value) for role in Role)
        voting = ((t("prep.app.votes_yes"), "yes"), (t("prep.app.votes_no"), "no"))

        def label(name: str) -> str:
            return field_label(name, "member")

        return [
            Field("seat", label("seat"), required=True, check=field_check("seat", taken_seats=taken)),
            Field("name", label("name"), required=True, check=field_check("name")),
            Field("role", label("role"), kind="select", options=roles),
            Field("title", label("title"), hint=t("prep.app.hint.member_title")),
            Field("unit", label("unit")),
            Field("voting", label("voting"), kind="select", options=voting),
            Field("pin", label("pin"), password=True, note=t("prep.app.pin_note")),
        ]

    def form_values(self) -> dict[str, str]:
        member = self._member()
        if member is None:
            members = self.editor.council.members
            # The first person entered is usually the chair.
            role = Role.MEMBER if any(m.role == Role.CHAIR for m in members) else Role.CHAIR
            return {"seat": str(next_seat(members)), "role": role.value, "voting": "yes"}
        return member_to_form(member)

    def submit(self, values: dict[str, str]) -> Member:
        editor = self.editor
        if self.member_id is None:
            return editor.add_member_from_form(values)
        return editor.update_member_from_form(self.member_id, values)
