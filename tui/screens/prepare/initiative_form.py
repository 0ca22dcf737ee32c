"""Every field of the application form of one initiative, checked as typed, saved through the journal."""

from __future__ import annotations

import re
from typing import ClassVar

from models.forms import INITIATIVE_FIELDS, initiative_to_form
from models.i18n import t
from models.initiative import CAMPAIGN_CATEGORIES, Initiative, InitiativeType
from models.labels import type_label
from models.parsing import field_hint, field_label, fold
from sessions.editing import AgendaEditor
from tui.screens.prepare.form import Field, amount_echo, date_echo, field_check
from tui.screens.prepare.form_screen import FormScreen

MULTILINE = ("description", "conditions", "benefit_text", "confidential", "first_application_people")


def next_code(codes: list[str]) -> str:
    """The code after the last one on the agenda (``SK-2026-21`` gives ``SK-2026-22``), or blank."""
    if not codes:
        return ""
    match = re.fullmatch(r"(.*?)(\d+)", codes[-1])
    if match is None:
        return ""
    prefix, number = match.groups()
    candidate = f"{prefix}{int(number) + 1:0{len(number)}d}"
    return "" if fold(candidate) in {fold(c) for c in codes} else candidate


def _type_check(text: str) -> str | None:
    return None if text else t("prep.err.type_empty")


class InitiativeFormScreen(FormScreen):
    """Adds an initiative at the end of the agenda (``initiative_id`` None) or edits one in place."""

    with_session_bar = True
    error_fields: ClassVar[dict[str, str]] = {"prep.err.code_taken": "code", "prep.err.unknown_member": "authors"}

    def __init__(self, initiative_id: str | None = None) -> None:
        super().__init__()
        self.initiative_id = initiative_id

    @property
    def editor(self) -> AgendaEditor:
        service = self.council_app.service
        assert service is not None, "the initiative form needs an open session"
        return AgendaEditor(service)

    def _initiative(self) -> Initiative | None:
        if self.initiative_id is None:
            return None
        return self.editor.record.initiatives.get(self.initiative_id)

    def form_title(self) -> str:
        initiative = self._initiative()
        if initiative is None:
            return t("prep.app.initiative_new")
        return t("prep.app.initiative_edit", code=initiative.code)

    def form_fields(self) -> list[Field]:
        editor = self.editor
        record = editor.record
        items = list(record.initiatives.values())

        def used(name: str) -> tuple[str, ...]:
            return tuple(sorted({getattr(i, name) for i in items if getattr(i, name)}))

        suggestions = {
            "field": used("field"),
            "category": tuple(dict.fromkeys([*CAMPAIGN_CATEGORIES, *used("category")])),
            "unit": used("unit"),
        }
        checks = {
            "code": field_check("code", taken_codes=editor.taken_codes(except_id=self.initiative_id)),
            "title": field_check("title"),
            "type": _type_check,
            "authors": field_check("authors", members=record.members),
            "first_applied": field_check("first_applied"),
            "benefit_vnd": field_check("benefit_vnd"),
        }
        echoes = {"first_applied": date_echo, "benefit_vnd": amount_echo}
        notes = {"authors": t("prep.app.authors_note")}
        helps = {"category": t("prep.app.category_note"), "field": t("prep.app.suggest_note")}
        helps["unit"] = helps["field"]
        types = tuple((type_label(kind), kind.value) for kind in InitiativeType)
        fields = []
        for name in INITIATIVE_FIELDS:
            fields.append(
                Field(
                    name,
                    field_label(name),
                    kind="text" if name in MULTILINE else "select" if name == "type" else "input",
                    hint=field_hint(name),
                    required=name in ("code", "title", "type", "authors"),
                    options=types if name == "type" else (),
                    allow_blank=name == "type" and self.initiative_id is None,
                    blank_label=t("prep.err.type_empty"),
                    suggestions=suggestions.get(name, ()),
                    check=checks.get(name),
                    note=notes.get(name, ""),
                    help=helps.get(name, ""),
                    echo=echoes.get(name),
                )
            )
        return fields

    def form_values(self) -> dict[str, str]:
        initiative = self._initiative()
        if initiative is not None:
            return initiative_to_form(initiative)
        return {"code": next_code([i.code for i in self.editor.record.agenda_items()])}

    def side_extra(self) -> str:
        members = sorted(self.editor.record.members, key=lambda m: m.seat)
        lines = [t("prep.app.members_for_authors")]
        lines += [f"[{m.id}] {m.seat}. {m.name}" for m in members]
        return "\n".join(lines)

    def submit(self, values: dict[str, str]) -> Initiative:
        editor = self.editor
        if self.initiative_id is None:
            return editor.add_from_form(values)
        return editor.update_from_form(self.initiative_id, values)
