"""Schema versions: every stored document carries one, and older files are migrated on load.

Version 0 is the layout of the first pilot (before schema numbers were written):

- no ``schema_version`` in ``council.json`` (table ``council``) nor in a checkpoint (table ``meta``),
  nor in the record of a journal's ``session_created``;
- members had no ``seat``: the chair picked them by their place in the list (1, 2, 3...);
- money was kept as the text typed, e.g. ``"86.500.000"`` or ``"86.500.000 đồng"`` (``benefit_vnd``
  of an initiative, ``confirmed_benefit_vnd`` of a finding); empty text meant "cannot be quantified".

Version 1: ``schema_version`` everywhere, ``seat`` on every member, money in whole đồng.

Version 2 (current): the planned start and the actual one are kept apart. In version 1, ``session_opened``
carried ``start_time``: the planned start when one was set (else the clock), which the minutes then printed
as the start. In version 2 it carries nothing: the actual start is the time of the record itself (the clock
when the chair started the meeting), and the session keeps ``start_time`` (planned) and ``started_at``
(actual) apart. A version-1 ``session_opened`` loses its ``start_time`` and so starts, too, when its record
was written.
Version 2 also keeps attendance as it happened (``attendance_log``, each poll's ``away``, ``left`` and
``present_at_close``): the reducer derives them from the journal's ``attendance_set`` records, so a
version-1 journal gets them on replay. A version-1 checkpoint lacks all of this and cannot be migrated on
its own: it is not used, and the journal (which holds everything) is replayed in full instead
(``CHECKPOINT_USABLE_FROM``); the next checkpoint is written in the current layout.

Tables (TinyDB files) are migrated when read and written back in the new layout at the next save.
Journal records are never rewritten (that would break the hash chain): they are migrated as they
are replayed, and the first change made by a newer program appends a ``schema_migrated`` record,
after which records are in the new layout.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from models.errors import DomainError
from models.parsing import parse_amount
from models.record import SCHEMA_VERSION
from sessions.journal import Record

Tables = dict[str, list[dict[str, Any]]]
Event = dict[str, Any]

SCHEMA_MARK = "schema_migrated"  # journal record: the records after it are in schema data["to"]


# --- version 0 -> 1
def _money(value: Any) -> int | None:
    """Money typed as text in version 0 (``"86.500.000 đồng"``) as whole đồng. Raises ValueError."""
    if value is None or isinstance(value, int):
        return value
    if isinstance(value, str):
        try:
            return parse_amount(value)  # the one amount parser
        except DomainError as exc:
            raise ValueError(f"amount {value!r}") from exc
    raise ValueError(f"amount {value!r}")


def _seat_members(members: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Give each member without a seat the number of their place in the list (or the next free one)."""
    taken = {m["seat"] for m in members if isinstance(m.get("seat"), int)}
    result = []
    for place, member in enumerate(members, start=1):
        member = dict(member)
        if not isinstance(member.get("seat"), int):
            seat = place
            while seat in taken:
                seat += 1
            member["seat"] = seat
            taken.add(seat)
        result.append(member)
    return result


def _initiative_0_to_1(initiative: dict[str, Any]) -> dict[str, Any]:
    if "benefit_vnd" in initiative:
        initiative = {**initiative, "benefit_vnd": _money(initiative["benefit_vnd"])}
    return initiative


def _finding_0_to_1(finding: dict[str, Any]) -> dict[str, Any]:
    if "confirmed_benefit_vnd" in finding:
        finding = {**finding, "confirmed_benefit_vnd": _money(finding["confirmed_benefit_vnd"])}
    return finding


def _tables_0_to_1(tables: Tables) -> Tables:
    result = {name: [dict(row) for row in rows] for name, rows in tables.items()}
    for name in ("meta", "council"):
        for row in result.get(name, [])[:1]:
            row["schema_version"] = 1
    if "members" in result:
        result["members"] = _seat_members(result["members"])
    if "initiatives" in result:
        result["initiatives"] = [_initiative_0_to_1(i) for i in result["initiatives"]]
    if "findings" in result:
        result["findings"] = [_finding_0_to_1(f) for f in result["findings"]]
    return result


def _record_0_to_1(data: Event, ts: str) -> Event:
    record = data["record"]
    record["schema_version"] = 1
    record["members"] = _seat_members(record.get("members", []))
    record["initiatives"] = {k: _initiative_0_to_1(v) for k, v in record.get("initiatives", {}).items()}
    record["findings"] = {k: _finding_0_to_1(v) for k, v in record.get("findings", {}).items()}
    return data


def _finding_saved_0_to_1(data: Event, ts: str) -> Event:
    data["finding"] = _finding_0_to_1(data["finding"])
    return data


def _initiative_saved_0_to_1(data: Event, ts: str) -> Event:
    data["initiative"] = _initiative_0_to_1(data["initiative"])
    return data


