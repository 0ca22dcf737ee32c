"""Targets, the printed table and bench/results.md."""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass


@dataclass(frozen=True)
class Target:
    """One figure against its target; ``line()`` is what scripts read at the end of `make bench`."""

    name: str
    value: float
    unit: str  # "ms", "s", "x", "MB"
    op: str  # "<=" or ">="
    limit: float
    what: str = ""

    @property
    def met(self) -> bool:
        if math.isnan(self.value):
            return False
        return self.value <= self.limit if self.op == "<=" else self.value >= self.limit

    def shown(self) -> str:
        return f"{fmt(self.value, self.unit)} {self.unit}"

    def line(self) -> str:
        status = "ok" if self.met else "MISSED"
        limit = f"{self.limit:g}"
        return f"{self.name}: {self.shown()} (target {self.op} {limit} {self.unit}) {status}"


def fmt(value: float, unit: str = "") -> str:
    """Enough digits to read, never more: 7.3 ms, 1.05 x, 140 x, 0.85 s, 20 (a limit)."""
    if math.isnan(value):
        return "nan"
    if value == int(value) and abs(value) < 1e6:
        return f"{value:.0f}" if unit != "x" or value >= 10 else f"{value:.2f}"
    if abs(value) >= 100:
        return f"{value:.0f}"
    if unit == "x" or abs(value) < 1:
        return f"{value:.2f}"
    return f"{value:.1f}" if unit in ("ms", "MB") or abs(value) >= 10 else f"{value:.2f}"


def percentile(values: list[float], share: float) -> float:
    """The ``share`` (0-1) percentile, nearest rank: p99 of 510 values is the 505th smallest."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


def median(values: list[float]) -> float:
    return statistics.median(values) if values else math.nan


def table(rows: list[tuple[str, ...]], header: tuple[str, ...]) -> str:
    """A Markdown table (also what the terminal shows)."""
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = ["| " + " | ".join(str(c).ljust(w) for c, w in zip(header, widths, strict=True)) + " |"]
    lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        lines.append("| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)) + " |")
    return "\n".join(lines)


def target_rows(targets: list[Target]) -> list[tuple[str, ...]]:
    return [(t.name, t.what, t.shown(), f"{t.op} {t.limit:g} {t.unit}", "ok" if t.met else "MISSED") for t in targets]


TARGET_HEADER = ("target", "what", "measured", "target", "status")
