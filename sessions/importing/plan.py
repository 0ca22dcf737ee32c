"""What an import would do: the rows read, and every problem and warning with where it is."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from models.council import Member
from models.errors import DomainError
from models.i18n import t
from models.initiative import Initiative


@dataclass(frozen=True)
class Problem:
    """One problem (or warning) in the file; ``row`` is the row number a spreadsheet program shows."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)
    row: int | None = None
    column: str | None = None
    header: str | None = None
    sheet: str | None = None

    @classmethod
    def of(cls, error: DomainError, **where: Any) -> Problem:
        return cls(error.key, dict(error.params), **where)

    def message(self) -> str:
        """What is wrong and what to do, in the current language."""
        return t(self.key, **self.params)

    def where(self) -> str:
        """``Sheet "Tác giả", row 5, column C (Tỷ lệ)``: empty for a problem with the whole file."""
        parts = []
        if self.sheet:
            parts.append(t("prep.import.where_sheet", sheet=self.sheet))
        if self.row is not None:
            parts.append(t("prep.import.where_row", row=self.row))
        if self.column:
            header = f" ({self.header})" if self.header else ""
            parts.append(t("prep.import.where_column", column=self.column, header=header))
        text = ", ".join(parts)
        return text[:1].upper() + text[1:]

    def __str__(self) -> str:
        where = self.where()
        return f"{where}: {self.message()}" if where else self.message()


@dataclass
class ImportPlan:
    """The preview of an import. ``ok`` when there are no problems; warnings never block it."""

    kind: str
    source: str
    sheet: str | None = None
    session_id: str | None = None
    initiatives: list[Initiative] = field(default_factory=list)
    members: list[Member] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    ids_given: bool = False
    session_date: dt.date | None = None
    """The session's date: dates in the file are checked against it (today when there is no session)."""

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def count(self) -> int:
        return len(self.initiatives) if self.kind == "initiatives" else len(self.members)

    def problem(self, key: str, **params: Any) -> None:
        """Add a problem with the whole file."""
        self.problems.append(Problem(key, params))

    def warn(self, key: str, **params: Any) -> None:
        self.warnings.append(Problem(key, params))

    def sorted_problems(self) -> list[Problem]:
        """Problems in reading order: whole-file ones first, then by sheet, row and column."""
        return sorted(
            self.problems,
            key=lambda p: (p.row is not None, p.sheet or "", p.row or 0, len(p.column or ""), p.column or ""),
        )
