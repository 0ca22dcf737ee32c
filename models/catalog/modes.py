"""User-visible strings of the modes area, as key: (English, Vietnamese)."""

MESSAGES: dict[str, tuple[str, str]] = {}
