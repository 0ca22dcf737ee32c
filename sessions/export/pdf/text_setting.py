"""Lines of text for the PDF minutes, set and drawn without fpdf2's per-character machinery.

fpdf2 lays a text out one character at a time and draws every line through a general routine
(links, colours, shaping, underlines...): a 100-page minutes spent most of its time there. The
minutes need plain words in one size at a time. ``Setter`` measures each word once (the font's
advance widths: the same figures as ``FPDF.get_string_width``), breaks lines where fpdf2 breaks
them (greedily at spaces, else at a soft hyphen, a word longer than the line cut between
characters, a line feed ends a line) and writes each line as one PDF text object, justified with
the same per-space adjustment fpdf2 uses, so the page looks as it did (tests/test_export_pdf.py
compares them). Thin and other unusual spaces are set as plain spaces.

It relies on a few of fpdf2's internals (the page's resource catalogue, ``_out``, the font's
subset): fpdf2 is pinned in pyproject.toml.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from fpdf import FPDF
from fpdf.enums import PDFResourceType
from fpdf.fonts import TTFFont
from fpdf.util import FloatTolerance

SPACE = " "
NBSP = "\u00a0"
SOFT_HYPHEN = "\u00ad"
HYPHEN = "-"
STYLES = ("", "B", "I", "BI")
_TOLERANCE = FloatTolerance.TOLERANCE
# Characters fpdf2's breaker special-cases, set plainly: the other breaking spaces and a form feed
# break like a space, a zero-width space disappears.
_PLAIN = str.maketrans(
    {
        **dict.fromkeys("\t\f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f\u3000", SPACE),
        "\r": None,
        "\u200b": None,
    }
)

Piece = tuple[str, str]
"""(style, text): style "" regular, "B" bold, "I" italic, "BI" both."""
Split = tuple[list[Piece], list[Piece]]
Fits = Callable[[int, float], bool]


@dataclass(frozen=True, slots=True)
class Line:
    """One line of text: its pieces (a style change starts a new one), natural width in mm, spaces."""

    pieces: tuple[Piece, ...]
    width: float
    spaces: int
    justify: bool
    """False for the last line of a paragraph, one ended by a line feed or a word cut in two."""


class _Glyphs(dict):
    """Code point -> the character that stands for its glyph in the font's subset (None: no glyph).

    Filled on first use through the subset, as fpdf2 fills it when it writes text.
    """

    def __init__(self, font: TTFFont) -> None:
        super().__init__()
        self.font = font

    def __missing__(self, code: int) -> str | None:
        mapped = self.font.subset.pick(code)
        value = self[code] = None if mapped is None else chr(mapped)
        return value


class Setter:
    """Measures, breaks and draws plain text in the four styles of one font family on ``pdf``."""

    def __init__(self, pdf: FPDF, family: str) -> None:
        self.pdf = pdf
        self.fonts: dict[str, TTFFont] = {style: pdf.fonts[family.lower() + style] for style in STYLES}
        self._glyphs = {style: _Glyphs(font) for style, font in self.fonts.items()}
        self._units: dict[tuple[str, str], int] = {}

    def units(self, style: str, text: str) -> int:
        """Width of ``text`` in thousandths of the font size (the font's advance widths added)."""
        key = (style, text)
        found = self._units.get(key)
        if found is None:
            cw = self.fonts[style].cw
            found = self._units[key] = sum([cw[ord(c)] for c in text if c != SOFT_HYPHEN])
        return found

    def _sum(self, pieces: Sequence[Piece]) -> int:
        return sum([self.units(style, text) for style, text in pieces])

    def width(self, text: str, style: str, size: float) -> float:
        """Width in mm of ``text`` at ``size`` pt: the same figure as ``FPDF.get_string_width``."""
        return (self.units(style, text) * size * 0.001) / self.pdf.k

    def lines(self, pieces: Sequence[Piece], size: float, width: float, first: float | None = None) -> list[Line]:
        """``pieces`` broken into lines of text at most ``width`` mm wide (``first`` mm for the first line).

        No text gives no line; each line feed ends a line, and an empty line stands for two in a row.
        """
        k = self.pdf.k
        scale = size * 0.001

        def fits(units: int, limit: float) -> bool:
            return (units * scale) / k - limit <= _TOLERANCE

        found: list[Line] = []
        limit = width if first is None else first
        for hard in _hard_lines(pieces):
            line: list[Piece] = []
            units = 0
            for index, (gap_style, word) in enumerate(_words(hard)):
                word_units = self._sum(word)
                if index:
                    gap = self.units(gap_style, SPACE)
                    if fits(units + gap + word_units, limit):
                        line.append((gap_style, SPACE))
                        line.extend(word)
                        units += gap + word_units
                        continue
                    # The line ends before the word, or at a soft hyphen in it: the space is dropped.
                    split = self._hyphenate(word, units + gap, limit, fits)
                    if split:
                        line = [*line, (gap_style, SPACE), *split[0]]
                        word = split[1]
                        word_units = self._sum(word)
                    found.append(self._line(line, size, justify=True))
                    limit = width
                line, units = list(word), word_units
                # A word longer than the line: broken at a soft hyphen, or else between two characters.
                while not fits(units, limit) and sum(len(text) for _, text in line) > 1:
                    split = self._hyphenate(line, 0, limit, fits)
                    head, line = split or self._cut(line, limit, fits)
                    found.append(self._line(head, size, justify=split is not None))
                    limit = width
                    units = self._sum(line)
            found.append(self._line(line, size, justify=False))
            limit = width
        return found

    def _hyphenate(self, word: list[Piece], used: int, limit: float, fits: Fits) -> Split | None:
        """``word`` broken at its last soft hyphen where the start and a hyphen fit after ``used``; None if none."""
        for position in range(len(word) - 1, -1, -1):
            style, text = word[position]
            at = text.rfind(SOFT_HYPHEN)
            while at >= 0:
                head = [*word[:position], (style, text[:at] + HYPHEN)]
                if (position or text[:at].replace(SOFT_HYPHEN, "")) and fits(used + self._sum(head), limit):
                    return head, [(style, text[at + 1 :]), *word[position + 1 :]]
                at = text.rfind(SOFT_HYPHEN, 0, at)
        return None

    def _cut(self, word: list[Piece], limit: float, fits: Fits) -> Split:
        """The longest start of ``word`` that fits in ``limit`` (at least one character), and the rest."""
        head: list[Piece] = []
        units = 0
        for position, (style, text) in enumerate(word):
            for at, character in enumerate(text):
                step = self.units(style, character)
                if (head or at) and not fits(units + step, limit):
                    if at:
                        head.append((style, text[:at]))
                    return head, [(style, text[at:]), *word[position + 1 :]]
                units += step
            head.append((style, text))
        return head, []

    def _line(self, pieces: list[Piece], size: float, justify: bool) -> Line:
        merged: list[Piece] = []
        units = self._sum(pieces)
        for style, text in pieces:
            # A no-break space is printed and stretched as a space (as fpdf2 does); a soft hyphen not at
            # the end of a line is not printed.
            text = text.replace(NBSP, SPACE).replace(SOFT_HYPHEN, "")
            if merged and merged[-1][0] == style:
                merged[-1] = (style, merged[-1][1] + text)
            elif text:
                merged.append((style, text))
        spaces = sum(text.count(SPACE) for _, text in merged)
        return Line(tuple(merged), (units * size * 0.001) / self.pdf.k, spaces, justify)

    def draw(self, line: Line, x: float, baseline: float, size: float, stretch: float = 0.0) -> None:
        """Write ``line`` from ``x`` on ``baseline`` (mm from the top), each space widened by ``stretch`` mm.

        The text object fpdf2's own ``text()`` writes, with a font change per piece and, when justified,
        fpdf2's adjustment before every space (PDF's word spacing does not apply to two-byte fonts).
        It is wrapped in q/Q so that the font fpdf2 believes current on the page stays current.
        """
        if not line.pieces:
            return
        pdf = self.pdf
        k = pdf.k
        parts = [f"q BT {x * k:.2f} {(pdf.h - baseline) * k:.2f} Td"]
        adjust = f"{-(stretch * k) * 1000 / size:.3f}" if stretch else ""
        for style, text in line.pieces:
            font = self.fonts[style]
            pdf._resource_catalog.add(PDFResourceType.FONT, font.i, pdf.page)  # as FPDF.text() does
            parts.append(f"/F{font.i} {size:.2f} Tf")
            mapped = text.translate(self._glyphs[style])
            if adjust and SPACE in text:
                space = self._glyphs[style][ord(SPACE)]
                words = [font.escape_text(word) for word in mapped.split(space)]
                joined = f" {adjust}({font.escape_text(SPACE)}".join(f"{word})" for word in words)
                parts.append(f"[({joined}] TJ")
            else:
                parts.append(f"({font.escape_text(mapped)}) Tj")
        parts.append("ET Q")
        pdf._out(" ".join(parts))


def _hard_lines(pieces: Sequence[Piece]) -> list[list[Piece]]:
    """The pieces split at line feeds; a final line feed starts no line (as in fpdf2)."""
    lines: list[list[Piece]] = [[]]
    for style, text in pieces:
        for index, part in enumerate(text.translate(_PLAIN).split("\n")):
            if index:
                lines.append([])
            if part:
                lines[-1].append((style, part))
    if not any(text for _, text in pieces):
        return []
    if len(lines) > 1 and not lines[-1]:
        lines.pop()
    return lines


def _words(pieces: list[Piece]) -> list[tuple[str, list[Piece]]]:
    """The words of a line of text: (style of the space before it, its pieces); a word may change style."""
    words: list[tuple[str, list[Piece]]] = [("", [])]
    for style, text in pieces:
        for index, part in enumerate(text.split(SPACE)):
            if index:
                words.append((style, []))
            if part:
                words[-1][1].append((style, part))
    return words
