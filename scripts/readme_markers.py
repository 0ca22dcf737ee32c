"""Replace the generated part of README.md between `<!-- name:start -->` and `<!-- name:end -->`."""

from __future__ import annotations

from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def markers(name: str) -> tuple[str, str]:
    return f"<!-- {name}:start -->", f"<!-- {name}:end -->"


def between(text: str, name: str) -> str:
    """What README ``text`` holds between the markers ``name`` (without the marker lines)."""
    start, end = markers(name)
    head, _, rest = text.partition(start + "\n")
    body, found, _ = rest.partition(end)
    if not head or not found:
        raise ValueError(f"README.md has no {start} ... {end} block")
    return body


def replace_between(text: str, name: str, body: str) -> str:
    """``text`` with the block ``name`` holding ``body`` (which ends with a newline)."""
    start, end = markers(name)
    old = between(text, name)
    return text.replace(f"{start}\n{old}{end}", f"{start}\n{body}{end}", 1)


def insert_after(text: str, anchor: str, name: str) -> str:
    """``text`` with an empty block ``name`` after the line ``anchor``, unless the block is there already."""
    start, end = markers(name)
    if start in text:
        return text
    if anchor + "\n" not in text:
        raise ValueError(f"README.md has no line {anchor}")
    return text.replace(anchor + "\n", f"{anchor}\n\n{start}\n{end}\n", 1)
