"""Import of initiatives and members from CSV and XLSX: preview first (nothing written), then apply.

An import is all or nothing: a plan with any problem cannot be applied, and applying a plan of
initiatives writes one journal record, so even a crash leaves either all rows or none::

    plan = preview(path, folder=folder, session_id=session_id)   # reads only
    for problem in plan.sorted_problems(): print(problem)         # row, column, what to fix
    if plan.ok:
        apply_initiatives(service, plan)                          # or apply_members(folder, plan)
"""

from __future__ import annotations

from pathlib import Path

from models.council import Member
from models.errors import DomainError
from models.initiative import Initiative
from models.record import SessionRecord
from sessions.council_setup import CouncilEditor, merge_member_ids
from sessions.editing import AgendaEditor, agenda_problems, initiative_id_for
from sessions.importing.cells import formula_warnings
from sessions.importing.columns import INITIATIVE_COLUMNS, MEMBER_COLUMNS, find_header_row, score, sheet_named
from sessions.importing.columns import INITIATIVE_SHEETS as _INITIATIVE_SHEETS
from sessions.importing.columns import MEMBER_SHEETS as _MEMBER_SHEETS
from sessions.importing.initiatives import plan_initiatives
from sessions.importing.members import plan_members
from sessions.importing.plan import ImportPlan, Problem
from sessions.importing.reader import UnreadableFile, Workbook, read_source
from sessions.service import SessionService
from sessions.storage import DataFolder

KINDS = ("initiatives", "members")

__all__ = [
    "KINDS",
    "ImportPlan",
    "Problem",
    "apply_initiatives",
    "apply_members",
    "detect_kind",
    "preview",
    "preview_initiatives",
    "preview_members",
]


def _source_name(source: Path | bytes, name: str | None) -> str:
    return name or (Path(source).name if not isinstance(source, bytes) else "")


def _read(source: Path | bytes, name: str | None, kind: str) -> Workbook | ImportPlan:
    try:
        return read_source(source, name)
    except UnreadableFile as failure:
        return ImportPlan(kind=kind, source=_source_name(source, name), problems=[failure.problem])


def detect_kind(book: Workbook) -> str | None:
    """``initiatives`` or ``members`` from the sheet names and headers; None when it cannot tell."""
    if sheet_named(book.sheets, _INITIATIVE_SHEETS):
        return "initiatives"
    if sheet_named(book.sheets, _MEMBER_SHEETS):
        return "members"
    for sheet in book.sheets:
        initiatives = find_header_row(sheet, INITIATIVE_COLUMNS, "title") is not None
        members = find_header_row(sheet, MEMBER_COLUMNS, "name") is not None
        if initiatives and members:
            return "initiatives" if score(sheet, INITIATIVE_COLUMNS) >= score(sheet, MEMBER_COLUMNS) else "members"
        if initiatives or members:
            return "initiatives" if initiatives else "members"
    return None


def preview_initiatives(
    source: Path | bytes, record: SessionRecord, *, name: str | None = None, sheet: str | None = None
) -> ImportPlan:
    """What importing this file into the session would add, with every problem; writes nothing."""
    book = _read(source, name, "initiatives")
    if isinstance(book, ImportPlan):
        book.session_id = record.session.id
        return book
    return _with_formula_warnings(
        book,
        plan_initiatives(
            book,
            members=record.members,
            existing=list(record.initiatives.values()),
            status=record.session.status,
            session_id=record.session.id,
            sheet=sheet,
            session_date=record.session.date,
        ),
    )


def preview_members(source: Path | bytes, *, name: str | None = None, sheet: str | None = None) -> ImportPlan:
    """The member list this file holds, with every problem; writes nothing."""
    book = _read(source, name, "members")
    return book if isinstance(book, ImportPlan) else _with_formula_warnings(book, plan_members(book, sheet=sheet))


def preview(
    source: Path | bytes,
    *,
    folder: DataFolder,
    session_id: str | None = None,
    kind: str | None = None,
    sheet: str | None = None,
    name: str | None = None,
) -> ImportPlan:
    """Read a file of initiatives (into ``session_id``) or members (into the council); writes nothing.

    ``kind`` is found from the file's sheets and headers when not given.
    """
    book = _read(source, name, kind or "initiatives")
    if isinstance(book, ImportPlan):
        book.session_id = session_id
        return book
    kind = kind or detect_kind(book)
    if kind is None:
        plan = ImportPlan(kind="initiatives", source=book.name, session_id=session_id)
        plan.problem("prep.import.unknown_kind")
        return plan
    if kind == "members":
        if session_id is not None:
            raise DomainError("prep.import.members_no_session")
        folder.load_council()  # a clear error when the folder has no council yet
        return _with_formula_warnings(book, plan_members(book, sheet=sheet))
    if session_id is None:
        planned = [s.id for s in folder.summaries() if s.status == "planned"] if not folder.is_empty() else []
        raise DomainError("prep.import.session_needed", sessions=", ".join(planned) or "-")
    record, _ = folder.load_record(session_id)
    return _with_formula_warnings(
        book,
        plan_initiatives(
            book,
            members=record.members,
            existing=list(record.initiatives.values()),
            status=record.session.status,
            session_id=session_id,
            sheet=sheet,
            session_date=record.session.date,
        ),
    )


def _with_formula_warnings(book: Workbook, plan: ImportPlan) -> ImportPlan:
    """The plan, warned of every formula cell of the file (read as its text)."""
    plan.warnings.extend(formula_warnings(book))
    return plan


def apply_initiatives(service: SessionService, plan: ImportPlan) -> list[Initiative]:
    """Add the plan's initiatives to the session in one journal record; refuses a plan with problems.

    The plan is checked again against the session as it is now (it may have changed since the preview).
    """
    if plan.kind != "initiatives" or not plan.ok:
        raise DomainError("prep.import.not_ok", count=len(plan.problems))
    if plan.session_id not in (None, service.session_id):
        raise DomainError("prep.import.stale")
    editor = AgendaEditor(service)
    if not editor.can_change_agenda():
        raise DomainError("prep.err.agenda_fixed")
    taken = set(service.record.initiatives)
    items = []
    for initiative in plan.initiatives:
        item = initiative.model_copy(update={"id": initiative_id_for(initiative.code, taken)})
        taken.add(item.id)
        items.append(item)
    if agenda_problems(service.record, items):
        raise DomainError("prep.import.stale")
    if items:
        service._commit("initiatives_imported", {"initiatives": [i.model_dump(mode="json") for i in items]})
        service.checkpoint()
    return [service.record.initiatives[i.id] for i in items]


def apply_members(folder: DataFolder, plan: ImportPlan) -> list[Member]:
    """Replace the council's member list with the plan's (same-name members keep their id and PIN).

    Sessions already created keep the members they had.
    """
    if plan.kind != "members" or not plan.ok:
        raise DomainError("prep.import.not_ok", count=len(plan.problems))
    editor = CouncilEditor(folder)
    members = merge_member_ids(plan.members, editor.council.members)
    editor.replace_members(members)
    return members
