"""The Textual app: opens a council's data folder and runs its sessions."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events
from textual.app import App, SystemCommand
from textual.command import CommandPalette
from textual.notifications import SeverityLevel
from textual.reactive import Reactive
from textual.screen import Screen

from models.errors import DomainError
from models.i18n import current_language, t
from sessions.clock import Clock, local_now
from sessions.garbage_collection import IDLE_S, CollectionPolicy
from sessions.settings import Loaded, load_settings, remember
from tui.bindings import APP, translate_bindings
from tui.commands_palette import CouncilCommands
from tui.errors import guarded, log_unexpected
from tui.start_up import StartUp
from tui.textual_private import close_after_error, own_bindings, shown_notices, unhandled_error, withdraw_notice
from tui.themes import DEFAULT, LIGHT, PROJECTOR_ANSI, TEXTUAL_NAMES, setting_of

if TYPE_CHECKING:
    from rich.text import Text

    from room.server import Room
    from sessions.council_service import CouncilService
    from sessions.devices import MemberDevices
    from sessions.service import SessionService

BOOTH_APP_ACTIONS = {"focus_next", "focus_previous"}


class CouncilApp(App):
    """council: the chair's app."""

    CSS_PATH = "council.tcss"
    BINDINGS = APP
    COMMANDS = App.COMMANDS | {CouncilCommands}
    TITLE = "council"
    ansi_theme_light = Reactive(PROJECTOR_ANSI, init=False)  # (the light theme's named colours)

    def __init__(
        self,
        data_dir: Path,
        session_id: str | None = None,
        clock: Clock = local_now,
        export_dir: Path | None = None,
        room: str | None = None,
        settings: Loaded | None = None,
    ) -> None:
        super().__init__()
        self.loaded = settings if settings is not None else load_settings()  # (read once, by cli/, at start)
        self.register_theme(LIGHT)
        self.theme = TEXTUAL_NAMES[self.loaded.settings.theme or DEFAULT]
        self.export_dir = export_dir
        translate_bindings(self)
        self.data_dir = Path(data_dir)
        self.initial_session = session_id
        self.clock = clock
        self.service: SessionService | None = None
        self.vote_hook = None  # set by benchmarks: called after each durable, displayed vote
        self.memory = CollectionPolicy()
        self.start_up = StartUp(self)  # the first frame, before the session or the list is read in full
        self.room: Room | None = None  # the projector board's server (room/), once the chair opened it
        self.room_at_start = room  # `council app --room [ADDRESS]`: opened as soon as a session is
        self.room_port: int | None = None  # None: room.server.DEFAULT_PORT (tests use 0, any free port)

    @cached_property
    def council_service(self) -> CouncilService:
        """The council's data folder; its code (and pydantic's) is loaded when first needed, after a glance's frame."""
        from sessions.council_service import CouncilService
        from tui.glance_view import first_frame

        return CouncilService(self.data_dir, clock=self.clock, first_frame=first_frame)

    # --- start (tui/start_up.py)
    def on_mount(self) -> None:
        if self.loaded.problem:
            self.notify(str(self.loaded.problem), severity="warning", timeout=20, markup=False)
        self.start_up.begin()

    def on_ready(self) -> None:
        if self.start_up.held_input is None:  # (behind a glance: once the session is open)
            self.first_frame_up()

    def first_frame_up(self) -> None:
        """The first frame is up: collect again, but not in the middle of a key (sessions/garbage_collection.py)."""
        if self.memory.start():
            self.set_interval(IDLE_S, self.memory.collect_if_idle)

    async def on_unmount(self) -> None:
        self.memory.stop()
        if self.room is not None:
            await self.room.close()  # the port is free again, every board's stream has ended

    async def on_event(self, event: events.Event) -> None:
        if self.start_up.holds(event):
            return  # handled, in order, as soon as the session is open
        if isinstance(event, events.Key):
            self.memory.key_pressed()
        await super().on_event(event)

    def get_default_screen(self) -> Screen:
        from tui.screens.blank import BlankScreen

        return BlankScreen()

    # --- sessions
    @guarded
    def open_session(self, session_id: str, *, read_only: bool = False) -> None:
        """Open a session for running (or read-only) and show its agenda."""
        from tui.screens.agenda import AgendaScreen

        self.close_service()
        try:
            self.service = self._open_service(session_id, read_only=read_only)
        except DomainError as error:
            if error.key != "error.locked":
                raise

            from tui.screens.dialogs import ConfirmScreen

            def answer(view: bool | None) -> None:
                if view:
                    self.open_session(session_id, read_only=True)

            self.push_screen(ConfirmScreen(str(error), t("dialog.view_read_only")), answer)
            return
        self.push_screen(AgendaScreen())
        self.session_opened()

    def _open_service(self, session_id: str, *, read_only: bool = False) -> SessionService:
        return self.council_service.open_session(session_id, read_only=read_only)

    def session_opened(self) -> None:
        """The session is open and its agenda shown: say what opening found; open the room if asked at start."""
        self._announce_recovery()
        self._room_on_start()

    def _announce_recovery(self) -> None:
        """Tell the chair what opening found: changes recovered, a torn write dropped, damage."""
        service = self.service
        if service is None:
            return
        if service.read_only_error is not None:
            self.notify(str(service.read_only_error), severity="error", timeout=20)
        message = service.recovery_message()
        if message:
            self.notify(message, title=t("app.recovered_title"), timeout=15)

    def close_service(self) -> None:
        self.close_room()  # the board follows one session: it stops when the chair leaves it
        if self.service is not None:
            service, self.service = self.service, None
            try:
                service.close()
            except DomainError as error:
                self.notify(str(error), severity="error")

    # --- the room: the projector board (room/, tui/screens/room.py)
    async def open_room(self, host: str) -> str:
        """Serve the open session's board on ``host``; returns its link. Raises DomainError when it cannot."""
        from room.server import DEFAULT_PORT, Room

        if self.service is None:
            raise DomainError("room.error_no_session")
        if self.room is None:
            self.room = Room()
        port = DEFAULT_PORT if self.room_port is None else self.room_port
        self.room.https = getattr(self, "room_https", False)  # s on the room screen (room/tls.py)
        url = await self.room.open(self.service, host, port)
        if self.room.members is not None:
            self.room.members.on_change.append(self._devices_changed)  # members' phones (room/members.py)
        return url

    def member_devices(self) -> MemberDevices:
        """The members' links of the open session (sessions/devices.py)."""
        from sessions.devices import member_devices

        return member_devices(self.service)

    def phone_marks(self) -> dict[str, Text]:
        """Member id -> what the roll shows of their phone: connected now, or a link given."""
        from tui.follow_devices import phone_marks

        return phone_marks(self)

    def _devices_changed(self) -> None:
        """A member's phone voted, or came or went: the screen on top shows it soon (one redraw for a burst)."""
        if not getattr(self, "_devices_redraw", False):
            self._devices_redraw = True
            from tui.follow_devices import REDRAW_S

            self.set_timer(REDRAW_S, self._redraw_for_devices)

    def _redraw_for_devices(self) -> None:
        from tui.follow_devices import redraw_for_devices

        self._devices_redraw = False
        redraw_for_devices(self.screen)

    def close_room(self) -> None:
        if self.room is not None and self.room.is_open:
            self.room.stop()

    def show_room(self) -> None:
        from tui.screens.room import RoomScreen

        if self.service is not None and not isinstance(self.screen, RoomScreen):
            self.push_screen(RoomScreen())

    def _room_on_start(self) -> None:
        host, self.room_at_start = self.room_at_start, None
        if host and self.service is not None and not self.service.read_only:
            self.run_worker(self._open_room_at_start(host), exclusive=True, group="room")

    async def _open_room_at_start(self, host: str) -> None:
        try:
            url = await self.open_room(host)
        except DomainError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.notify(t("room.opened", url=url), timeout=15, markup=False)

    # --- app actions
    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Show a notice; a plain confirmation replaces the one before it instead of stacking up.

        A secretary typing seven paper sheets would otherwise pile seven "stored" notices over the
        tally. Warnings, errors and titled notices (what a recovery found) stay until they time out.
        Notices are plain text unless ``markup`` is asked for: most name what the user typed (a
        member, a code, a path) or quote it in an error, and ``[/]`` in a name must not crash.
        """
        if severity == "information" and not title:
            for earlier in [n for n in shown_notices(self) if n.severity == "information" and not n.title]:
                withdraw_notice(self, earlier)
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def action_help_quit(self) -> None:
        # ctrl+c does not quit a Textual app; say how to, in the chair's language (Textual's own note is English).
        self.notify(t("app.help_quit", quit_key="ctrl+q"), title=t("app.help_quit_title"), markup=True)

    async def action_quit(self) -> None:
        if self._ballot_open():
            from tui.screens.dialogs import ConfirmScreen

            # The chair's view of an open secret ballot: quitting leaves the box sealed until the secret resumes it.
            self.push_screen(ConfirmScreen(t("booth.quit_open"), t("booth.quit_anyway")), self._quit_confirmed)
            return
        self.close_service()
        self.exit()

    def _ballot_open(self) -> bool:
        service = self.service
        poll = service.record.open_poll() if service is not None and not service.read_only else None
        return poll is not None and poll.mode.value in ("secret", "scoring")  # (no models import at start)

    def _quit_confirmed(self, confirmed: bool | None) -> None:
        if confirmed:
            # After the screen below has come back: it redraws from the session, so close that only then.
            self.call_after_refresh(self._quit_now)

    def _quit_now(self) -> None:
        self.close_service()
        self.exit()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # In the ballot booth a member may only vote: no help, palette, quitting or other screens.
        return not (getattr(self.screen, "in_booth", False) and action not in BOOTH_APP_ACTIONS)

    def action_command_palette(self) -> None:
        """The command palette, with its prompt in the user's language."""
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(id="--command-palette", placeholder=t("palette.placeholder")))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield SystemCommand(t("bind.help"), t("palette.help_help"), self.action_help)
        yield SystemCommand(t("bind.quit"), t("palette.quit_help"), self.action_quit)
        if not getattr(screen, "in_booth", False):
            other = "dark" if setting_of(self.theme) == "light" else "light"
            yield SystemCommand(t(f"theme.{other}"), t(f"theme.{other}_help"), lambda: self.choose_theme(other))
            yield SystemCommand(t("language.switch"), t("language.switch_help"), self.switch_language)
        offered = any(binding.action == "room" for _key, binding in own_bindings(screen))  # (the agenda's own key)
        if (
            self.service is not None
            and not self.service.read_only
            and not offered
            and not getattr(screen, "in_booth", False)
        ):
            yield SystemCommand(t("room.palette"), t("does.agenda.room"), self.show_room)

    # --- settings remembered for the next start (sessions/settings.py)
    def choose_theme(self, name: str) -> None:
        """Draw the app in theme ``name`` (dark or light) now, and from the next start."""
        self.theme = TEXTUAL_NAMES[name]
        self._remember(theme=name)

    def switch_language(self) -> None:
        """The other language from the next start (screens already drawn keep theirs)."""
        if self._remember(language="en" if current_language() == "vi" else "vi"):
            self.notify(t("language.saved"))

    def _remember(self, **changes: object) -> bool:
        try:
            remember(**changes)
        except DomainError as error:
            self.notify(t("settings.not_saved", error=str(error)), severity="warning", markup=False)
            return False
        return True

    def _fatal_error(self) -> None:  # Textual's hook (tui/textual_private.py: APP_HOOKS)
        # Whatever went wrong, the journal already holds every acknowledged change: say so plainly.
        path = log_unexpected(unhandled_error(self))
        self.close_service()
        close_after_error(self, t("cli.unexpected", path=str(path) if path else "-"))
