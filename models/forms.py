"""Turning a form's text fields into models, reporting every wrong field at once (``FormErrors``)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any

from models.council import Member
from models.errors import DomainError
from models.formatting import format_date, group_thousands
from models.initiative import Author, Initiative
from models.parsing import (
    FormErrors,
    canonical_category,
    check_date_range,
    find_member,
    fold,
    format_authors,
    parse_amount,
    parse_authors,
    parse_code,
    parse_date_text,
    parse_invitees,
    parse_optional_date,
    parse_role,
    parse_seat,
    parse_session_title,
    parse_time,
    parse_type,
    parse_yes_no,
    squash,
)
from models.text import clean_text

INITIATIVE_FIELDS = (
    "code",
    "title",
    "type",
    "field",
    "category",
    "unit",
    "authors",
    "first_applied",
    "description",
    "conditions",
    "benefit_text",
    "benefit_vnd",
    "confidential",
    "first_application_people",
)
"""The text fields of the initiative form, in the order of the application form."""

SESSION_FIELDS = ("title", "date", "place", "start_time", "chair", "secretary", "invitees")
MEMBER_FIELDS = ("seat", "name", "role", "title", "unit", "voting", "pin")

_MULTILINE = {"description", "conditions", "benefit_text", "confidential", "first_application_people"}


class _Collector:
    """Runs each field's parser and keeps every error, so a form can mark all wrong fields at once."""

    def __init__(self, fields: Mapping[str, str], form: str) -> None:
        self.fields = fields
        self.form = form
        self.errors: dict[str, DomainError] = {}

    def text(self, name: str) -> str:
        return str(self.fields.get(name) or "")

    def get(self, name: str, parse: Callable[[str], Any]) -> Any:
        try:
            return parse(self.text(name))
        except DomainError as error:
            self.errors[name] = error
            return None

    def done(self) -> None:
        if self.errors:
            raise FormErrors(self.errors, self.form)


def _required(key: str) -> Callable[[str], str]:
    def parse(text: str) -> str:
        value = squash(text)
        if not value:
            raise DomainError(key)
        return value

    return parse


def _keep_details(new: list[Author], old: Iterable[Author]) -> list[Author]:
    """Carry birth date, workplace, position and qualification over to authors kept by name."""
    previous = {fold(a.name): a for a in old}
    result = []
    for author in new:
        before = previous.get(fold(author.name))
        if before is not None:
            details = before.model_dump(include={"birth_date", "workplace", "position", "qualification"})
            author = author.model_copy(update=details)
        result.append(author)
    return result


def initiative_from_form(
    fields: Mapping[str, str],
    *,
    initiative_id: str,
    members: Iterable[Member],
    taken_codes: Collection[str] = (),
    before: Initiative | None = None,
) -> Initiative:
    """An initiative from the form's texts; raises FormErrors naming every wrong field.

    ``taken_codes`` are the codes of the session's other initiatives; ``before`` is the initiative
    being edited, whose author details (birth date, workplace...) are kept for authors kept by name.
    """
    members = list(members)
    form = _Collector(fields, "initiative")
    values: dict[str, Any] = {
        "code": form.get("code", lambda s: parse_code(s, taken_codes)),
        "title": form.get("title", _required("prep.err.title_empty")),
        "type": form.get("type", lambda s: parse_type(_required("prep.err.type_empty")(s))),
        "field": squash(form.text("field")),
        "category": canonical_category(form.text("category")),
        "unit": squash(form.text("unit")),
        "authors": form.get("authors", lambda s: parse_authors(s, members)),
        "first_applied": form.get("first_applied", lambda text: check_date_range(parse_optional_date(text))),
        "benefit_vnd": form.get("benefit_vnd", parse_amount),
    }
    for name in _MULTILINE:
        values[name] = clean_text(form.text(name))
    form.done()
    if before is not None:
        values["authors"] = _keep_details(values["authors"], before.authors)
    return Initiative(id=initiative_id, **values)


def initiative_to_form(initiative: Initiative) -> dict[str, str]:
    """The texts a form shows for an existing initiative (what ``initiative_from_form`` reads back)."""
    values = initiative.model_dump(include=set(INITIATIVE_FIELDS))
    form = {name: str(values.get(name) or "") for name in INITIATIVE_FIELDS}
    form["type"] = initiative.type.value
    form["authors"] = format_authors(initiative.authors)
    form["first_applied"] = format_date(initiative.first_applied)
    amount = initiative.benefit_vnd
    form["benefit_vnd"] = "" if amount is None else group_thousands(amount, ".")
    return form


def member_to_form(member: Member) -> dict[str, str]:
    """The texts a form shows for an existing member (what ``member_from_form`` reads back)."""
    return {
        "seat": str(member.seat),
        "name": member.name,
        "role": member.role.value,
        "title": member.title,
        "unit": member.unit,
        "voting": "yes" if member.voting else "no",
        "pin": member.pin or "",
    }


def member_ref(text: str, members: Iterable[Member]) -> str | None:
    """A member typed as id, seat number or full name; blank gives None."""
    if not squash(text):
        return None
    return find_member(squash(text), "", members).id


def session_changes_from_form(fields: Mapping[str, str], *, members: Iterable[Member]) -> dict[str, Any]:
    """The session details the form holds, as keyword arguments for ``AgendaEditor.update_session``.

    Only fields present in ``fields`` are returned, so a form may edit a few of them.
    """
    members = list(members)
    form = _Collector(fields, "session")
    parsers: dict[str, tuple[str, Callable[[str], Any]]] = {
        "title": ("title", parse_session_title),
        "date": ("date", parse_date_text),
        "place": ("place", squash),
        "start_time": ("start_time", parse_time),
        "chair": ("chair_id", lambda s: member_ref(s, members)),
        "secretary": ("secretary_id", lambda s: member_ref(s, members)),
        "invitees": ("invitees", parse_invitees),
    }
    changes = {}
    for name, (target, parse) in parsers.items():
        if name in fields:
            changes[target] = form.get(name, parse)
    form.done()
    return changes


def member_from_form(fields: Mapping[str, str], *, member_id: str, taken_seats: Collection[int] = ()) -> Member:
    """A council member from the form's texts; raises FormErrors naming every wrong field."""
    form = _Collector(fields, "member")

    def seat(text: str) -> int:
        number = parse_seat(text)
        if number in taken_seats:
            raise DomainError("prep.err.seat_taken", seat=number)
        return number

    values = {
        "seat": form.get("seat", seat),
        "name": form.get("name", _required("prep.err.name_empty")),
        "role": form.get("role", parse_role),
        "title": squash(form.text("title")),
        "unit": squash(form.text("unit")),
        "voting": form.get("voting", parse_yes_no),
        "pin": squash(form.text("pin")) or None,
    }
    form.done()
    return Member(id=member_id, **values)
