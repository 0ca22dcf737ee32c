"""User-visible strings of the exports area, as key: (English, Vietnamese)."""

MESSAGES: dict[str, tuple[str, str]] = {}
