"""How the app comes up: a first frame before the session, or the session list, is read in full.

Reading a council through the models costs a third of a second on a slow laptop before anything is
drawn, so a start takes the first of three paths that works:

- a session named at start (``council app --session ID``) that the app last closed: its agenda as
  the app showed it then (its glance, sessions/glance.py, tui/glance_view.py), drawn before anything
  of the session is loaded; the session opens behind it once that frame is up, and input that comes
  meanwhile is held, then handled in order;
- no session named: the session list read as plain JSON (sessions/listing.py); the council is read
  through the models once that frame is up;
- otherwise (no glance, no quick list, a folder that is empty or damaged): the council read in full
  first, then the list, the session named, or the one left running (after a crash).

The screens are given what to draw first and what to call once it is drawn; nothing else in the app
knows which path was taken. Imports at start only what every path needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events

from models.errors import DomainError
from models.i18n import current_language
from tui.errors import guarded

if TYPE_CHECKING:
    from tui.app import CouncilApp
    from tui.screens.agenda import AgendaScreen


class StartUp:
    """The app's start (``begin``, from its on_mount), and the input held while a glance's session opens."""

    def __init__(self, app: CouncilApp) -> None:
        self.app = app
        # Input that came while the session behind a glance was opening; None when input is handled at once.
        self.held_input: list[events.InputEvent] | None = None

    def holds(self, event: events.Event) -> bool:
        """Whether ``event`` is input kept until the session behind the glance is open (then handled in order)."""
        if self.held_input is not None and isinstance(event, events.InputEvent):
            self.held_input.append(event)
            return True
        return False

    def begin(self) -> None:
        """Show the first frame by the first path that works (this module's docstring)."""
        from tui.screens.picker import PickerScreen

        app = self.app
        if app.initial_session and self._show_glance(app.initial_session):
            return
        if not app.initial_session and self._show_listing():
            return
        try:
            if app.council_service.is_empty():
                from tui.screens.first_run import FirstRunScreen  # with the demo council's data: only when empty

                app.push_screen(FirstRunScreen())
                return
            app.council_service.council()
        except DomainError as error:
            app.exit(return_code=2, message=str(error))
            return
        app.push_screen(PickerScreen())
        if app.initial_session:
            app.open_session(app.initial_session)
        else:
            self._reopen_running()

    # --- the session list without the models (sessions/listing.py)
    def _show_listing(self) -> bool:
        """Show the session list read as plain JSON, if it can be; False if it must be read in full."""
        from sessions.listing import quick_listing
        from tui.screens.picker import PickerScreen

        listing = quick_listing(self.app.data_dir)
        if listing is None:
            return False
        self.app.push_screen(PickerScreen(listing=listing, when_drawn=self.check_council))
        return True

    def check_council(self) -> bool:
        """Read the council through the models, as a start without a quick list does first; stop if it is damaged."""
        app = self.app
        try:
            app.council_service.council()
        except DomainError as error:
            app.close_service()  # (a session opened from the list meanwhile is closed as on quitting)
            app.exit(return_code=2, message=str(error))
            return False
        return True

    # --- a session's first frame from its glance (sessions/glance.py)
    def _show_glance(self, session_id: str) -> bool:
        """Show the agenda as the app last closed it, if that is still what the session holds; False if not.

        Nothing of the session is loaded yet: the screen asks for ``open_behind_glance`` once its
        first frame is up, and input waits until then.
        """
        from sessions.glance import read_glance
        from tui.glance_view import view_from_json
        from tui.screens.agenda import AgendaScreen
        from tui.screens.picker import PickerScreen

        kept = read_glance(self.app.data_dir, session_id, language=current_language())
        view = view_from_json(kept) if kept is not None else None
        if view is None:
            return False
        self.held_input = []
        self.app.push_screen(PickerScreen())  # what leaving the agenda goes back to, as when opened from the list
        self.app.push_screen(AgendaScreen(first_view=view, when_drawn=self.open_behind_glance))
        return True

    async def open_behind_glance(self, screen: AgendaScreen) -> None:
        """Open the session whose glance ``screen`` shows, then handle the input that came meanwhile.

        If it cannot be opened, the list comes back with the reason, as when the session is chosen
        from it, and the keys pressed meanwhile are dropped: they were meant for an agenda that is gone.
        """
        app = self.app
        opened = False
        try:
            opened = bool(self._open_behind_glance(screen))
        finally:
            held, self.held_input = self.held_input or [], None
            if not opened:
                held = []
                if app.service is not None:
                    app.close_service()
                if app.screen is screen:
                    app.pop_screen()
            for event in held:
                await app.on_event(event)
            app.first_frame_up()

    @guarded
    def _open_behind_glance(self, screen: AgendaScreen) -> bool:
        app = self.app
        session_id = app.initial_session or ""
        if not self.check_council():
            return False
        try:
            app.service = app.council_service.open_session(session_id)
        except DomainError:
            app.pop_screen()
            app.open_session(session_id)  # says why, and offers to view a session another program holds
            return False
        screen.session_opened()
        app.session_opened()
        return True

    def _reopen_running(self) -> None:
        """After a crash, go back to where the chair was: the session left running, and its open poll."""
        from tui.screens.agenda import poll_screen

        app = self.app
        last = app.council_service.last_session()
        if last is None or not last.running:
            return
        app.open_session(last.session_id)  # a session another program holds is offered read-only
        poll = app.service.record.open_poll() if app.service is not None else None
        if poll is not None and not app.service.read_only:
            app.push_screen(poll_screen(poll.mode))
