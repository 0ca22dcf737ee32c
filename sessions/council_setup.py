"""Starting a council, editing its members between sessions, and creating a planned session.

A session copies the council's members and rulebook when it is created; editing the council later
never changes a session already created (see ``AgendaEditor.refresh_from_council`` for the one
deliberate exception: a session still planned).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from models.council import CouncilInfo, Member, Role
from models.errors import DomainError
from models.forms import member_from_form, member_to_form
from models.parsing import fold, parse_session_title, squash
from models.record import SessionRecord
from models.roster import check_roster, next_member_id, next_seat, role_holder
from models.rules import PRESETS
from models.session import Invitee, Session
from sessions.paths import SESSION_ID
from sessions.service import Clock, create_session, local_now
from sessions.storage import CouncilFile, DataFolder


def rulebook_preset(name: str) -> str:
    """Check a rulebook preset's name; raises DomainError listing the presets."""
    if name not in PRESETS:
        raise DomainError("prep.err.preset", name=name, choices=", ".join(PRESETS))
    return name


def init_council(folder: DataFolder, info: CouncilInfo, members: Iterable[Member], preset: str = "circular18") -> None:
    """Write a new council into a folder that has none (refuses to overwrite one)."""
    if not folder.is_empty():
        raise DomainError("prep.err.council_exists", path=str(folder.root))
    members = list(members)
    check_roster(members)
    rulebook = PRESETS[rulebook_preset(preset)]
    folder.root.mkdir(parents=True, exist_ok=True)
    folder.save_council(CouncilFile(info=info, members=members, rulebook=rulebook))


def merge_member_ids(new: Iterable[Member], old: Iterable[Member]) -> list[Member]:
    """Ids for an imported member list: an id given is kept; a member found in ``old`` by name
    keeps their old id and PIN; anyone else gets a fresh id."""
    old = list(old)
    new = list(new)
    by_name = {fold(m.name): m for m in old}
    given = [m for m in new if m.id]
    result: list[Member] = []
    for member in new:
        before = by_name.pop(fold(member.name), None)
        if member.id:
            pass
        elif before is not None and all(m.id != before.id for m in given):
            member = member.model_copy(update={"id": before.id, "pin": member.pin or before.pin})
        else:
            member = member.model_copy(update={"id": next_member_id([*old, *given, *result])})
        result.append(member)
    return result


class CouncilEditor:
    """Edits the council's file (name, decision, members, rulebook) between sessions."""

    def __init__(self, folder: DataFolder) -> None:
        self.folder = folder
        self.council = folder.load_council()

    def _save(self, council: CouncilFile) -> None:
        check_roster(council.members)
        self.folder.save_council(council)
        self.council = council

    def update_info(self, info: CouncilInfo) -> None:
        self._save(self.council.model_copy(update={"info": info}))

    def set_preset(self, preset: str) -> None:
        self._save(self.council.model_copy(update={"rulebook": PRESETS[rulebook_preset(preset)]}))

    def replace_members(self, members: Iterable[Member]) -> None:
        """Set the whole member list (ids and seats must be unique, one chair, one secretary)."""
        self._save(self.council.model_copy(update={"members": list(members)}))

    def add_member(self, member: Member) -> Member:
        """Add a member; a blank or used id gets a fresh one."""
        members = self.council.members
        if not member.id or any(m.id == member.id for m in members):
            member = member.model_copy(update={"id": next_member_id(members)})
        self.replace_members([*members, member])
        return member

    def save_member(self, member: Member) -> None:
        """Replace the member with the same id."""
        if all(m.id != member.id for m in self.council.members):
            raise DomainError("error.unknown_member", member=member.id)
        self.replace_members([member if m.id == member.id else m for m in self.council.members])

    def remove_member(self, member_id: str) -> None:
        """Remove a member from the council (sessions already created keep them)."""
        if all(m.id != member_id for m in self.council.members):
            raise DomainError("error.unknown_member", member=member_id)
        self.replace_members([m for m in self.council.members if m.id != member_id])

    def add_member_from_form(self, fields: Mapping[str, str]) -> Member:
        """Add a member typed in a form (a blank seat takes the first free one)."""
        members = self.council.members
        fields = dict(fields)
        if not squash(str(fields.get("seat") or "")):
            fields["seat"] = str(next_seat(members))
        member = member_from_form(fields, member_id=next_member_id(members), taken_seats={m.seat for m in members})
        return self.add_member(member)

    def update_member_from_form(self, member_id: str, fields: Mapping[str, str]) -> Member:
        members = self.council.members
        before = next((m for m in members if m.id == member_id), None)
        if before is None:
            raise DomainError("error.unknown_member", member=member_id)
        taken = {m.seat for m in members if m.id != member_id}
        member = member_from_form({**member_to_form(before), **fields}, member_id=member_id, taken_seats=taken)
        self.save_member(member)
        return member


def free_session_id(folder: DataFolder, date: dt.date) -> str:
    """``YYYY-MM-DD`` of the session's date, with ``-2``, ``-3``... when that day already has one."""
    taken = set(folder.session_ids())
    candidate, number = date.isoformat(), 2
    while candidate in taken:
        candidate, number = f"{date.isoformat()}-{number}", number + 1
    return candidate


def create_planned_session(
    folder: DataFolder,
    *,
    title: str,
    date: dt.date,
    place: str = "",
    start_time: dt.time | None = None,
    chair_id: str | None = None,
    secretary_id: str | None = None,
    invitees: Iterable[Invitee] = (),
    session_id: str | None = None,
    clock: Clock = local_now,
) -> str:
    """Create a planned session with the council's members and rules as they are today; returns its id.

    Chair and secretary default to the members holding those roles.
    """
    council = folder.load_council()
    title = parse_session_title(title)
    if session_id is None:
        session_id = free_session_id(folder, date)
    elif not SESSION_ID.match(session_id):
        raise DomainError("prep.err.session_id", id=session_id)
    elif session_id in folder.session_ids():
        raise DomainError("error.session_exists", session=session_id)
    members = council.members
    for member_id in (chair_id, secretary_id):
        if member_id is not None and all(m.id != member_id for m in members):
            raise DomainError("error.unknown_member", member=member_id)
    chair = chair_id or getattr(role_holder(members, Role.CHAIR), "id", None)
    secretary = secretary_id or getattr(role_holder(members, Role.SECRETARY), "id", None)
    session = Session(
        id=session_id,
        title=squash(title),
        date=date,
        place=squash(place),
        start_time=start_time,
        chair_id=chair,
        secretary_id=secretary,
        invitees=list(invitees),
    )
    record = SessionRecord(council=council.info, members=members, rulebook=council.rulebook, session=session)
    create_session(folder, record, clock=clock)
    return session_id
