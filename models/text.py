"""Text cleaning applied wherever text enters the system."""

from __future__ import annotations

import unicodedata
from typing import Annotated, Any

from pydantic import BeforeValidator


def clean_text(value: str) -> str:
    """Return ``value`` in NFC with Windows line endings, BOMs and stray outer spaces removed."""
    text = value.replace("\ufeff", "").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text).strip()


def _clean_any(value: Any) -> Any:
    return clean_text(value) if isinstance(value, str) else value


Text = Annotated[str, BeforeValidator(_clean_any)]
"""A string normalised to NFC and stripped when a model is built."""
