"""Text cleaning applied wherever text enters the system: the pydantic types every model's text uses."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator

from models.cleaning import TITLE_MAX, clean_line, clean_text, strip_controls

__all__ = ["TITLE_MAX", "CleanText", "Line", "clean_line", "clean_text", "strip_controls"]


def _clean_any(value: Any) -> Any:
    return clean_text(value) if isinstance(value, str) else value


def _clean_any_line(value: Any) -> Any:
    return clean_line(value) if isinstance(value, str) else value


CleanText = Annotated[str, BeforeValidator(_clean_any)]
"""A string normalised to NFC, without control characters (but tab and line feed) and stripped when a model is built."""

Line = Annotated[str, BeforeValidator(_clean_any_line)]
"""``CleanText`` on one line: a title, a name, a code."""
