"""User-visible strings of the importing area, as key: (English, Vietnamese)."""

MESSAGES: dict[str, tuple[str, str]] = {}
