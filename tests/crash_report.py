"""What the crash harnesses report (how kills were spread, how many crash states were checked).

Tests add lines here; tests/conftest.py prints them in pytest's summary ("crash harness") and keeps
them in .pytest_cache/crash-report.txt, so that the spread is seen without ``-s``.
"""

from __future__ import annotations

from pathlib import Path

LINES: list[str] = []


def add(title: str, lines: list[str]) -> None:
    LINES.append(f"--- {title}")
    LINES.extend(lines)
    print("\n".join([f"--- {title}", *lines]))


def save(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(LINES) + "\n", encoding="utf-8")


def table(title: str, counts: dict[str, int], total: int) -> list[str]:
    """One line per key: count and share of ``total``."""
    lines = [f"{title}:"]
    for key, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append(f"  {key:<32} {count:>5}  {100 * count / max(total, 1):5.1f}%")
    return lines
