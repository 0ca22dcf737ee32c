"""The council's own details: name, units, the founding decision, the rulebook.

On first run the form creates the council (with no members yet: the members editor comes next);
later it edits the council file, which sessions already created never see.
"""

from __future__ import annotations

from models.council import CouncilInfo, FoundingDecision
from models.errors import DomainError
from models.formatting import format_date
from models.i18n import t
from models.labels import preset_name, rule_summary
from models.parsing import FormErrors, field_label, parse_optional_date, squash
from models.rules import PRESETS
from tui.screens.prepare.form import Field, date_echo, field_check
from tui.screens.prepare.form_screen import FormScreen

COUNCIL_FIELDS = ("name", "unit", "parent_unit", "city", "decision_number", "decision_date", "decision_issuer")


def _name_check(text: str) -> str | None:
    return None if squash(text) else t("prep.app.err.council_name")


def council_from_form(values: dict[str, str]) -> CouncilInfo:
    """The council's details from the form's texts; raises FormErrors naming every wrong field."""
    errors: dict[str, DomainError] = {}
    if not squash(values.get("name", "")):
        errors["name"] = DomainError("prep.app.err.council_name")
    try:
        date = parse_optional_date(values.get("decision_date", ""))
    except DomainError as error:
        errors["decision_date"] = error
        date = None
    if errors:
        raise FormErrors(errors, "council")
    decision = FoundingDecision(
        number=squash(values.get("decision_number", "")),
        date=date,
        issuer=squash(values.get("decision_issuer", "")),
    )
    return CouncilInfo(
        name=squash(values["name"]),
        unit=squash(values.get("unit", "")),
        parent_unit=squash(values.get("parent_unit", "")),
        city=squash(values.get("city", "")),
        decision=decision,
    )


class CouncilFormScreen(FormScreen):
    """``creating``: write a new council into the empty data folder; otherwise edit the existing one."""

    def __init__(self, *, creating: bool) -> None:
        super().__init__()
        self.creating = creating

    def form_title(self) -> str:
        return t("prep.app.council_new" if self.creating else "prep.app.council_edit")

    def form_fields(self) -> list[Field]:
        presets = tuple((f"{preset_name(key)}: {rule_summary(rules)}", key) for key, rules in PRESETS.items())
        hints = {
            "name": t("prep.app.hint.council_name"),
            "unit": t("prep.app.hint.council_unit"),
            "parent_unit": t("prep.app.hint.parent_unit"),
            "city": t("prep.app.hint.city"),
            "decision_number": t("prep.app.hint.decision_number"),
            "decision_date": t("prep.hint.date"),
        }
        checks = {"name": _name_check, "decision_date": field_check("decision_date")}
        fields = [
            Field(
                name,
                field_label(name, "council"),
                hint=hints.get(name, ""),
                required=name == "name",
                check=checks.get(name),
                echo=date_echo if name == "decision_date" else None,
            )
            for name in COUNCIL_FIELDS
        ]
        fields.append(
            Field(
                "preset",
                field_label("preset", "council"),
                kind="select",
                options=presets,
                allow_blank=not self.creating,
                blank_label=t("prep.app.preset_custom"),
            )
        )
        return fields

    def form_values(self) -> dict[str, str]:
        if self.creating:
            return {"preset": "circular18"}
        council = self.council_app.council_service.editor().council
        info = council.info
        return {
            "name": info.name,
            "unit": info.unit,
            "parent_unit": info.parent_unit,
            "city": info.city,
            "decision_number": info.decision.number,
            "decision_date": format_date(info.decision.date),
            "decision_issuer": info.decision.issuer,
            "preset": council.rulebook.preset if council.rulebook.preset in PRESETS else "",
        }

    def submit(self, values: dict[str, str]) -> CouncilInfo:
        info = council_from_form(values)
        council = self.council_app.council_service
        if self.creating:
            council.start_council(info, [], values.get("preset") or "circular18")
            return info
        editor = council.editor()
        # What the form does not show stays as it was (the minutes' legal basis and number of copies).
        kept = editor.council.info
        info = info.model_copy(update={"legal_basis": kept.legal_basis, "minutes_copies": kept.minutes_copies})
        editor.update_info(info)
        preset = values.get("preset")
        # A custom rulebook stays unless another preset is chosen on purpose.
        if preset and preset != editor.council.rulebook.preset:
            editor.set_preset(preset)
        return info
