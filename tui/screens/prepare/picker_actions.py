"""The session picker's preparing keys: a new session (n), the council's members (m)."""

from __future__ import annotations

from models.i18n import t
from tui.errors import guarded


class PickerPrepActions:  # a mixin: the attributes are the PickerScreen's
    """Needs the screen's ``council_app`` and ``reload()``."""

    @guarded
    def action_new_session(self) -> None:
        from tui.screens.prepare.session_form import SessionFormScreen

        self.council_app.council_service.council()  # a damaged council file says so before the form opens
        self.app.push_screen(SessionFormScreen(), self._session_created)

    def _session_created(self, session_id: str | None) -> None:
        if session_id is None:
            return
        self.app.notify(t("prep.app.session_created", session=session_id))
        self.reload()
        # Straight on to its agenda, where the initiatives go.
        self.council_app.open_session(session_id)

    def action_members(self) -> None:
        from tui.screens.prepare.members import MembersScreen

        self.app.push_screen(MembersScreen(), lambda _: self.reload())
