"""Attendance as it happened, in words: each arrival and departure with its time and agenda item, and when
the quorum was lost and by whose leaving (for the minutes)."""

from __future__ import annotations

from dataclasses import dataclass

from models.formatting import format_time
from models.i18n import t
from models.labels import presence_label
from models.record import SessionRecord
from models.session import AttendanceChange, Presence


def _item(record: SessionRecord, change: AttendanceChange, key: str = "minutes.att_item") -> str:
    """The agenda position of the item under way (``, từ mục 2``), or "" when there was none."""
    agenda = record.session.agenda
    if change.initiative_id is None or change.initiative_id not in agenda:
        return ""
    return t(key, number=agenda.index(change.initiative_id) + 1)


def _change_words(record: SessionRecord, change: AttendanceChange, was_in: bool) -> str:
    """One change during the meeting in words; "" for one that changes nothing in the room."""
    time, item = format_time(change.at.time()), _item(record, change)
    presence = change.presence
    if presence == Presence.LATE:
        return t("minutes.att_late", time=time, item=item)
    if presence == Presence.LEFT_EARLY:
        return t("minutes.att_left", time=time, item=item)
    if presence == Presence.ABSENT:
        reason = f" ({change.reason})" if change.reason else ""
        return t("minutes.att_absent", time=time, item=item) + reason
    if presence == Presence.PRESENT and not change.before.in_room:
        return t("minutes.att_back" if was_in else "minutes.att_arrived", time=time, item=item)
    return ""


def presence_text(record: SessionRecord, member_id: str) -> str:
    """What the attendance table says of a member: where they were at the start, then each change since.

    ``có mặt; về sớm lúc 10 giờ 15, từ mục 6; trở lại lúc 10 giờ 40, từ mục 7``. A member with no change
    during the meeting reads as before (``vắng mặt (lý do)``, ``đến muộn lúc 08 giờ 08``).
    """
    log = [c for c in record.attendance_log if c.member_id == member_id]
    before_start = [c for c in log if not c.during_meeting]
    during = [c for c in log if c.during_meeting]
    start = before_start[-1] if before_start else None
    if not during:
        entry = record.attendance.get(member_id)
        presence = entry.presence if entry else Presence.UNKNOWN
        if presence == Presence.LATE and start is not None and start.presence == Presence.LATE:
            return t("minutes.att_late", time=format_time(start.at.time()), item="")
        text = presence_label(presence)
        return f"{text} ({entry.reason})" if entry and entry.reason else text
    parts = []
    was_in = start is not None and start.presence.in_room
    if start is not None and start.presence != Presence.UNKNOWN:
        parts.append(presence_label(start.presence) + (f" ({start.reason})" if start.reason else ""))
    for change in during:
        words = _change_words(record, change, was_in)
        if words:
            parts.append(words)
        was_in = was_in or change.presence.in_room
    return "; ".join(parts) if parts else presence_label(record.presence(member_id))


@dataclass(frozen=True)
class QuorumChange:
    """A moment the count of voting members in the room crossed the quorum, during the meeting."""

    change: AttendanceChange
    lost: bool
    present: int
    away: list[str]  # of those present at the start (and arrivals since): the voting members out of the room


def quorum_changes(record: SessionRecord) -> list[QuorumChange]:
    """Each loss (and recovery) of the quorum after the start, replaying the attendance changes in order."""
    voting = {m.id for m in record.voting_members}
    needed = record.quorum_needed
    room = set(record.session.present_at_start)
    seen = set(room)
    had = len(room) >= needed
    result = []
    for change in record.attendance_log:
        if not change.during_meeting or change.member_id not in voting:
            continue
        if change.presence.in_room:
            room.add(change.member_id)
            seen.add(change.member_id)
        else:
            room.discard(change.member_id)
        has = len(room) >= needed
        if has != had:
            away = [m.id for m in record.voting_members if m.id in seen and m.id not in room]
            result.append(QuorumChange(change, lost=not has, present=len(room), away=away))
            had = has
    return result


def quorum_change_words(record: SessionRecord, moment: QuorumChange) -> str:
    """``Lúc 10 giờ 15 (mục 6), còn 4/7 thành viên có mặt (cần 5), không đủ …; về sớm: A, B.``"""
    change = moment.change
    names = ", ".join(record.member(m).name for m in moment.away)
    key = "minutes.quorum_lost_at" if moment.lost else "minutes.quorum_back_at"
    return t(
        key,
        time=format_time(change.at.time()),
        item=_item(record, change, "minutes.att_during"),
        present=moment.present,
        total=len(record.voting_members),
        needed=record.quorum_needed,
        names=names,
    )
