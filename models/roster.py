"""Rules for a council's member list: unique seats and ids, one chair, one secretary."""

from __future__ import annotations

import re
from collections.abc import Iterable

from models.council import Member, Role
from models.errors import DomainError


def roster_problems(members: Iterable[Member]) -> list[DomainError]:
    """Everything wrong with a member list, each saying what to fix (empty when it is usable)."""
    members = list(members)
    problems: list[DomainError] = []
    seats: dict[int, Member] = {}
    for member in members:
        if member.seat in seats:
            problems.append(
                DomainError("prep.err.seat_shared", seat=member.seat, first=seats[member.seat].name, second=member.name)
            )
        seats.setdefault(member.seat, member)
    ids = [m.id for m in members]
    for member_id in sorted({i for i in ids if ids.count(i) > 1}):
        problems.append(DomainError("prep.err.member_id_shared", id=member_id))
    for role, key in ((Role.CHAIR, "prep.err.two_chairs"), (Role.SECRETARY, "prep.err.two_secretaries")):
        holders = [m.name for m in members if m.role == role]
        if len(holders) > 1:
            problems.append(DomainError(key, names=", ".join(holders)))
    return problems


def check_roster(members: Iterable[Member]) -> None:
    """Raise the first roster problem, if any."""
    problems = roster_problems(members)
    if problems:
        raise problems[0]


def next_member_id(members: Iterable[Member]) -> str:
    """A fresh id ``m<n>`` after the highest one in use (ids are never reused)."""
    numbers = [int(m.group(1)) for m in (re.fullmatch(r"m(\d+)", x.id) for x in members) if m]
    return f"m{max(numbers, default=0) + 1}"


def next_seat(members: Iterable[Member]) -> int:
    """The first free seat number."""
    taken = {m.seat for m in members}
    return next(n for n in range(1, 100) if n not in taken)


def role_holder(members: Iterable[Member], role: Role) -> Member | None:
    """The member holding ``role`` (the lowest seat when several do)."""
    holders = sorted((m for m in members if m.role == role), key=lambda m: m.seat)
    return holders[0] if holders else None
