"""The council service: what the front ends do with a council's data folder, outside a running session.

Listing the sessions, starting a council, editing its members, planning and opening a session,
importing, statistics, backups and the demo council. A running session is a ``SessionService``,
opened here. The front ends (``tui/``, the CLI, the room server) come in through these two services
and never touch the data folder, the journal or the reducer themselves (tests/test_layering.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sessions.clock import Clock, local_now
from sessions.storage import CouncilFile, DataFolder

if TYPE_CHECKING:
    from models.council import CouncilInfo, Member
    from models.record import SessionRecord
    from sessions.backup import Backup
    from sessions.council_record import CouncilEvidence
    from sessions.council_setup import CouncilEditor
    from sessions.importing import ImportPlan
    from sessions.listing import SessionSummary
    from sessions.recovery import LastSession
    from sessions.service import FirstFrame, SessionService
    from sessions.stats import Statistics


class CouncilService:
    """One council's data folder, as the front ends use it.

    ``first_frame``: how a front end draws a session's first frame, kept as each session it opens here
    closes so that its next start shows it at once (sessions/glance.py); None keeps nothing.
    """

    def __init__(self, root: Path, *, clock: Clock = local_now, first_frame: FirstFrame | None = None) -> None:
        self._folder = DataFolder(Path(root))
        self.clock = clock
        self.first_frame = first_frame

    @property
    def root(self) -> Path:
        """The data folder's path, as messages name it."""
        return self._folder.root

    @property
    def council_file(self) -> Path:
        return self._folder.council_path

    # --- the council
    def is_empty(self) -> bool:
        """True when the folder holds no council yet."""
        return self._folder.is_empty()

    def council(self) -> CouncilFile:
        """The council's file (info, members, rulebook); raises DomainError naming it when it cannot be used."""
        return self._folder.load_council()

    def start_council(self, info: CouncilInfo, members: Iterable[Member], preset: str = "circular18") -> None:
        """Write a new council into the empty folder."""
        from sessions.council_setup import init_council

        init_council(self._folder, info, members, preset)

    def editor(self) -> CouncilEditor:
        """An editor of the council's name, decision, members and rulebook, between sessions."""
        from sessions.council_setup import CouncilEditor

        return CouncilEditor(self._folder)

    def create_demo(self, today: dt.date) -> list[str]:
        """Write the demo council into the empty folder; returns the session ids created."""
        from sessions.demo.build import build_demo

        return build_demo(self._folder, today)

    def council_evidence(self) -> CouncilEvidence:
        """What the council's journal says of its file."""
        return self._folder.council_evidence()

    def restore_council(self, now: dt.datetime) -> Path | None:
        """Put the council's file back as its journal last recorded it (sessions/council_record.py)."""
        from sessions.council_record import restore_council

        return restore_council(self._folder.council_path, now)

    # --- the sessions
    def summaries(self, *, damaged_rows: bool = False) -> list[SessionSummary]:
        """One summary per session, oldest first; ``damaged_rows``: a session that cannot be read is a row saying so."""
        return self._folder.summaries(damaged_rows=damaged_rows)

    def last_session(self) -> LastSession | None:
        """The session last run here, or None; ``running`` means it was not closed."""
        return self._folder.last_session()

    def plan_session(self, **fields: Any) -> str:
        """Create a planned session with the council's members and rules as they are today; returns its id."""
        from sessions.council_setup import create_planned_session

        return create_planned_session(self._folder, clock=self.clock, **fields)

    def open_session(self, session_id: str, *, read_only: bool = False) -> SessionService:
        """Open a session for running (with its lock) or for reading only."""
        from sessions.service import SessionService

        return SessionService(
            self._folder, session_id, clock=self.clock, read_only=read_only, first_frame=self.first_frame
        )

    def recorded(self, session_id: str) -> tuple[SessionRecord, str]:
        """A session's record as its files hold it, and its chain head (the check code the minutes print)."""
        record, report = self._folder.load_record(session_id)
        return record, report.chain_head

    def statistics(self) -> Statistics:
        """The statistics of every decided session."""
        from sessions.stats import compute_stats, load_records

        return compute_stats(load_records(self.root))

    # --- importing
    def preview_import(
        self,
        source: Path | bytes,
        *,
        session_id: str | None = None,
        kind: str | None = None,
        sheet: str | None = None,
        name: str | None = None,
    ) -> ImportPlan:
        """Read a file of initiatives or members; writes nothing (sessions/importing)."""
        from sessions.importing import preview

        return preview(source, folder=self._folder, session_id=session_id, kind=kind, sheet=sheet, name=name)

    def import_members(self, plan: ImportPlan) -> list[Member]:
        """Replace the council's members with the plan's (same-name members keep their id and PIN)."""
        from sessions.importing import apply_members

        return apply_members(self._folder, plan)

    # --- backups
    def restore_backup(self, backup: Backup, now: dt.datetime) -> Backup | None:
        """Put ``backup`` back as its session's files (sessions/backup.py)."""
        from sessions.backup import restore_backup

        return restore_backup(self._folder, backup, now)