# --- version 1 -> 2
def _tables_1_to_2(tables: Tables) -> Tables:
    result = {name: [dict(row) for row in rows] for name, rows in tables.items()}
    for name in ("meta", "council"):
        for row in result.get(name, [])[:1]:
            row["schema_version"] = 2
    return result


def _record_1_to_2(data: Event, ts: str) -> Event:
    data["record"]["schema_version"] = 2
    return data


def _session_opened_1_to_2(data: Event, ts: str) -> Event:
    # Its ``start_time`` was the planned start (if any): the actual one is when the record was written.
    return {}


# version -> function that turns tables of that version into the next one.
MIGRATIONS: dict[int, Callable[[Tables], Tables]] = {0: _tables_0_to_1, 1: _tables_1_to_2}
# One entry per journal event kind (each declared in sessions/reducer.py), even a kind no schema change touched:
# kind -> schema version -> the step that turns its data of that version (with its record's time) into the next.
# A new kind gets ``{}`` here, and a new schema version a look at every entry (tests/test_events.py checks both
# lists name the same kinds).
EventStep = Callable[[Event, str], Event]
EVENT_MIGRATIONS: dict[str, dict[int, EventStep]] = {
    "schema_migrated": {},
    "checkpoint": {},
    "session_created": {0: _record_0_to_1, 1: _record_1_to_2},
    "session_updated": {},
    "council_refreshed": {},
    "rulebook_set": {},
    "initiative_saved": {0: _initiative_saved_0_to_1},
    "initiatives_imported": {},
    "initiative_removed": {},
    "agenda_reordered": {},
    "session_opened": {1: _session_opened_1_to_2},
    "session_closed": {},
    "attendance_set": {},
    "item_selected": {},
    "recusal_set": {},
    "poll_opened": {},
    "vote_recorded": {},
    "vote_cleared": {},
    "votes_recorded": {},
    "quorum_lost": {},
    "paper_recorded": {},
    "poll_closed": {},
    "poll_voided": {},
    "finding_saved": {0: _finding_saved_0_to_1},
    "recognition_decided": {},
}
# A checkpoint older than this is not used: it lacks what version 2 derives from the journal (see above).
CHECKPOINT_USABLE_FROM = 2


# --- tables
def file_version(tables: Tables) -> int:
    for name in ("meta", "council"):
        rows = tables.get(name)
        if rows:
            return int(rows[0].get("schema_version", 0))
    return 0


def migrate_tables(tables: Tables, path: Path) -> Tables:
    """Bring ``tables`` up to the current schema; a newer file than this program is refused."""
    try:
        version = file_version(tables)
    except (TypeError, ValueError) as exc:
        raise DomainError("error.file_foreign", path=str(path)) from exc
    if version > SCHEMA_VERSION:
        raise DomainError("error.schema_newer", path=str(path), version=version)
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise DomainError("error.file_foreign", path=str(path))
        try:
            tables = step(tables)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise DomainError("error.file_invalid", path=str(path), detail=f"schema {version}: {exc}") from exc
        version += 1
    return tables


# --- journal records
def _start_version(first: Record | None) -> int:
    """The schema of a journal's first records: that of the record in its ``session_created``."""
    if first is None or first.type != "session_created":
        return SCHEMA_VERSION
    record = first.data.get("record")
    return int(record.get("schema_version", 0)) if isinstance(record, dict) else SCHEMA_VERSION


def record_versions(records: Sequence[Record], path: Path) -> tuple[list[int], int]:
    """The schema each record is written in, and the schema in force after the last one.

    Raises DomainError("error.schema_newer") for a journal written by a newer program.
    """
    try:
        version = _start_version(records[0] if records else None)
        versions = []
        for record in records:
            if record.type == SCHEMA_MARK:
                version = int(record.data["to"])
            versions.append(version)
            if version > SCHEMA_VERSION:
                raise DomainError("error.schema_newer", path=str(path), version=version)
    except (KeyError, TypeError, ValueError) as exc:
        raise DomainError("error.file_foreign", path=str(path)) from exc
    return versions, version


def migrate_event(kind: str, data: Event, version: int, ts: str = "") -> Event:
    """One journal event of schema ``version`` (written at ``ts``) in the current layout (a copy). Raises ValueError."""
    if version >= SCHEMA_VERSION:
        return data
    steps = EVENT_MIGRATIONS.get(kind, {})  # an unknown kind is left for the reducer to refuse
    data = copy.deepcopy(data)
    while version < SCHEMA_VERSION:
        try:
            step = steps.get(version)
            if step is not None:
                data = step(data, ts)
        except (KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"schema {version}: {exc}") from exc
        version += 1
    return data


def schema_mark(version: int) -> Event:
    """The data of the record a newer program appends before its first change to an older journal."""
    return {"from": version, "to": SCHEMA_VERSION}
