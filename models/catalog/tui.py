"""User-visible strings of the tui area, as key: (English, Vietnamese)."""

MESSAGES: dict[str, tuple[str, str]] = {}
