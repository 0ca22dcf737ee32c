"""User-visible strings of the storage area, as key: (English, Vietnamese)."""

MESSAGES: dict[str, tuple[str, str]] = {}
