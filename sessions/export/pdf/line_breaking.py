"""fpdf2's line breaking, the same decisions made without its per-character cost.

fpdf2 2.8.9 (pinned) measures the whole line again for every character it adds, through
several layers of calls: a 100-page minutes spends most of its seconds there. ``FastLineBreak``
makes exactly the same decisions (the same float expressions, compared with the same
tolerance) in one tight loop per line, and hands the line to fpdf2's own ``CurrentLine`` to
build the ``TextLine``, so the PDF comes out byte for byte the same. Text it does not handle
(soft hyphens, line feeds, unusual spaces, shaped or symbol fonts, character spacing) goes
to fpdf2's own code, line by line.

``fast_line_breaking()`` puts it in place of fpdf2's breaker while the minutes are rendered. The
paragraphs and tables no longer go through fpdf2's breaker (sessions/export/pdf/text_setting.py sets them);
the header, titles, headings and footnote still do.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import fpdf.fpdf as fpdf_module
import fpdf.text_region as region_module
from fpdf.enums import Align, WrapMode
from fpdf.fonts import TTFFont
from fpdf.line_break import (
    BREAKING_SPACE_SYMBOLS_STR,
    FORM_FEED,
    NBSP,
    NEWLINE,
    SOFT_HYPHEN,
    CurrentLine,
    Fragment,
    MultiLineBreak,
    SpaceHint,
    TextLine,
)
from fpdf.util import FloatTolerance

SPACE = " "
# Characters whose handling fpdf2's breaker special-cases: such text takes the original path.
_SPECIAL = frozenset(BREAKING_SPACE_SYMBOLS_STR.replace(SPACE, "") + NBSP + SOFT_HYPHEN + NEWLINE + FORM_FEED)
_TOLERANCE = FloatTolerance.TOLERANCE


def _plain(fragment: Fragment) -> bool:
    """A fragment whose width is the plain sum of its characters' advance widths."""
    font = fragment.font
    return (
        type(fragment) is Fragment
        and isinstance(font, TTFFont)
        and not font.is_symbol
        and not fragment.text_shaping_parameters
        and fragment.char_spacing == 0
        and fragment.font_stretching == 100
        and not _SPECIAL.intersection(fragment.characters)
    )


class FastLineBreak(MultiLineBreak):
    """``MultiLineBreak`` with a fast path for plain word-wrapped text; see the module's docstring."""

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003 - the parent's signature
        super().__init__(*args, **kwargs)
        self._fast = (
            self.wrapmode == WrapMode.WORD
            and not self.print_sh
            and not self.skip_leading_spaces
            and all(_plain(f) for f in self.fragments)
        )

    def get_line(self) -> TextLine | None:
        if not self._fast:
            return super().get_line()
        start = (self.fragment_index, self.character_index, self._is_first_line, self.idx_last_forced_break)
        line = self._fast_line()
        if line is False:  # a word longer than the line: fpdf2 breaks it inside, its own way
            self.fragment_index, self.character_index, self._is_first_line, self.idx_last_forced_break = start
            return super().get_line()
        return line

    def _fast_line(self) -> TextLine | bool | None:
        """The next line, None at the end, False to hand this line to fpdf2's own code."""
        self.idx_last_forced_break = None
        fragments = self.fragments
        if self.fragment_index == len(fragments):
            return None
        current_font_height: float = 0
        max_width = self.get_width(current_font_height)
        line = CurrentLine(
            max_width=max_width,
            print_sh=self.print_sh,
            indent=self.first_line_indent if self._is_first_line else 0,
        )
        for margin in self.margins:
            max_width -= float(margin)
        if self._is_first_line:
            max_width -= self.first_line_indent

        done = 0.0  # width of the line's finished fragments, summed as CurrentLine.width does
        active: Fragment | None = None  # the line's last fragment, characters being added
        units = 0  # its width in font units (integers: the sum is exact in any order)
        active_pt, active_k = 0.0, 1.0
        spaces = 0
        hint: SpaceHint | None = None
        fragment_index, character_index = self.fragment_index, self.character_index
        while fragment_index < len(fragments):
            source = fragments[fragment_index]
            characters = source.characters
            if character_index >= len(characters):
                character_index = 0
                fragment_index += 1
                continue
            if source.font_size - current_font_height > _TOLERANCE:
                current_font_height = source.font_size
                max_width = self.get_width(current_font_height)
                line.max_width = max_width
                for margin in self.margins:
                    max_width -= float(margin)
                if self._is_first_line:
                    max_width -= self.first_line_indent
            size_pt, k, cw = source.font_size_pt, source.k, source.font.cw
            height = current_font_height * self.line_height
            # CurrentLine.add_character starts a new fragment when the style (or link) changes.
            same = active is not None and source.has_same_style(active) and source.link == active.link
            for character in characters[character_index:]:
                advance = cw[ord(character)]
                character_width = (advance * size_pt * 0.001) / k
                # CurrentLine.width, as fpdf2 computes it: the fragments' widths added in order.
                line_width = done + (units * active_pt * 0.001) / active_k if active is not None else 0
                if line_width + character_width - max_width > _TOLERANCE:
                    self._is_first_line = False
                    line.number_of_spaces = spaces
                    if character == SPACE:  # a space that does not fit ends the line and is dropped
                        self.fragment_index, self.character_index = fragment_index, character_index + 1
                        return line.manual_break(self.align)
                    if hint is None:
                        return False
                    line.fragments = line.fragments[: hint.current_line_fragment_index]
                    if line.fragments:
                        line.fragments[-1].trim(hint.current_line_character_index)
                    line.number_of_spaces = hint.number_of_spaces
                    self.fragment_index = hint.original_fragment_index
                    self.character_index = hint.original_character_index + 1
                    return line.manual_break(self.align)
                if not same:
                    if active is not None:
                        done = line_width
                    active = source.clone(characters="", link=source.link)
                    line.fragments.append(active)
                    units, active_pt, active_k, same = 0, size_pt, k, True
                line.height = height
                if character == SPACE:
                    hint = SpaceHint(
                        fragment_index, character_index, len(line.fragments), len(active.characters), line_width, spaces
                    )
                    spaces += 1
                active.characters.append(character)
                units += advance
                character_index += 1
        self.fragment_index, self.character_index = fragment_index, character_index
        line.number_of_spaces = spaces
        if line.width:
            self._is_first_line = False
            return line.manual_break(Align.L if self.align == Align.J else self.align)
        return None


_lock = threading.RLock()


@contextmanager
def fast_line_breaking() -> Iterator[None]:
    """fpdf2's ``multi_cell`` and text regions break lines with ``FastLineBreak`` inside the block."""
    with _lock:  # one swap at a time, so that the original is always what is put back
        saved = fpdf_module.MultiLineBreak, region_module.MultiLineBreak
        fpdf_module.MultiLineBreak = region_module.MultiLineBreak = FastLineBreak
        try:
            yield
        finally:
            fpdf_module.MultiLineBreak, region_module.MultiLineBreak = saved
