"""Statistics over one session or many: counts and benefit by category, legal type, unit and outcome.

``compute_stats`` is a pure function of session records and returns a ``Statistics`` value:
the CLI prints it as a table or writes a spreadsheet (sessions/export/statistics.py), and the
app's statistics screen can draw its bar charts from the same value (each section is a list
of ``Bucket``s with a label and counts). ``load_records`` is the only part that reads files.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from models.errors import DomainError
from models.formatting import counted, format_date, format_vnd
from models.i18n import t
from models.initiative import CAMPAIGN_CATEGORIES, Initiative, InitiativeType
from models.labels import conclusion_label, type_label
from models.record import SessionRecord
from models.session import Conclusion, SessionStatus
from sessions.digest import DigestItem, SessionDigest, read_digest
from sessions.storage import DataFolder

OUTCOMES: tuple[Conclusion | None, ...] = (
    Conclusion.RECOGNISED,
    Conclusion.NOT_RECOGNISED,
    Conclusion.DEFERRED,
    None,
)


@dataclass(frozen=True)
class Bucket:
    """One bar of a chart: how many initiatives fall in a group, and the benefit of the recognised ones.

    ``benefit_vnd`` adds up the benefits the council confirmed, in whole đồng; a recognised
    initiative whose benefit cannot be quantified is counted in ``unquantified``, never as 0.
    """

    key: str
    label: str
    count: int = 0
    recognised: int = 0
    benefit_vnd: int = 0
    unquantified: int = 0

    @property
    def benefit(self) -> int | str:
        """The confirmed benefit in whole đồng, or the words for it when every recognised one cannot be quantified."""
        if self.recognised and self.unquantified == self.recognised:
            return format_vnd(None)
        return self.benefit_vnd


@dataclass(frozen=True)
class Statistics:
    """The figures of a provincial summary: totals, then the same initiatives broken down four ways."""

    session_ids: tuple[str, ...]
    initiatives: int
    units: int
    recognised: int
    benefit_vnd: int
    unquantified: int
    by_category: tuple[Bucket, ...]
    by_type: tuple[Bucket, ...]
    by_unit: tuple[Bucket, ...]
    by_outcome: tuple[Bucket, ...]
    recognised_units: int = 0
    unit: str = ""
    """The issuing unit the figures are of (the council's)."""
    dates: tuple[dt.date, ...] = ()
    """The dates of the sessions counted, in order."""

    def heading(self) -> list[str]:
        """The lines above the figures: the issuing unit, the period and the sessions' dates (DD/MM/YYYY)."""
        lines = [t("statistics.unit", unit=self.unit)] if self.unit else []
        if self.dates:
            first, last = format_date(self.dates[0]), format_date(self.dates[-1])
            period = t("statistics.period_one", date=first) if first == last else None
            lines.append(period or t("statistics.period", first=first, last=last))
            if len(self.dates) > 1:
                lines.append(t("statistics.sessions", sessions=", ".join(format_date(d) for d in self.dates)))
        return lines

    def sections(self) -> list[tuple[str, tuple[Bucket, ...]]]:
        """(heading, buckets) for each breakdown, headings in the current language."""
        return [
            (t("statistics.by_category"), self.by_category),
            (t("statistics.by_type"), self.by_type),
            (t("statistics.by_unit"), self.by_unit),
            (t("statistics.by_outcome"), self.by_outcome),
        ]

    def summary(self) -> list[str]:
        """The summary in words, as a province writes it: "N initiatives from M units: 23 ..., 5 ...".

        Category names may hold commas ("tổ chức, quản lý, đào tạo"), so groups are separated by
        semicolons.
        """
        recognised = "; ".join(
            t("statistics.summary_item", count=b.recognised, label=b.label) for b in self.by_category if b.recognised
        )
        categories = "; ".join(
            t("statistics.summary_item", count=b.count, label=b.label) for b in self.by_category if b.count
        )
        outcome = {b.key: b.count for b in self.by_outcome}
        return [
            # As a province writes it: the recognised initiatives by category first, then all those submitted.
            t(
                "statistics.headline",
                count=counted(self.recognised, "noun.initiative"),
                units=counted(self.recognised_units, "noun.unit"),
                categories=recognised or "-",
            ),
            t(
                "statistics.summary",
                count=counted(self.initiatives, "noun.initiative"),
                units=counted(self.units, "noun.unit"),
                sessions=counted(len(self.session_ids), "noun.session"),
                categories=categories or "-",
            ),
            t(
                "statistics.outcomes",
                recognised=outcome[Conclusion.RECOGNISED.value],
                refused=outcome[Conclusion.NOT_RECOGNISED.value],
                deferred=outcome[Conclusion.DEFERRED.value],
                undecided=outcome["undecided"],
            ),
            t(
                "statistics.benefit",
                amount=format_vnd(self.benefit_vnd),
                unquantified=counted(self.unquantified, "noun.initiative"),
            ),
        ]


@dataclass(frozen=True)
class _Item:
    initiative: Initiative | DigestItem
    conclusion: Conclusion | None
    benefit_vnd: int | None


def _latest_items(
    records: Iterable[SessionRecord | SessionDigest],
) -> tuple[list[_Item], tuple[str, ...], tuple[dt.date, ...]]:
    """Every initiative once: one deferred in a session and decided in a later one counts with its later outcome."""
    ordered = sorted(records, key=lambda r: (r.session.date, r.session.id))
    items: dict[str, _Item] = {}
    for record in ordered:
        for initiative in record.agenda_items():
            finding = record.findings.get(initiative.id)
            conclusion = finding.conclusion if finding else None
            benefit = finding.confirmed_benefit_vnd if finding else None
            items.pop(initiative.code, None)  # re-insert so the order follows the latest agenda
            items[initiative.code] = _Item(initiative, conclusion, benefit)
    return list(items.values()), tuple(r.session.id for r in ordered), tuple(r.session.date for r in ordered)


def _bucket(key: str, label: str, items: list[_Item]) -> Bucket:
    recognised = [i for i in items if i.conclusion == Conclusion.RECOGNISED]
    quantified = [i.benefit_vnd for i in recognised if i.benefit_vnd is not None]
    return Bucket(
        key=key,
        label=label,
        count=len(items),
        recognised=len(recognised),
        benefit_vnd=sum(quantified),
        unquantified=len(recognised) - len(quantified),
    )


def sort_key(text: str) -> str:
    """Vietnamese alphabetical order, near enough for lists: letters first, then their marks (Đ after D)."""
    base = "".join(c for c in unicodedata.normalize("NFD", text.casefold()) if not unicodedata.combining(c))
    return base.replace("đ", "d~") + "\0" + text


def _category_order(category: str) -> tuple[int, str]:
    if category in CAMPAIGN_CATEGORIES:
        return (0, f"{CAMPAIGN_CATEGORIES.index(category):02d}")
    return (1, sort_key(category)) if category else (2, "")


def compute_stats(records: Iterable[SessionRecord | SessionDigest], unit: str = "") -> Statistics:
    """Count the initiatives of ``records`` by category, legal type, unit and outcome (labels in the current language).

    ``unit`` is the issuing unit printed on top (``council_unit``). Categories and units appear when
    they have initiatives, in the usual campaign order and by number of initiatives respectively;
    the four legal types and four outcomes always appear, so that charts keep their shape.
    """
    items, session_ids, dates = _latest_items(records)
    categories = sorted({i.initiative.category for i in items}, key=_category_order)
    by_category = tuple(
        _bucket(c, c or t("statistics.no_category"), [i for i in items if i.initiative.category == c])
        for c in categories
    )
    by_type = tuple(
        _bucket(kind.value, type_label(kind), [i for i in items if i.initiative.type == kind])
        for kind in InitiativeType
    )
    units = sorted({i.initiative.unit for i in items})
    unit_buckets = [
        _bucket(u, u or t("statistics.no_unit"), [i for i in items if i.initiative.unit == u]) for u in units
    ]
    by_unit = tuple(sorted(unit_buckets, key=lambda b: (-b.count, sort_key(b.label))))
    by_outcome = tuple(
        _bucket(c.value if c else "undecided", conclusion_label(c), [i for i in items if i.conclusion == c])
        for c in OUTCOMES
    )
    total = _bucket("total", t("minutes.total"), items)
    return Statistics(
        session_ids=session_ids,
        initiatives=total.count,
        units=len([u for u in units if u]),
        recognised=total.recognised,
        benefit_vnd=total.benefit_vnd,
        unquantified=total.unquantified,
        by_category=by_category,
        by_type=by_type,
        by_unit=by_unit,
        by_outcome=by_outcome,
        recognised_units=len(
            {i.initiative.unit for i in items if i.conclusion == Conclusion.RECOGNISED and i.initiative.unit}
        ),
        unit=unit,
        dates=dates,
    )


def council_unit(data_dir: Path) -> str:
    """The issuing unit of the council in ``data_dir`` (its name when no unit is given)."""
    info = DataFolder(data_dir).load_council().info
    return info.unit or info.name


def load_records(
    data_dir: Path, session_ids: list[str] | None = None, undecided: bool = False
) -> list[SessionRecord | SessionDigest]:
    """The recorded state of the chosen sessions, read-only; by default every decided (closed) session,
    with ``undecided`` every session."""
    folder = DataFolder(data_dir)
    if folder.is_empty():
        raise DomainError("error.no_council", path=str(data_dir))
    if session_ids:
        chosen = session_ids
    elif undecided:
        chosen = folder.session_ids()
    else:
        chosen = sorted(s.id for s in folder.summaries() if s.status == SessionStatus.CLOSED)
    if not chosen:
        key = "statistics.no_sessions" if undecided or not folder.session_ids() else "statistics.no_decided"
        raise DomainError(key, path=str(data_dir))
    # A session's small digest stands in for its full record while the journal still ends where the
    # digest was made (sessions/digest.py): years of sessions are counted in well under a second.
    return [
        read_digest(folder.session_dir(session_id)) or folder.load_record(session_id)[0]
        for session_id in dict.fromkeys(chosen)
    ]
