"""Text cleaning applied wherever text enters the system (no pydantic here: the first screen reads it)."""

from __future__ import annotations

import re
import unicodedata

# A terminal escape sequence (colour, cursor movement, a window title) goes whole, not just its ESC: the rest of
# it ("[31m") would otherwise stay in the text as garbage.
_ESCAPES = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
# C0 controls but tab and line feed, DEL, and C1 controls: nothing a person types, and XML (DOCX) refuses most.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile(r"[\t\n]+")
# A lone surrogate is what Python makes of bytes that are not UTF-8 in a command's arguments (a title typed in a
# terminal set to another encoding): no model, file or document can hold it. It shows as the replacement mark.
_SURROGATES = re.compile(r"[\ud800-\udfff]")


def strip_controls(value: str, *, multiline: bool = True) -> str:
    """``value`` without control characters; tab and line feed stay only when ``multiline``."""
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    text = _SURROGATES.sub("\ufffd", _CONTROLS.sub("", _ESCAPES.sub("", text)))
    return text if multiline else _LINE_BREAKS.sub(" ", text)


def shown_safely(value: str) -> str:
    """``value`` fit to print in a message: each control character (and lone surrogate) written as ``\\xNN``.

    A file name or argument echoed in an error is the user's own text, so it is shown, not dropped, but an escape
    sequence in it must not recolour the terminal, retitle its window or move the cursor.
    """

    def escaped(match: re.Match[str]) -> str:
        return "".join(f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}" for c in match.group())

    return _SHOWN_UNSAFE.sub(escaped, value)


_SHOWN_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]+")


def clean_text(value: str) -> str:
    """Return ``value`` in NFC with Windows line endings, BOMs, control characters and outer spaces removed."""
    text = strip_controls(value.replace("\ufeff", ""))
    return unicodedata.normalize("NFC", text).strip()


def clean_line(value: str) -> str:
    """``clean_text`` for one line of text (a title, a name): line breaks and tabs become spaces."""
    return strip_controls(clean_text(value), multiline=False).strip()


TITLE_MAX = 200
"""The longest session title accepted where one is typed or imported (an export's metadata is cut to fit)."""
