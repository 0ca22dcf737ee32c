"""The agenda screen's preparing keys: add, edit, remove, reorder, import, session details.

Mixed into ``AgendaScreen`` so that its module keeps to running the meeting. What each key may do
follows ``AgendaEditor``: everything while planned; once open, only the details and initiatives not
yet voted on; nothing once closed. A refused key says why instead of opening a form.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import DataTable

from models.errors import DomainError
from models.i18n import t
from tui.errors import guarded

if TYPE_CHECKING:
    from models.initiative import Initiative
    from sessions.editing import AgendaEditor


class AgendaPrepActions:  # a mixin: the attributes are the AgendaScreen's
    """Needs the screen's ``service``, ``council_app``, ``highlighted_index()`` and ``refresh_view()``."""

    # --- helpers
    def _editor(self) -> AgendaEditor:
        # Loaded when the chair first prepares the agenda, not with the agenda's first frame.
        from sessions.editing import AgendaEditor

        if self.service.read_only:
            raise DomainError("error.read_only")
        return AgendaEditor(self.service)

    def _highlighted(self) -> Initiative | None:
        items = self.service.record.agenda_items()
        return items[min(self.highlighted_index(), len(items) - 1)] if items else None

    def _require_agenda_open(self, editor: AgendaEditor) -> None:
        from models.session import SessionStatus  # loaded with the session, after the first frame

        if editor.status == SessionStatus.CLOSED:
            raise DomainError("error.session_closed")
        if not editor.can_change_agenda():
            raise DomainError("prep.err.agenda_fixed")

    def _show_item(self, initiative_id: str) -> None:
        self.refresh_view()
        agenda = self.service.record.session.agenda
        if initiative_id in agenda:
            self.query_one("#agenda", DataTable).move_cursor(row=agenda.index(initiative_id))

    # --- initiatives
    @guarded
    def action_add_initiative(self) -> None:
        from tui.screens.prepare.initiative_form import InitiativeFormScreen

        self._require_agenda_open(self._editor())
        self.app.push_screen(InitiativeFormScreen(), self._initiative_saved)

    @guarded
    def action_edit_initiative(self) -> None:
        from models.session import SessionStatus
        from tui.screens.prepare.initiative_form import InitiativeFormScreen

        editor = self._editor()
        initiative = self._highlighted()
        if initiative is None:
            return
        if editor.status == SessionStatus.CLOSED:
            raise DomainError("error.session_closed")
        if not editor.can_edit(initiative.id):
            raise DomainError("prep.err.already_voted", code=initiative.code)
        self.app.push_screen(InitiativeFormScreen(initiative.id), self._initiative_saved)

    def _initiative_saved(self, initiative: Initiative | None) -> None:
        if initiative is not None:
            self.app.notify(t("prep.app.initiative_saved", code=initiative.code))
            self._show_item(initiative.id)

    @guarded
    def action_remove_initiative(self) -> None:
        from tui.screens.dialogs import ConfirmScreen

        editor = self._editor()
        self._require_agenda_open(editor)
        initiative = self._highlighted()
        if initiative is None:
            return
        question = t("prep.app.initiative_remove", code=initiative.code, title=initiative.title)
        self.app.push_screen(ConfirmScreen(question, t("prep.app.remove")), lambda yes: self._remove(initiative, yes))

    @guarded
    def _remove(self, initiative: Initiative, confirmed: bool | None) -> None:
        if confirmed:
            self._editor().remove_initiative(initiative.id)
            self.app.notify(t("prep.app.initiative_removed", code=initiative.code))
            self.refresh_view()

    @guarded
    def action_move_item(self, step: int) -> None:
        editor = self._editor()
        self._require_agenda_open(editor)
        initiative = self._highlighted()
        if initiative is not None:
            editor.move_by(initiative.id, step)
            self._show_item(initiative.id)

    @guarded
    def action_import_initiatives(self) -> None:
        from tui.screens.prepare.import_screen import ImportScreen

        self._require_agenda_open(self._editor())
        self.app.push_screen(ImportScreen("initiatives"), lambda done: self.refresh_view())

    # --- the session
    @guarded
    def action_edit_details(self) -> None:
        from tui.screens.prepare.session_form import SessionFormScreen

        if not self._editor().can_edit_details():
            raise DomainError("error.session_closed")
        self.app.push_screen(SessionFormScreen(editing=True), self._details_saved)

    def _details_saved(self, session_id: str | None) -> None:
        if session_id is not None:
            self.app.notify(t("prep.app.session_saved"))
            self.refresh_view()

    @guarded
    def action_take_council(self) -> None:
        from models.labels import preset_name
        from tui.screens.dialogs import ConfirmScreen

        editor = self._editor()
        self._require_agenda_open(editor)
        council = self.council_app.council_service.council()
        record = editor.record
        if (record.council, record.members, record.rulebook) == (council.info, council.members, council.rulebook):
            self.app.notify(t("prep.app.council_same"))
            return
        question = t(
            "prep.app.council_take",
            count=len(council.members),
            before=len(record.members),
            preset=preset_name(council.rulebook.preset),
        )
        self.app.push_screen(ConfirmScreen(question, t("prep.app.council_take_yes")), self._take_council)

    @guarded
    def _take_council(self, confirmed: bool | None) -> None:
        if confirmed:
            self._editor().refresh_from_council(self.council_app.council_service.council())
            self.app.notify(t("prep.app.council_taken"))
            self.refresh_view()
