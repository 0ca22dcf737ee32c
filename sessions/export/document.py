"""A small document model: the minutes are built once as blocks, then rendered to md, docx or pdf."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Header:
    """The administrative header: unit on the left, national motto on the right, place and date below."""

    left: list[str]
    right: list[str]
    place_date: str
    number: str = ""


@dataclass(frozen=True)
class Title:
    """The kind of document and its subject, centred; ``rule``: a short line under them; ``note`` below it."""

    lines: list[str]
    rule: bool = False
    note: str = ""


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    text: str
    bold: bool = False
    italic: bool = False
    label: str = ""
    """A bold lead-in, e.g. "Tác giả:", rendered before ``text``."""
    keep_with_next: bool = False
    """Printed on the same page as the start of the next block (a poll's lines before its vote table)."""


@dataclass(frozen=True)
class Table:
    columns: list[str]
    rows: list[list[str]]
    widths: list[int] = field(default_factory=list)
    total_row: list[str] | None = None


@dataclass(frozen=True)
class Signatures:
    """Signature blocks side by side: (title, name) pairs."""

    blocks: list[tuple[str, str]]


@dataclass(frozen=True)
class Footnote:
    text: str


Block = Header | Title | Heading | Paragraph | Table | Signatures | Footnote


@dataclass
class Document:
    blocks: list[Block]
    title: str


def keeps_with_next(blocks: list[Block], index: int) -> bool:
    """Whether ``blocks[index]`` must stand on the same page as the start of the block after it.

    A heading; a lead-in without text of its own (``Biểu quyết (chấm điểm):``); a line announcing
    a table; the closing lines just before the signatures. The Word file marks these "keep with
    next" and the PDF makes room for them the same way, so both break their pages alike.
    """
    block = blocks[index]
    if isinstance(block, Heading):
        return True
    if not isinstance(block, Paragraph):
        return False
    if block.keep_with_next:
        return True
    following = blocks[index + 1 : index + 3]
    return (
        not block.text
        or (bool(following) and isinstance(following[0], Table))
        or any(isinstance(b, Signatures) for b in following)
    )
