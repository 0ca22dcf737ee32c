"""A session's status and its label: kept apart from the models so that the session list can show them before
pydantic is loaded (sessions/listing.py)."""

from __future__ import annotations

from enum import StrEnum

from models.i18n import t


class SessionStatus(StrEnum):
    PLANNED = "planned"
    OPEN = "open"
    CLOSED = "closed"


def status_label(status: SessionStatus) -> str:
    return t(f"status.{status.value}")
