"""The fixed moment an export is stamped with, so that exports of the same state are identical."""

from __future__ import annotations

import datetime as dt

from models.record import SessionRecord

VIETNAM = dt.timezone(dt.timedelta(hours=7))


def session_moment(record: SessionRecord) -> dt.datetime:
    """The session's date and end time (else start time, else midnight), in Vietnam's time zone.

    Exports carry this instead of the wall clock: the minutes are dated by the meeting,
    and two exports of the same recorded state come out byte for byte the same.
    """
    session = record.session
    # (A statistics digest has no actual start; a closed session has its end anyway.)
    time = session.end_time or getattr(session, "started_at", None) or session.start_time or dt.time(0, 0)
    return dt.datetime.combine(session.date, time, tzinfo=VIETNAM)
