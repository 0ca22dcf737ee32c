"""Asking questions on the terminal for commands that can run interactively, and printing import plans."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TypeVar

from models.errors import DomainError
from models.formatting import format_vnd
from models.i18n import t
from models.labels import role_label
from models.parsing import format_authors
from sessions.importing import ImportPlan

T = TypeVar("T")


class Prompter:
    """Asks until the answer parses; an error is shown and the question asked again."""

    def __init__(self, ask: Callable[[str], str] = input, say: Callable[[str], None] = print) -> None:
        self._ask = ask
        self.say = say

    def ask(self, label: str, parse: Callable[[str], T], default: str = "") -> T:
        prompt = f"{label} [{default}]: " if default else f"{label}: "
        while True:
            try:
                answer = self._ask(prompt)
            except EOFError as exc:
                raise DomainError("prep.cli.input_ended") from exc
            try:
                return parse(answer.strip() or default)
            except DomainError as error:
                self.say(str(error))


def print_plan(plan: ImportPlan, *, out: Callable[[str], None] = print) -> None:
    """The preview: what would be imported, then the warnings."""
    sheet = t("prep.cli.sheet", sheet=plan.sheet) if plan.sheet else ""
    out(t("prep.cli.preview_head", source=plan.source, sheet=sheet))
    if plan.kind == "initiatives":
        for row, item in zip(plan.rows, plan.initiatives, strict=True):
            out(f"  {row:>4}  {item.code:<12} {item.title}")
            out(f"        {format_authors(item.authors)}; {format_vnd(item.benefit_vnd)}")
    else:
        for member in sorted(plan.members, key=lambda m: m.seat):
            vote = "" if member.voting else f" ({t('prep.cli.not_voting')})"
            out(f"  {member.seat:>3}  {member.name:<28} {role_label(member.role)}{vote}  {member.title}")
    for warning in plan.warnings:
        out(t("prep.cli.warning", text=str(warning)))


def print_problems(plan: ImportPlan) -> None:
    """Every problem at once, on standard error, then that nothing was written."""
    print(t("prep.cli.problems", count=len(plan.problems)), file=sys.stderr)
    for problem in plan.sorted_problems():
        print(f"  - {problem}", file=sys.stderr)
    print(t("prep.cli.nothing_written"), file=sys.stderr)
