"""Base classes: translated bindings, and the session bar on every running-session screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import ModalScreen, Screen

from tui.bindings import translate_bindings
from tui.widgets.session_bar import SessionBar

if TYPE_CHECKING:
    from sessions.service import SessionService
    from tui.app import CouncilApp


class CouncilScreen(Screen):
    """A screen whose binding descriptions are shown in the user's language."""

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)

    @property
    def council_app(self) -> CouncilApp:
        return self.app  # type: ignore[return-value]


class CouncilModal(ModalScreen):
    """A modal dialog with translated bindings."""

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)


class SessionScreen(CouncilScreen):
    """A screen of the running session: the session bar on top, refreshed after every change."""

    @property
    def service(self) -> SessionService:
        service = self.council_app.service
        assert service is not None, "a session screen needs an open session"
        return service

    def refresh_bar(self) -> None:
        self.query_one(SessionBar).show(self.service.record, read_only=self.service.read_only)

    def refresh_view(self) -> None:
        """Redraw everything from the service's record; subclasses extend."""
        self.refresh_bar()
        self.refresh_bindings()  # the footer, ? and the palette offer what works in the new state

    def on_screen_resume(self) -> None:
        self.refresh_view()
