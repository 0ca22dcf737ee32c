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


def listed_status_label(status: str) -> str:
    """The label of a session list's status, a damaged session's included (sessions/listing.py)."""
    if status == "damaged":
        return t("status.damaged")
    return status_label(SessionStatus(status))
