"""The one error type a user can cause: it carries a message key, translated when shown."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A refusal the user can understand and fix; ``str()`` gives the translated message."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def __str__(self) -> str:
        from models.i18n import t

        return t(self.key, **self.params)
