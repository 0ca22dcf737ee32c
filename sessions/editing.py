"""Preparing a session: its details and its agenda, through the session's journal.

What may change depends on the session's status:

- planned: everything (details, adding, editing, removing and reordering initiatives, the members
  snapshot taken from the council);
- open: the details, and the application fields of initiatives not yet voted on (a typo found while
  the author presents); the agenda itself no longer changes;
- closed: nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import Any

from models.council import Member
from models.errors import DomainError
from models.forms import initiative_from_form, initiative_to_form, session_changes_from_form
from models.initiative import Initiative
from models.parsing import fold, parse_session_title, squash
from models.record import SessionRecord
from models.roster import check_roster
from models.session import Invitee, SessionStatus
from sessions.service import SessionService
from sessions.storage import CouncilFile


class _Keep:
    """The default of an argument left out (None would mean 'clear it')."""


KEEP = _Keep()


def initiative_id_for(code: str, taken: Iterable[str]) -> str:
    """A stable id from the code (``SK-2026-01`` gives ``sk-2026-01``), made unique."""
    base = re.sub(r"[^a-z0-9]+", "-", fold(code)).strip("-")[:40] or "item"
    taken = set(taken)
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def agenda_problems(record: SessionRecord, initiatives: Iterable[Initiative]) -> list[DomainError]:
    """Why these new or edited initiatives cannot go into ``record``: duplicate codes, unknown members."""
    problems = []
    member_ids = {m.id for m in record.members}
    new = list(initiatives)
    replaced = {i.id for i in new}
    codes = {fold(i.code): i.code for i in record.initiatives.values() if i.id not in replaced}
    for item in new:
        if fold(item.code) in codes:
            problems.append(DomainError("prep.err.code_taken", code=item.code))
        codes[fold(item.code)] = item.code
        for author in item.authors:
            if author.member_id is not None and author.member_id not in member_ids:
                known = ", ".join(f"{m.id} ({m.seat}: {m.name})" for m in record.members) or "-"
                problems.append(DomainError("prep.err.unknown_member", name=author.member_id, known=known))
    return problems


class AgendaEditor:
    """Edits one session's details and agenda; every change is one journal event.

    Part of the session service: it writes through the service's own ``_commit``, as the service's methods do.
    """

    def __init__(self, service: SessionService) -> None:
        self.service = service

    @property
    def record(self) -> SessionRecord:
        return self.service.record

    @property
    def status(self) -> SessionStatus:
        return self.record.session.status

    # --- what the forms may offer
    def can_change_agenda(self) -> bool:
        """Adding, removing and reordering initiatives: only while the session is planned."""
        return self.status == SessionStatus.PLANNED

    def can_edit(self, initiative_id: str) -> bool:
        """Whether this initiative's application fields may still be changed."""
        if self.status == SessionStatus.CLOSED or initiative_id not in self.record.initiatives:
            return False
        return self.status == SessionStatus.PLANNED or not self._voted(initiative_id)

    def can_edit_details(self) -> bool:
        return self.status != SessionStatus.CLOSED

    def _voted(self, initiative_id: str) -> bool:
        return bool(self.record.polls_for(initiative_id)) or self.record.conclusion(initiative_id) is not None

    def _require_agenda_open(self) -> None:
        if self.status == SessionStatus.CLOSED:
            raise DomainError("error.session_closed")
        if self.status != SessionStatus.PLANNED:
            raise DomainError("prep.err.agenda_fixed")

    def _require_editable(self, initiative_id: str) -> Initiative:
        initiative = self._initiative(initiative_id)
        if self.status == SessionStatus.CLOSED:
            raise DomainError("error.session_closed")
        if not self.can_edit(initiative_id):
            raise DomainError("prep.err.already_voted", code=initiative.code)
        return initiative

    def _initiative(self, initiative_id: str) -> Initiative:
        initiative = self.record.initiatives.get(initiative_id)
        if initiative is None:
            raise DomainError("error.unknown_initiative", code=initiative_id)
        return initiative

    def _check(self, initiatives: list[Initiative]) -> None:
        problems = agenda_problems(self.record, initiatives)
        if problems:
            raise problems[0]

    # --- initiatives
    def new_id(self, code: str) -> str:
        return initiative_id_for(code, self.record.initiatives)

    def taken_codes(self, except_id: str | None = None) -> list[str]:
        """Codes of the session's initiatives (but ``except_id``), for as-you-type duplicate checks."""
        return [i.code for i in self.record.initiatives.values() if i.id != except_id]

    def add_initiative(self, initiative: Initiative) -> Initiative:
        """Put a new initiative at the end of the agenda; an id already in use gets a fresh one."""
        self._require_agenda_open()
        if not initiative.id or initiative.id in self.record.initiatives:
            initiative = initiative.model_copy(update={"id": self.new_id(initiative.code)})
        self._check([initiative])
        self.service._commit("initiative_saved", {"initiative": initiative.model_dump(mode="json")})
        return self.record.initiatives[initiative.id]

    def save_initiative(self, initiative: Initiative) -> Initiative:
        """Replace an initiative's application fields (same id, same place on the agenda)."""
        before = self._require_editable(initiative.id)
        if before == initiative:
            return before
        self._check([initiative])
        self.service._commit("initiative_saved", {"initiative": initiative.model_dump(mode="json")})
        return self.record.initiatives[initiative.id]

    def add_from_form(self, fields: Mapping[str, str]) -> Initiative:
        """Add an initiative typed in a form; raises FormErrors naming every wrong field."""
        self._require_agenda_open()
        initiative = initiative_from_form(
            fields,
            initiative_id=self.new_id(squash(str(fields.get("code") or ""))),
            members=self.record.members,
            taken_codes=self.taken_codes(),
        )
        return self.add_initiative(initiative)

    def update_from_form(self, initiative_id: str, fields: Mapping[str, str]) -> Initiative:
        """Save an edited initiative's form; fields left out of ``fields`` keep their value."""
        before = self._require_editable(initiative_id)
        merged = {**initiative_to_form(before), **fields}
        initiative = initiative_from_form(
            merged,
            initiative_id=initiative_id,
            members=self.record.members,
            taken_codes=self.taken_codes(except_id=initiative_id),
            before=before,
        )
        return self.save_initiative(initiative)

    def remove_initiative(self, initiative_id: str) -> None:
        """Take an initiative off the agenda of a planned session (refused once anything is recorded on it)."""
        self._require_agenda_open()
        initiative = self._initiative(initiative_id)
        if self._voted(initiative_id) or self.record.recusals.get(initiative_id):
            raise DomainError("prep.err.has_record", code=initiative.code)
        self.service._commit("initiative_removed", {"initiative_id": initiative_id})

    def reorder(self, agenda: list[str]) -> None:
        """Set the agenda's order; ``agenda`` must hold exactly the session's initiatives."""
        self._require_agenda_open()
        if sorted(agenda) != sorted(self.record.session.agenda):
            raise DomainError("prep.err.reorder")
        if agenda == self.record.session.agenda:
            return
        self.service._commit("agenda_reordered", {"agenda": list(agenda)})

    def move(self, initiative_id: str, index: int) -> None:
        """Move one initiative to position ``index`` (0-based, clamped to the agenda)."""
        self._initiative(initiative_id)
        agenda = [i for i in self.record.session.agenda if i != initiative_id]
        index = max(0, min(index, len(agenda)))
        agenda.insert(index, initiative_id)
        self.reorder(agenda)

    def move_by(self, initiative_id: str, step: int) -> None:
        """Move one initiative up (negative ``step``) or down the agenda."""
        self.move(initiative_id, self.record.session.agenda.index(initiative_id) + step)

    # --- session details
    def update_session(
        self,
        *,
        title: str | None = None,
        date: dt.date | None = None,
        place: str | None = None,
        start_time: dt.time | _Keep | None = KEEP,
        chair_id: str | _Keep | None = KEEP,
        secretary_id: str | _Keep | None = KEEP,
        invitees: list[Invitee] | None = None,
    ) -> None:
        """Change some of the session's details; arguments left out keep their value.

        ``start_time``, ``chair_id`` and ``secretary_id`` may be set to None to clear them.
        """
        if self.status == SessionStatus.CLOSED:
            raise DomainError("error.session_closed")
        changes: dict[str, Any] = {}
        if title is not None:
            changes["title"] = parse_session_title(title)
        if date is not None:
            changes["date"] = date.isoformat()
        if place is not None:
            changes["place"] = squash(place)
        if not isinstance(start_time, _Keep):
            changes["start_time"] = start_time.isoformat() if isinstance(start_time, dt.time) else None
        for key, value in (("chair_id", chair_id), ("secretary_id", secretary_id)):
            if isinstance(value, _Keep):
                continue
            if value is not None and self.record.find_member(value) is None:
                raise DomainError("error.unknown_member", member=value)
            changes[key] = value
        if invitees is not None:
            changes["invitees"] = [Invitee.model_validate(i).model_dump(mode="json") for i in invitees]
        current = self.record.session.model_dump(mode="json")
        changes = {k: v for k, v in changes.items() if current.get(k) != v}
        if changes:
            self.service._commit("session_updated", {"changes": changes})

    def update_session_from_form(self, fields: Mapping[str, str]) -> None:
        """Save the session details form (title, date, place, start_time, chair, secretary, invitees)."""
        self.update_session(**session_changes_from_form(fields, members=self.record.members))

    # --- the council as the session sees it
    def refresh_from_council(self, council: CouncilFile) -> None:
        """Take the council's current members and rules into a planned session.

        A session keeps the members and rules it was created with; this is for a planned session
        whose council was corrected since (a misspelt name, a new member). Open or closed sessions
        never change.
        """
        self._require_agenda_open()
        check_roster(council.members)
        ids = {m.id for m in council.members}
        for item in self.record.initiatives.values():
            for author in item.authors:
                if author.member_id and author.member_id not in ids:
                    raise DomainError("prep.err.author_member_gone", code=item.code, name=author.name)
        session = self.record.session
        for member_id in (session.chair_id, session.secretary_id):
            if member_id and member_id not in ids:
                raise DomainError("error.unknown_member", member=member_id)
        snapshot = {
            "council": council.info.model_dump(mode="json"),
            "members": [m.model_dump(mode="json") for m in council.members],
            "rulebook": council.rulebook.model_dump(mode="json"),
        }
        current = {k: v for k, v in self.record.model_dump(mode="json").items() if k in snapshot}
        if current != snapshot:
            self.service._commit("council_refreshed", snapshot)

    def members(self) -> list[Member]:
        """The session's own members (its snapshot), in seat order."""
        return sorted(self.record.members, key=lambda m: m.seat)
