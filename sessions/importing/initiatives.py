"""Planning an import of initiatives into a session: every row checked, every problem located."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from pydantic import ValidationError

from models.council import Member
from models.errors import DomainError
from models.initiative import CAMPAIGN_CATEGORIES, Author, Initiative, InitiativeType
from models.parsing import (
    MEMBER_MARKERS,
    AuthorEntry,
    authors_from_entries,
    canonical_category,
    check_date_range,
    check_shares,
    find_member,
    fold,
    member_namesakes,
    parse_type,
    split_authors,
)
from models.session import SessionStatus
from models.status import status_label
from sessions.editing import initiative_id_for
from sessions.importing.cells import amount_of, date_of, line_of, share_of
from sessions.importing.columns import (
    AUTHOR_COLUMNS,
    AUTHOR_SHEETS,
    INITIATIVE_COLUMNS,
    INITIATIVE_SHEETS,
    HeaderRow,
    column_letter,
    find_header_row,
    sheet_named,
)
from sessions.importing.plan import ImportPlan, Problem
from sessions.importing.reader import Sheet, Workbook
from sessions.importing.rows import RowReader, data_rows, main_sheet, sheet_label

EXPECTED = "Mã số, Tên sáng kiến, Tác giả (tỷ lệ)"
_NOT_MEMBER = frozenset({"", "khong", "no", "n", "0", "false"})
_TEXT_FIELDS = ("description", "conditions", "benefit_text", "confidential", "first_application_people")


@dataclass
class _SheetAuthor:
    row: int
    author: Author
    member_ref: str | None
    reader: RowReader


@dataclass
class _Draft:
    """One initiative row as read, before the checks that need the other rows."""

    reader: RowReader
    code: str
    values: dict[str, object]
    cell_authors: list[AuthorEntry] | None
    sheet_authors: list[_SheetAuthor] = field(default_factory=list)


def plan_initiatives(
    book: Workbook,
    *,
    members: list[Member],
    existing: list[Initiative],
    status: SessionStatus = SessionStatus.PLANNED,
    session_id: str | None = None,
    sheet: str | None = None,
    session_date: dt.date | None = None,
) -> ImportPlan:
    """Read a workbook of initiatives against a session's members and agenda; nothing is written."""
    plan = ImportPlan(kind="initiatives", source=book.name, session_id=session_id, session_date=session_date)
    if status != SessionStatus.PLANNED:
        plan.problem("prep.import.session_not_planned", session=session_id or "", status=status_label(status))
    main = main_sheet(
        book,
        sheet,
        plan,
        names=INITIATIVE_SHEETS,
        columns=INITIATIVE_COLUMNS,
        required="title",
        missing="prep.import.no_initiative_sheet",
        expected=EXPECTED,
        skip=AUTHOR_SHEETS,
    )
    if main is None:
        return plan
    many = len(book.sheets) > 1
    plan.sheet = main.name or None
    header = find_header_row(main, INITIATIVE_COLUMNS, "title")
    if header is None:
        plan.problems.append(Problem("prep.import.no_headers", {"expected": EXPECTED}, sheet=sheet_label(main, many)))
        return plan
    if main.truncated:
        plan.problem("prep.import.too_many_rows", limit=len(main.rows))
    author_sheet = sheet_named([s for s in book.sheets if s is not main], AUTHOR_SHEETS)
    _check_header(plan, header, main, many, has_author_sheet=author_sheet is not None)
    drafts = [
        _read_row(plan, RowReader(plan, header, n, cells, sheet_label(main, many)))
        for n, cells in data_rows(main, header)
    ]
    if not drafts:
        plan.problems.append(Problem("prep.import.no_rows", {}, sheet=sheet_label(main, many)))
    if author_sheet is not None:
        _attach_sheet_authors(plan, author_sheet, drafts, members, many)
    _check_codes(plan, drafts, existing)
    taken_ids = {i.id for i in existing}
    for draft in drafts:
        initiative = _build(plan, draft, members, taken_ids)
        if initiative is not None:
            taken_ids.add(initiative.id)
            plan.initiatives.append(initiative)
            plan.rows.append(draft.reader.number)
    if plan.problems:
        plan.initiatives, plan.rows = [], []
    _warn_new_values(plan, drafts, existing, members)
    return plan


