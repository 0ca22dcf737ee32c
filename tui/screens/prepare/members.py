"""The council's members between sessions: add, edit, remove, import a list; the council's details.

Changes go to the council file only: a session keeps the members it was created with.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import DataTable, Label, Static

from models.council import Member, Role
from models.i18n import t
from models.labels import role_label
from models.parsing import field_label
from tui.bindings import MEMBERS
from tui.errors import guarded
from tui.screens.base import CouncilScreen
from tui.screens.dialogs import ConfirmScreen
from tui.widgets.footer import Footer
from tui.widgets.plain import cell
from tui.widgets.tables import key_at_cursor


def roster_warnings(members: list[Member]) -> list[str]:
    """What the minutes will miss: no chair, no secretary, nobody voting."""
    warnings = []
    for role in (Role.CHAIR, Role.SECRETARY):
        if all(m.role != role for m in members):
            warnings.append(t("prep.import.no_role", role=role_label(role)))
    if members and not any(m.voting for m in members):
        warnings.append(t("prep.import.no_voters"))
    return warnings


class MembersScreen(CouncilScreen):
    """``first_run``: the step after creating the council; leaving goes on to the session picker."""

    BINDINGS = MEMBERS

    def __init__(self, *, first_run: bool = False) -> None:
        super().__init__()
        self.first_run = first_run

    def compose(self) -> ComposeResult:
        yield Label("", id="members-title", classes="screen-title", markup=False)
        yield Static(t("prep.app.members_note"), classes="dim")
        yield DataTable(id="member-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="members-warnings", classes="field-error prep-warnings", markup=False)
        if self.first_run:
            yield Static(t("prep.app.members_next"), classes="dim")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        # What the chair checks first comes first, so that it stays in view on a narrow terminal.
        for key in ("seat", "name", "role", "voting", "pin", "title", "unit"):
            table.add_column(field_label(key, "member"), key=key)
        self.reload()

    @guarded
    def reload(self, select: str | None = None) -> None:
        council = self.council_app.council_service.editor().council
        self.query_one("#members-title", Label).update(t("prep.app.members_title", name=council.info.name))
        table = self.query_one(DataTable)
        keep = select or self.selected_id()
        table.clear()
        members = sorted(council.members, key=lambda m: m.seat)
        for member in members:
            table.add_row(
                str(member.seat),
                cell(member.name),
                role_label(member.role),
                t("prep.app.votes_yes") if member.voting else t("prep.app.votes_no"),
                "✓" if member.pin else "",
                cell(member.title),
                cell(member.unit),
                key=member.id,
            )
        if keep is not None and any(m.id == keep for m in members):
            table.move_cursor(row=table.get_row_index(keep))
        warnings = self.query_one("#members-warnings", Static)
        text = "\n".join(roster_warnings(members)) if members else t("prep.app.no_members")
        warnings.update(text)
        warnings.display = bool(text)
        table.focus()

    def selected_id(self) -> str | None:
        return key_at_cursor(self.query_one(DataTable))

    # --- actions
    def action_add_member(self) -> None:
        from tui.screens.prepare.member_form import MemberFormScreen

        self.app.push_screen(MemberFormScreen(), self._saved)

    def action_edit_member(self) -> None:
        from tui.screens.prepare.member_form import MemberFormScreen

        member_id = self.selected_id()
        if member_id is not None:
            self.app.push_screen(MemberFormScreen(member_id), self._saved)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit_member()

    def _saved(self, member: Member | None) -> None:
        if member is not None:
            self.app.notify(t("prep.app.member_saved", name=member.name))
            self.reload(select=member.id)

    @guarded
    def action_remove_member(self) -> None:
        member_id = self.selected_id()
        if member_id is None:
            return
        member = next(m for m in self.council_app.council_service.editor().council.members if m.id == member_id)
        question = t("prep.app.member_remove", name=member.name)
        self.app.push_screen(ConfirmScreen(question, t("prep.app.remove")), lambda yes: self._remove(member, yes))

    @guarded
    def _remove(self, member: Member, confirmed: bool | None) -> None:
        if confirmed:
            self.council_app.council_service.editor().remove_member(member.id)
            self.app.notify(t("prep.app.member_removed", name=member.name))
            self.reload()

    def action_import_members(self) -> None:
        from tui.screens.prepare.import_screen import ImportScreen

        self.app.push_screen(ImportScreen("members"), lambda done: self.reload())

    def action_council_info(self) -> None:
        from tui.screens.prepare.council_form import CouncilFormScreen

        self.app.push_screen(CouncilFormScreen(creating=False), lambda info: self.reload())

    def action_done(self) -> None:
        from tui.screens.picker import PickerScreen

        if self.first_run:
            self.app.switch_screen(PickerScreen())
        else:
            self.dismiss(None)
