"""Planning an import of the council's members: seats, roles, voting; every problem located."""

from __future__ import annotations

from pydantic import ValidationError

from models.council import Member, Role
from models.labels import role_label
from models.parsing import fold, parse_role
from sessions.importing.cells import flag_of, line_of, seat_of
from sessions.importing.columns import MEMBER_COLUMNS, MEMBER_SHEETS, column_letter, find_header_row
from sessions.importing.plan import ImportPlan, Problem
from sessions.importing.reader import Workbook
from sessions.importing.rows import RowReader, data_rows, main_sheet, sheet_label

EXPECTED = "STT, Họ và tên, Vai trò, Chức vụ, Đơn vị"


def plan_members(book: Workbook, *, sheet: str | None = None) -> ImportPlan:
    """Read a workbook listing the council's members; nothing is written."""
    plan = ImportPlan(kind="members", source=book.name)
    main = main_sheet(
        book,
        sheet,
        plan,
        names=MEMBER_SHEETS,
        columns=MEMBER_COLUMNS,
        required="name",
        missing="prep.import.no_member_sheet",
        expected=EXPECTED,
    )
    if main is None:
        return plan
    many = len(book.sheets) > 1
    where = sheet_label(main, many)
    plan.sheet = main.name or None
    header = find_header_row(main, MEMBER_COLUMNS, "name")
    if header is None:
        plan.problems.append(Problem("prep.import.no_headers", {"expected": EXPECTED}, sheet=where))
        return plan
    if main.truncated:
        plan.problem("prep.import.too_many_rows", limit=len(main.rows))
    for name_, indexes in header.duplicates:
        columns = ", ".join(column_letter(i) for i in indexes)
        text = header.header(name_)
        plan.problems.append(Problem("prep.import.column_twice", {"columns": columns, "header": text}, header.row))
    if header.unknown:
        plan.warn("prep.import.columns_ignored", columns=", ".join(header.unknown))
    plan.ids_given = "id" in header.fields
    rows = data_rows(main, header)
    if not rows:
        plan.problems.append(Problem("prep.import.no_rows", {}, sheet=where))
    seats: dict[int, int] = {}
    holders: dict[Role, int] = {}
    ids: dict[str, int] = {}
    names: dict[str, int] = {}
    members: list[Member] = []
    for position, (number, cells) in enumerate(rows, start=1):
        row = RowReader(plan, header, number, cells, where)
        name = row.required_line("name", "prep.err.name_empty", 200)
        seat_field = "seat" if row.has("seat") else "order" if row.has("order") and line_of(row.cell("order")) else None
        seat = row.get(seat_field, seat_of, 0) if seat_field else position
        role = row.get("role", lambda c: parse_role(line_of(c)), Role.MEMBER)
        voting = row.get("voting", flag_of, True)
        member_id = row.line("id")
        if seat and seat in seats:
            row.problem(seat_field, "prep.import.seat_twice", seat=seat, row=seats[seat])
        seats.setdefault(seat, number)
        if role in (Role.CHAIR, Role.SECRETARY) and role in holders:
            row.problem("role", "prep.import.role_twice", role=role_label(role), row=holders[role])
        holders.setdefault(role, number)
        if row.has("id") and row.line("id"):
            if member_id in ids:
                row.problem("id", "prep.import.id_twice", id=member_id, row=ids[member_id])
            ids.setdefault(member_id, number)
        if name and fold(name) in names:
            plan.warnings.append(
                Problem("prep.import.name_twice", {"name": name, "row": names[fold(name)]}, **row.where("name"))
            )
        names.setdefault(fold(name), number)
        if row.failed:
            continue
        try:
            member = Member(
                id=member_id,
                seat=seat,
                name=name,
                role=role,
                title=row.line("title"),
                unit=row.line("unit"),
                voting=voting,
                pin=row.line("pin") or None,
            )
        except ValidationError:
            row.problem(None, "prep.import.row_invalid")
            continue
        members.append(member)
        plan.rows.append(number)
    if plan.problems:
        plan.rows = []
        return plan
    plan.members = members
    for role in (Role.CHAIR, Role.SECRETARY):
        if role not in holders:
            plan.warn("prep.import.no_role", role=role_label(role))
    if members and not any(m.voting for m in members):
        plan.warn("prep.import.no_voters")
    return plan