def _check_header(plan: ImportPlan, header: HeaderRow, sheet: Sheet, many: bool, *, has_author_sheet: bool) -> None:
    where = sheet_label(sheet, many)
    for name, indexes in header.duplicates:
        columns = ", ".join(column_letter(i) for i in indexes)
        plan.problems.append(
            Problem(
                "prep.import.column_twice", {"columns": columns, "header": header.header(name)}, header.row, sheet=where
            )
        )
    if "code" not in header.fields:
        plan.problems.append(Problem("prep.import.no_code_column", {}, header.row, sheet=where))
    if "authors" not in header.fields and not has_author_sheet:
        plan.problems.append(Problem("prep.import.no_authors_column", {}, header.row, sheet=where))
    if header.unknown:
        plan.warn("prep.import.columns_ignored", columns=", ".join(header.unknown))


LINE_MAX = 200
"""The longest field, category or unit name accepted: a department's full name fits with room to spare."""


def _read_row(plan: ImportPlan, row: RowReader) -> _Draft:
    code = row.required_line("code", "prep.err.code_empty", 40) if row.has("code") else ""
    values: dict[str, object] = {
        "code": code,
        "title": row.required_line("title", "prep.err.title_empty", 500),
        "type": row.get("type", lambda c: parse_type(line_of(c)) if line_of(c) else None, None),
        "field": row.limited_line("field", LINE_MAX),
        "category": canonical_category(row.limited_line("category", LINE_MAX)),
        "unit": row.limited_line("unit", LINE_MAX),
        "first_applied": row.get("first_applied", lambda c: check_date_range(date_of(c), plan.session_date), None),
        "benefit_vnd": row.get("benefit_vnd", amount_of, None),
    }
    for name in _TEXT_FIELDS:
        values[name] = row.text(name)
    cell_authors = None
    if row.has("authors") and row.text("authors"):
        cell_authors = row.get("authors", lambda c: split_authors(row.text("authors")), None)
    return _Draft(reader=row, code=code, values=values, cell_authors=cell_authors)


def _member_ref(reader: RowReader) -> str | None:
    cell = reader.cell("member")
    if isinstance(cell.value, bool):
        return "x" if cell.value else None
    text = line_of(cell)
    if fold(text) in _NOT_MEMBER:
        return None
    return "x" if fold(text) in MEMBER_MARKERS | {"co", "yes", "y", "1"} else text


def _attach_sheet_authors(
    plan: ImportPlan, sheet: Sheet, drafts: list[_Draft], members: list[Member], many: bool
) -> None:
    header = find_header_row(sheet, AUTHOR_COLUMNS, "name")
    if header is None or "code" not in header.fields:
        plan.problems.append(Problem("prep.import.author_sheet_headers", {"sheet": sheet.name}, sheet=sheet.name))
        return
    if sheet.truncated:
        plan.problem("prep.import.too_many_rows", limit=len(sheet.rows))
    by_code = {fold(d.code): d for d in drafts if d.code}
    for number, cells in data_rows(sheet, header):
        row = RowReader(plan, header, number, cells, sheet.name)
        code = row.required_line("code", "prep.err.code_empty", 40)
        name = row.required_line("name", "prep.err.name_empty", 200)
        share = row.get("share", lambda c: None if line_of(c) == "" else share_of(c), None)
        birth = row.get("birth_date", lambda c: check_date_range(date_of(c), plan.session_date, birth=True), None)
        if not code or not name:
            continue
        draft = by_code.get(fold(code))
        if draft is None:
            row.problem("code", "prep.import.author_code_unknown", code=code)
            continue
        author = Author.model_construct(
            name=name,
            share=share or 0,
            birth_date=birth,
            workplace=row.line("workplace"),
            position=row.line("position"),
            qualification=row.line("qualification"),
            member_id=None,
        )
        draft.sheet_authors.append(_SheetAuthor(number, author, _member_ref(row) if row.has("member") else None, row))


def _check_codes(plan: ImportPlan, drafts: list[_Draft], existing: list[Initiative]) -> None:
    in_session = {fold(i.code) for i in existing}
    first_row: dict[str, int] = {}
    for draft in drafts:
        key = fold(draft.code)
        if not key:
            continue
        if key in first_row:
            draft.reader.problem("code", "prep.import.code_twice", code=draft.code, row=first_row[key])
        elif key in in_session:
            draft.reader.problem("code", "prep.import.code_in_session", code=draft.code)
        first_row.setdefault(key, draft.reader.number)


def _sheet_authors(plan: ImportPlan, draft: _Draft, members: list[Member]) -> list[Author] | None:
    entries = draft.sheet_authors
    if any(e.reader.failed for e in entries):
        return None
    first = entries[0].reader
    missing = [e.author.name for e in entries if not e.author.share]
    if len(entries) == 1 and missing:
        entries[0].author = entries[0].author.model_copy(update={"share": 100})
        missing = []
    if missing:
        first.error("share", DomainError("prep.err.shares_missing", names=", ".join(missing)))
        return None
    try:
        check_shares([e.author.share for e in entries])
    except DomainError as error:
        first.problem("share", "prep.import.shares_total", code=draft.code, total=error.params["total"])
        return None
    authors, seen, ok = [], set(), True
    for entry in entries:
        member_id = None
        if entry.member_ref is not None:
            try:
                member_id = find_member(entry.member_ref, entry.author.name, members).id
            except DomainError as error:
                entry.reader.error("member", error)
                ok = False
                continue
            if member_id in seen:
                entry.reader.problem("member", "prep.err.member_twice", name=entry.author.name)
                ok = False
            seen.add(member_id)
        data = entry.author.model_dump() | {"member_id": member_id}
        try:
            authors.append(Author.model_validate(data))
        except ValidationError:
            entry.reader.problem("name", "prep.import.author_invalid", name=entry.author.name)
            ok = False
    return authors if ok else None


def _same_authors(cell: list[AuthorEntry], sheet: list[Author]) -> bool:
    def key(name: str, share: int | None) -> tuple[str, int | None]:
        return fold(name), share

    shares = [e.share if e.share is not None or len(cell) > 1 else 100 for e in cell]
    return sorted(key(e.name, s) for e, s in zip(cell, shares, strict=True)) == sorted(
        key(a.name, a.share) for a in sheet
    )


def _authors(plan: ImportPlan, draft: _Draft, members: list[Member]) -> list[Author] | None:
    row = draft.reader
    if draft.sheet_authors:
        authors = _sheet_authors(plan, draft, members)
        if authors is not None and draft.cell_authors and not _same_authors(draft.cell_authors, authors):
            row.problem("authors", "prep.import.authors_differ", code=draft.code)
            return None
        return authors
    if draft.cell_authors is None:
        if not row.failed or not row.has("authors") or not row.text("authors"):
            row.problem("authors", "prep.err.authors_empty")
        return None
    try:
        return authors_from_entries(draft.cell_authors, members)
    except DomainError as error:
        row.error("authors", error)
        return None


def _build(plan: ImportPlan, draft: _Draft, members: list[Member], taken_ids: set[str]) -> Initiative | None:
    authors = _authors(plan, draft, members)
    if draft.reader.failed or authors is None:
        return None
    values = dict(draft.values)
    if values["type"] is None:
        values["type"] = InitiativeType.TECHNICAL
        plan.warnings.append(Problem("prep.import.type_default", {}, **draft.reader.where("type")))
    try:
        return Initiative(id=initiative_id_for(draft.code, taken_ids), authors=authors, **values)
    except DomainError as error:
        draft.reader.error(None, error)
    except ValidationError:
        draft.reader.problem(None, "prep.import.row_invalid")
    return None


def _warn_new_values(plan: ImportPlan, drafts: list[_Draft], existing: list[Initiative], members: list[Member]) -> None:
    known_categories = {fold(c) for c in CAMPAIGN_CATEGORIES} | {fold(i.category) for i in existing}
    known_fields = {fold(i.field) for i in existing}
    categories = _new_values((str(d.values["category"]) for d in drafts), known_categories)
    fields = _new_values((str(d.values["field"]) for d in drafts), known_fields)
    if categories:
        plan.warn("prep.import.new_categories", values=", ".join(categories))
    if fields:
        plan.warn("prep.import.new_fields", values=", ".join(fields))
    for initiative, row in zip(plan.initiatives, plan.rows, strict=True):
        for author, member in member_namesakes(initiative.authors, members):
            plan.warnings.append(
                Problem(
                    "prep.import.namesake",
                    {"name": author.name, "code": initiative.code, "member": member.id, "seat": member.seat},
                    row=row,
                )
            )


def _new_values(values: Iterable[str], known: set[str]) -> list[str]:
    seen: dict[str, str] = {}
    for value in values:
        if value and fold(value) not in known:
            seen.setdefault(fold(value), value)
    return sorted(seen.values())
